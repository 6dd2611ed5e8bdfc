// @ts-check
/**
 * The portal's refusals, on @ikrar/server's error system: {@link PortalError} extends the
 * service's `ServerError` with the portal's code union and one catalog (status, Bahasa Indonesia,
 * English per code). Codes that mean the same as the service's take its entries
 * (`SERVER_CATALOG`); the apel codes take `APEL_MESSAGES`; the rest are the portal's own, here.
 * Answers have the service's body, `{ error: { code, message, messages, path? } }`, plus `detail`
 * where a code names more (the field, the roster's problems); never a stack trace.
 * @module
 * @example
 * throw new PortalError('ERR_INPUT_INVALID', { params: { reason: 'date' }, detail: { field: 'date' } });
 */
import { SERVER_CATALOG, ServerError } from '@ikrar/server/errors';
import { APEL_MESSAGES } from '../apel/apel-codes.mjs';

/** @typedef {import('@ikrar/server/errors').CatalogEntry} CatalogEntry */
/** @typedef {import('@ikrar/server/errors').MessageParams} MessageParams */
/** @typedef {readonly [id: string, en: string]} Texts */

/** Fills `{name}` in a text from `params`. @param {string} text @param {MessageParams} params */
const fill = (text, params) => text.replace(/\{(\w+)\}/g, (m, k) => (params[k] === undefined ? m : String(params[k])));

/** A catalog entry from a status and two texts with `{name}` placeholders. @param {number} status @param {string} id @param {string} en @returns {CatalogEntry} */
const entry = (status, id, en) => ({ status, id: (p) => fill(id, p), en: (p) => fill(en, p) });

/**
 * The messages of `ERR_INPUT_INVALID` by `params.reason` (`detail.field` names the field).
 * @type {Readonly<Record<string, Texts>>}
 */
const INPUT_INVALID = {
  invalid: ['Isian tidak sah.', 'Invalid input.'],
  'not-object': ['Harus objek JSON.', 'Expected a JSON object.'],
  'not-string': ['Kolom "{field}" harus teks.', 'Field "{field}" must be a string.'],
  'not-number': ['Angka tidak sah.', 'Not a number.'],
  cursor: ['Kursor halaman tidak sah untuk urutan ini.', 'The page cursor is not valid for this sort.'],
  'unknown-field': ['Kolom tidak dikenal: {field}.', 'Unknown field: {field}.'],
  text: ['"{field}" harus teks (paling banyak {max} karakter).', '"{field}" must be text (at most {max} characters).'],
  'event-name': ['Nama kegiatan wajib diisi.', 'The event needs a name.'],
  date: ['Tanggal harus YYYY-MM-DD.', 'Date must be YYYY-MM-DD.'],
  deadline: ['Batas waktu harus waktu RFC 3339 dengan zona.', 'Deadline must be an RFC 3339 time with offset.'],
  'time-zone': ['Zona: WIB, WITA, atau WIT.', 'Zone: WIB, WITA or WIT.'],
  language: ['Bahasa: id atau en.', 'Language: id or en.'],
  templates: ['Templat per jenis pegawai wajib.', 'Templates per employee type are required.'],
  'templates-of-type': [
    'Templat untuk {type} tidak dikenal atau kosong.',
    'Templates for {type} are unknown or empty.',
  ],
  representatives: [
    'Perwakilan: daftar 1 sampai 50 NIP / NI PPPK / NIK.',
    'Representatives: a list of 1 to 50 NIP / NI PPPK / NIK.',
  ],
  'representative-unknown': [
    'Perwakilan ke-{n} tidak ada di daftar pegawai.',
    'Representative {n} is not on the roster.',
  ],
  'representative-twice': ['Perwakilan ke-{n} sudah disebut.', 'Representative {n} is named twice.'],
};

/** @param {MessageParams} p @returns {Texts} */
const inputTexts = (p) => INPUT_INVALID[String(p.reason)] ?? INPUT_INVALID.invalid;

/** @param {keyof typeof APEL_MESSAGES} code @returns {CatalogEntry} */
const apel = (code) => ({ status: 400, id: () => APEL_MESSAGES[code].id, en: () => APEL_MESSAGES[code].en });

/**
 * Status and messages of every code the portal answers with itself. The signing service's
 * refusals (`/api/sign`, the collective pakta's `ServerError`s) keep @ikrar/server's catalog.
 */
