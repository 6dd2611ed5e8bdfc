/**
 * Typed errors of `@ikrar/verifier`. Each carries a stable `code` (never renamed or reused), a
 * message in Bahasa Indonesia and English, and is documented in the package README under an
 * anchor of the same name. Verdicts about records are not errors: they are results (see
 * `verdicts.ts`). These errors are for the auditor's own inputs: the trust store, the roster,
 * the command line, unreadable files.
 *
 * @module
 * @example
 * ```ts
 * import { VerifierError } from '@ikrar/verifier/errors';
 * try { parseTrustStore(json); } catch (err) {
 *   if (err instanceof VerifierError) console.error(err.code, err.messages.id);
 * }
 * ```
 */
import { IkrarError, type IkrarErrorOptions, type LocalizedText, type Reason } from '@ikrar/core/errors';

/** Every error code `@ikrar/verifier` and `ikrar-verify` can raise. */
export type VerifierErrorCode =
  | 'ERR_TRUST_STORE_INVALID'
  | 'ERR_ROSTER_INVALID'
  | 'ERR_USAGE'
  | 'ERR_INPUT_UNREADABLE'
  | 'ERR_OUTPUT_UNWRITABLE'
  | 'ERR_STATUS_LIST_INVALID';

/** A message in both languages: core's `LocalizedText` (`{ id, en }`). */
export type VerifierMessage = LocalizedText;

/** Where each code is documented (README anchor = the code in lower case). */
export const VERIFIER_DOCS_URL = 'https://github.com/ikrar-netralitas/ikrar-netralitas/tree/main/packages/verifier#';

/**
 * Base class of every error the verifier throws on purpose: core's {@link IkrarError} with this
 * package's codes. `message` is English.
 */
export class VerifierError extends IkrarError<VerifierErrorCode> {
  constructor(code: VerifierErrorCode, messages: VerifierMessage, options?: IkrarErrorOptions) {
    super(code, messages, options);
  }
}

/** The trust store is not the documented JSON shape (`ERR_TRUST_STORE_INVALID`). */
export class TrustStoreInvalidError extends VerifierError {
  declare readonly code: 'ERR_TRUST_STORE_INVALID';
  /** JSON path of the problem, e.g. `issuers[2].validFrom`. */
  readonly path: string;
  constructor(path: string, messages: VerifierMessage, options?: { cause?: unknown }) {
    super('ERR_TRUST_STORE_INVALID', messages, options);
    this.path = path;
  }
}

/** The roster CSV cannot be used (`ERR_ROSTER_INVALID`). */
export class RosterInvalidError extends VerifierError {
  declare readonly code: 'ERR_ROSTER_INVALID';
  constructor(messages: VerifierMessage, options?: { cause?: unknown }) {
    super('ERR_ROSTER_INVALID', messages, options);
  }
}

/** The command line is wrong: unknown flag, missing `--trust`, bad value (`ERR_USAGE`). */
export class UsageError extends VerifierError {
  declare readonly code: 'ERR_USAGE';
  constructor(messages: VerifierMessage, options?: { cause?: unknown }) {
    super('ERR_USAGE', messages, options);
  }
}

/** A named input cannot be read: missing, a permission problem (`ERR_INPUT_UNREADABLE`). */
export class InputUnreadableError extends VerifierError {
  declare readonly code: 'ERR_INPUT_UNREADABLE';
  constructor(messages: VerifierMessage, options?: { cause?: unknown }) {
    super('ERR_INPUT_UNREADABLE', messages, options);
  }
}

/** A report file cannot be written (`ERR_OUTPUT_UNWRITABLE`). */
export class OutputUnwritableError extends VerifierError {
  declare readonly code: 'ERR_OUTPUT_UNWRITABLE';
  constructor(messages: VerifierMessage, options?: { cause?: unknown }) {
    super('ERR_OUTPUT_UNWRITABLE', messages, options);
  }
}

/**
 * A status list credential given to check revocation cannot be used (`ERR_STATUS_LIST_INVALID`):
 * not JSON, not a list credential, unsigned or badly signed, its list undecodable, its issuer not
 * trusted at its signing time, or a second list with the same `id`.
 */
export class StatusListInvalidError extends VerifierError {
  declare readonly code: 'ERR_STATUS_LIST_INVALID';
  /** Which list (its file, or its position). */
  readonly source: string;
  /**
   * Why, structured: `code` is core's code (`ERR_JSON_INVALID`, `ERR_PROOF_MISSING`,
   * `ERR_SIGNATURE_INVALID`, `ERR_STATUS_LIST_ENCODING`, …) with the JSON `path` it names, a trust
   * status (`untrusted`, `revoked`, `not-yet-valid`, `expired`), `no-created` or `duplicate-id`.
   */
  readonly reason: Reason;
  constructor(source: string, reason: Reason, messages: VerifierMessage, options?: IkrarErrorOptions) {
    super('ERR_STATUS_LIST_INVALID', messages, options);
    this.source = source;
    this.reason = reason;
  }
}

/** Any error of this package, for `switch (err.code)`. */
export type AnyVerifierError =
  | TrustStoreInvalidError
  | RosterInvalidError
  | UsageError
  | InputUnreadableError
  | OutputUnwritableError
  | StatusListInvalidError;

/**
 * Whether a value is one of this package's errors.
 * @param value - anything caught
 * @returns `true` for a {@link VerifierError}
 * @example if (isVerifierError(err)) console.error(err.code);
 */
export function isVerifierError(value: unknown): value is AnyVerifierError {
  return value instanceof VerifierError;
}
