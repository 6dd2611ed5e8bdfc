/**
 * The verdicts `@ikrar/verifier` gives a record. Names are stable codes (documented in the README
 * with an anchor each); `valid` is the only good one.
 *
 * @module
 * @example
 * ```ts
 * import { verdictMessage } from '@ikrar/verifier';
 * verdictMessage('key-revoked').id; // 'Kunci penerbit sudah dicabut saat rekaman ditandatangani.'
 * ```
 */
import type { VerificationCode } from '@ikrar/core';
import type { VerifierMessage } from './errors.js';

/** Every verdict, in order of precedence (the first that applies is given). */
export const VERDICTS = [
  'valid',
  'malformed',
  'invalid-signature',
  'issuer-mismatch',
  'undated-proof',
  'untrusted-issuer',
  'key-revoked',
  'key-not-yet-valid',
  'key-expired',
  'altered-text',
  'unknown-template',
  'revoked',
  'status-unknown',
  'after-deadline',
  'duplicate',
] as const;

/** A verdict code. */
export type Verdict = (typeof VERDICTS)[number];

const MESSAGES: Record<Verdict, VerifierMessage> = {
  valid: { id: 'Sah.', en: 'Valid.' },
  malformed: { id: 'Rekaman rusak atau tidak sah bentuknya.', en: 'The record is malformed.' },
  'invalid-signature': {
    id: 'Tanda tangan tidak cocok dengan rekaman.',
    en: 'A signature does not match the record.',
  },
  'issuer-mismatch': {
    id: 'Bukti terakhir tidak dibuat oleh penerbit yang tertulis.',
    en: 'The final proof was not made by the named issuer.',
  },
  'undated-proof': {
    id: 'Bukti penerbit tidak mencantumkan waktu (created): rekaman tidak dapat ditempatkan dalam masa berlaku kunci penerbit.',
    en: "The issuer's proof has no created time: the record cannot be placed in the issuer key's trust window.",
  },
  'untrusted-issuer': {
    id: 'Penerbit tidak ada dalam daftar kepercayaan.',
    en: 'The issuer is not in the trust store.',
  },
  'key-revoked': {
    id: 'Kunci penerbit sudah dicabut saat rekaman ditandatangani.',
    en: "The issuer's key was revoked when the record was signed.",
  },
  'key-not-yet-valid': {
    id: 'Rekaman ditandatangani sebelum kunci penerbit berlaku.',
    en: "The record was signed before the issuer's key became valid.",
  },
  'key-expired': {
    id: 'Rekaman ditandatangani setelah masa berlaku kunci penerbit berakhir.',
    en: "The record was signed after the issuer's key expired.",
  },
  'altered-text': {
    id: 'Teks ikrar berbeda dari templat resminya.',
    en: 'The pledge text differs from its official template.',
  },
  'unknown-template': {
    id: 'Templat ikrar tidak dikenal.',
    en: 'The pledge template is not known.',
  },
  revoked: {
    id: 'Rekaman sudah dicabut oleh penerbitnya (daftar status).',
    en: 'The record was revoked by its issuer (status list).',
  },
  'status-unknown': {
    id: 'Status pencabutan rekaman tidak dapat diperiksa: daftar statusnya tidak diberikan.',
    en: "The record's revocation status cannot be checked: its status list was not given.",
  },
  'after-deadline': {
    id: 'Ditandatangani setelah batas waktu.',
    en: 'Signed after the deadline.',
  },
  duplicate: {
    id: 'Orang yang sama sudah menandatangani ikrar untuk acara yang sama.',
    en: 'The same person already signed for the same event.',
  },
};

/**
 * Every finer reason a result can name: core's verification codes, and what the verifier and the
 * command find before or after them. Stable, documented in the README; never the name of a thrown
 * error with another meaning.
 */
export type ReasonCode =
  | VerificationCode
  | 'ERR_PROOF_CREATED_MISSING'
  | 'ERR_PLEDGE_TEXT_ALTERED'
  | 'ERR_JSON_INVALID'
  | 'ERR_UTF8_INVALID'
  | 'ERR_EMPTY_INPUT'
  | 'ERR_LINE_TOO_LONG'
  | 'ERR_INPUT_TOO_LARGE'
  | 'ERR_PDF_INVALID'
  | 'ERR_PDF_UNSUPPORTED'
  | 'ERR_PDF_NO_RECORD'
  | 'ERR_PDF_MULTIPLE_RECORDS'
  | 'ERR_STATUS_ENTRY_INVALID'
  | 'ERR_STATUS_REVOKED'
  | 'ERR_STATUS_MISSING'
  | 'ERR_STATUS_LIST_NOT_GIVEN'
  | 'ERR_STATUS_ISSUER_MISMATCH'
  | 'ERR_STATUS_PURPOSE_MISMATCH';

/**
 * Why a result is what it is, structured: a stable `code`, the JSON `path` of the field at fault
 * when there is one, and a stable `detail` where the code has finer cases (the JSON parse reason,
 * such as `duplicate-key`; the differing fields of an altered text, comma-separated).
 */
export interface RecordReason {
  readonly code: ReasonCode;
  readonly path?: string;
  readonly detail?: string;
}

/**
 * A reason as one short line for people: `CODE`, `CODE at path`, `CODE (detail)`.
 * @param reason - a {@link RecordReason}
 * @returns the line
 * @example formatReason({ code: 'ERR_JSON_INVALID', detail: 'duplicate-key' }) // 'ERR_JSON_INVALID (duplicate-key)'
 */
export function formatReason(reason: RecordReason): string {
  let s: string = reason.code;
  if (reason.path !== undefined) s += ` at ${reason.path}`;
  if (reason.detail !== undefined) s += ` (${reason.detail})`;
  return s;
}

/**
 * The message of a verdict in both languages.
 * @param verdict - a {@link Verdict}
 * @returns `{ id, en }`
 * @example verdictMessage('valid').en // 'Valid.'
 */
export function verdictMessage(verdict: Verdict): VerifierMessage {
  return MESSAGES[verdict];
}

/**
 * Whether a string is a verdict code.
 * @param value - anything
 * @returns `true` for one of {@link VERDICTS}
 * @example isVerdict('valid') // true
 */
export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);
}
