/**
 * Bahasa Indonesia, the default and the fallback language.
 *
 * @module
 * @example
 * ```ts
 * import id from './id.js';
 * id.steps.pledge; // 'Ikrar'
 * ```
 */
import type { Translation } from './translation.js';

const translation: Translation = {
  $code: 'id',
  $name: 'Bahasa Indonesia',
  formLabel: 'Formulir ikrar netralitas',
  progressLabel: 'Langkah pengisian',
  steps: { pledge: 'Ikrar', identity: 'Identitas', signature: 'Tanda tangan', review: 'Periksa', done: 'Selesai' },
  stepOf: (n, total, name) => `Langkah ${n} dari ${total}: ${name}`,
  next: 'Lanjut',
  back: 'Kembali',
  legalBasis: 'Dasar hukum',
  eventLabel: 'Kegiatan',
  placeLabel: 'Tempat',
  dateLabel: 'Tanggal',
  pointLabel: (n) => `Butir ${n}`,
  acknowledgePoint: (n) => `Saya memahami dan menyetujui butir ${n}`,
  acknowledgeHelp: 'Bacalah setiap butir, lalu centang persetujuan Anda pada masing-masing butir.',
  pointsRemaining: (n) => (n === 0 ? 'Semua butir telah disetujui.' : `${n} butir belum disetujui.`),
  identityHelp: 'Isi identitas Anda sesuai data kepegawaian.',
  name: 'Nama lengkap',
  employeeType: 'Jenis pegawai',
  employeeTypes: { PNS: 'PNS', PPPK: 'PPPK', PPNPN: 'PPNPN (non-ASN)' },
  identifier: { NIP: 'NIP', 'NI-PPPK': 'NI PPPK', NIK: 'NIK', OTHER: 'Nomor pegawai' },
  identifierHelp: {
    NIP: '18 angka, boleh dengan spasi.',
    'NI-PPPK': '18 angka, boleh dengan spasi.',
    NIK: '16 angka sesuai KTP.',
    OTHER: 'Nomor pegawai dari instansi.',
  },
  identifierValid: 'Format nomor sudah benar.',
  position: 'Jabatan',
  workUnit: 'Unit kerja',
  optional: 'opsional',
  required: 'wajib',
  lockedByAgency: 'Diisi oleh instansi',
  fieldRequired: (label) => `${label} wajib diisi.`,
  signatureHelp: 'Pilih cara menandatangani.',
  signatureType: 'Cara menandatangani',
  signatureTypeHelp: 'Pilih salah satu tombol dengan Tab lalu Enter, atau klik/ketuk.',
  signatureTypes: { drawn: 'Gambar tanda tangan', typed: 'Ketik nama' },
  drawHelp:
    'Gambar tanda tangan Anda di dalam kotak dengan jari, pena, atau tetikus. Tanpa tetikus? Pilih "Ketik nama".',
  drawAreaLabel: 'Area gambar tanda tangan',
  drawStrokes: (n) => (n === 0 ? 'Belum ada goresan.' : `Tanda tangan digambar dengan ${n} goresan.`),
  undo: 'Urungkan',
  clear: 'Hapus',
  drawEmpty: 'Gambar tanda tangan Anda terlebih dahulu.',
  typedLabel: 'Ketik nama lengkap Anda sebagai tanda tangan',
  typedHelp: (name) =>
    `Ketik nama Anda sesuai identitas${name ? ` (${name})` : ''}; huruf besar/kecil dan spasi boleh berbeda. Nama ini berlaku sebagai tanda tangan elektronik tidak tersertifikasi.`,
  typedMismatch: (name) => `Tanda tangan harus berupa nama Anda sendiri: ${name}.`,
  typedPreviewLabel: 'Pratinjau tanda tangan',
  reviewHelp: 'Periksa kembali sebelum menandatangani. Setelah ditandatangani, ikrar tidak dapat diubah.',
  edit: (section) => `Ubah ${section.toLowerCase()}`,
  editShort: 'Ubah',
  signatureLabel: 'Tanda tangan',
  sign: 'Tanda tangani ikrar',
  signing: 'Sedang menandatangani…',
  retry: 'Coba lagi',
  doneHeading: 'Ikrar telah ditandatangani',
  doneText: 'Terima kasih. Rekaman ikrar Anda telah ditandatangani dan diverifikasi.',
  verified: 'Tanda tangan terverifikasi',
  recordId: 'Nomor rekaman',
  signedAt: 'Waktu',
  issuer: 'Instansi',
  downloadJson: 'Unduh JSON',
  downloadPdf: 'Unduh PDF',
  pdfPreparing: 'Menyiapkan PDF…',
  signAgain: 'Isi ikrar baru',
  stepAnnounce: (n, total, name) => `Langkah ${n} dari ${total}: ${name}`,
  signRequired: 'Silakan tanda tangani ikrar terlebih dahulu.',
  downloadStarted: 'Unduhan dimulai.',
};

export default translation;
