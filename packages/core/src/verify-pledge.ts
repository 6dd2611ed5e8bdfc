/**
 * Verifies one record: every proof (`DataIntegrityProof`, `eddsa-jcs-2022`) with strict Ed25519,
 * chains per Data Integrity 1.0 §4.3 (a proof naming `previousProof` secures the proofs it names),
 * the `@context` rule of eddsa-jcs-2022 §3.3.2, and the pledge text digest. A proof set where one
 * proof fails is not verified (unlike jsonld-signatures 11.6, which accepts any passing proof).
 * Trust in the issuer's key is the verifier package's job; this says who signed what.
 *
 * One algorithm (`internal/verify-record.ts`, a plan and a finish) for every engine: the crypto
 * provider decides (WebCrypto by default, noble loaded on demand; `NOBLE_PROVIDER`; node:crypto or
 * libsodium through `createCryptoProvider` and `strictVerifier`). Every engine gives the same verdict.
 *
 * @module
 * @example
 * ```ts
 * import { verifyPledge } from '@ikrar/core';
 * const result = await verifyPledge(record);
 * if (!result.verified) console.log(result.code, result.message?.id);
 * ```
 */
import { verifyRecord } from './internal/verify-record.js';
import type { VerifyPledgeOptions, VerifyPledgeResult } from './verification.js';

export {
  verificationMessage,
  type ProofVerification,
  type VerificationCode,
  type VerifyPledgeOptions,
  type VerifyPledgeResult,
} from './verification.js';

/**
 * @deprecated The options of {@link verifyPledge} (whose `sha256` may be asynchronous); kept for
 * callers of the old name.
 */
export type VerifyPledgeAsyncOptions = VerifyPledgeOptions;

/**
 * Verifies one record. Never throws for a bad signature or a malformed record: the result says
 * what failed and where.
 *
 * @param record - a parsed record (use `parseJson` on untrusted text first)
 * @param options - keys, resolver, crypto provider, purpose, cache
 * @returns a {@link VerifyPledgeResult}
 * @example
 * ```ts
 * const { verified, proofs } = await verifyPledge(record);
 * ```
 */
export async function verifyPledge(record: unknown, options: VerifyPledgeOptions = {}): Promise<VerifyPledgeResult> {
  return verifyRecord(record, options);
}

/**
 * @deprecated The same function as {@link verifyPledge} (asynchronous, WebCrypto first); kept for
 * callers of the old name.
 */
export const verifyPledgeAsync: typeof verifyPledge = verifyPledge;
