/**
 * Typed errors of `@ikrar/server`. Every error carries a stable `code` (part of the API, never
 * renamed or reused), the HTTP status the service answers with, and a message in Bahasa Indonesia
 * and English from one catalog keyed by code. Codes are documented in the package README under an
 * anchor of the same name (lower case).
 *
 * @module
 * @example
 * ```ts
 * import { ServerError } from '@ikrar/server/errors';
 * try { await openDatabase(url); } catch (err) {
 *   if (err instanceof ServerError) console.error(err.code, err.messages.id);
 * }
 * ```
 */
import { IkrarError, type LocalizedText } from '@ikrar/core/errors';

/** Every error code `@ikrar/server` can raise or answer with. */
export type ServerErrorCode =
  | 'ERR_JSON_INVALID'
  | 'ERR_BODY_TOO_LARGE'
  | 'ERR_CONTENT_TYPE'
  | 'ERR_RECORD_INVALID'
  | 'ERR_FIELD_UNKNOWN'
  | 'ERR_NOT_LOGGED_IN'
  | 'ERR_NOT_IN_ROSTER'
  | 'ERR_NOT_YOUR_RECORD'
  | 'ERR_SIGNER_MISMATCH'
  | 'ERR_ISSUER_MISMATCH'
  | 'ERR_NO_OPEN_EVENT'
  | 'ERR_EVENT_MISMATCH'
  | 'ERR_EVENT_CLOSED'
  | 'ERR_TEMPLATE_NOT_ALLOWED'
  | 'ERR_TEXT_ALTERED'
  | 'ERR_DIGEST_MISMATCH'
  | 'ERR_CONSENT_INCOMPLETE'
  | 'ERR_TYPED_NAME_MISMATCH'
  | 'ERR_TIME_INVALID'
  | 'ERR_ID_TAKEN'
  | 'ERR_SIGNATURE_INVALID'
  | 'ERR_UNAUTHORIZED'
  | 'ERR_NOT_FOUND'
  | 'ERR_TIMEOUT'
  | 'ERR_INTERNAL'
  | 'ERR_DATABASE_URL'
  | 'ERR_SCHEMA_TOO_NEW'
  | 'ERR_MIGRATION_INVALID'
  | 'ERR_KEY_FILE_PERMISSIONS'
  | 'ERR_KEY_FILE_INVALID'
  | 'ERR_KEY_FILE_EXISTS'
  | 'ERR_REVOCATION_FINAL'
  | 'ERR_ALREADY_SIGNED'
  | 'ERR_DRAFT_NOT_YOURS'
  | 'ERR_DRAFT_EXPIRED'
  | 'ERR_DRAFT_USED'
  | 'ERR_DRAFT_MISMATCH'
  | 'ERR_COLLECTIVE_NOT_CONFIGURED'
  | 'ERR_COLLECTIVE_STARTED'
  | 'ERR_NOT_REPRESENTATIVE'
  | 'ERR_REPRESENTATIVE_SIGNED'
  | 'ERR_COUNTERSIGNATURE_INCOMPLETE'
  | 'ERR_COLLECTIVE_REVOKED';

/** Where each code is documented (README anchor = the code in lower case). */
export const SERVER_DOCS_URL = 'https://github.com/ikrar-netralitas/ikrar-netralitas/tree/main/packages/server#';

/** Values a catalog message may name (never a secret, a full identifier or a record). */
export type MessageParams = Readonly<Record<string, string | number>>;

/** One code's entry in a catalog: the HTTP status, and the message in each language from the values it names. */
export interface CatalogEntry {
  /** HTTP status the code answers with. */
  readonly status: number;
  /** The English message. */
  readonly en: (p: MessageParams) => string;
  /** The message in Bahasa Indonesia. */
  readonly id: (p: MessageParams) => string;
}

/** An error catalog: an entry for every code of the union `C`. */
export type ErrorCatalog<C extends string> = Readonly<Record<C, CatalogEntry>>;

const at = (p: MessageParams): string => (p.path ? ` (${p.path})` : '');

/**
 * The catalog: HTTP status and both messages of every code. An application built on the service
 * (the agency portal) composes its own catalog from these entries and its own codes, and answers
 * with a {@link ServerError} subclass that names it (see `ServerError.catalog`).
 */
