/**
 * Data Integrity 1.0 proofs with the `eddsa-jcs-2022` cryptosuite (VC DI EdDSA v1.0 §3.3):
 * proof configuration and document are each canonicalized with RFC 8785 and hashed with SHA-256;
 * Ed25519 signs `SHA-256(config) ‖ SHA-256(document)`. Proof sets and chains follow Data Integrity
 * 1.0 §4.2 and §4.3: a proof with `previousProof` secures the document together with the proofs
 * it names.
 *
 * @module
 * @example
 * ```ts
 * import { createProof } from '@ikrar/core';
 * const proof = await createProof(unsecured, signer, { created: '2024-10-07T08:00:00+08:00' });
 * ```
 */
import { canonicalizeToBytes } from './canonicalize.js';
import { sha256, type Sha256 } from './digest.js';
import { toMultibase58 } from './encoding.js';
import { assertSignatureBytes, planProofInput, selfCheckFailed, type CreateProofOptions } from './internal/proofs.js';
import { isInMemorySigner, type Signer } from './keys.js';
import { verifyEd25519 } from './ed25519.js';
import type { DataIntegrityProof } from './record.js';

export type { CreateProofOptions } from './internal/proofs.js';
export { proofsOf, securedInput } from './internal/proofs.js';

/**
 * The 64 bytes Ed25519 signs: SHA-256(canonical proof config) ‖ SHA-256(canonical document)
 * (eddsa-jcs-2022 §3.3.4 Hashing).
 * @param document - the secured input (see {@link securedInput})
 * @param proofConfig - the proof without `proofValue`
 * @param hash - SHA-256; default `@noble/hashes` (a native one, e.g. node:crypto, is faster)
 * @returns 64 bytes
 * @throws {CanonicalizationError} when either is not I-JSON
 * @example hashData(unsecured, config)
 */
export function hashData(
  document: Record<string, unknown>,
  proofConfig: Record<string, unknown>,
  hash: Sha256 = sha256,
): Uint8Array {
  const out = new Uint8Array(64);
  out.set(hash(canonicalizeToBytes(proofConfig)), 0);
  out.set(hash(canonicalizeToBytes(document)), 32);
  return out;
}

/**
 * Creates one `DataIntegrityProof` over a document (its existing proofs are excluded, or included
 * as `previousProof` names them). The proof carries the document's `@context`, as the
 * 2024-12 revision of eddsa-jcs-2022 does.
 *
 * @param document - the credential (with or without proofs)
 * @param signer - key to sign with
 * @param options - created, id, previousProof, proofPurpose
 * @returns the new proof
 * @throws {CreatedInvalidError} `ERR_CREATED_INVALID`: `created` is not an RFC 3339 date-time with an offset
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
  const data = hashData(input, config, options.hash);
  const signature = await signer.sign(data);
  assertSignatureBytes(signature);
  // A host, HSM or WebCrypto signer is checked against its own key before its output is trusted.
  if (signer.publicKey && !isInMemorySigner(signer) && !verifyEd25519(signature, data, signer.publicKey)) {
    throw selfCheckFailed();
  }
  return { ...(config as Omit<DataIntegrityProof, 'proofValue'>), proofValue: toMultibase58(signature) };
}
