/**
 * Verifies one record: every proof (`DataIntegrityProof`, `eddsa-jcs-2022`) with strict Ed25519,
 * chains per Data Integrity 1.0 §4.3 (a proof naming `previousProof` secures the proofs it names),
 * the `@context` rule of eddsa-jcs-2022 §3.3.2, and the pledge text digest. A proof set where one
 * proof fails is not verified (unlike jsonld-signatures 11.6, which accepts any passing proof).
 * Trust in the issuer's key is the verifier package's job; this says who signed what.
 *
 * @module
 * @example
 * ```ts
 * import { verifyPledge } from '@ikrar/core';
 * const result = await verifyPledge(record);
 * if (!result.verified) console.log(result.code, result.message?.id);
 * ```
 */
import { hashData, proofsOf, securedInput } from './data-integrity.js';
import { digestJson, type Sha256 } from './digest.js';
import { isStrictPublicKey, verifyEd25519 } from './ed25519.js';
import {
  verifyRecord,
  type VerifyEngine,
  type VerifyPledgeOptions,
  type VerifyPledgeResult,
} from './internal/verify-record.js';

export {
  verificationMessage,
  type ProofVerification,
  type VerificationCode,
  type VerifyPledgeOptions,
  type VerifyPledgeResult,
} from './internal/verify-record.js';

/** The noble engine: synchronous SHA-256 (the caller's `sha256`, else `@noble/hashes`) and Ed25519. */
const NOBLE: VerifyEngine<Sha256> = {
  proofsOf,
  securedInput,
  hashData,
  digestJson,
  verify: verifyEd25519,
  isStrictPublicKey,
};

/**
 * Verifies one record. Never throws for a bad signature or a malformed record: the result says
 * what failed and where. In a browser, `verifyPledgeAsync` gives the same verdicts with WebCrypto.
 *
 * @param record - a parsed record (use `parseJson` on untrusted text first)
 * @param options - keys, resolver, signature check, purpose
 * @returns a {@link VerifyPledgeResult}
 * @example
 * ```ts
 * const { verified, proofs } = await verifyPledge(record);
 * ```
 */
export function verifyPledge(record: unknown, options: VerifyPledgeOptions = {}): Promise<VerifyPledgeResult> {
  return verifyRecord(record, options, NOBLE);
}
