/**
 * `@ikrar/core/crypto`: the primitives under the pledge operations, and the one seam they run
 * through. Crypto providers (`WEBCRYPTO_PROVIDER`, the default; `NOBLE_PROVIDER`;
 * `createCryptoProvider` for node:crypto or libsodium), the one strict wrapper for native Ed25519
 * (`strictVerifier`; `verifyEd25519Async` is its WebCrypto finish), strict Ed25519 and SHA-256,
 * RFC 8785, Data Integrity proofs (`createProof`, `hashData`), and the byte encodings.
 *
 * @module
 * @example
 * ```ts
 * import { createCryptoProvider, strictVerifier } from '@ikrar/core/crypto';
 * const crypto = createCryptoProvider({ sha256: nodeSha256, verify: strictVerifier(sodiumVerify) });
 * ```
 */
export * from './crypto-provider.js';
export * from './noble-provider.js';
export * from './strict-verifier.js';
export * from './ed25519.js';
export * from './digest.js';
export * from './canonicalize.js';
export * from './encoding.js';
export * from './data-integrity.js';
export * from './webcrypto-verify.js';
export type { CryptoProvider, StrictVerifyStats } from './types.js';
