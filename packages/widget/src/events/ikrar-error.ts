/**
 * `ikrar-error`: something failed; `detail.code` is stable (see the README for each code).
 *
 * @module
 * @example
 * ```ts
 * el.addEventListener('ikrar-error', (e) => log(e.detail.code, e.detail.status));
 * ```
 */
import type { LocalizedText } from '@ikrar/core';
import type { WidgetErrorCode } from '../errors.js';

/** Detail of `ikrar-error`. */
export interface IkrarErrorDetail {
  /** Stable code, e.g. `ERR_ENDPOINT_TIMEOUT`. */
  readonly code: WidgetErrorCode;
  /** The message shown to the signer, in the element's language. */
  readonly message: string;
  /** The message in both languages. */
  readonly messages: LocalizedText;
  /** Whether "Try again" may succeed. */
  readonly retryable: boolean;
  /** HTTP status for endpoint errors. */
  readonly status?: number;
  /** Technical note for developers (e.g. the verification code `ERR_SIGNATURE_INVALID`). */
  readonly detail?: string;
}

/** Fired for every failure. Not cancelable. */
export type IkrarErrorEvent = CustomEvent<IkrarErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ikrar-error': IkrarErrorEvent;
  }
}
