/**
 * Signs a pledge credential: adds a `DataIntegrityProof` (eddsa-jcs-2022). Signing a record that
 * already has proofs chains to them with `previousProof` (the agency countersigning the employee,
 * Data Integrity 1.0 §2.1.2), or, with `mode: 'set'`, adds an independent proof to the set.
 *
 * @module
 * @example
 * ```ts
 * import { signPledge } from '@ikrar/core';
 * const byEmployee = await signPledge(credential, employeeKey);
 * const record = await signPledge(byEmployee, agencyKey); // chained: previousProof → employee's proof
 * ```
 */
import { createProof } from './data-integrity.js';
import { createSigner, type Ed25519KeyPair, type Signer } from './keys.js';
import { isSigner, planProof, withProof } from './internal/sign-record.js';
import type { Sha256 } from './digest.js';
import type { PledgeCredential, SignedPledge } from './record.js';
import type { IndonesianTimeZone } from './time.js';

/** Options of {@link signPledge}. */
export interface SignPledgeOptions {
  /** When the proof is made. Default: now. */
  created?: Date | string;
  /** Zone of `created`. Default: the consent's zone, else WIB. */
  timeZone?: IndonesianTimeZone;
  /** With existing proofs: `chain` (default) names them in `previousProof`; `set` adds a sibling. */
  mode?: 'chain' | 'set';
  /** Proof id. Default: a fresh `urn:uuid:`; `false` for none (then nothing can chain to it). */
  proofId?: string | false;
  /** Explicit `previousProof` ids, overriding `mode`. */
  previousProof?: string | string[];
  /**
   * A faster SHA-256 for the proof's hashes (e.g. node:crypto's on a server); the record is the
   * same. Default: `@noble/hashes` (`signPledge`), `crypto.subtle` (`signPledgeAsync`).
   */
  hash?: Sha256;
}

/**
 * Adds a proof to a credential. Does not modify its argument.
 *
 * @param credential - an unsigned credential from `createPledge`, or a signed one to countersign
 * @param key - an in-memory key pair or any {@link Signer} (WebCrypto, host, HSM)
 * @param options - created, zone, chain or set, proof id
 * @returns the signed record
 * @throws {RecordInvalidError} when the credential lacks the VC 2.0 context, or chaining is asked
 *   of proofs without an `id`
 * @throws {CanonicalizationError} when the credential is not I-JSON
 * @throws {SignatureInvalidError} when a custom signer misbehaves
 * @example await signPledge(createPledge(input), agencyKey, { created: new Date() })
 */
export async function signPledge(
  credential: PledgeCredential | SignedPledge,
  key: Ed25519KeyPair | Signer,
  options: SignPledgeOptions = {},
): Promise<SignedPledge> {
  const { existing, proofOptions } = planProof(credential, options);
  const signer = isSigner(key) ? key : createSigner(key);
  const proof = await createProof(credential as unknown as Record<string, unknown>, signer, proofOptions);
  return withProof(credential, existing, proof);
}
