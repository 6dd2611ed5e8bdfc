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
import { CoreError, fill, type IkrarErrorOptions } from './errors/base.js';
import {
  JSON_INVALID,
  CANONICALIZATION_FAILED,
  RECORD_INVALID,
  CONSENT_INCOMPLETE,
  CONSENT_UNKNOWN_POINTS,
  SIGNATURE_INVALID,
  PROOF_CHAIN_BROKEN,
  TEMPLATE_INVALID,
  TEMPLATE_UNKNOWN,
  UNSUPPORTED_VERSION,
  identifierInvalid,
  CREATED_INVALID,
  type SharedRecordInvalidReason,
  type SharedSignatureInvalidReason,
} from './internal/error-messages.js';
import {
  counted,
  STATUS_ENTRY_INVALID,
  STATUS_LIST_ENCODING,
  STATUS_LIST_FULL,
  STATUS_LIST_TOO_LARGE,
  STATUS_LIST_TOO_SHORT,
} from './internal/status-messages.js';
import type {
  CanonicalizationReason,
  IdentifierInvalidReason,
  IdentifierScheme,
  JsonInvalidReason,
  KeyInvalidReason,
  LocalizedText,
  PdfInvalidReason,
  RecordInvalidReason,
  RecordInvalidValues,
  SignatureInvalidReason,
  StatusListEncodingReason,
  TemplateInvalidReason,
  TemplateInvalidValues,
} from './types.js';

export { ERROR_DOCS_URL, IkrarError, type IkrarErrorCode, type IkrarErrorOptions, type Reason } from './errors/base.js';
export type { LocalizedText } from './types.js';
export type {
  CanonicalizationReason,
  IdentifierInvalidReason,
  JsonInvalidReason,
  KeyInvalidReason,
  PdfInvalidReason,
  PdfInvalidValues,
  RecordInvalidReason,
  RecordInvalidValues,
  SignatureInvalidReason,
  StatusListEncodingReason,
  TemplateInvalidReason,
  TemplateInvalidValues,
} from './types.js';

/** Input text is not strict JSON (syntax, duplicate keys, lone surrogates, `__proto__`, too deep). */
export class JsonInvalidError extends CoreError {
  override readonly code = 'ERR_JSON_INVALID' as const;
  /** Why the JSON was refused. */
  readonly reason: JsonInvalidReason;
  /** Character offset in the input where the problem was found, when known. */
  readonly position: number | undefined;
  /**
   * @param reason - why the text was refused
   * @param position - character offset of the problem
   * @param options - `cause`; `messages` when a caller's catalog says it better (a PDF's embedded file that is not UTF-8)
   */
  constructor(
    reason: JsonInvalidReason,
    position?: number,
    options?: IkrarErrorOptions & { readonly messages?: LocalizedText },
  ) {
    super('ERR_JSON_INVALID', options?.messages ?? fill(JSON_INVALID[reason], { p: position }), options);
    this.reason = reason;
    this.position = position;
  }
}

/** A value cannot be canonicalized per RFC 8785 (non-finite number, lone surrogate, unsupported type). */
export class CanonicalizationError extends CoreError {
  override readonly code = 'ERR_CANONICALIZATION_FAILED' as const;
  /** Why the value has no RFC 8785 form. */
  readonly reason: CanonicalizationReason;
  /** JSON path of the offending value, `$` for the root. */
  readonly path: string;
  /**
   * @param reason - why
   * @param path - where, e.g. `$.credentialSubject.points[2]`
   * @param options - `cause`; `type` names a JavaScript type with no JSON form
   */
  constructor(reason: CanonicalizationReason, path: string, options?: IkrarErrorOptions & { readonly type?: string }) {
    const type = options?.type;
    super(
      'ERR_CANONICALIZATION_FAILED',
      fill(CANONICALIZATION_FAILED[reason === 'no-json-form' && type !== undefined ? 'no-json-type' : reason], {
        p: path,
        type,
      }),
      options,
    );
    this.reason = reason;
    this.path = path;
  }
}

