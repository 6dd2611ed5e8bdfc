/**
 * Typed errors of `@ikrar/core`. Every error carries a stable `code` (part of the API, never renamed
 * or reused) and a message in Bahasa Indonesia and English. Codes are documented in the package
 * README under an anchor of the same name.
 *
 * @module
 * @example
 * ```ts
 * import { IkrarError } from '@ikrar/core/errors';
 * try { parseNip('123'); } catch (err) {
 *   if (err instanceof IkrarError) console.error(err.code, err.messages.id);
 * }
 * ```
 */

/** Every error code `@ikrar/core` can raise. */
export type IkrarErrorCode =
  | 'ERR_JSON_INVALID'
  | 'ERR_CANONICALIZATION_FAILED'
  | 'ERR_RECORD_INVALID'
  | 'ERR_KEY_INVALID'
  | 'ERR_SIGNATURE_INVALID'
  | 'ERR_UNSUPPORTED_VERSION'
  | 'ERR_TEMPLATE_INVALID'
  | 'ERR_TEMPLATE_UNKNOWN'
  | 'ERR_IDENTIFIER_INVALID'
  | 'ERR_CONSENT_INCOMPLETE'
  | 'ERR_PDF_INVALID'
  | 'ERR_PDF_NO_RECORD'
  | 'ERR_PDF_MULTIPLE_RECORDS'
  | 'ERR_STATUS_LIST_ENCODING'
  | 'ERR_STATUS_LIST_TOO_SHORT'
  | 'ERR_STATUS_LIST_TOO_LARGE'
  | 'ERR_STATUS_LIST_FULL'
  | 'ERR_STATUS_ENTRY_INVALID'
  | 'ERR_CREATED_INVALID';

/** A message in both languages the SDK speaks. */
export interface LocalizedText {
  /** Bahasa Indonesia. */
  readonly id: string;
  /** English. */
  readonly en: string;
}

/** Where each code is documented. */
export const ERROR_DOCS_URL = 'https://github.com/ikrar-netralitas/ikrar-netralitas/tree/main/packages/core#';

/** Options every {@link IkrarError} takes: the lower-level error that led to it, if any. */
export interface IkrarErrorOptions {
  /** The error this one wraps (never secret-key bytes or a full record). */
  readonly cause?: unknown;
}

/**
 * A structured reason: a stable code (a verification code, a JSON parse reason, a field rule) and,
 * when the problem sits at one place in a record, the JSON path of that place. Used instead of
 * `ERR_X:detail` strings wherever a result names why it failed.
 */
export interface Reason<C extends string = string> {
  /** Stable machine-readable code. */
  readonly code: C;
  /** JSON path of the offending field, e.g. `credentialSubject.signer.name`. */
  readonly path?: string;
}

/**
 * Base class of every error the Ikrar packages throw on purpose, in core and in the packages built
 * on it (`@ikrar/verifier`'s `VerifierError`, `@ikrar/widget`'s `WidgetError` extend it). `code` is
 * the package's typed code union; `message` is English; `messages` holds both languages, taken from
 * the package's catalog keyed by code. Never carries secret-key bytes or a full record.
 *
 * @typeParam C - the package's code union
 * @example
 * ```ts
 * class MyError extends IkrarError<'ERR_MINE'> {
 *   constructor(options?: IkrarErrorOptions) {
 *     super('ERR_MINE', { id: 'Salah.', en: 'Wrong.' }, options);
 *   }
 * }
 * ```
 */
export class IkrarError<C extends string = string> extends Error {
  /** Stable machine-readable code. */
  readonly code: C;
  /** The message in Bahasa Indonesia and English. */
  readonly messages: LocalizedText;

