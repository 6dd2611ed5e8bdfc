/**
 * WebCrypto first, noble on demand: SHA-256 and strict Ed25519 verification through
 * `crypto.subtle` where the runtime has them (browsers in a secure context: Ed25519 in Chromium
 * 137+, Firefox 129+, Safari 17+; Node 20+), loading `@noble/hashes` / `@noble/ed25519` with a
 * dynamic `import()` only where it does not (plain-http intranets have no `crypto.subtle`). A page
 * that signs and verifies through these never downloads noble on a modern browser.
 *
 * {@link verifyEd25519Async} gives exactly the verdict of `verifyEd25519` (DESIGN.md,
 * "Cryptography rules"):
 *
 * 1. the byte checks first: `isStrictPublicKeyEncoding` (y < p, A not of small order) and
 *    `isStrictSignatureEncoding` (S < L, canonical R, R not of small order);
 * 2. the native check. WebCrypto uses the cofactorless equation [S]B = R + [k]A; the reference
 *    (noble, `zip215: false`) the cofactored 8([S]B − R − [k]A) = 0 (RFC 8032 §5.1.7 allows either).
 *    A cofactorless pass implies a cofactored pass, so a native `true` is final;
 * 3. a native `false` (or a key the engine refuses to import: not on the curve) is confirmed by
 *    the reference, loaded on demand. They differ only when A or R carries a torsion component.
 *    Genuine signatures never load noble; a forged or damaged one costs one reference check.
 *
 * This is the asynchronous finish of `strictVerifier` (`strict-verifier.ts`): one plan, two finishes.
 *
 * @module
 * @example
 * ```ts
 * import { sha256Async, verifyEd25519Async } from '@ikrar/core/crypto';
 * await verifyEd25519Async(signature, message, publicKey); // true or false, same as verifyEd25519
 * ```
 */
import { canonicalizeToBytes } from './canonicalize.js';
import { assertBytes } from './internal/assert.js';
import { sha256DigestMultibase } from './internal/multihash.js';
import { proofData } from './proofs.js';
import { isStrictPublicKeyEncoding } from './strict-encoding.js';
import { strictPrecheck } from './internal/strict-precheck.js';

/** An asynchronous SHA-256 (32 bytes of any input). */
export type Sha256Async = (bytes: Uint8Array) => Promise<Uint8Array>;

const ED25519 = { name: 'Ed25519' } as const;
// The base point (RFC 8032 §5.1): a valid key to ask the engine whether it has Ed25519 at all, so
// "unsupported" is never mistaken for "this key is invalid".
const BASE_POINT = Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 0x58 : 0x66));
const support = new WeakMap<SubtleCrypto, Promise<boolean>>();

function subtleCrypto(): SubtleCrypto | undefined {
  // Insecure contexts (plain http) have `crypto` without `subtle`.
  return globalThis.crypto?.subtle ?? undefined;
}

function hasEd25519(subtle: SubtleCrypto): Promise<boolean> {
  let p = support.get(subtle);
  if (!p) {
    p = subtle.importKey('raw', BASE_POINT, ED25519, false, ['verify']).then(
      () => true,
      () => false,
    );
    support.set(subtle, p);
  }
  return p;
}

/**
 * Whether this runtime verifies and signs Ed25519 natively (WebCrypto), so the async functions
 * never load noble for a genuine signature.
 * @returns `true` when `crypto.subtle` has Ed25519
 * @example if (!(await hasNativeEd25519())) console.info('Ed25519 through noble');
 */
export async function hasNativeEd25519(): Promise<boolean> {
  const subtle = subtleCrypto();
  return subtle ? hasEd25519(subtle) : false;
}

/**
 * SHA-256 with `crypto.subtle.digest`, or `@noble/hashes` (loaded on first use) where there is
 * no `crypto.subtle`.
 * @param bytes - input
 * @returns 32-byte digest
 * @throws TypeError when `bytes` is not a Uint8Array
 * @example await sha256Async(new TextEncoder().encode('ikrar'))
 */