/** A record (credential) does not have the shape this SDK requires. `path` names the field. */
export class RecordInvalidError extends CoreError {
  override readonly code = 'ERR_RECORD_INVALID' as const;
  /** JSON path of the offending field, e.g. `credentialSubject.signer.name`. */
  readonly path: string;
  /** The rule the field breaks. */
  readonly reason: RecordInvalidReason;
  /**
   * @param path - the field
   * @param reason - the rule it breaks
   * @param options - `cause`, and the values a message names (`max`, `value`); `messages` for the
   *   reasons only the collective or PDF code raises, whose catalogs load with that code
   */
  constructor(
    path: string,
    reason: SharedRecordInvalidReason,
    options?: IkrarErrorOptions & RecordInvalidValues & { readonly messages?: LocalizedText },
  );
  constructor(
    path: string,
    reason: RecordInvalidReason,
    options: IkrarErrorOptions & RecordInvalidValues & { readonly messages: LocalizedText },
  );
  constructor(
    path: string,
    reason: RecordInvalidReason,
    options?: IkrarErrorOptions & RecordInvalidValues & { readonly messages?: LocalizedText },
  ) {
    super(
      'ERR_RECORD_INVALID',
      options?.messages ??
        fill(RECORD_INVALID[reason as SharedRecordInvalidReason], {
          p: path,
          max: options?.max,
          value: options?.value,
        }),
      options,
    );
    this.path = path;
    this.reason = reason;
  }
}

/** `createPledge` was asked to build a record whose consent does not cover every point. */
export class ConsentIncompleteError extends CoreError {
  override readonly code = 'ERR_CONSENT_INCOMPLETE' as const;
  /** The point numbers not acknowledged (empty when unknown numbers were given). */
  readonly missing: readonly number[];
  constructor(missing: readonly number[], options?: IkrarErrorOptions) {
    super(
      'ERR_CONSENT_INCOMPLETE',
      missing.length > 0 ? fill(CONSENT_INCOMPLETE, { missing: missing.join(', ') }) : fill(CONSENT_UNKNOWN_POINTS),
      options,
    );
    this.missing = missing;
  }
}

/**
 * Key material could not be imported or does not fit (wrong length, codec, curve, small order).
 * Its messages are in `internal/key-messages.ts`, beside the code that throws it, so bundles that
 * never import a key do not carry them.
 */
export class KeyInvalidError extends CoreError {
  override readonly code = 'ERR_KEY_INVALID' as const;
  /** What is wrong with the key. */
  readonly reason: KeyInvalidReason;
  /**
   * @param reason - what is wrong
   * @param messages - the catalog's message for `reason`
   * @param options - `cause`
   */
  constructor(reason: KeyInvalidReason, messages: LocalizedText, options?: IkrarErrorOptions) {
    super('ERR_KEY_INVALID', messages, options);
    this.reason = reason;
  }
}

/**
 * A signature is not a valid one: a signer returned something other than 64 bytes, or a signature
 * that does not verify under the signer's own key. The same meaning as the verification code.
 */
export class SignatureInvalidError extends CoreError {
  override readonly code = 'ERR_SIGNATURE_INVALID' as const;
  /** What the signer did wrong. */
  readonly reason: SignatureInvalidReason;
  /**
   * @param reason - what is wrong
   * @param options - `cause`; `value` is the verification code a `representative-proof` names;
   *   `messages` for the reasons only the collective code raises, whose catalog loads with it
   */
  constructor(
    reason: SharedSignatureInvalidReason,
    options?: IkrarErrorOptions & { readonly value?: string; readonly messages?: LocalizedText },
  );
  constructor(
    reason: SignatureInvalidReason,
    options: IkrarErrorOptions & { readonly value?: string; readonly messages: LocalizedText },
  );
  constructor(
    reason: SignatureInvalidReason,
    options?: IkrarErrorOptions & { readonly value?: string; readonly messages?: LocalizedText },
  ) {
    super(
      'ERR_SIGNATURE_INVALID',
      options?.messages ?? fill(SIGNATURE_INVALID[reason as SharedSignatureInvalidReason], { value: options?.value }),
      options,
    );
    this.reason = reason;
  }
}