export const SERVER_CATALOG: ErrorCatalog<ServerErrorCode> = {
  ERR_JSON_INVALID: {
    status: 400,
    en: (p) => `The body is not strict JSON${p.detail ? `: ${p.detail}` : ''}.`,
    id: (p) => `Isi permintaan bukan JSON yang ketat${p.detail ? `: ${p.detail}` : ''}.`,
  },
  ERR_BODY_TOO_LARGE: {
    status: 413,
    en: (p) => `The body is larger than ${p.limit} bytes.`,
    id: (p) => `Isi permintaan lebih dari ${p.limit} byte.`,
  },
  ERR_CONTENT_TYPE: {
    status: 415,
    en: (p) => `Send the body as ${p.type ?? 'application/json'}.`,
    id: (p) => `Kirim isi permintaan sebagai ${p.type ?? 'application/json'}.`,
  },
  ERR_RECORD_INVALID: {
    status: 400,
    en: (p) => `Expected exactly one credential of the expected shape${at(p)}.`,
    id: (p) => `Harus tepat satu kredensial dengan bentuk yang benar${at(p)}.`,
  },
  ERR_FIELD_UNKNOWN: {
    status: 400,
    en: (p) => `The credential has a field the agency does not vouch for${at(p)}.`,
    id: (p) => `Kredensial memuat isian yang tidak dijamin instansi${at(p)}.`,
  },
  ERR_NOT_LOGGED_IN: {
    status: 401,
    en: () => 'Sign in first.',
    id: () => 'Silakan masuk terlebih dahulu.',
  },
  ERR_NOT_IN_ROSTER: {
    status: 403,
    en: () => 'You are not on the roster of this agency.',
    id: () => 'Anda tidak terdaftar dalam daftar pegawai instansi ini.',
  },
  ERR_NOT_YOUR_RECORD: {
    status: 403,
    en: () => 'You can only sign your own pledge.',
    id: () => 'Anda hanya dapat menandatangani ikrar Anda sendiri.',
  },
  ERR_SIGNER_MISMATCH: {
    status: 403,
    en: (p) => `The signer's details differ from the roster${at(p)}.`,
    id: (p) => `Data penanda tangan berbeda dengan daftar pegawai${at(p)}.`,
  },
  ERR_ISSUER_MISMATCH: {
    status: 400,
    en: (p) => `The issuer must be ${p.agency}.`,
    id: (p) => `Penerbit harus ${p.agency}.`,
  },
  ERR_NO_OPEN_EVENT: {
    status: 409,
    en: () => 'There is no pledge open for you to sign now.',
    id: () => 'Tidak ada ikrar yang dibuka untuk Anda tanda tangani saat ini.',
  },
  ERR_EVENT_MISMATCH: {
    status: 400,
    en: (p) => `The event must be the one this agency collects pledges for ("${p.event}")${at(p)}.`,
    id: (p) => `Acara harus acara yang sedang dikumpulkan ikrarnya ("${p.event}")${at(p)}.`,
  },
  ERR_EVENT_CLOSED: {
    status: 403,
    en: (p) => `The deadline to sign for "${p.event}" has passed (${p.deadline}).`,
    id: (p) => `Batas waktu penandatanganan "${p.event}" sudah lewat (${p.deadline}).`,
  },
  ERR_TEMPLATE_NOT_ALLOWED: {
    status: 400,
    en: (p) => `Template ${p.template} is not used here for ${p.employeeType}.`,
    id: (p) => `Templat ${p.template} tidak dipakai di sini untuk ${p.employeeType}.`,
  },
  ERR_TEXT_ALTERED: {
    status: 400,
    en: (p) => `The pledge text is not the official text${at(p)}.`,
    id: (p) => `Teks ikrar bukan teks resmi${at(p)}.`,
  },
  ERR_DIGEST_MISMATCH: {
    status: 400,
    en: () => 'The digest of the pledge text is wrong.',
    id: () => 'Digest teks ikrar salah.',
  },
  ERR_CONSENT_INCOMPLETE: {
    status: 400,
    en: () => 'Every point must be acknowledged, each once, in order.',
    id: () => 'Setiap butir harus disetujui, masing-masing sekali, berurutan.',
  },
  ERR_TYPED_NAME_MISMATCH: {
    status: 400,
    en: () => 'A typed signature must be your name as on the roster.',
    id: () => 'Tanda tangan ketik harus nama Anda sesuai daftar pegawai.',
  },
  ERR_TIME_INVALID: {
    status: 400,
    en: (p) => `A time in the credential is not now in the event's time zone${at(p)}.`,
    id: (p) => `Waktu dalam kredensial bukan waktu sekarang di zona waktu acara${at(p)}.`,
  },
  ERR_ID_TAKEN: {
    status: 409,
    en: () => 'Another record already has this id.',
    id: () => 'Rekaman lain sudah memakai id ini.',
  },
  ERR_SIGNATURE_INVALID: {
    status: 400,
    en: () => "The employee's own signature does not verify, or is not theirs.",
    id: () => 'Tanda tangan pegawai sendiri tidak valid atau bukan miliknya.',
  },
  ERR_UNAUTHORIZED: {
    status: 401,
    en: () => 'A valid bearer token is required.',
    id: () => 'Diperlukan token bearer yang sah.',
  },
  ERR_NOT_FOUND: {
    status: 404,
    en: () => 'Not found.',
    id: () => 'Tidak ditemukan.',
  },
  ERR_TIMEOUT: {
    status: 503,
    en: () => 'The request took too long; try again.',
    id: () => 'Permintaan terlalu lama; coba lagi.',
  },
  ERR_INTERNAL: {
    status: 500,
    en: () => 'Internal error.',
    id: () => 'Kesalahan internal.',
  },
  ERR_DATABASE_URL: {
    status: 500,
    en: () => 'The database URL must start with sqlite: or postgres:// (postgresql://).',
    id: () => 'URL basis data harus diawali sqlite: atau postgres:// (postgresql://).',
  },
  ERR_SCHEMA_TOO_NEW: {
    status: 500,
    en: (p) =>
      `The database schema "${p.namespace}" is at version ${p.found}, newer than this code knows (${p.known}); upgrade the code.`,
    id: (p) =>
      `Skema basis data "${p.namespace}" versi ${p.found}, lebih baru dari yang dikenal kode ini (${p.known}); perbarui kode.`,
  },
  ERR_MIGRATION_INVALID: {
    status: 500,
    en: (p) => `Migrations of "${p.namespace}" must have versions 1, 2, 3, … in order${at(p)}.`,
    id: (p) => `Migrasi "${p.namespace}" harus bernomor 1, 2, 3, … berurutan${at(p)}.`,
  },
  ERR_KEY_FILE_PERMISSIONS: {
    status: 500,
    en: (p) => `The agency key file ${p.file} can be read by others (mode ${p.mode}); run: chmod 600 ${p.file}`,
    id: (p) =>
      `Berkas kunci instansi ${p.file} dapat dibaca pihak lain (mode ${p.mode}); jalankan: chmod 600 ${p.file}`,
  },
  ERR_KEY_FILE_INVALID: {
    status: 500,
    en: (p) => `The agency key file ${p.file} is damaged.`,
    id: (p) => `Berkas kunci instansi ${p.file} rusak.`,
  },
  ERR_KEY_FILE_EXISTS: {
    status: 500,
    en: (p) => `The key file ${p.file} already exists; a key is never overwritten.`,
    id: (p) => `Berkas kunci ${p.file} sudah ada; kunci tidak pernah ditimpa.`,
  },
  ERR_REVOCATION_FINAL: {
    status: 409,
    en: () => 'A revoked record stays revoked; the employee signs a new record instead.',
    id: () => 'Rekaman yang sudah dicabut tetap dicabut; pegawai menandatangani rekaman baru.',
  },
  ERR_ALREADY_SIGNED: {
    status: 409,
    en: () => 'You have already signed this pledge; there is nothing left to draft.',
    id: () => 'Anda sudah menandatangani ikrar ini; tidak ada lagi yang perlu disiapkan.',
  },
  ERR_DRAFT_NOT_YOURS: {
    status: 403,
    en: () => 'This draft was reserved for another employee or another event.',
    id: () => 'Draf ini disiapkan untuk pegawai lain atau acara lain.',
  },
  ERR_DRAFT_EXPIRED: {
    status: 409,
    en: () => 'The draft has expired; ask for a new one and sign again.',
    id: () => 'Draf sudah kedaluwarsa; minta draf baru lalu tanda tangani lagi.',
  },
  ERR_DRAFT_USED: {
    status: 409,
    en: () => 'A record was already made from this draft; ask for a new one.',
    id: () => 'Draf ini sudah dipakai untuk sebuah rekaman; minta draf baru.',
  },
  ERR_DRAFT_MISMATCH: {
    status: 400,
    en: (p) => `The credential does not carry exactly what the agency reserved in its draft${at(p)}.`,
    id: (p) => `Kredensial tidak memuat persis apa yang disiapkan instansi dalam drafnya${at(p)}.`,
  },
  ERR_COLLECTIVE_NOT_CONFIGURED: {
    status: 404,
    en: () => 'This event has no collective pakta integritas.',
    id: () => 'Kegiatan ini tidak memiliki pakta integritas bersama.',
  },
  ERR_COLLECTIVE_STARTED: {
    status: 409,
    en: () => 'A representative has already signed the pakta integritas; its representatives can no longer change.',
    id: () => 'Seorang perwakilan sudah menandatangani pakta integritas; perwakilannya tidak dapat diubah lagi.',
  },
  ERR_NOT_REPRESENTATIVE: {
    status: 403,
    en: () => 'You are not one of the representatives named in this pakta integritas.',
    id: () => 'Anda bukan salah satu perwakilan yang disebut dalam pakta integritas ini.',
  },
  ERR_REPRESENTATIVE_SIGNED: {
    status: 409,
    en: () => 'You have already signed this pakta integritas with another signature; the first one stands.',
    id: () => 'Anda sudah menandatangani pakta integritas ini dengan tanda tangan lain; yang pertama berlaku.',
  },
  ERR_COUNTERSIGNATURE_INCOMPLETE: {
    status: 409,
    en: (p) =>
      `The agency countersigns only once every representative has signed: ${p.pending} of ${p.total} have not yet.`,
    id: (p) => `Instansi baru mengesahkan setelah semua perwakilan menandatangani: ${p.pending} dari ${p.total} belum.`,
  },
  ERR_COLLECTIVE_REVOKED: {
    status: 409,
    en: () =>
      'This pakta integritas has been revoked and takes no more signatures; an administrator names the representatives again for a new one.',
    id: () =>
      'Pakta integritas ini sudah dicabut dan tidak menerima tanda tangan lagi; administrator menetapkan perwakilan lagi untuk pakta yang baru.',
  },
};

