/**
 * The words a certificate prints around the pledge, in Bahasa Indonesia and English. The pledge itself
 * is printed in the language it was signed in; only these labels follow `options.language`.
 *
 * @module
 * @example
 * ```ts
 * import { CERTIFICATE_LABELS } from './labels.js';
 * CERTIFICATE_LABELS.en.name; // 'Name'
 * ```
 */
import type { EmployeeType, IdentifierScheme } from '../identity.js';
import { parseTimestamp, TIME_ZONE_OFFSETS, type IndonesianTimeZone } from '../time.js';
import type { ConsentMethod } from '../record.js';
import type { PledgeKind } from '../templates/define-template.js';

/** Languages a certificate's labels come in. */
export type CertificateLanguage = 'id' | 'en';

/** Every label a certificate prints. Terms that take values are functions (never concatenated sentences). */
export interface CertificateLabels {
  readonly locale: string;
  readonly months: readonly string[];
  readonly timeSeparator: string;
  readonly name: string;
  readonly identifier: Readonly<Record<IdentifierScheme, string>>;
  readonly employeeType: string;
  readonly employeeTypes: Readonly<Record<EmployeeType, string>>;
  readonly position: string;
  readonly workUnit: string;
  readonly event: string;
  readonly place: string;
  readonly signedAt: string;
  /** Above the signature: who pledged (ikrar) or declared (pakta integritas). */
  readonly pledgedBy: Readonly<Record<PledgeKind, string>>;
  readonly method: Readonly<Record<ConsentMethod, string>>;
  /** Above the agency's countersignature: "Mengetahui," (acknowledged by). */
  readonly countersignedBy: string;
  /** When the agency countersigned, in words: date and time in the event's zone. */
  readonly countersignedAt: (date: string, time: string) => string;
  /** The row saying where the pledge was signed (the agency's apel presence evidence). */
  readonly presence: string;
  /** Signed at the apel: when the agency checked the code, and which code. */
  readonly presenceAtApel: (date: string, time: string, code: string) => string;
  readonly presenceOutside: string;
  /** A representative of a collective pakta integritas who signed: when, and with which key. */
  readonly representativeSigned: (date: string, time: string, key: string) => string;
  readonly representativeNotSigned: string;
  readonly drawnMissing: string;
  readonly clickNote: string;
  readonly scanToVerify: string;
  readonly verificationCode: string;
  readonly legalBasis: string;
  readonly footer: (fileName: string) => string;
  readonly page: (n: number, of: number) => string;
  readonly attachmentDescription: string;
}