export const PORTAL_CATALOG = /** @type {const} */ ({
  // The service's meaning, the service's entry.
  ERR_NOT_FOUND: SERVER_CATALOG.ERR_NOT_FOUND,
  ERR_INTERNAL: SERVER_CATALOG.ERR_INTERNAL,
  ERR_BODY_TOO_LARGE: SERVER_CATALOG.ERR_BODY_TOO_LARGE, // { limit }
  ERR_CONTENT_TYPE: SERVER_CATALOG.ERR_CONTENT_TYPE, // { type }
  ERR_JSON_INVALID: SERVER_CATALOG.ERR_JSON_INVALID, // { detail }: core's JSON refusal reason
  // The portal's own.
  ERR_NOT_SIGNED_IN: entry(401, 'Silakan masuk terlebih dahulu.', 'Sign in first.'),
  ERR_FORBIDDEN: entry(403, 'Peran Anda tidak boleh melakukan ini.', 'Your role may not do this.'),
  ERR_CSRF: entry(403, 'Permintaan ditolak: asal atau token CSRF tidak sah.', 'Refused: bad origin or CSRF token.'),
  ERR_RATE_LIMITED: entry(429, 'Terlalu banyak permintaan; coba lagi nanti.', 'Too many requests; try again later.'),
  ERR_BODY_NOT_UTF8: entry(400, 'Isi permintaan bukan UTF-8.', 'Body is not UTF-8.'),
  ERR_COOKIE_INVALID: entry(
    400,
    'Cookie portal rusak atau ganda; muat ulang halaman lalu masuk lagi (hapus cookie situs ini bila masih terjadi).',
    "A portal cookie is malformed or repeated; reload the page and sign in again (clear this site's cookies if it persists).",
  ),
  ERR_URL_INVALID: entry(400, 'Alamat tidak sah (persen-enkode rusak).', 'Malformed URL (broken percent-encoding).'),
  ERR_REQUEST_MALFORMED: entry(400, 'Permintaan HTTP rusak.', 'Malformed HTTP request.'),
  ERR_HEADERS_TOO_LARGE: entry(431, 'Header permintaan terlalu besar.', 'Request headers too large.'),
  ERR_REQUEST_TIMEOUT: entry(408, 'Permintaan terlalu lambat.', 'Request too slow.'),
  ERR_BAD_ID: entry(400, 'Bukan id yang sah.', 'Not a valid id.'),
  /** @type {CatalogEntry} */
  ERR_INPUT_INVALID: { status: 400, id: (p) => fill(inputTexts(p)[0], p), en: (p) => fill(inputTexts(p)[1], p) },
  // Not the service's ERR_NOT_IN_ROSTER (403, a signed-in employee): a demo sign-in's unknown number.
  ERR_NOT_IN_ROSTER: entry(
    404,
    'Tidak ada pegawai dengan nomor itu di daftar pegawai.',
    'No employee with that number on the roster.',
  ),
  ERR_DEMO_OFF: entry(
    404,
    'Masuk demo tidak aktif; gunakan SSO instansi.',
    "Demo sign-in is off; use the agency's SSO.",
  ),
  ERR_CREDENTIALS: entry(401, 'Nama pengguna atau kata sandi salah.', 'Wrong username or password.'),
  ERR_ROSTER_INVALID: entry(
    422,
    'Daftar pegawai memuat kesalahan; tidak ada yang disimpan.',
    'The roster has errors; nothing was saved.',
  ),
  ERR_NO_OPEN_EVENT: entry(409, 'Tidak ada kegiatan yang sedang dibuka.', 'No event is open.'),
  // 409 here (the collective pakta); the service's own ERR_EVENT_CLOSED on /api/sign is 403.
  ERR_EVENT_CLOSED: entry(409, 'Batas waktu kegiatan ini sudah lewat.', "This event's deadline has passed."),
  ERR_EXPORT_BUSY: entry(
    429,
    'Ekspor lain dari sesi ini masih berjalan.',
    'Another export of this session is still running.',
  ),
  ERR_REASON_REQUIRED: entry(
    400,
    'Alasan pencabutan wajib diisi (1 sampai 500 karakter).',
    'A reason for the revocation is required (1 to 500 characters).',
  ),
  ERR_NO_STATUS: entry(
    409,
    'Rekaman ini tidak memiliki entri daftar status, sehingga tidak dapat dicabut satu per satu.',
    'This record has no status list entry, so it cannot be revoked on its own.',
  ),
  ERR_SHUTTING_DOWN: entry(
    503,
    'Server sedang berhenti; coba lagi sebentar.',
    'The server is stopping; try again shortly.',
  ),
  ERR_NOT_DRAWN: entry(
    409,
    'Ikrar ini tidak ditandatangani dengan gambar tanda tangan.',
    'This pledge was not signed with a drawing.',
  ),
  // { path }: where core found the strokes malformed.
  ERR_DRAWING_INVALID: entry(400, 'Gambar tanda tangan tidak sah ({path}).', 'The drawing is not valid ({path}).'),
  ERR_DRAWING_MISMATCH: entry(
    400,
    'Gambar ini bukan tanda tangan yang tercatat dalam rekaman.',
    'This is not the drawing signed in the record.',
  ),
  // Apel presence codes (apel-codes.mjs holds their messages).
  ERR_APEL_CODE_MALFORMED: apel('ERR_APEL_CODE_MALFORMED'),
  ERR_APEL_CODE_EXPIRED: apel('ERR_APEL_CODE_EXPIRED'),
  ERR_APEL_CODE_INVALID: apel('ERR_APEL_CODE_INVALID'),
  // Single sign-on (sso-errors.mjs answers them as a page to browsers).
  ERR_SSO_OFF: entry(
    404,
    'Masuk dengan SSO tidak diaktifkan di portal ini.',
    'Single sign-on is not turned on for this portal.',
  ),
  ERR_SSO_NOT_PENDING: entry(
    400,
    'Tidak ada proses masuk SSO yang sedang berjalan di peramban ini (sudah dipakai atau kedaluwarsa). Silakan mulai lagi.',
    'No single sign-on is in progress in this browser (it was already used or has expired). Please start again.',
  ),
  ERR_SSO_STATE_INVALID: entry(
    400,
    'Jawaban penyedia SSO tidak cocok dengan proses masuk yang dimulai di peramban ini (parameter state). Silakan mulai lagi.',
    'The identity provider’s answer does not match the sign-in started in this browser (state parameter). Please start again.',
  ),
  ERR_SSO_NONCE_INVALID: entry(
    400,
    'Token identitas dari penyedia SSO bukan untuk proses masuk ini (nonce tidak cocok). Silakan mulai lagi.',
    'The identity token from the provider was not issued for this sign-in (nonce mismatch). Please start again.',
  ),
  ERR_SSO_CODE_REJECTED: entry(
    400,
    'Penyedia SSO menolak kode masuk (sudah dipakai atau kedaluwarsa). Silakan mulai lagi.',
    'The identity provider refused the sign-in code (already used or expired). Please start again.',
  ),
  ERR_SSO_TOKEN_INVALID: entry(
    400,
    'Jawaban penyedia SSO tidak sah; tidak ada yang masuk.',
    'The identity provider’s answer is not valid; nobody was signed in.',
  ),
  ERR_SSO_DENIED: entry(
    403,
    'Penyedia SSO tidak mengizinkan masuk (dibatalkan atau ditolak).',
    'The identity provider did not allow the sign-in (cancelled or refused).',
  ),
  ERR_SSO_CLAIM_MISSING: entry(
    403,
    'Akun SSO Anda tidak memuat NIP/NIK, sehingga tidak dapat dicocokkan dengan daftar pegawai. Hubungi pengelola SSO instansi.',
    'Your single sign-on account carries no NIP/NIK, so it cannot be matched to the roster. Contact the agency’s SSO administrators.',
  ),
  ERR_SSO_NOT_IN_ROSTER: entry(
    403,
    'Akun SSO Anda tidak cocok dengan pegawai mana pun di daftar pegawai kegiatan ini. Hubungi admin kepegawaian.',
    'Your single sign-on account matches nobody on this portal’s roster. Contact the personnel administrators.',
  ),
  ERR_SSO_NO_ROLE: entry(
    403,
    'Akun SSO Anda tidak memiliki peran admin atau auditor di portal ini.',
    'Your single sign-on account has no administrator or auditor role on this portal.',
  ),
  ERR_SSO_UNAVAILABLE: entry(
    502,
    'Penyedia SSO instansi tidak dapat dihubungi; coba lagi sebentar.',
    'The agency’s identity provider cannot be reached; try again shortly.',
  ),
});

