/**
 * What `<ikrar-verifikasi>` says, in Bahasa Indonesia and English (its own terms: the signing
 * element's bundle does not carry them).
 *
 * @module
 */

const id = {
  title: 'Verifikasi rekaman Ikrar Netralitas',
  intro:
    'Pilih atau seret berkas rekaman (.jsonl, .json, .pdf). Semua diperiksa di peramban ini; tidak ada berkas yang dikirim ke mana pun.',
  records: 'Berkas rekaman (.jsonl, .json, .pdf)',
  trust: 'Daftar kepercayaan (trust.json)',
  trustFromUrl: (u: string) => `Daftar kepercayaan dari ${u}`,
  roster: 'Daftar pegawai (CSV, opsional)',
  status: 'Daftar status pencabutan (.json, opsional)',
  drop: 'Seret berkas ke sini, atau pilih dengan tombol di atas.',
  chosen: (n: number) => `${n} berkas rekaman dipilih`,
  verify: 'Verifikasi',
  verifying: (n: number) => `Memverifikasi… ${n.toLocaleString('id-ID')} rekaman diperiksa`,
  done: (n: number, ms: number) =>
    `Selesai: ${n.toLocaleString('id-ID')} rekaman diperiksa dalam ${(ms / 1000).toLocaleString('id-ID')} detik.`,
  allValid: (n: number) => `SEMUA SAH: ${n.toLocaleString('id-ID')} rekaman.`,
  notAllValid: (n: number, t: number) => `TIDAK SEMUA SAH: ${n} dari ${t} rekaman tidak sah.`,
  empty: 'TIDAK ADA REKAMAN yang diperiksa.',
  summary: 'Ringkasan per putusan',
  verdict: 'Putusan',
  count: 'Jumlah',
  failures: 'Rekaman yang tidak sah',
  where: 'Berkas dan baris',
  why: 'Alasan',
  who: 'Penanda tangan',
  more: (n: number) => `… dan ${n} lainnya (ada di berkas hasil)`,
  coverage: (s: number, x: number) => `Cakupan daftar pegawai: ${s} dari ${x} sudah menandatangani.`,
  notSigned: (n: number) => `${n} pegawai belum menandatangani.`,
  saveJson: 'Simpan hasil (JSON)',
  saveCsv: 'Simpan hasil (CSV)',
  needTrust: 'Pilih daftar kepercayaan (trust.json) dulu.',
  needRecords: 'Pilih berkas rekaman dulu.',
  trustFetchFailed: (u: string) => `Daftar kepercayaan tidak dapat diambil dari ${u}.`,
  failed: 'Verifikasi gagal',
};

const en: typeof id = {
  title: 'Verify Ikrar Netralitas records',
  intro:
    'Choose or drop record files (.jsonl, .json, .pdf). Everything is checked in this browser; no file is sent anywhere.',
  records: 'Record files (.jsonl, .json, .pdf)',
  trust: 'Trust store (trust.json)',
  trustFromUrl: (u) => `Trust store from ${u}`,
  roster: 'Employee roster (CSV, optional)',
  status: 'Revocation status lists (.json, optional)',
  drop: 'Drop files here, or choose them with the buttons above.',
  chosen: (n) => `${n} record file(s) chosen`,
  verify: 'Verify',
  verifying: (n) => `Verifying… ${n.toLocaleString('en-US')} records checked`,
  done: (n, ms) => `Done: ${n.toLocaleString('en-US')} records checked in ${(ms / 1000).toLocaleString('en-US')} s.`,
  allValid: (n) => `ALL VALID: ${n.toLocaleString('en-US')} records.`,
  notAllValid: (n, t) => `NOT ALL VALID: ${n} of ${t} records are not valid.`,
  empty: 'NO RECORDS were examined.',
  summary: 'Summary by verdict',
  verdict: 'Verdict',
  count: 'Count',
  failures: 'Records that are not valid',
  where: 'File and line',
  why: 'Reason',
  who: 'Signer',
  more: (n) => `… and ${n} more (in the results file)`,
  coverage: (s, x) => `Roster coverage: ${s} of ${x} have signed.`,
  notSigned: (n) => `${n} employees have not signed yet.`,
  saveJson: 'Save results (JSON)',
  saveCsv: 'Save results (CSV)',
  needTrust: 'Choose a trust store (trust.json) first.',
  needRecords: 'Choose record files first.',
  trustFetchFailed: (u) => `The trust store could not be fetched from ${u}.`,
  failed: 'Verification failed',
};

/** The element's terms by language. */
export const TERMS: { readonly id: typeof id; readonly en: typeof id } = { id, en };
/** One language's terms. */
export type VerifikasiTerms = typeof id;
