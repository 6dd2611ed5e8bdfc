/**
 * The base of every error the Ikrar packages throw on purpose, and core's code union. Core's own
 * errors are split by family beside their message catalogs (`json.ts`, `record.ts`, ...), so a
 * bundle carries only the messages of the errors it can throw; `../errors.ts` re-exports them all.
 *
 * @module
 * @example
 * ```ts
 * import { IkrarError } from '@ikrar/core/errors';
 * if (err instanceof IkrarError) console.error(err.code, err.messages.id);
 * ```
 */
import type { LocalizedText } from '../types.js';

/** Every error code `@ikrar/core` can raise. */
export type IkrarErrorCode =
  | 'ERR_JSON_INVALID'
  | 'ERR_CANONICALIZATION_FAILED'
  | 'ERR_RECORD_INVALID'
  | 'ERR_KEY_INVALID'
  | 'ERR_SIGNATURE_INVALID'
  | 'ERR_PROOF_CHAIN_BROKEN'
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
  /** A finer stable case where the code has several, e.g. the JSON parse reason `duplicate-key`. */
  readonly detail?: string;
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

/**
 * Core's own errors: the base every core class extends, so that `isIkrarError` can tell them from
 * the verifier's and widget's errors, which extend {@link IkrarError} too. Not exported from the
 * package.
 */
export abstract class CoreError extends IkrarError<IkrarErrorCode> {}

/** One message: Bahasa Indonesia, English; `{name}` marks a value filled in by {@link fill}. */
export type Entry = readonly [id: string, en: string];

/**
 * Fills an entry's `{name}` placeholders; names with no value are left as they are.
 * @param entry - the catalog entry
 * @param values - the values it names
 * @returns the message in both languages
 */
export function fill(entry: Entry, values?: Readonly<Record<string, unknown>>): LocalizedText {
  const f = (s: string): string =>
    values ? s.replace(/\{(\w+)\}/g, (m, k: string) => (values[k] === undefined ? m : String(values[k]))) : s;
  return { id: f(entry[0]), en: f(entry[1]) };
}
