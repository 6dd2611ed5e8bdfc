/**
 * The plan half of creating and verifying proofs (Data Integrity 1.0 §4.2): the proof list, the
 * secured input, the proof configuration, the canonical bytes a signature covers, and the checks
 * on what a signer returns. No cryptography: `createProof` and `verifyPledge` finish through the
 * crypto provider.
 *
 * @module
 * @internal
 */
import { canonicalizeToBytes } from './canonicalize.js';
import type { CryptoProvider } from './types.js';
import { CreatedInvalidError, ProofChainBrokenError, SignatureInvalidError } from './errors.js';
import { CRYPTOSUITE } from './record.js';
import { parseTimestamp } from './time.js';
import { isPlainObject } from './internal/assert.js';
import { joinDigests } from './internal/multihash.js';

/** Options of a new proof (`createProof`). */
export interface CreateProofOptions {
  /** `created`, already formatted (RFC 3339). Omitted when not given. */
  created?: string;
  /** Proof `id` (a URL, e.g. `urn:uuid:…`). Omitted when not given. */
  id?: string;
  /** Ids of the proofs this one chains to (Data Integrity 1.0 §2.1.2). */
  previousProof?: string | string[];
  /** Default `assertionMethod`. */
  proofPurpose?: string;
  /** The cryptography: default WebCrypto, noble loaded on demand (`createCryptoProvider`). */
  crypto?: CryptoProvider;
  /**
   * The SHA-256 that hashes the canonical config and document (eddsa-jcs-2022 §3.3.4), e.g.
   * node:crypto's on a server, in place of the provider's.
   */
  hash?: (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;
}

/**
 * The error for a `created` that is not an RFC 3339 date-time with an explicit offset. The value
 * is described by its type only (it may be anything a caller passed).
 */
export function createdInvalid(value: unknown): CreatedInvalidError {
  return new CreatedInvalidError(
    typeof value === 'string' ? `"${value.slice(0, 40)}"` : value instanceof Date ? 'an invalid Date' : typeof value,
  );
}

/**
 * eddsa-jcs-2022 §3.3.5 (Create Proof): `created`, when given, must be an XML Schema dateTimeStamp,
 * i.e. a real date and time with an explicit offset. A time without an offset would be read in the
 * host's zone, so it is refused, as are numbers and month 13 or hour 25.
 * @throws {CreatedInvalidError}
 */
export function assertCreated(value: unknown): asserts value is string {
  if (parseTimestamp(value) === null) throw createdInvalid(value);
}

/** The proofs of a secured document as a list (a single `proof` object becomes a list of one). */
export function proofsOf(document: Record<string, unknown>): unknown[] {
  const p = document.proof;
  if (p === undefined) return [];
  return Array.isArray(p) ? p : [p];
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
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(document)) input[key] = key === 'proof' ? matching : document[key];
  return input;
}

/**
 * The proof configuration (eddsa-jcs-2022 §3.3.1) and the input it secures.
 * @throws {SignatureInvalidError} when `previousProof` names a proof the document does not have
 */
export function planProofInput(
  document: Record<string, unknown>,
  verificationMethod: string,
  options: CreateProofOptions,
): { config: Record<string, unknown>; input: Record<string, unknown> } {
  if (options.created !== undefined) assertCreated(options.created);
  const config: Record<string, unknown> = {
    ...(options.id !== undefined && { id: options.id }),
    type: 'DataIntegrityProof',
    cryptosuite: CRYPTOSUITE,
    ...(options.created !== undefined && { created: options.created }),
    verificationMethod,
    proofPurpose: options.proofPurpose ?? 'assertionMethod',
    ...(options.previousProof !== undefined && { previousProof: options.previousProof }),
  };
  // eddsa-jcs-2022 §3.3.1 Create Proof step 2: the proof carries the document's @context.
  if (document['@context'] !== undefined) config['@context'] = document['@context'];
  const input = securedInput(document, options.previousProof, proofsOf(document));
  if (!input) {
    throw new ProofChainBrokenError();
  }
  return { config, input };
}

/**
 * The two byte strings a proof's signature covers, before hashing (eddsa-jcs-2022 §3.3.4): the
 * canonical proof configuration and the canonical secured document.
 * @throws {CanonicalizationError} when either is not I-JSON
 */
export function proofHashInput(
  document: Record<string, unknown>,
  config: Record<string, unknown>,
): [config: Uint8Array, document: Uint8Array] {
  return [canonicalizeToBytes(config), canonicalizeToBytes(document)];
}

/**
 * The 64 bytes a proof's signature covers: SHA-256(canonical config) ‖ SHA-256(canonical document)
 * (eddsa-jcs-2022 §3.3.4), with a SHA-256 that may be asynchronous (a provider's).
 * @throws {CanonicalizationError} when either is not I-JSON
 */
export async function proofData(
  document: Record<string, unknown>,
  config: Record<string, unknown>,
  sha256: (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>,
): Promise<Uint8Array> {
  const [c, d] = proofHashInput(document, config);
  return joinDigests(await sha256(c), await sha256(d));
}

/** @throws {SignatureInvalidError} unless a signer returned 64 bytes */
export function assertSignatureBytes(signature: unknown): asserts signature is Uint8Array {
  if (!(signature instanceof Uint8Array) || signature.length !== 64) {
    throw new SignatureInvalidError('signer-output');
  }
}

/** The error for a signer whose signature does not verify under its own key. */
export function selfCheckFailed(): SignatureInvalidError {
  return new SignatureInvalidError('self-check');
}
