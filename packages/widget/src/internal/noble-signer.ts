/**
 * The fallback key for `browser-key` mode where WebCrypto has no Ed25519 (older browsers, plain
 * http): a noble key pair held in memory for one signature. Loaded with `import()` only then, so
 * a modern browser never downloads `@noble/ed25519`.
 *
 * @module
 * @example
 * ```ts
 * const signer = (await import('./noble-signer.js')).nobleSigner();
 * ```
 */
import { createSigner, generateKeyPair, type Signer } from '@ikrar/core';

/**
 * A signer over a fresh in-memory key.
 * @returns the signer
 */
export function nobleSigner(): Signer {
  return createSigner(generateKeyPair());
}
