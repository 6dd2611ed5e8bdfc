/**
 * Ed25519 keys and their public forms: Multikey (`z6Mk…`), `did:key`, and JWK (OKP / Ed25519).
 * A {@link Signer} hides where the secret lives (memory, WebCrypto, an HSM behind a host).
 *
 * @module
 * @example
 * ```ts
 * import { generateKeyPair, exportJwk } from '@ikrar/core';
 * const key = generateKeyPair();
 * key.controller; // 'did:key:z6Mk…'
 * exportJwk(key); // { kty: 'OKP', crv: 'Ed25519', x: '…' }
 * ```
 */
import { keyInvalid } from './internal/key-messages.js';
import { base64urlToBytes, bytesToBase64url, fromMultibase58, toMultibase58 } from './encoding.js';
import { getPublicKey, isStrictPublicKey, randomSecretKey, signEd25519 } from './ed25519.js';
import { assertBytes, assertString, isPlainObject } from './internal/assert.js';
import { DID_KEY, keyNames, multikeyOf, withPrefix } from './did-key.js';
import { memorySigner } from './internal/in-memory-signer.js';
import type { Ed25519KeyPair, Ed25519PublicKey, Signer } from './types.js';

export { decodeDidKey } from './did-key.js';

export type { Ed25519KeyPair, Ed25519PublicKey, Signer } from './types.js';

const MULTICODEC_ED25519_PRIV = [0x80, 0x26] as const;

function assertPublicKey(publicKey: Uint8Array): void {
  if (publicKey.length !== 32 || !isStrictPublicKey(publicKey)) {
    throw keyInvalid('public-key-unusable');
  }
}

/**
 * Multikey form of an Ed25519 public key: `z` + base58btc(0xed 0x01 ‖ key).
 * @param publicKey - 32 bytes
 * @returns `z6Mk…`
 * @throws {KeyInvalidError} when the bytes are not a usable Ed25519 key
 * @example publicKeyToMultibase(key.publicKey)
 */
export function publicKeyToMultibase(publicKey: Uint8Array): string {
  assertBytes(publicKey, 'publicKey');
  assertPublicKey(publicKey);
  return multikeyOf(publicKey);
}

/**
 * Parses a Multikey `publicKeyMultibase` (`z6Mk…`).
 * @param multibase - the Multikey text
 * @returns 32 raw bytes
 * @throws {KeyInvalidError} on a wrong prefix, codec, length, or an unusable key
 * @example multibaseToPublicKey('z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2')
 */
export function multibaseToPublicKey(multibase: string): Uint8Array {
  assertString(multibase, 'multibase');
  let bytes: Uint8Array;
  try {
    bytes = fromMultibase58(multibase);
  } catch (cause) {
    throw keyInvalid('public-key-not-multibase', { cause });
  }
  if (bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) {
    throw keyInvalid('public-key-not-multikey');
  }
  const key = bytes.slice(2);
  assertPublicKey(key);
  return key;
}

/**
 * Multikey form of a secret key: `z` + base58btc(0x80 0x26 ‖ seed). Keep it secret.
 * @param secretKey - 32-byte seed
 * @returns `z3u2…`
 * @throws TypeError / RangeError for a wrong type or length
 * @example secretKeyToMultibase(key.secretKey)
 */
export function secretKeyToMultibase(secretKey: Uint8Array): string {
  assertBytes(secretKey, 'secretKey', 32);
  return toMultibase58(withPrefix(MULTICODEC_ED25519_PRIV, secretKey));
}

/**
 * Parses a Multikey `secretKeyMultibase` (codec 0x1300).
 * @param multibase - the secret Multikey text
 * @returns the 32-byte seed
 * @throws {KeyInvalidError} on a wrong prefix, codec or length (the message never contains key bytes)
 * @example multibaseToSecretKey(stored)
 */
export function multibaseToSecretKey(multibase: string): Uint8Array {
  assertString(multibase, 'multibase');
  let bytes: Uint8Array;
  try {
    bytes = fromMultibase58(multibase);
  } catch {
    throw keyInvalid('secret-key-not-multibase');
  }
  if (bytes.length !== 34 || bytes[0] !== 0x80 || bytes[1] !== 0x26) {
    throw keyInvalid('secret-key-not-multikey');
  }
  return bytes.slice(2);
}

/**
 * `did:key` of an Ed25519 public key.
 * @param publicKey - 32 bytes
 * @returns `did:key:z6Mk…`
 * @throws {KeyInvalidError} when the bytes are not a usable Ed25519 key
 * @example publicKeyToDidKey(key.publicKey)
 */
export function publicKeyToDidKey(publicKey: Uint8Array): string {
  return `did:key:${publicKeyToMultibase(publicKey)}`;
}

/**
 * Public key named by a `did:key` DID or its verification method (`did:key:X#X`). The fragment,
 * when present, must repeat the key (did:key spec §3.1.2).
 * @param didOrMethod - `did:key:z6Mk…` or `did:key:z6Mk…#z6Mk…`
 * @returns 32 raw bytes
 * @throws {KeyInvalidError} when it is not an Ed25519 did:key or the fragment differs
 * @example didKeyToPublicKey(proof.verificationMethod)
 */
