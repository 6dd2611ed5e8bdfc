/**
 * `verifyPledgeAsync`: the checks and verdicts of `verifyPledge` (one algorithm,
 * `internal/verify-record.ts`), with SHA-256 and Ed25519 from WebCrypto first and the noble
 * reference loaded only where WebCrypto lacks them or refuses a signature (see `webcrypto-verify.ts`).
 *
 * @module
 * @example
 * ```ts
 * import { verifyPledgeAsync } from '@ikrar/core/webcrypto';
 * const { verified, code } = await verifyPledgeAsync(record);
 * ```
 */
import { proofsOf, securedInput } from './internal/proofs.js';
import {
  verifyRecord,
  type VerifyEngine,
  type VerifyOptions,
  type VerifyPledgeResult,
} from './internal/verify-record.js';
import {
  digestJsonAsync,
  hashDataAsync,
  isStrictPublicKeyAsync,
  verifyEd25519Async,
  type Sha256Async,
} from './webcrypto-verify.js';

/** Options of {@link verifyPledgeAsync}: those of `verifyPledge`, with an asynchronous `sha256`. */
export type VerifyPledgeAsyncOptions = VerifyOptions<Sha256Async>;

const WEBCRYPTO: VerifyEngine<Sha256Async> = {
  proofsOf,
  securedInput,
  hashData: hashDataAsync,
  digestJson: digestJsonAsync,
  verify: verifyEd25519Async,
  isStrictPublicKey: isStrictPublicKeyAsync,
};

/**
 * Verifies one record with the checks and verdicts of `verifyPledge`, through WebCrypto first.
 * Never throws for a bad signature or a malformed record.
 *
 * @param record - a parsed record (use `parseJson` on untrusted text first)
 * @param options - keys, resolver, signature check, purpose, an asynchronous `sha256`
 * @returns a `VerifyPledgeResult`
 * @example
 * ```ts
 * const { verified, code } = await verifyPledgeAsync(record);
 * ```
 */
export function verifyPledgeAsync(
  record: unknown,
  options: VerifyPledgeAsyncOptions = {},
): Promise<VerifyPledgeResult> {
  return verifyRecord(record, options, WEBCRYPTO);
}
