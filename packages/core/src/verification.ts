/**
 * The result types, options and messages of record verification (`verifyPledge`):
 * every `VerificationCode` with its message in both languages.
 *
 * @module
 * @internal
 */
import type { CryptoProvider, Ed25519PublicKey, LocalizedText } from './types.js';
import type { VerifyCache } from './verify-cache.js';

/** Why a record or a proof did not verify. Stable, documented in the README. */
export type VerificationCode =
  | 'ERR_RECORD_INVALID'
  | 'ERR_PROOF_MISSING'
  | 'ERR_PROOF_MALFORMED'
  | 'ERR_PROOF_UNSUPPORTED'
  | 'ERR_PROOF_PURPOSE'
  | 'ERR_CONTEXT_MISMATCH'
  | 'ERR_PROOF_CHAIN_BROKEN'
  | 'ERR_KEY_UNRESOLVED'
  | 'ERR_KEY_INVALID'
  | 'ERR_CANONICALIZATION_FAILED'
  | 'ERR_SIGNATURE_INVALID'
  | 'ERR_ISSUER_MISMATCH'
  | 'ERR_PLEDGE_DIGEST_MISMATCH'
  | 'ERR_REPRESENTATIVE_MISSING'
  | 'ERR_PROOF_UNEXPECTED'
  | 'ERR_COUNTERSIGNATURE_INCOMPLETE';

/** The outcome for one proof. */
export interface ProofVerification {
  /** Position in the proof list (0 for a single proof). */
  readonly index: number;
  readonly id?: string;
  readonly verificationMethod?: string;
  /** The DID the method belongs to (the part before `#`). */
  readonly controller?: string;
  readonly created?: string;
  readonly previousProof: readonly string[];
  readonly verified: boolean;
  readonly code?: VerificationCode;
  readonly message?: LocalizedText;
}

/** The outcome for a record. */
export interface VerifyPledgeResult {
  /** Every proof verified, the structure is sound, the pledge digest matches, and (unless turned off) a final proof is the issuer's. */
  readonly verified: boolean;
  /** First reason for failure. */
  readonly code?: VerificationCode;
  readonly message?: LocalizedText;
  /** JSON path of a structural problem. */
  readonly path?: string;
  readonly proofs: readonly ProofVerification[];
  /** Indices of the proofs no other proof names in `previousProof`. */
  readonly finalProofs: readonly number[];
  /** Index of the final proof made by the issuer's DID, when there is one. */
  readonly issuerProof?: number;
  /** `issuer` or `issuer.id`. */
  readonly issuer?: string;
}

