/**
 * `createProof`: one Data Integrity proof (eddsa-jcs-2022), written once as a plan (the proof
 * configuration and the canonical bytes it covers, `proofs.ts`) and a finish through the
 * crypto provider (hash, sign, self-check). No cryptography is imported here: a page that signs
 * with a WebCrypto key never loads noble.
 *
 * @module
 * @example
 * ```ts
 * import { createProof } from '@ikrar/core/crypto';
 * const proof = await createProof(unsecured, signer, { created: '2024-10-07T08:00:00+08:00' });
 * ```
 */
import { toMultibase58 } from './encoding.js';
import { assertSignatureBytes, planProofInput, proofData, selfCheckFailed, type CreateProofOptions } from './proofs.js';
import { providerOf } from './internal/provider.js';
import type { DataIntegrityProof } from './record.js';
import type { Signer } from './types.js';

/**
 * Creates one `DataIntegrityProof` over a document (its existing proofs are excluded, or included
 * as `previousProof` names them). The proof carries the document's `@context`, as the 2024-12
 * revision of eddsa-jcs-2022 does. A signer whose public key is known is checked against it
 * before its signature is trusted.
 *
 * @param document - the credential (with or without proofs)
 * @param signer - key to sign with
 * @param options - created, id, previousProof, proofPurpose, crypto
 * @returns the new proof
 * @throws {CreatedInvalidError} `ERR_CREATED_INVALID`: `created` is not an RFC 3339 date-time with an offset
 * @throws {ProofChainBrokenError} when `previousProof` names a proof the document does not have
 * @throws {CanonicalizationError} when the document is not I-JSON
 * @throws {SignatureInvalidError} when the signer returns something other than a valid signature
 * @example await createProof(credential, createSigner(key), { created })
 */
export async function createProof(
  document: Record<string, unknown>,
  signer: Signer,
  options: CreateProofOptions = {},
): Promise<DataIntegrityProof> {
  const { config, input } = planProofInput(document, signer.id, options);
  const crypto = providerOf(options.crypto);
  // The older `hash` option replaces the provider's SHA-256.
  const data = await proofData(input, config, options.hash ?? crypto.sha256);
  const signature = await signer.sign(data);
  assertSignatureBytes(signature);
  // A signer is checked against its own key before its output is trusted (a host, HSM or WebCrypto
  // key can misbehave; for an in-memory key the check costs one verification through the provider).
  if (signer.publicKey && !(await crypto.verify(signature, data, signer.publicKey))) {
    throw selfCheckFailed();
  }
  return { ...(config as Omit<DataIntegrityProof, 'proofValue'>), proofValue: toMultibase58(signature) };
}
