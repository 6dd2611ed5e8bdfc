/**
 * Everything `ikrar-verify` says, in Bahasa Indonesia and English. The language comes from
 * `--lang`, else `IKRAR_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`; Indonesian is the default.
 *
 * @module
 * @example
 * ```ts
 * const t = MESSAGES[detectLang(process.env)];
 * console.log(t.allValid);
 * ```
 */

/** A language of the command. */
export type Lang = 'id' | 'en';

/**
 * The language from the environment.
 * @param env - `process.env`
 * @returns `en` when the first set variable starts with `en`, else `id`
 * @example detectLang({ LANG: 'en_US.UTF-8' }) // 'en'
 */
export function detectLang(env: Record<string, string | undefined>): Lang {
  for (const k of ['IKRAR_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[k];
    if (v) return /^en/i.test(v) ? 'en' : 'id';
  }
  return 'id';
}

const id = {
  usage: `Penggunaan: ikrar-verify [BERKAS atau DIREKTORI ...] --trust trust.json [opsi]

Memverifikasi rekaman Ikrar Netralitas ASN (.json, .jsonl, .pdf, direktori, - untuk stdin)
terhadap daftar penerbit tepercaya.

Opsi:
  --trust BERKAS    daftar kepercayaan (wajib)
  --json            satu objek JSON di stdout (ringkasan dan hasil per rekaman)
  --html BERKAS     tulis laporan HTML mandiri
  --roster BERKAS   CSV pegawai (nip/nik, nama, unit_kerja): cakupan dan yang belum menandatangani
  --before WAKTU    batas waktu RFC 3339; yang ditandatangani sesudahnya: after-deadline
  --status BERKAS|DIREKTORI  kredensial daftar status tersimpan (.json; boleh berulang):
                    rekaman yang bitnya menyala: revoked
  --require-status  rekaman yang daftar statusnya tidak diberikan: status-unknown
  --reveal          tampilkan nomor induk lengkap (bawaan: disamarkan)
  --lang id|en      bahasa keluaran
  --engine auto|sodium|node|noble   mesin Ed25519 (bawaan: auto)
  --jobs N          jumlah worker (bawaan: jumlah inti CPU)
  --quiet           tanpa tampilan kemajuan
  -h, --help        bantuan ini;  -v, --version  versi

Kode keluar: 0 semua sah, 1 ada yang tidak sah (atau tidak ada rekaman), 2 kesalahan penggunaan atau I/O.`,
  progress: (n: number, rate: number) =>
    `Memverifikasi… ${n.toLocaleString('id-ID')} rekaman (${rate.toLocaleString('id-ID')}/detik)`,
  summaryTitle: 'Ringkasan verifikasi',
  total: 'Jumlah diperiksa',
  allValid: (n: number) => `SEMUA SAH: ${n} rekaman.`,
  notAllValid: (n: number, total: number) => `TIDAK SEMUA SAH: ${n} dari ${total} rekaman tidak sah.`,
  empty: 'TIDAK ADA REKAMAN yang diperiksa.',
  failuresOmitted: (n: number) => `(${n} kegagalan lain)`,
  coverage: (s: number, x: number) => `Cakupan daftar pegawai: ${s} dari ${x} sudah menandatangani.`,
  notSigned: 'Belum menandatangani:',
  more: (n: number) => `… dan ${n} lainnya`,
  notOnRoster: (n: number) => `${n} rekaman sah dari orang di luar daftar pegawai.`,
  htmlWritten: (f: string) => `Laporan HTML ditulis ke ${f}`,
  noInput: 'Tidak ada masukan. Sebutkan berkas atau direktori, atau - untuk stdin.',
  trustRequired: 'Opsi --trust BERKAS wajib.',
  badLang: 'Nilai --lang harus id atau en.',
  badEngine: 'Nilai --engine harus auto, sodium, node atau noble.',
  noSodium: 'Mesin sodium tidak tersedia (paket opsional sodium-native tidak terpasang).',
  badJobs: 'Nilai --jobs harus bilangan bulat 0 sampai 64.',
  badBefore: 'Nilai --before harus waktu RFC 3339 dengan zona, mis. 2024-11-27T00:00:00+07:00.',
  unknownOption: (o: string) => `Opsi tidak dikenal atau tidak lengkap: ${o}`,
  notFound: (f: string) => `Berkas tidak ditemukan: ${f}`,
  unreadable: (f: string) => `Berkas tidak dapat dibaca: ${f}`,
  trustUnreadable: (f: string) => `Daftar kepercayaan tidak dapat dibaca: ${f}`,
  rosterUnreadable: (f: string) => `Daftar pegawai tidak dapat dibaca: ${f}`,
  statusUnreadable: (f: string) => `Daftar status tidak dapat dibaca: ${f}`,
  statusNone: (f: string) => `Tidak ada berkas .json di ${f}`,
  requireStatusAlone: 'Opsi --require-status memerlukan --status.',
  htmlUnwritable: (f: string) => `Laporan HTML tidak dapat ditulis: ${f}`,
  internal: (m: string) => `Kesalahan internal: ${m}`,
};

const en: typeof id = {
  usage: `Usage: ikrar-verify [FILES or DIRS ...] --trust trust.json [options]

Verifies Ikrar Netralitas ASN records (.json, .jsonl, .pdf, directories, - for stdin)
against a trust store of issuers.

Options:
  --trust FILE      trust store (required)
  --json            one JSON object on stdout (summary and per-record results)
  --html FILE       write a self-contained HTML report
  --roster FILE     employee CSV (nip/nik, name, work unit): coverage and who has not signed
  --before TIME     RFC 3339 deadline; records signed after it: after-deadline
  --status FILE|DIR saved status list credentials (.json; may repeat):
                    a record whose bit is set: revoked
  --require-status  a record whose status list was not given: status-unknown
  --reveal          show identifiers in full (default: masked)
  --lang id|en      output language
  --engine auto|sodium|node|noble   Ed25519 engine (default: auto)
  --jobs N          worker threads (default: number of CPU cores)
  --quiet           no progress display
  -h, --help        this help;  -v, --version  version

Exit codes: 0 all valid, 1 at least one not valid (or no records), 2 usage or I/O error.`,
  progress: (n, rate) => `Verifying… ${n.toLocaleString('en-US')} records (${rate.toLocaleString('en-US')}/s)`,
  summaryTitle: 'Verification summary',
  total: 'Records examined',
  allValid: (n) => `ALL VALID: ${n} records.`,
  notAllValid: (n, total) => `NOT ALL VALID: ${n} of ${total} records are not valid.`,
  empty: 'NO RECORDS were examined.',
  failuresOmitted: (n) => `(${n} more failures)`,
  coverage: (s, x) => `Roster coverage: ${s} of ${x} have signed.`,
  notSigned: 'Not yet signed:',
  more: (n) => `… and ${n} more`,
  notOnRoster: (n) => `${n} valid records of people not on the roster.`,
  htmlWritten: (f) => `HTML report written to ${f}`,
  noInput: 'No input. Name files or directories, or - for stdin.',
  trustRequired: 'The option --trust FILE is required.',
  badLang: '--lang must be id or en.',
  badEngine: '--engine must be auto, sodium, node or noble.',
  noSodium: 'The sodium engine is not available (the optional sodium-native package is not installed).',
  badJobs: '--jobs must be a whole number from 0 to 64.',
  badBefore: '--before must be an RFC 3339 time with an offset, e.g. 2024-11-27T00:00:00+07:00.',
  unknownOption: (o) => `Unknown or incomplete option: ${o}`,
  notFound: (f) => `File not found: ${f}`,
  unreadable: (f) => `File cannot be read: ${f}`,
  trustUnreadable: (f) => `Trust store cannot be read: ${f}`,
  rosterUnreadable: (f) => `Roster cannot be read: ${f}`,
  statusUnreadable: (f) => `Status list cannot be read: ${f}`,
  statusNone: (f) => `No .json file in ${f}`,
  requireStatusAlone: 'The option --require-status needs --status.',
  htmlUnwritable: (f) => `HTML report cannot be written: ${f}`,
  internal: (m) => `Internal error: ${m}`,
};

/** The command's messages by language. */
export const MESSAGES: Record<Lang, typeof id> = { id, en };
