/**
 * Puts a native Ed25519 verifier (libsodium, node:crypto) behind the strict checks of DESIGN.md,
 * so it gives exactly the verdict of core's reference `verifyEd25519`. The wrapper is core's one
 * `strictVerifier` (`@ikrar/core/crypto`), which every engine uses; this module keeps the
 * verifier's names for it.
 *
 * @module
 * @example
 * ```ts
 * import { createStrictVerifier } from '@ikrar/verifier';
 * const verifySignature = createStrictVerifier((sig, msg, pub) => sodium.crypto_sign_verify_detached(sig, msg, pub));
 * await verifyPledge(record, { verifySignature });
 * ```
 */
import { strictVerifier, type NativeVerify, type StrictVerify, type StrictVerifyStats } from '@ikrar/core/crypto';

export { keyId, type NativeVerify, type StrictVerify, type StrictVerifyStats } from '@ikrar/core/crypto';

/**
 * Wraps a native verifier with the strict checks and the reference fallback (core's `strictVerifier`).
 *
 * @param native - the raw native verify
 * @param stats - optional counters, updated in place
 * @returns a verify function for core's `verifyPledge({ verifySignature })`
 * @example createStrictVerifier(nodeVerify)
 */
export function createStrictVerifier(native: NativeVerify, stats?: StrictVerifyStats): StrictVerify {
  return strictVerifier(native, stats);
}
