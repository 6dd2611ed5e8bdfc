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
import { SignatureInvalidError } from './errors.js';
import { isPlainObject } from './internal/assert.js';
import { isInMemorySigner, type Signer } from './keys.js';
import { verifyEd25519 } from './ed25519.js';
import { CRYPTOSUITE, type DataIntegrityProof } from './record.js';

/** Options of {@link createProof}. */
export interface CreateProofOptions {
  /** `created`, already formatted (RFC 3339). Omitted when not given. */
  created?: string;
  /** Proof `id` (a URL, e.g. `urn:uuid:…`). Omitted when not given. */
  id?: string;
  /** Ids of the proofs this one chains to (Data Integrity 1.0 §2.1.2). */
  previousProof?: string | string[];
  /** Default `assertionMethod`. */
  proofPurpose?: string;
}

/** The proofs of a secured document as a list (a single `proof` object becomes a list of one). */
export function proofsOf(document: Record<string, unknown>): unknown[] {
  const p = document.proof;
  if (p === undefined) return [];
  return Array.isArray(p) ? p : [p];
}

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

/** The document a proof secures: no proofs, or the proofs named in `previousProof` (DI 1.0 §4.2 step 6). */
export function securedInput(
  document: Record<string, unknown>,
  previousProof: string | string[] | undefined,
  allProofs: readonly unknown[],
): Record<string, unknown> | null {
  if (previousProof === undefined) {
    const { proof: _proof, ...unsecured } = document;
    void _proof;
    return unsecured;
  }
  const ids = typeof previousProof === 'string' ? [previousProof] : previousProof;
  const matching: unknown[] = [];
  for (const id of ids) {
    const found = allProofs.find((p) => isPlainObject(p) && p.id === id);
    if (!found) return null;
    matching.push(found);
  }
  // `proof` keeps its place among the keys, so a record written in canonical order stays in it
  // and canonicalize can take its JSON.stringify path.
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(document)) input[key] = key === 'proof' ? matching : document[key];
  return input;
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
 * @throws {CanonicalizationError} when the document is not I-JSON
 * @throws {SignatureInvalidError} when the signer returns something other than a valid signature
 * @example await createProof(credential, createSigner(key), { created })
 */
export async function createProof(
  document: Record<string, unknown>,
  signer: Signer,
  options: CreateProofOptions = {},
): Promise<DataIntegrityProof> {
  const config: Record<string, unknown> = {
    ...(options.id !== undefined && { id: options.id }),
    type: 'DataIntegrityProof',
    cryptosuite: CRYPTOSUITE,
    ...(options.created !== undefined && { created: options.created }),
    verificationMethod: signer.id,
    proofPurpose: options.proofPurpose ?? 'assertionMethod',
    ...(options.previousProof !== undefined && { previousProof: options.previousProof }),
  };
  // eddsa-jcs-2022 §3.3.1 Create Proof step 2: the proof carries the document's @context.
  if (document['@context'] !== undefined) config['@context'] = document['@context'];
  const input = securedInput(document, options.previousProof, proofsOf(document));
  if (!input) {
    throw new SignatureInvalidError({
      en: 'previousProof names a proof the document does not have.',
      id: 'previousProof merujuk bukti yang tidak ada dalam dokumen.',
    });
  }
  const data = hashData(input, config);
  const signature = await signer.sign(data);
  if (!(signature instanceof Uint8Array) || signature.length !== 64) {
    throw new SignatureInvalidError({
      en: 'The signer returned something other than a 64-byte Ed25519 signature.',
      id: 'Penanda tangan mengembalikan sesuatu selain tanda tangan Ed25519 64 byte.',
    });
  }
  // A host, HSM or WebCrypto signer is checked against its own key before its output is trusted.
  if (signer.publicKey && !isInMemorySigner(signer) && !verifyEd25519(signature, data, signer.publicKey)) {
    throw new SignatureInvalidError({
      en: 'The signer produced a signature that does not verify under its own key.',
      id: 'Tanda tangan dari penanda tangan tidak terverifikasi dengan kuncinya sendiri.',
    });
  }
  return { ...(config as Omit<DataIntegrityProof, 'proofValue'>), proofValue: toMultibase58(signature) };
}