/** The HTTP status and both messages of a code. */
export function messageFor(code: ServerErrorCode, params: MessageParams = {}): LocalizedText {
  const entry = SERVER_CATALOG[code];
  return { en: entry.en(params), id: entry.id(params) };
}

/**
 * The one error class of the package, on core's `IkrarError` base. `message` is English;
 * `messages` holds both languages; `status` is the HTTP status the service answers with; `path`
 * names the field, when one is at fault.
 *
 * Status and messages come from the class's `catalog` ({@link SERVER_CATALOG}). An application's
 * own errors extend this class with their code union and a catalog of their own, so that every
 * refusal has one shape and one body:
 *
 * @typeParam C - the code union of the class (the server's by default)
 * @example
 * ```ts
 * type PortalCode = 'ERR_CSRF' | 'ERR_NOT_FOUND';
 * class PortalError extends ServerError<PortalCode> {
 *   static override readonly catalog: ErrorCatalog<PortalCode> = {
 *     ERR_CSRF: { status: 403, id: () => 'Permintaan ditolak.', en: () => 'Refused.' },
 *     ERR_NOT_FOUND: SERVER_CATALOG.ERR_NOT_FOUND,
 *   };
 * }
 * new PortalError('ERR_CSRF').toJSON(); // { error: { code: 'ERR_CSRF', message: 'Refused.', messages } }
 * ```
 */