/** Options of {@link verifyPledge}. */
export interface VerifyPledgeOptions {
  /** Known keys by verification method id (for `did:web` and others; `did:key` resolves itself). */
  keys?: readonly Ed25519PublicKey[];
  /** Resolves other verification methods (`did:web` …) to 32 raw bytes, or `null`. */
  resolveKey?: (verificationMethod: string) => Uint8Array | null | Promise<Uint8Array | null>;
  /**
   * The cryptography (`createCryptoProvider`): default WebCrypto, with `@noble/*` loaded on demand
   * where the runtime lacks SHA-256 or Ed25519; `NOBLE_PROVIDER` for all-noble.
   */
  crypto?: CryptoProvider;
  /**
   * Signature check in place of the provider's. Must be as strict as `verifyEd25519`: wrap a
   * native one with `strictVerifier`.
   */
  verifySignature?: (signature: Uint8Array, data: Uint8Array, publicKey: Uint8Array) => boolean | Promise<boolean>;
  /** Default `assertionMethod`. */
  proofPurpose?: string;
  /** Require a final proof made by the issuer's DID. Default `true`. */
  requireIssuerProof?: boolean;
  /** SHA-256 in place of the provider's (a native one, node:crypto, is several times faster). */
  sha256?: (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;
  /**
   * A cache the caller owns ({@link createVerifyCache}) for a batch: pledge texts hashed once,
   * keyed by the hash function too, and decoded `did:key`s. Without one nothing is remembered.
   */
  cache?: VerifyCache;
  /**
   * For batch verifiers reading records from text already in RFC 8785 form: the canonical UTF-8
   * bytes of the document a proof secures, when the caller holds them (e.g. the line the record
   * was parsed from without its `proof` member), else `undefined` to have them serialized.
   * `record` is the object given to `verifyPledge`; `previous` the proofs the proof names in
   * `previousProof`, in its order (objects of `record.proof`), or `undefined` when it names none.
   * It is asked only when the proof's `@context` is absent or the document's own. The answer must
   * be exactly `canonicalizeToBytes` of that document, or the verdict is wrong: `@ikrar/verifier`
   * answers only for lines it has checked to be canonical.
   */
  securedBytes?: (record: object, previous: readonly unknown[] | undefined) => Uint8Array | undefined;
  /**
   * The same for a proof's configuration (eddsa-jcs-2022 §3.3.2: the proof without `proofValue`):
   * its canonical UTF-8 bytes when the caller holds them (the proof's text less its `proofValue`
   * member), else `undefined` to have them serialized. `proof` is the object of `record.proof` (or
   * `record.proof` itself) being verified. The answer must be exactly `canonicalizeToBytes` of the
   * configuration, or the verdict is wrong.
   */
  proofConfigBytes?: (record: object, proof: object) => Uint8Array | undefined;
}

const MSG: Record<VerificationCode, LocalizedText> = {
  ERR_RECORD_INVALID: { en: 'The record is malformed.', id: 'Rekaman tidak sah bentuknya.' },
  ERR_PROOF_MISSING: { en: 'The record has no proof.', id: 'Rekaman tidak memiliki bukti tanda tangan.' },
  ERR_PROOF_MALFORMED: { en: 'A proof is malformed.', id: 'Bukti tanda tangan tidak sah bentuknya.' },
  ERR_PROOF_UNSUPPORTED: {
    en: 'A proof is not a DataIntegrityProof with eddsa-jcs-2022.',
    id: 'Bukti bukan DataIntegrityProof dengan eddsa-jcs-2022.',
  },
  ERR_PROOF_PURPOSE: { en: 'A proof has the wrong proofPurpose.', id: 'proofPurpose pada bukti tidak sesuai.' },
  ERR_CONTEXT_MISMATCH: {
    en: 'The document @context does not start with the proof @context.',
    id: '@context dokumen tidak diawali @context bukti.',
  },
  ERR_PROOF_CHAIN_BROKEN: {
    en: 'previousProof names a proof that is not in the record.',
    id: 'previousProof merujuk bukti yang tidak ada dalam rekaman.',
  },
  ERR_KEY_UNRESOLVED: {
    en: 'The signing key could not be resolved.',
    id: 'Kunci penanda tangan tidak dapat ditemukan.',
  },
  ERR_KEY_INVALID: {
    en: 'The signing key is not a usable Ed25519 key.',
    id: 'Kunci penanda tangan bukan kunci Ed25519 yang sah.',
  },
  ERR_CANONICALIZATION_FAILED: {
    en: 'The record cannot be canonicalized (RFC 8785).',
    id: 'Rekaman tidak dapat dikanonikalisasi (RFC 8785).',
  },
  ERR_SIGNATURE_INVALID: {
    en: 'The signature does not match the record.',
    id: 'Tanda tangan tidak cocok dengan rekaman.',
  },
  ERR_ISSUER_MISMATCH: {
    en: 'No final proof was made by the issuer.',
    id: 'Tidak ada bukti akhir yang dibuat oleh penerbit.',
  },
  ERR_PLEDGE_DIGEST_MISMATCH: {
    en: 'The pledge text does not match its digest.',
    id: 'Teks ikrar tidak cocok dengan digest-nya.',
  },
  ERR_REPRESENTATIVE_MISSING: {
    en: 'A representative named in the pakta integritas has not signed it.',
    id: 'Seorang perwakilan yang disebut dalam pakta integritas belum menandatanganinya.',
  },
  ERR_PROOF_UNEXPECTED: {
    en: 'A proof was not made by a named representative with their own did:key, nor by the issuer.',
    id: 'Ada bukti yang tidak dibuat oleh perwakilan yang disebut dengan did:key miliknya sendiri, maupun oleh penerbit.',
  },
  ERR_COUNTERSIGNATURE_INCOMPLETE: {
    en: "The issuer's countersignature does not chain onto every representative's proof.",
    id: 'Tanda tangan penerbit tidak merangkai ke bukti setiap perwakilan.',
  },
};

/**
 * Message of a verification code, in both languages.
 * @param code - a {@link VerificationCode}
 * @returns the message
 * @example verificationMessage('ERR_SIGNATURE_INVALID').id
 */
export function verificationMessage(code: VerificationCode): LocalizedText {
  return MSG[code];
}