export function didKeyToPublicKey(didOrMethod: string): Uint8Array {
  assertString(didOrMethod, 'didOrMethod');
  const m = DID_KEY.exec(didOrMethod);
  if (!m || (m[2] !== undefined && m[2] !== m[1])) {
    throw keyInvalid('not-did-key');
  }
  return multibaseToPublicKey(m[1] as string);
}

/**
 * The names of a public key: controller DID and verification method id.
 * @param publicKey - 32 bytes
 * @returns `{ publicKey, controller, id }`
 * @throws {KeyInvalidError} when the bytes are not a usable Ed25519 key
 * @example publicKeyInfo(bytes).id
 */
export function publicKeyInfo(publicKey: Uint8Array): Ed25519PublicKey {
  assertBytes(publicKey, 'publicKey');
  assertPublicKey(publicKey);
  return keyNames(publicKey);
}

/**
 * A new Ed25519 key pair from `crypto.getRandomValues`, named by its `did:key`.
 * @returns a key pair held in memory
 * @example
 * ```ts
 * const agency = generateKeyPair();
 * ```
 */
export function generateKeyPair(): Ed25519KeyPair {
  return keyPairFromSecretKey(randomSecretKey());
}

/**
 * The key pair of a 32-byte seed.
 * @param secretKey - 32-byte seed
 * @returns the key pair
 * @throws TypeError / RangeError for a wrong type or length
 * @example keyPairFromSecretKey(multibaseToSecretKey(stored))
 */
export function keyPairFromSecretKey(secretKey: Uint8Array): Ed25519KeyPair {
  assertBytes(secretKey, 'secretKey', 32);
  return { ...publicKeyInfo(getPublicKey(secretKey)), secretKey: secretKey.slice() };
}

/**
 * A {@link Signer} for an in-memory key pair.
 * @param keyPair - the key pair
 * @returns a signer naming the key's `did:key` verification method
 * @example createSigner(generateKeyPair())
 */
export function createSigner(keyPair: Ed25519KeyPair): Signer {
  const signer = memorySigner(keyPair, signEd25519);
  IN_MEMORY_SIGNERS.add(signer);
  return signer;
}

/** Signers made by {@link createSigner}. */
const IN_MEMORY_SIGNERS = new WeakSet<Signer>();

/**
 * Whether a signer was made by {@link createSigner}. Signing checks every signer whose public key
 * is known against it now, in-memory ones too, so nothing in core asks this any more.
 * @deprecated kept for callers; no longer used by `signPledge` or `createProof`.
 * @param signer - any signer
 * @returns `true` for signers made by {@link createSigner}
 * @example isInMemorySigner(createSigner(generateKeyPair())) // true
 */
export function isInMemorySigner(signer: Signer): boolean {
  return IN_MEMORY_SIGNERS.has(signer);
}

/** A JWK for Ed25519 (RFC 8037). `d` is present only on private exports. */
export interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  d?: string;
  kid?: string;
}

/**
 * Exports a key as JWK (RFC 8037 §2). The secret part is included only when asked.
 * @param key - a public key or key pair
 * @param options - `includePrivate` to add `d`
 * @returns the JWK, with `kid` set to the verification method id
 * @throws {KeyInvalidError} when `includePrivate` is asked of a public key
 * @example exportJwk(key) // { kty: 'OKP', crv: 'Ed25519', x, kid }
 */
export function exportJwk(
  key: Ed25519PublicKey | Ed25519KeyPair,
  options: { includePrivate?: boolean } = {},
): Ed25519Jwk {
  const jwk: Ed25519Jwk = { kty: 'OKP', crv: 'Ed25519', x: bytesToBase64url(key.publicKey), kid: key.id };
  if (options.includePrivate) {
    if (!('secretKey' in key)) {
      throw keyInvalid('jwk-no-private');
    }
    jwk.d = bytesToBase64url(key.secretKey);
  }
  return jwk;
}

/**
 * Imports an Ed25519 JWK. With `d`, returns a key pair and checks that `x` matches `d`.
 * @param jwk - `{ kty: 'OKP', crv: 'Ed25519', x, d? }`
 * @returns a public key, or a key pair when `d` is present
 * @throws {KeyInvalidError} on a wrong kty/crv, bad base64url, wrong length, or `x` not matching `d`
 * @example importJwk({ kty: 'OKP', crv: 'Ed25519', x: '…' })
 */
export function importJwk(jwk: unknown): Ed25519PublicKey | Ed25519KeyPair {
  if (!isPlainObject(jwk) || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw keyInvalid('jwk-not-ed25519');
  }
  let x: Uint8Array;
  try {
    x = base64urlToBytes(jwk.x);
  } catch (cause) {
    throw keyInvalid('jwk-x-not-base64url', { cause });
  }
  if (x.length !== 32) throw keyInvalid('jwk-x-length');
  const pub = publicKeyInfo(x);
  if (jwk.d === undefined) return pub;
  if (typeof jwk.d !== 'string') throw keyInvalid('jwk-d-not-string');
  let d: Uint8Array;
  try {
    d = base64urlToBytes(jwk.d);
  } catch {
    throw keyInvalid('jwk-d-not-base64url');
  }
  if (d.length !== 32) throw keyInvalid('jwk-d-length');
  const pair = keyPairFromSecretKey(d);
  if (pair.controller !== pub.controller) {
    throw keyInvalid('jwk-x-d-mismatch');
  }
  return pair;
}
