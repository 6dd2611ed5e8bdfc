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
import { createProof } from './create-proof.js';
import { memorySigner } from './internal/in-memory-signer.js';
import { isSigner, planProof, withProof } from './internal/sign-record.js';
import type { PledgeCredential, SignedPledge } from './record.js';
import type { SignPledgeOptions } from './credential-types.js';
import type { Ed25519KeyPair, Signer } from './types.js';

export type { SignPledgeOptions } from './credential-types.js';

/**
 * Adds a proof to a credential. Does not modify its argument. One algorithm for every engine: the
 * proof is planned (`internal/sign-record.ts`, `proofs.ts`) and finished through the
 * crypto provider (`createProof`). A {@link Signer} (WebCrypto, host, HSM) needs no noble and is
 * checked against its own key; a key pair loads noble to sign.
 *
 * @param credential - an unsigned credential from `createPledge`, or a signed one to countersign
 * @param key - an in-memory key pair or any {@link Signer} (WebCrypto, host, HSM)
 * @param options - created, zone, chain or set, proof id, crypto
 * @returns the signed record
 * @throws {RecordInvalidError} when the credential lacks the VC 2.0 context, or chaining is asked
 *   of proofs without an `id`
 * @throws {CreatedInvalidError} when `created` is not a valid Date or RFC 3339 date-time with an offset
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
  const signer = isSigner(key) ? key : memorySigner(key, (await import('./internal/noble.js')).signWithSeed);
  const doc = credential as unknown as Record<string, unknown>;
  const proof = await createProof(doc, signer, { ...proofOptions, crypto: options.crypto });
  return withProof(credential, existing, proof);
}

/**
 * @deprecated The same function as {@link signPledge} (which is asynchronous and WebCrypto-first);
 * kept for callers of the old name.
 */
export const signPledgeAsync: typeof signPledge = signPledge;
