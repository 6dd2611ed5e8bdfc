/**
 * A signer whose secret never leaves WebCrypto: an Ed25519 key generated non-extractable, for
 * browsers that have Ed25519 in `crypto.subtle` (and Node 20+).
 *
 * @module
 * @example
 * ```ts
 * import { generateWebCryptoSigner } from '@ikrar/core';
 * const signer = await generateWebCryptoSigner(); // null where Ed25519 is unavailable
 * const any = await generateSigner(); // WebCrypto, else noble loaded on demand
 * ```
 */
import { keyNames } from './did-key.js';
import { memorySigner } from './internal/in-memory-signer.js';
import type { Signer } from './types.js';
import { isStrictPublicKeyEncoding } from './strict-encoding.js';

/**
 * Generates a non-extractable Ed25519 key in WebCrypto and wraps it as a {@link Signer}.
 * @returns the signer, or `null` when this runtime's WebCrypto has no Ed25519
 * @example const signer = (await generateWebCryptoSigner()) ?? createSigner(generateKeyPair());
 */
export async function generateWebCryptoSigner(): Promise<Signer | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  let pair: CryptoKeyPair;
  try {
    pair = (await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  } catch {
    return null;
  }
  const raw = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
  // A generated key is a multiple of the base point, so on the curve and of order L; the byte
  // checks guard against a broken engine without loading noble, and `signPledge`
  // verifies the first signature against this key before trusting it.
  if (!isStrictPublicKeyEncoding(raw)) return null;
  const info = keyNames(raw);
  return {
    id: info.id,
    controller: info.controller,
    publicKey: info.publicKey,
    sign: async (data) => new Uint8Array(await subtle.sign({ name: 'Ed25519' }, pair.privateKey, data as BufferSource)),
  };
}

/**
 * A fresh signer for one signature in a browser: {@link generateWebCryptoSigner} (non-extractable)
 * where WebCrypto has Ed25519, else an in-memory noble key pair, with `@noble/ed25519` loaded by
 * `import()` only then.
 * @returns the signer
 * @example const record = await signPledge(credential, await generateSigner());
 */
export async function generateSigner(): Promise<Signer> {
  const native = await generateWebCryptoSigner();
  if (native) return native;
  const { publicKeyOf, randomSeed, signWithSeed } = await import('./internal/noble.js');
  const secretKey = randomSeed();
  return memorySigner({ ...keyNames(publicKeyOf(secretKey)), secretKey }, signWithSeed);
}