export async function sha256Async(bytes: Uint8Array): Promise<Uint8Array> {
  assertBytes(bytes, 'bytes');
  const subtle = subtleCrypto();
  if (subtle) return new Uint8Array(await subtle.digest('SHA-256', bytes as BufferSource));
  const { sha256 } = await import('./internal/noble.js');
  return sha256(bytes);
}

/**
 * `digestMultibase` of the RFC 8785 canonical form of a JSON value, hashed with
 * {@link sha256Async}: the same text as the synchronous `digestJson`.
 * @param value - JSON value
 * @param hash - SHA-256 to use; default {@link sha256Async}
 * @returns the multibase multihash
 * @throws {CanonicalizationError} when the value cannot be canonicalized
 * @example await digestJsonAsync({ points: ['…'] })
 */
export async function digestJsonAsync(value: unknown, hash: Sha256Async = sha256Async): Promise<string> {
  return sha256DigestMultibase(await hash(canonicalizeToBytes(value)));
}

/**
 * eddsa-jcs-2022 §3.3.4 hashing with an asynchronous SHA-256: SHA-256(canonical config) ‖
 * SHA-256(canonical document), as `hashData`.
 * @param document - the secured input
 * @param config - the proof without `proofValue`
 * @param hash - SHA-256; default {@link sha256Async}
 * @returns 64 bytes
 * @throws {CanonicalizationError} when either is not I-JSON
 * @example await hashDataAsync(unsecured, config)
 */
export async function hashDataAsync(
  document: Record<string, unknown>,
  config: Record<string, unknown>,
  hash: Sha256Async = sha256Async,
): Promise<Uint8Array> {
  return proofData(document, config, hash);
}

/** WebCrypto's Ed25519 verify, `false` where the runtime has none (the reference decides then). */
async function webCryptoVerify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): Promise<boolean> {
  const subtle = subtleCrypto();
  if (!subtle || !(await hasEd25519(subtle))) return false;
  const key = await subtle.importKey('raw', publicKey as BufferSource, ED25519, false, ['verify']);
  return subtle.verify(ED25519, key, signature as BufferSource, message as BufferSource);
}

/**
 * Strict Ed25519 verification with WebCrypto first (see the module notes): the verdict of
 * `verifyEd25519` on every input. A yes/no check: a bad signature gives `false`.
 *
 * @param signature - 64 bytes; any other length gives `false`
 * @param message - the signed bytes
 * @param publicKey - 32 bytes; any other length gives `false`
 * @returns whether the signature is valid
 * @throws TypeError when an argument is not a Uint8Array
 * @example
 * ```ts
 * await verifyEd25519Async(sig, msg, pub);
 * ```
 */
export async function verifyEd25519Async(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): Promise<boolean> {
  // The plan of `strictVerifier`, finished with WebCrypto and the reference loaded on demand.
  if (!strictPrecheck(signature, message, publicKey)) return false;
  try {
    if (await webCryptoVerify(signature, message, publicKey)) return true;
  } catch {
    // A key the engine cannot decompress: the reference gives the verdict below.
  }
  const { verifyStrict } = await import('./internal/noble.js');
  return verifyStrict(signature, message, publicKey);
}

/**
 * Strict public key check (`isStrictPublicKey`: canonical, on the curve, not of small order),
 * loading the reference only when the byte checks pass.
 * @param publicKey - the key bytes
 * @returns `true` for a usable Ed25519 public key
 * @throws TypeError when `publicKey` is not a Uint8Array
 * @example await isStrictPublicKeyAsync(pub)
 */
export async function isStrictPublicKeyAsync(publicKey: Uint8Array): Promise<boolean> {
  if (!isStrictPublicKeyEncoding(publicKey)) return false;
  const { isLargeOrderPoint } = await import('./internal/noble.js');
  return isLargeOrderPoint(publicKey);
}