/** Labels in Bahasa Indonesia (the default) and English. */
export const CERTIFICATE_LABELS: Readonly<Record<CertificateLanguage, CertificateLabels>> = {
  id: {
    locale: 'id-ID',
    months: [
      'Januari',
      'Februari',
      'Maret',
      'April',
      'Mei',
      'Juni',
      'Juli',
      'Agustus',
      'September',
      'Oktober',
      'November',
      'Desember',
    ],
    timeSeparator: '.',
    name: 'Nama',
    identifier: { NIP: 'NIP', 'NI-PPPK': 'NI PPPK', NIK: 'NIK', OTHER: 'Nomor identitas' },
    employeeType: 'Status kepegawaian',
    employeeTypes: { PNS: 'PNS', PPPK: 'PPPK', PPNPN: 'PPNPN (non-ASN)' },
    position: 'Jabatan',
    workUnit: 'Unit kerja',
    event: 'Kegiatan',
    place: 'Tempat',
    signedAt: 'Ditandatangani',
    pledgedBy: { ikrar: 'Yang berikrar,', 'pakta-integritas': 'Yang menyatakan,' },
    method: { drawn: 'tanda tangan digambar', typed: 'nama diketik', click: 'persetujuan klik' },
    countersignedBy: 'Mengetahui,',
    countersignedAt: (date, time) => `Ditandatangani secara elektronik ${date} pukul ${time}`,
    presence: 'Kehadiran',
    presenceAtApel: (date, time, code) => `Ditandatangani di apel, ${date} pukul ${time} (kode apel ${code})`,
    presenceOutside: 'Ditandatangani di luar apel (tanpa kode apel)',
    representativeSigned: (date, time, key) =>
      `Ditandatangani secara elektronik ${date} pukul ${time} dengan kunci ${key}`,
    representativeNotSigned: 'Belum menandatangani',
    drawnMissing: '(tanda tangan digambar; gambarnya tidak disertakan)',
    clickNote: '(disetujui secara elektronik)',
    scanToVerify: 'Pindai untuk verifikasi',
    verificationCode: 'Kode verifikasi',
    legalBasis: 'Dasar hukum',
    footer: (file) =>
      `Tanda tangan elektronik tidak tersertifikasi (PP 71/2019) yang dapat diverifikasi mandiri: rekaman bertanda tangan terlampir dalam berkas ini sebagai ${file}.`,
    page: (n, of) => `Halaman ${n} dari ${of}`,
    attachmentDescription: 'Rekaman ikrar bertanda tangan (W3C Verifiable Credential, eddsa-jcs-2022)',
  },
  en: {
    locale: 'en',
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    timeSeparator: ':',
    name: 'Name',
    identifier: { NIP: 'NIP', 'NI-PPPK': 'NI PPPK', NIK: 'NIK', OTHER: 'ID number' },
    employeeType: 'Employment',
    employeeTypes: { PNS: 'PNS (civil servant)', PPPK: 'PPPK (contract civil servant)', PPNPN: 'PPNPN (non-ASN)' },
    position: 'Position',
    workUnit: 'Work unit',
    event: 'Event',
    place: 'Place',
    signedAt: 'Signed',
    pledgedBy: { ikrar: 'Pledged by,', 'pakta-integritas': 'Declared by,' },
    method: { drawn: 'drawn signature', typed: 'typed name', click: 'click consent' },
    countersignedBy: 'Acknowledged by,',
    countersignedAt: (date, time) => `Signed electronically on ${date} at ${time}`,
    presence: 'Presence',
    presenceAtApel: (date, time, code) => `Signed at the apel, ${date} at ${time} (apel code ${code})`,
    presenceOutside: 'Signed outside the apel (no apel code)',
    representativeSigned: (date, time, key) => `Signed electronically on ${date} at ${time} with key ${key}`,
    representativeNotSigned: 'Not signed yet',
    drawnMissing: '(drawn signature; the drawing is not included)',
    clickNote: '(consented electronically)',
    scanToVerify: 'Scan to verify',
    verificationCode: 'Verification code',
    legalBasis: 'Legal basis',
    footer: (file) =>
      `Uncertified electronic signature (PP 71/2019) that anyone can verify: the signed record is attached to this file as ${file}.`,
    page: (n, of) => `Page ${n} of ${of}`,
    attachmentDescription: 'Signed pledge record (W3C Verifiable Credential, eddsa-jcs-2022)',
  },
};

/**
 * Formats an RFC 3339 timestamp as the wall-clock date and time in the event's zone, in words: the
 * instant is moved to the zone's offset first, so a time written in UTC (or in another zone) shows as
 * the people at the event read their clocks.
 * @param timestamp - e.g. `2024-10-07T00:15:00Z`
 * @param zone - the event's zone (WIB, WITA, WIT); any other name keeps the timestamp's own offset,
 *   printed as `UTC+hh:mm`
 * @param labels - the language
 * @returns `{ date: '7 Oktober 2024', time: '08.15 WITA' }`, or `null` when the text is no RFC 3339
 *   timestamp with an offset
 * @example formatLocalDateTime('2024-10-07T00:15:00Z', 'WITA', CERTIFICATE_LABELS.id)
 */
export function formatLocalDateTime(
  timestamp: string,
  zone: string,
  labels: CertificateLabels,
): { date: string; time: string } | null {
  const instant = parseTimestamp(timestamp);
  if (instant === null) return null;
  let offset = TIME_ZONE_OFFSETS[zone as IndonesianTimeZone] as number | undefined;
  let name = zone;
  if (offset === undefined) {
    const m = /(Z|([+-])(\d{2}):(\d{2}))$/.exec(timestamp) as RegExpExecArray;
    offset = m[1] === 'Z' ? 0 : (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4]));
    const abs = Math.abs(offset);
    name = `UTC${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  }
  const local = new Date(instant.getTime() + offset * 60_000).toISOString();
  const date = formatDate(local.slice(0, 10), labels);
  if (date === null) return null;
  return { date, time: `${local.slice(11, 13)}${labels.timeSeparator}${local.slice(14, 16)} ${name}` };
}

/**
 * Formats a `YYYY-MM-DD` calendar date.
 * @param ymd - the date
 * @param labels - the language
 * @returns e.g. `8 Januari 2024`, or `null` when malformed
 * @example formatDate('2024-01-08', CERTIFICATE_LABELS.id) // '8 Januari 2024'
 */
export function formatDate(ymd: string, labels: CertificateLabels): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return null;
  const month = labels.months[Number(m[2]) - 1];
  if (month === undefined) return null;
  return `${Number(m[3])} ${month} ${m[1]}`;
}
