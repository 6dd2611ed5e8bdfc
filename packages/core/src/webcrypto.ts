/**
 * `@ikrar/core/webcrypto`: create, sign and verify pledges in a browser with SHA-256 and Ed25519
 * from WebCrypto, with `@noble/*` loaded by `import()` only where WebCrypto lacks them (no
 * Ed25519 in `crypto.subtle`, or no `crypto.subtle` at all on plain http). Nothing this entry
 * imports statically loads noble, so a bundle built from it keeps noble in a chunk that a modern
 * browser in a secure context never fetches. Same credentials, proofs and verdicts as the
 * synchronous functions of `@ikrar/core`; everything here is also exported from `@ikrar/core`
 * (the pledge operations) or `@ikrar/core/crypto` (the primitives and providers).
 *
 * @module
 * @example
 * ```ts
 * import { createPledgeAsync, generateWebCryptoSigner, signPledge, verifyPledge } from '@ikrar/core/webcrypto';
 * ```
 */
// Only `export *` and `export type`: bundlers (esbuild) keep a module that re-exports by name
// as a live module, with every import it names, so the barrel itself would pull in the code of
// every function here. `verificationMessage` is in `@ikrar/core`.
export * from './canonicalize.js';
export * from './parse-json.js';
export * from './strict-encoding.js';
export * from './webcrypto-verify.js';
export * from './webcrypto-signer.js';
export * from './signature-strokes-async.js';
export * from './create-pledge-async.js';
export * from './sign-pledge.js';
export * from './verify-pledge.js';
export * from './crypto-provider.js';
export * from './verify-cache.js';
