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
 * import { createProof } from '@ikrar/core/crypto';
 * const proof = await createProof(unsecured, signer, { created: '2024-10-07T08:00:00+08:00' });
 * ```
 */
import { sha256, type Sha256 } from './digest.js';
import { joinDigests } from './internal/multihash.js';
import { proofHashInput } from './proofs.js';

export type { CreateProofOptions } from './proofs.js';
export { proofsOf, securedInput } from './proofs.js';
export { createProof } from './create-proof.js';

/**
 * The 64 bytes Ed25519 signs: SHA-256(canonical proof config) ‖ SHA-256(canonical document)
 * (eddsa-jcs-2022 §3.3.4 Hashing), the synchronous finish of the plan `createProof` and
 * `verifyPledge` run through their crypto provider.
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
  const [config, doc] = proofHashInput(document, proofConfig);
  return joinDigests(hash(config), hash(doc));
}
