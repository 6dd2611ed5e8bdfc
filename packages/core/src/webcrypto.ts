/**
 * `@ikrar/core/webcrypto`: create, sign and verify pledges in a browser with SHA-256 and Ed25519
 * from WebCrypto, with `@noble/*` loaded by `import()` only where WebCrypto lacks them (no
 * Ed25519 in `crypto.subtle`, or no `crypto.subtle` at all on plain http). Nothing this entry
 * imports statically loads noble, so a bundle built from it keeps noble in a chunk that a modern
 * browser in a secure context never fetches. Same credentials, proofs and verdicts as the
 * synchronous functions of `@ikrar/core`, which also exports everything here.
 *
 * @module
 * @example
 * ```ts
 * import { createPledgeAsync, generateWebCryptoSigner, signPledgeAsync, verifyPledgeAsync } from '@ikrar/core/webcrypto';
 * ```
 */
export { canonicalize, canonicalizeToBytes } from './canonicalize.js';
export { parseJson, type ParseJsonOptions } from './parse-json.js';
export * from './strict-encoding.js';
export * from './webcrypto-verify.js';
export * from './webcrypto-signer.js';
export * from './signature-strokes-async.js';
export * from './pledge-async.js';
export {
  verificationMessage,
  type ProofVerification,
  type VerificationCode,
  type VerifyPledgeOptions,
  type VerifyPledgeResult,
} from './internal/verify-record.js';
