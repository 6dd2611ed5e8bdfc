// @ts-check
/**
 * The portal's refusals: one class, a stable code, an HTTP status, and the messages from one
 * catalog (Bahasa Indonesia and English). Answers are `{ error: { code, message, messages } }`,
 * never a stack trace.
 * @module
 */

/** @typedef {{ id: string, en: string }} Messages */

/** Status and messages of every code the portal answers with (signing codes are @ikrar/server's). */
export const CATALOG = /** @type {const} */ ({
  ERR_NOT_SIGNED_IN: [401, 'Silakan masuk terlebih dahulu.', 'Sign in first.'],
  ERR_FORBIDDEN: [403, 'Peran Anda tidak boleh melakukan ini.', 'Your role may not do this.'],
  ERR_NOT_FOUND: [404, 'Tidak ditemukan.', 'Not found.'],
  ERR_CSRF: [403, 'Permintaan ditolak: asal atau token CSRF tidak sah.', 'Refused: bad origin or CSRF token.'],
  ERR_RATE_LIMITED: [429, 'Terlalu banyak permintaan; coba lagi nanti.', 'Too many requests; try again later.'],
  ERR_BODY_TOO_LARGE: [413, 'Isi permintaan terlalu besar.', 'Request body too large.'],
  ERR_CONTENT_TYPE: [415, 'Jenis isi permintaan tidak didukung.', 'Unsupported content type.'],
  ERR_BODY_NOT_UTF8: [400, 'Isi permintaan bukan UTF-8.', 'Body is not UTF-8.'],
  ERR_JSON_INVALID: [400, 'JSON tidak sah.', 'Invalid JSON.'],
  ERR_COOKIE_INVALID: [
    400,
    'Cookie portal rusak atau ganda; muat ulang halaman lalu masuk lagi (hapus cookie situs ini bila masih terjadi).',
    "A portal cookie is malformed or repeated; reload the page and sign in again (clear this site's cookies if it persists).",
  ],
  ERR_URL_INVALID: [400, 'Alamat tidak sah (persen-enkode rusak).', 'Malformed URL (broken percent-encoding).'],
  ERR_REQUEST_MALFORMED: [400, 'Permintaan HTTP rusak.', 'Malformed HTTP request.'],
  ERR_HEADERS_TOO_LARGE: [431, 'Header permintaan terlalu besar.', 'Request headers too large.'],
  ERR_REQUEST_TIMEOUT: [408, 'Permintaan terlalu lambat.', 'Request too slow.'],
  ERR_BAD_ID: [400, 'Bukan id yang sah.', 'Not a valid id.'],
  ERR_INPUT_INVALID: [400, 'Isian tidak sah.', 'Invalid input.'],
  ERR_NOT_IN_ROSTER: [
    404,
    'Tidak ada pegawai dengan nomor itu di daftar pegawai.',
    'No employee with that number on the roster.',
  ],
  ERR_DEMO_OFF: [404, 'Masuk demo tidak aktif; gunakan SSO instansi.', "Demo sign-in is off; use the agency's SSO."],
  ERR_CREDENTIALS: [401, 'Nama pengguna atau kata sandi salah.', 'Wrong username or password.'],
  ERR_ROSTER_INVALID: [
    422,
    'Daftar pegawai memuat kesalahan; tidak ada yang disimpan.',
    'The roster has errors; nothing was saved.',
  ],
  ERR_NO_OPEN_EVENT: [409, 'Tidak ada kegiatan yang sedang dibuka.', 'No event is open.'],
  ERR_EVENT_CLOSED: [409, 'Batas waktu kegiatan ini sudah lewat.', "This event's deadline has passed."],
  ERR_EXPORT_BUSY: [
    429,
    'Ekspor lain dari sesi ini masih berjalan.',
    'Another export of this session is still running.',
  ],
  ERR_REASON_REQUIRED: [
    400,
    'Alasan pencabutan wajib diisi (1 sampai 500 karakter).',
    'A reason for the revocation is required (1 to 500 characters).',
  ],
  ERR_NO_STATUS: [
    409,
    'Rekaman ini tidak memiliki entri daftar status, sehingga tidak dapat dicabut satu per satu.',
    'This record has no status list entry, so it cannot be revoked on its own.',
  ],
  ERR_SHUTTING_DOWN: [503, 'Server sedang berhenti; coba lagi sebentar.', 'The server is stopping; try again shortly.'],
  ERR_INTERNAL: [500, 'Kesalahan internal.', 'Internal error.'],
});

/** @typedef {keyof typeof CATALOG} PortalErrorCode */

export class PortalError extends Error {
  /**
   * @param {string} code a key of CATALOG, or a signing code with its own status and messages
   * @param {{ status?: number, messages?: Messages, detail?: unknown, headers?: Record<string, string>, cause?: unknown }} [options]
   */
  constructor(code, options = {}) {
    const known = /** @type {Record<string, readonly [number, string, string]>} */ (CATALOG)[code];
    const messages = options.messages ?? (known ? { id: known[1], en: known[2] } : { id: code, en: code });
    super(messages.en, { cause: options.cause });
    this.name = 'PortalError';
    this.code = code;
    this.status = options.status ?? known?.[0] ?? 400;
    this.messages = messages;
    this.detail = options.detail;
    this.headers = options.headers ?? {};
  }
}

/** @param {PortalError} err */
export const errorBody = (err) => ({
  error: {
    code: err.code,
    message: err.messages.en,
    messages: err.messages,
    ...(err.detail !== undefined && { detail: err.detail }),
  },
});
