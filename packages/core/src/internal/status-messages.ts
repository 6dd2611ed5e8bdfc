/**
 * Messages of the status-list errors and verdicts, in Bahasa Indonesia and English, keyed by what
 * went wrong. One catalog, so a throw site never writes its own text.
 *
 * @module
 * @internal
 */
import type { LocalizedText } from '../types.js';

/** What a status-list message is about. */
export type StatusMessageKey =
  | 'not-string'
  | 'prefix'
  | 'base64url'
  | 'gzip'
  | 'too-short'
  | 'too-large'
  | 'full'
  | 'entry'
  | 'entry-range'
  | 'credential';

const fmt = (n: number): string => n.toLocaleString('en-US');
const fmtId = (n: number): string => n.toLocaleString('en-US').replace(/,/g, '.');

/**
 * The message for a key.
 * @param key - what went wrong
 * @param n - the number it names (a length or limit in entries)
 * @param path - the field it names
 * @returns `{ id, en }`
 */
export function statusMessage(key: StatusMessageKey, n = 0, path = ''): LocalizedText {
  switch (key) {
    case 'not-string':
      return { id: 'encodedList harus berupa teks.', en: 'encodedList must be a string.' };
    case 'prefix':
      return {
        id: 'encodedList harus multibase base64url yang diawali "u".',
        en: 'encodedList must be multibase base64url starting with "u".',
      };
    case 'base64url':
      return {
        id: 'encodedList bukan base64url tanpa padding.',
        en: 'encodedList is not unpadded base64url.',
      };
    case 'gzip':
      return {
        id: 'encodedList bukan satu anggota GZIP yang utuh.',
        en: 'encodedList is not a single, complete GZIP member.',
      };
    case 'too-short':
      return {
        id: `Daftar status hanya berisi ${fmtId(n)} entri; minimal 131.072.`,
        en: `The status list holds only ${fmt(n)} entries; the minimum is 131,072.`,
      };
    case 'too-large':
      return {
        id: `Daftar status melebihi batas ${fmtId(n)} entri.`,
        en: `The status list exceeds the limit of ${fmt(n)} entries.`,
      };
    case 'full':
      return {
        id: 'Semua indeks daftar status sudah terpakai.',
        en: 'Every index of the status list is taken.',
      };
    case 'entry':
      return {
        id: `credentialStatus tidak sah bentuknya (${path}).`,
        en: `credentialStatus is malformed (${path}).`,
      };
    case 'entry-range':
      return {
        id: `statusListIndex ${fmtId(n)} di luar panjang daftar status.`,
        en: `statusListIndex ${fmt(n)} is outside the status list.`,
      };
    case 'credential':
      return {
        id: `Kredensial daftar status tidak sah bentuknya (${path}).`,
        en: `The status list credential is malformed (${path}).`,
      };
  }
}
