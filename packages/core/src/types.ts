/**
 * Types shared by core's public modules and its `internal/` helpers, kept here so that no module
 * under `internal/` imports a public one for a type.
 *
 * @module
 * @example
 * ```ts
 * import type { LocalizedText } from '@ikrar/core';
 * const m: LocalizedText = { id: 'Sah.', en: 'Valid.' };
 * ```
 */

/** A message in both languages the SDK speaks. */
export interface LocalizedText {
  /** Bahasa Indonesia. */
  readonly id: string;
  /** English. */
  readonly en: string;
}

/** Why JSON text was refused (`ERR_JSON_INVALID`). */
export type JsonInvalidReason =
  'syntax' | 'duplicate-key' | 'lone-surrogate' | 'proto-key' | 'too-deep' | 'too-large' | 'non-finite-number';

/** Why a value has no RFC 8785 form (`ERR_CANONICALIZATION_FAILED`). */
export type CanonicalizationReason =
  | 'too-deep'
  | 'lone-surrogate'
  | 'non-finite-number'
  | 'not-plain-object'
  | 'proto-key'
  | 'key-lone-surrogate'
  | 'no-json-form';

/** The rule a record field breaks (`ERR_RECORD_INVALID`). */
export type RecordInvalidReason =
  | 'text-required'
  | 'text-too-long'
  | 'text-control-characters'
  | 'time-zone'
  | 'template-language'
  | 'issuer-not-did'
  | 'event-date'
  | 'employee-type'
  | 'template-not-for-type'
  | 'signer-not-did'
  | 'consent-method'
  | 'drawn-digest-missing'
  | 'record-id'
  | 'context'
  | 'chain-without-id'
  | 'drawing-malformed'
  | PdfRecordInvalidReason
  | CollectiveRecordInvalidReason;

/** `ERR_RECORD_INVALID` reasons only the PDF code raises (messages in `internal/pdf-messages.ts`). */
export type PdfRecordInvalidReason =
  | 'expected-text'
  | 'missing'
  | 'expected-points'
  | 'expected-list'
  | 'expected-time'
  | 'expected-boolean'
  | 'drawing-not-drawn'
  | 'drawing-mismatch'
  | 'drawing-collective';

/** `ERR_RECORD_INVALID` reasons only the collective code raises (messages in `internal/collective-messages.ts`). */
export type CollectiveRecordInvalidReason =
  | 'collective-template'
  | 'representatives-count'
  | 'person-twice'
  | 'proof-id'
  | 'proof-id-twice'
  | 'record-id-is-proof-id'
  | 'not-collective'
  | 'no-representative'
  | 'countersigned'
  | 'already-countersigned'
  | 'already-signed'
  | 'not-everyone-signed';

/** Why key material was refused (`ERR_KEY_INVALID`). */
export type KeyInvalidReason =
  | 'public-key-unusable'
  | 'public-key-not-multibase'
  | 'public-key-not-multikey'
  | 'secret-key-not-multibase'
  | 'secret-key-not-multikey'
  | 'not-did-key'
  | 'jwk-no-private'
  | 'jwk-not-ed25519'
  | 'jwk-x-not-base64url'
  | 'jwk-x-length'
  | 'jwk-d-not-string'
  | 'jwk-d-not-base64url'
  | 'jwk-d-length'
  | 'jwk-x-d-mismatch';

/** Why a signature is not one (`ERR_SIGNATURE_INVALID`). */
export type SignatureInvalidReason =
  'signer-output' | 'self-check' | 'representative-not-did-key' | 'representative-key-used' | 'representative-proof';

/** Why a template definition was refused (`ERR_TEMPLATE_INVALID`). */
export type TemplateInvalidReason =
  | 'not-object'
  | 'id'
  | 'version'
  | 'kind'
  | 'applies-to'
  | 'texts'
  | 'language'
  | 'text-missing'
  | 'text-field'
  | 'points'
  | 'legal-basis'
  | 'point-text'
  | 'point-count'
  | 'placeholder'
  | 'notes';