export class ServerError<C extends string = ServerErrorCode> extends IkrarError<C> {
  /** The catalog this class takes status and messages from; a subclass names its own. */
  static readonly catalog: ErrorCatalog<string> = SERVER_CATALOG;
  /** HTTP status. */
  readonly status: number;
  /** JSON path of the field at fault, when there is one. */
  readonly path: string | undefined;

  /**
   * @param code - a code of the class's catalog
   * @param params - the values its messages name; `path` also sets {@link ServerError.path}
   * @param options - `cause`: the error this one wraps
   * @throws {TypeError} when the class's catalog has no entry for `code`
   */
  constructor(code: NoInfer<C>, params: MessageParams = {}, options?: { cause?: unknown }) {
    const { catalog } = new.target as { readonly catalog: ErrorCatalog<string> };
    const entry = Object.hasOwn(catalog, code) ? catalog[code] : undefined;
    if (entry === undefined) throw new TypeError(`${new.target.name}: no catalog entry for the code ${code}`);
    super(code, { en: entry.en(params), id: entry.id(params) }, options);
    this.status = entry.status;
    this.path = typeof params.path === 'string' ? params.path : undefined;
  }

  /** The JSON body the service answers with. */
  toJSON(): { error: { code: C; message: string; messages: LocalizedText; path?: string } } {
    return {
      error: {
        code: this.code,
        message: this.messages.en,
        messages: this.messages,
        ...(this.path !== undefined && { path: this.path }),
      },
    };
  }
}

/** Whether a value is a {@link ServerError}. */
export function isServerError(value: unknown): value is ServerError {
  return value instanceof ServerError;
}
