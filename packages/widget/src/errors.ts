/**
 * The errors `<ikrar-netralitas>` reports in `ikrar-error` events, each with a stable code and a
 * message in Bahasa Indonesia and English. Codes are part of the API: they are never renamed or
 * reused, and each has an anchor in the package README.
 *
 * @module
 * @example
 * ```ts
 * import { WidgetError } from '@ikrar/widget';
 * el.addEventListener('ikrar-error', (e) => {
 *   if (e.detail.code === 'ERR_ENDPOINT_TIMEOUT') console.warn(e.detail.messages.en);
 * });
 * ```
 */
import { IkrarError, type LocalizedText } from '@ikrar/core/errors';

/** Every code an `ikrar-error` event can carry. */
export type WidgetErrorCode =
  | 'ERR_CONFIG_INVALID'
  | 'ERR_ENDPOINT_REJECTED'
  | 'ERR_ENDPOINT_FAILED'
  | 'ERR_ENDPOINT_TIMEOUT'
  | 'ERR_ENDPOINT_NETWORK'
  | 'ERR_RESPONSE_INVALID'
  | 'ERR_RECORD_UNVERIFIED'
  | 'ERR_RECORD_MISMATCH'
  | 'ERR_SIGN_REQUEST_UNANSWERED'
  | 'ERR_SIGN_REQUEST_CANCELED'
  | 'ERR_SIGN_REQUEST_FAILED'
  | 'ERR_SIGNING_FAILED'
  | 'ERR_PDF_FAILED';

/** Where each code is documented. */
export const WIDGET_ERROR_DOCS_URL = 'https://github.com/ikrar-netralitas/ikrar-netralitas/tree/main/packages/widget#';

const MESSAGES: Readonly<Record<WidgetErrorCode, LocalizedText>> = {
  ERR_CONFIG_INVALID: {
    id: 'Konfigurasi formulir ikrar tidak lengkap atau tidak sah. Hubungi pengelola intranet.',
    en: 'The pledge form is not configured correctly. Please contact the intranet administrator.',
  },
  ERR_ENDPOINT_REJECTED: {
    id: 'Server instansi menolak ikrar ini. Periksa data Anda atau hubungi pengelola.',
    en: 'The agency server refused this pledge. Check your details or contact the administrator.',
  },
  ERR_ENDPOINT_FAILED: {
    id: 'Server instansi sedang bermasalah. Silakan coba lagi.',
    en: 'The agency server had a problem. Please try again.',
  },
  ERR_ENDPOINT_TIMEOUT: {
    id: 'Server instansi tidak menjawab tepat waktu. Silakan coba lagi.',
    en: 'The agency server did not answer in time. Please try again.',
  },
  ERR_ENDPOINT_NETWORK: {
    id: 'Tidak dapat menghubungi server instansi. Periksa jaringan lalu coba lagi.',
    en: 'Could not reach the agency server. Check the network and try again.',
  },
  ERR_RESPONSE_INVALID: {
    id: 'Jawaban server bukan rekaman ikrar yang sah.',
    en: 'The server answer is not a valid pledge record.',
  },
  ERR_RECORD_UNVERIFIED: {
    id: 'Tanda tangan pada rekaman yang diterima tidak dapat diverifikasi. Ikrar belum tersimpan.',
    en: 'The signature on the record received does not verify. The pledge is not complete.',
  },
  ERR_RECORD_MISMATCH: {
    id: 'Rekaman yang diterima berbeda dari ikrar yang Anda tanda tangani.',
    en: 'The record received differs from the pledge you signed.',
  },
  ERR_SIGN_REQUEST_UNANSWERED: {
    id: 'Halaman ini belum menangani permintaan tanda tangan.',
    en: 'This page did not answer the signing request.',
  },
  ERR_SIGN_REQUEST_CANCELED: {
    id: 'Penandatanganan dibatalkan oleh halaman ini.',
    en: 'Signing was canceled by this page.',
  },
  ERR_SIGN_REQUEST_FAILED: {
    id: 'Halaman ini gagal menandatangani ikrar. Silakan coba lagi.',
    en: 'This page failed to sign the pledge. Please try again.',
  },
  ERR_SIGNING_FAILED: {
    id: 'Ikrar tidak dapat ditandatangani di peramban ini.',
    en: 'The pledge could not be signed in this browser.',
  },
  ERR_PDF_FAILED: {
    id: 'Sertifikat PDF tidak dapat dibuat. Unduhan JSON tetap tersedia.',
    en: 'The PDF certificate could not be made. The JSON download still works.',
  },
};

/** Codes after which "Try again" makes sense (a later attempt may succeed). */
const RETRYABLE: ReadonlySet<WidgetErrorCode> = new Set<WidgetErrorCode>([
  'ERR_ENDPOINT_FAILED',
  'ERR_ENDPOINT_TIMEOUT',
  'ERR_ENDPOINT_NETWORK',
  'ERR_SIGN_REQUEST_FAILED',
  'ERR_SIGN_REQUEST_UNANSWERED',
  'ERR_SIGN_REQUEST_CANCELED',
  'ERR_PDF_FAILED',
]);

/**
 * The message for a code in both languages.
 * @param code - a {@link WidgetErrorCode}
 * @returns `{ id, en }`
 * @example widgetErrorMessage('ERR_ENDPOINT_TIMEOUT').id
 */
export function widgetErrorMessage(code: WidgetErrorCode): LocalizedText {
  return MESSAGES[code];
}

/**
 * An error of the element: core's `IkrarError` with the widget's codes. `code` is stable; `status` is the HTTP status for endpoint errors;
 * `detail` is a short technical note (never personal data or key material).
 */
export class WidgetError extends IkrarError<WidgetErrorCode> {
  /** Whether trying again may succeed. */
  readonly retryable: boolean;
  /** HTTP status, for endpoint errors. */
  readonly status: number | undefined;
  /** Short technical note for developers (e.g. the verification code). */
  readonly detail: string | undefined;

  constructor(code: WidgetErrorCode, options: { status?: number; detail?: string; cause?: unknown } = {}) {
    super(code, MESSAGES[code], options);
    this.retryable = RETRYABLE.has(code);
    this.status = options.status;
    this.detail = options.detail;
  }
}

/**
 * Type guard for {@link WidgetError}.
 * @param value - anything caught
 * @returns true for a `WidgetError`
 * @example if (isWidgetError(e)) console.log(e.code);
 */
export function isWidgetError(value: unknown): value is WidgetError {
  return value instanceof WidgetError;
}