/** The identifier schemes messages name. */
export type IdentifierScheme = 'NIP' | 'NI-PPPK' | 'NIK' | 'OTHER';

/** Reasons an identifier (NIP, NI PPPK, NIK) fails structural validation. */
export type IdentifierInvalidReason =
  | 'empty'
  | 'not-digits'
  | 'length'
  | 'birth-date'
  | 'appointment-date'
  | 'appointment-before-adulthood'
  | 'gender'
  | 'serial'
  | 'region'
  | 'future-date';

/** Why bytes given as a PDF were refused (`ERR_PDF_INVALID`). */
export type PdfInvalidReason =
  | 'too-large'
  | 'not-pdf'
  | 'unreadable'
  | 'attachment-tree'
  | 'attachment-list'
  | 'embedded-unreadable'
  | 'record-too-large';

/** Values some record messages name. */
export interface RecordInvalidValues {
  /** Longest text allowed (`text-too-long`). */
  readonly max?: number;
  /** The language asked for (`template-language`) or the employee type (`template-not-for-type`). */
  readonly value?: string;
}

/** Values template messages name: the language (`lang`), a field or placeholder (`name`). */
export interface TemplateInvalidValues {
  readonly lang?: string;
  readonly name?: string;
}

/** Values PDF messages name: a size limit (`max`) or a file name (`name`). */
export interface PdfInvalidValues {
  readonly max?: number;
  readonly name?: string;
}

/** Why an `encodedList` was refused (`ERR_STATUS_LIST_ENCODING`). */
export type StatusListEncodingReason = 'not-string' | 'prefix' | 'base64url' | 'gzip';

/**
 * The one seam between core's algorithms and cryptography: create, sign and verify each build the
 * bytes to hash or check, then finish through a provider. WebCrypto by default (`@noble/*` loaded
 * on demand where it lacks SHA-256 or Ed25519); `NOBLE_PROVIDER` is all noble; a server or the CLI
 * injects node:crypto or libsodium with `createCryptoProvider`.
 */
export interface CryptoProvider {
  /** SHA-256: 32 bytes of any input. */
  readonly sha256: (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;
  /**
   * Strict Ed25519 verification with the verdicts of `verifyEd25519` (wrap a native one with
   * `strictVerifier`). `false` for a bad signature.
   */
  readonly verify: (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean | Promise<boolean>;
  /** Whether 32 bytes are a usable Ed25519 public key (canonical, on the curve, not of small order). */
  readonly isStrictPublicKey: (publicKey: Uint8Array) => boolean | Promise<boolean>;
}

/** A public key with its `did:key` names. */
export interface Ed25519PublicKey {
  /** 32 raw bytes. */
  readonly publicKey: Uint8Array;
  /** `did:key:z6Mk…`: the DID that controls the key. */
  readonly controller: string;
  /** `did:key:z6Mk…#z6Mk…`: the verification method named in proofs. */
  readonly id: string;
}

/** A key pair held in memory. Never log it; `secretKey` is the 32-byte seed. */
export interface Ed25519KeyPair extends Ed25519PublicKey {
  /** 32-byte seed (RFC 8032 private key). */
  readonly secretKey: Uint8Array;
}

/** Anything that can make an Ed25519 signature for a verification method. */
export interface Signer {
  /** The verification method to name in the proof, e.g. `did:key:z6Mk…#z6Mk…`. */
  readonly id: string;
  /** The DID the method belongs to. */
  readonly controller: string;
  /** The public key, when known (lets `signPledge` check its own output). */
  readonly publicKey?: Uint8Array;
  /** Signs the 64-byte hash data; returns 64 signature bytes. */
  sign(data: Uint8Array): Uint8Array | Promise<Uint8Array>;
}

/** Counters of a strict verifier, for benchmarks and tests. */
export interface StrictVerifyStats {
  /** Signatures the native check accepted. */
  nativeAccepted: number;
  /** Native rejections re-checked with the reference. */
  referenceChecks: number;
  /** Refused by the byte-level checks before any curve arithmetic. */
  refusedEarly: number;
}