  constructor(code: C, messages: LocalizedText, options?: IkrarErrorOptions) {
    super(messages.en, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = this.constructor.name;
    this.code = code;
    this.messages = messages;
  }
}

/** Input text is not strict JSON (syntax, duplicate keys, lone surrogates, `__proto__`, too deep). */
export class JsonInvalidError extends IkrarError {
  override readonly code = 'ERR_JSON_INVALID' as const;
  /** Why the JSON was refused. */
  readonly reason: JsonInvalidReason;
  /** Character offset in the input where the problem was found, when known. */
  readonly position: number | undefined;
  constructor(reason: JsonInvalidReason, messages: LocalizedText, position?: number) {
    super('ERR_JSON_INVALID', messages);
    this.reason = reason;
    this.position = position;
  }
}

/** Reasons for {@link JsonInvalidError}. */
export type JsonInvalidReason =
  'syntax' | 'duplicate-key' | 'lone-surrogate' | 'proto-key' | 'too-deep' | 'too-large' | 'non-finite-number';

/** A value cannot be canonicalized per RFC 8785 (non-finite number, lone surrogate, unsupported type). */
export class CanonicalizationError extends IkrarError {
  override readonly code = 'ERR_CANONICALIZATION_FAILED' as const;
  constructor(messages: LocalizedText, options?: { cause?: unknown }) {
    super('ERR_CANONICALIZATION_FAILED', messages, options);
  }
}

/** A record (credential) does not have the shape this SDK requires. `path` names the field. */
export class RecordInvalidError extends IkrarError {
  override readonly code = 'ERR_RECORD_INVALID' as const;
  /** JSON path of the offending field, e.g. `credentialSubject.signer.name`. */
  readonly path: string;
  constructor(path: string, messages: LocalizedText) {
    super('ERR_RECORD_INVALID', messages);
    this.path = path;
  }
}

/** Key material could not be imported or does not fit (wrong length, codec, curve, small order). */
export class KeyInvalidError extends IkrarError {
  override readonly code = 'ERR_KEY_INVALID' as const;
  constructor(messages: LocalizedText, options?: { cause?: unknown }) {
    super('ERR_KEY_INVALID', messages, options);
  }
}

/** A signer produced an unusable signature (for example a host signer returning the wrong length). */
export class SignatureInvalidError extends IkrarError {
  override readonly code = 'ERR_SIGNATURE_INVALID' as const;
  constructor(messages: LocalizedText) {
    super('ERR_SIGNATURE_INVALID', messages);
  }
}

/** A template, record or proof names a version or suite this release does not support. */
export class UnsupportedVersionError extends IkrarError {
  override readonly code = 'ERR_UNSUPPORTED_VERSION' as const;
  constructor(messages: LocalizedText) {
    super('ERR_UNSUPPORTED_VERSION', messages);
  }
}

/** A template given to `defineTemplate` is incomplete or inconsistent. */
export class TemplateInvalidError extends IkrarError {
  override readonly code = 'ERR_TEMPLATE_INVALID' as const;
  constructor(messages: LocalizedText) {
    super('ERR_TEMPLATE_INVALID', messages);
  }
}

/** No template with that id (and version) is known. */
export class TemplateUnknownError extends IkrarError {
  override readonly code = 'ERR_TEMPLATE_UNKNOWN' as const;
  constructor(messages: LocalizedText) {
    super('ERR_TEMPLATE_UNKNOWN', messages);
  }
}

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

/** An identifier fails structural validation. Never claims a number is real, only well formed. */
export class IdentifierInvalidError extends IkrarError {
  override readonly code = 'ERR_IDENTIFIER_INVALID' as const;
  /** Which identifier scheme was checked. */
  readonly scheme: 'NIP' | 'NI-PPPK' | 'NIK' | 'OTHER';
  /** What is wrong with it. */
  readonly reason: IdentifierInvalidReason;
  constructor(scheme: 'NIP' | 'NI-PPPK' | 'NIK' | 'OTHER', reason: IdentifierInvalidReason, messages: LocalizedText) {
    super('ERR_IDENTIFIER_INVALID', messages);
    this.scheme = scheme;
    this.reason = reason;
  }
}

/** `createPledge` was asked to build a record whose consent does not cover every point. */
export class ConsentIncompleteError extends IkrarError {
  override readonly code = 'ERR_CONSENT_INCOMPLETE' as const;
  constructor(messages: LocalizedText) {
    super('ERR_CONSENT_INCOMPLETE', messages);
  }
}

/** Bytes given as a PDF are not a PDF that pdf-lib can open. */
export class PdfInvalidError extends IkrarError {
  override readonly code = 'ERR_PDF_INVALID' as const;
  constructor(messages: LocalizedText, options?: { cause?: unknown }) {
    super('ERR_PDF_INVALID', messages, options);
  }
}

/** A PDF carries no embedded `.json` record. */
export class PdfNoRecordError extends IkrarError {
  override readonly code = 'ERR_PDF_NO_RECORD' as const;
  constructor(messages: LocalizedText) {
    super('ERR_PDF_NO_RECORD', messages);
  }
}

/** A PDF carries more than one embedded `.json` record, so which one is meant is ambiguous. */
export class PdfMultipleRecordsError extends IkrarError {
  override readonly code = 'ERR_PDF_MULTIPLE_RECORDS' as const;
  constructor(messages: LocalizedText) {
    super('ERR_PDF_MULTIPLE_RECORDS', messages);
  }
}

/** Why an `encodedList` was refused (see {@link StatusListEncodingError}). */
export type StatusListEncodingReason = 'not-string' | 'prefix' | 'base64url' | 'gzip';

/** An `encodedList` is not `u` + unpadded base64url of one GZIP member. */
export class StatusListEncodingError extends IkrarError {
  override readonly code = 'ERR_STATUS_LIST_ENCODING' as const;
  /** Which layer is wrong. */
  readonly reason: StatusListEncodingReason;
  constructor(reason: StatusListEncodingReason, messages: LocalizedText, options?: { cause?: unknown }) {
    super('ERR_STATUS_LIST_ENCODING', messages, options);
    this.reason = reason;
  }
}

/** A status list holds fewer than 131,072 entries (Bitstring Status List v1.0 STATUS_LIST_LENGTH_ERROR). */
export class StatusListTooShortError extends IkrarError {
  override readonly code = 'ERR_STATUS_LIST_TOO_SHORT' as const;
  /** Entries the list holds. */
  readonly length: number;
  constructor(length: number, messages: LocalizedText) {
    super('ERR_STATUS_LIST_TOO_SHORT', messages);
    this.length = length;
  }
}

/** A status list inflates past the stated limit (a GZIP bomb is refused while inflating). */
export class StatusListTooLargeError extends IkrarError {
  override readonly code = 'ERR_STATUS_LIST_TOO_LARGE' as const;
  /** The limit, in entries. */
  readonly maxLength: number;
  constructor(maxLength: number, messages: LocalizedText) {
    super('ERR_STATUS_LIST_TOO_LARGE', messages);
    this.maxLength = maxLength;
  }
}

/** Every index of a status list is taken. */
export class StatusListFullError extends IkrarError {
  override readonly code = 'ERR_STATUS_LIST_FULL' as const;
  constructor(messages: LocalizedText) {
    super('ERR_STATUS_LIST_FULL', messages);
  }
}

/** A record's `credentialStatus` entry is malformed, or names an index its list does not have. */
export class StatusEntryInvalidError extends IkrarError {
  override readonly code = 'ERR_STATUS_ENTRY_INVALID' as const;
  /** JSON path of the offending field, e.g. `credentialStatus.statusListIndex`. */
  readonly path: string;
  constructor(path: string, messages: LocalizedText) {
    super('ERR_STATUS_ENTRY_INVALID', messages);
    this.path = path;
  }
}

/**
 * A proof's `created` is not an RFC 3339 date-time with an explicit offset (eddsa-jcs-2022 §3.3.5
 * Create Proof: `created` must be a valid XML Schema dateTimeStamp). Thrown before anything is signed.
 */
export class CreatedInvalidError extends IkrarError {
  override readonly code = 'ERR_CREATED_INVALID' as const;
  constructor(messages: LocalizedText) {
    super('ERR_CREATED_INVALID', messages);
  }
}

const CORE_CODES: ReadonlySet<string> = new Set<IkrarErrorCode>([
  'ERR_JSON_INVALID',
  'ERR_CANONICALIZATION_FAILED',
  'ERR_RECORD_INVALID',
  'ERR_KEY_INVALID',
  'ERR_SIGNATURE_INVALID',
  'ERR_UNSUPPORTED_VERSION',
  'ERR_TEMPLATE_INVALID',
  'ERR_TEMPLATE_UNKNOWN',
  'ERR_IDENTIFIER_INVALID',
  'ERR_CONSENT_INCOMPLETE',
  'ERR_PDF_INVALID',
  'ERR_PDF_NO_RECORD',
  'ERR_PDF_MULTIPLE_RECORDS',
  'ERR_STATUS_LIST_ENCODING',
  'ERR_STATUS_LIST_TOO_SHORT',
  'ERR_STATUS_LIST_TOO_LARGE',
  'ERR_STATUS_LIST_FULL',
  'ERR_STATUS_ENTRY_INVALID',
  'ERR_CREATED_INVALID',
]);

/** Discriminated union of every error class: `switch (err.code)` narrows to the class. */
export type AnyIkrarError =
  | JsonInvalidError
  | CanonicalizationError
  | RecordInvalidError
  | KeyInvalidError
  | SignatureInvalidError
  | UnsupportedVersionError
  | TemplateInvalidError
  | TemplateUnknownError
  | IdentifierInvalidError
  | ConsentIncompleteError
  | PdfInvalidError
  | PdfNoRecordError
  | PdfMultipleRecordsError
  | StatusListEncodingError
  | StatusListTooShortError
  | StatusListTooLargeError
  | StatusListFullError
  | StatusEntryInvalidError
  | CreatedInvalidError;

/**
 * Tells whether a value is one of core's errors (an {@link IkrarError} with a core code; the
 * verifier's and widget's errors extend the same base but answer `false` here).
 *
 * @param value - anything caught
 * @returns `true` when `value` is an {@link IkrarError} whose code is an {@link IkrarErrorCode}
 * @example
 * ```ts
 * if (isIkrarError(err)) console.log(err.code);
 * ```
 */
export function isIkrarError(value: unknown): value is AnyIkrarError {
  return value instanceof IkrarError && CORE_CODES.has(value.code);
}