/**
 * Signing was asked to chain to (`previousProof`) a proof the document does not have. The same
 * meaning as the verification code of that name.
 */
export class ProofChainBrokenError extends CoreError {
  override readonly code = 'ERR_PROOF_CHAIN_BROKEN' as const;
  constructor(options?: IkrarErrorOptions) {
    super('ERR_PROOF_CHAIN_BROKEN', fill(PROOF_CHAIN_BROKEN), options);
  }
}

/** A template, record or proof names a version or suite this release does not support. */
export class UnsupportedVersionError extends CoreError {
  override readonly code = 'ERR_UNSUPPORTED_VERSION' as const;
  /** @param what - what names the version, e.g. `template jembrana-2024 2.0.0` */
  constructor(what: string, options?: IkrarErrorOptions) {
    super('ERR_UNSUPPORTED_VERSION', fill(UNSUPPORTED_VERSION, { what }), options);
  }
}

/** A template given to `defineTemplate` is incomplete or inconsistent. */
export class TemplateInvalidError extends CoreError {
  override readonly code = 'ERR_TEMPLATE_INVALID' as const;
  /** What is wrong with the template. */
  readonly reason: TemplateInvalidReason;
  constructor(reason: TemplateInvalidReason, options?: IkrarErrorOptions & TemplateInvalidValues) {
    super(
      'ERR_TEMPLATE_INVALID',
      fill(TEMPLATE_INVALID[reason], { lang: options?.lang, name: options?.name }),
      options,
    );
    this.reason = reason;
  }
}

/** No template with that id (and version) is known. */
export class TemplateUnknownError extends CoreError {
  override readonly code = 'ERR_TEMPLATE_UNKNOWN' as const;
  constructor(id: string, version?: string, options?: IkrarErrorOptions) {
    super('ERR_TEMPLATE_UNKNOWN', fill(TEMPLATE_UNKNOWN, { id, v: version ? ` ${version}` : '' }), options);
  }
}

/** An identifier fails structural validation. Never claims a number is real, only well formed. */
export class IdentifierInvalidError extends CoreError {
  override readonly code = 'ERR_IDENTIFIER_INVALID' as const;
  /** Which identifier scheme was checked. */
  readonly scheme: IdentifierScheme;
  /** What is wrong with it. */
  readonly reason: IdentifierInvalidReason;
  /**
   * @param scheme - the scheme checked
   * @param reason - what is wrong
   * @param options - `cause`
   */
  constructor(scheme: IdentifierScheme, reason: IdentifierInvalidReason, options?: IkrarErrorOptions) {
    super('ERR_IDENTIFIER_INVALID', identifierInvalid(scheme, reason), options);
    this.scheme = scheme;
    this.reason = reason;
  }
}

/** Bytes given as a PDF are not a PDF that pdf-lib can open. */
export class PdfInvalidError extends CoreError {
  override readonly code = 'ERR_PDF_INVALID' as const;
  /** Why the PDF was refused. */
  readonly reason: PdfInvalidReason;
  constructor(reason: PdfInvalidReason, messages: LocalizedText, options?: IkrarErrorOptions) {
    super('ERR_PDF_INVALID', messages, options);
    this.reason = reason;
  }
}

/** A PDF carries no embedded `.json` record. */
export class PdfNoRecordError extends CoreError {
  override readonly code = 'ERR_PDF_NO_RECORD' as const;
  constructor(messages: LocalizedText, options?: IkrarErrorOptions) {
    super('ERR_PDF_NO_RECORD', messages, options);
  }
}

/** A PDF carries more than one embedded `.json` record, so which one is meant is ambiguous. */
export class PdfMultipleRecordsError extends CoreError {
  override readonly code = 'ERR_PDF_MULTIPLE_RECORDS' as const;
  /** How many `.json` files the PDF carries. */
  readonly count: number;
  constructor(count: number, messages: LocalizedText, options?: IkrarErrorOptions) {
    super('ERR_PDF_MULTIPLE_RECORDS', messages, options);
    this.count = count;
  }
}