/** @typedef {keyof typeof PORTAL_CATALOG} PortalErrorCode */

/**
 * @typedef {{
 *   params?: MessageParams,
 *   detail?: unknown,
 *   headers?: Record<string, string>,
 *   cause?: unknown,
 * }} PortalErrorOptions
 */

/**
 * A refusal of the portal's own: a code of {@link PORTAL_CATALOG}, its status and messages from
 * there (`params` fills them), `detail` for the body, `headers` for the answer.
 * @extends {ServerError<PortalErrorCode>}
 */
export class PortalError extends ServerError {
  /** @override @type {import('@ikrar/server/errors').ErrorCatalog<PortalErrorCode>} */
  static catalog = PORTAL_CATALOG;

  /**
   * @param {PortalErrorCode} code
   * @param {PortalErrorOptions} [options]
   */
  constructor(code, options = {}) {
    super(code, options.params, options.cause === undefined ? undefined : { cause: options.cause });
    /** What the body adds under `error.detail`. */
    this.detail = options.detail;
    /** Headers the answer carries (`retry-after`, `set-cookie`, `connection`). */
    this.headers = options.headers ?? {};
  }

  /** The service's body, with `detail` when there is one. @override */
  toJSON() {
    const body = super.toJSON();
    return this.detail === undefined ? body : { error: { ...body.error, detail: this.detail } };
  }
}

/**
 * The JSON body of a refusal: the portal's, or the signing service's as it answers it.
 * @param {ServerError<string>} err
 */
export const errorBody = (err) => err.toJSON();

/**
 * `ERR_INPUT_INVALID` for one field: `reason` picks the message, `detail.field` names the field.
 * @param {string} field
 * @param {string} reason a key of the code's messages (`not-string`, `date`, `representatives`, …)
 * @param {MessageParams} [params] the values the message names
 * @returns {never}
 */
export function invalidField(field, reason, params = {}) {
  throw new PortalError('ERR_INPUT_INVALID', { params: { ...params, reason, field }, detail: { field } });
}