/** An `encodedList` is not `u` + unpadded base64url of one GZIP member. */
export class StatusListEncodingError extends CoreError {
  override readonly code = 'ERR_STATUS_LIST_ENCODING' as const;
  /** Which layer is wrong. */
  readonly reason: StatusListEncodingReason;
  /**
   * @param reason - which layer is wrong
   * @param options - `cause`
   */
  constructor(reason: StatusListEncodingReason, options?: IkrarErrorOptions) {
    super('ERR_STATUS_LIST_ENCODING', fill(STATUS_LIST_ENCODING[reason]), options);
    this.reason = reason;
  }
}

/** A status list holds fewer than 131,072 entries (Bitstring Status List v1.0 STATUS_LIST_LENGTH_ERROR). */
export class StatusListTooShortError extends CoreError {
  override readonly code = 'ERR_STATUS_LIST_TOO_SHORT' as const;
  /** Entries the list holds. */
  readonly length: number;
  /**
   * @param length - entries the list holds
   * @param options - `cause`
   */
  constructor(length: number, options?: IkrarErrorOptions) {
    super('ERR_STATUS_LIST_TOO_SHORT', fill(STATUS_LIST_TOO_SHORT, counted(length)), options);
    this.length = length;
  }
}

/** A status list inflates past the stated limit (a GZIP bomb is refused while inflating). */
export class StatusListTooLargeError extends CoreError {
  override readonly code = 'ERR_STATUS_LIST_TOO_LARGE' as const;
  /** The limit, in entries. */
  readonly maxLength: number;
  /**
   * @param maxLength - the limit, in entries
   * @param options - `cause`
   */
  constructor(maxLength: number, options?: IkrarErrorOptions) {
    super('ERR_STATUS_LIST_TOO_LARGE', fill(STATUS_LIST_TOO_LARGE, counted(maxLength)), options);
    this.maxLength = maxLength;
  }
}

/** Every index of a status list is taken. */
export class StatusListFullError extends CoreError {
  override readonly code = 'ERR_STATUS_LIST_FULL' as const;
  /** @param options - `cause` */
  constructor(options?: IkrarErrorOptions) {
    super('ERR_STATUS_LIST_FULL', fill(STATUS_LIST_FULL), options);
  }
}

/** A record's `credentialStatus` entry is malformed, or names an index its list does not have. */
export class StatusEntryInvalidError extends CoreError {
  override readonly code = 'ERR_STATUS_ENTRY_INVALID' as const;
  /** JSON path of the offending field, e.g. `credentialStatus.statusListIndex`. */
  readonly path: string;
  /**
   * @param path - the field at fault
   * @param options - `cause`, and `index` when the field is an index outside its list
   */
  constructor(path: string, options?: IkrarErrorOptions & { index?: number }) {
    const index = options?.index;
    super(
      'ERR_STATUS_ENTRY_INVALID',
      index === undefined
        ? fill(STATUS_ENTRY_INVALID.malformed, { p: path })
        : fill(STATUS_ENTRY_INVALID.range, counted(index)),
      options,
    );
    this.path = path;
  }
}

/**
 * A proof's `created` is not an RFC 3339 date-time with an explicit offset (eddsa-jcs-2022 §3.3.5
 * Create Proof: `created` must be a valid XML Schema dateTimeStamp). Thrown before anything is signed.
 */
export class CreatedInvalidError extends CoreError {
  override readonly code = 'ERR_CREATED_INVALID' as const;
  /**
   * @param received - how the value is described (`"not-a-date"`, `an invalid Date`, `number`);
   *   never the whole of an arbitrary value
   * @param options - `cause`
   */
  constructor(received: string, options?: IkrarErrorOptions) {
    super('ERR_CREATED_INVALID', fill(CREATED_INVALID, { got: received }), options);
  }
}

/** Discriminated union of every error class: `switch (err.code)` narrows to the class. */
export type AnyIkrarError =
  | JsonInvalidError
  | CanonicalizationError
  | RecordInvalidError
  | KeyInvalidError
  | SignatureInvalidError
  | ProofChainBrokenError
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
  return value instanceof CoreError;
}
