/**
 * The message catalog of the status-list errors and verdict, keyed by code (then by reason), in
 * Bahasa Indonesia first and English. Kept beside the status code rather than in
 * `error-messages.ts`, so a page that never reads a status list does not carry these texts; the
 * error classes fill them (`{n}` as written in each language, `{p}` a JSON path).
 *
 * @module
 * @internal
 */
import type { Entry } from '../errors/base.js';
import type { StatusListEncodingReason } from '../types.js';

/** `ERR_STATUS_LIST_ENCODING`, by reason. */
export const STATUS_LIST_ENCODING: Readonly<Record<StatusListEncodingReason, Entry>> = {
  'not-string': ['encodedList harus berupa teks.', 'encodedList must be a string.'],
  prefix: [
    'encodedList harus multibase base64url yang diawali "u".',
    'encodedList must be multibase base64url starting with "u".',
  ],
  base64url: ['encodedList bukan base64url tanpa padding.', 'encodedList is not unpadded base64url.'],
  gzip: ['encodedList bukan satu anggota GZIP yang utuh.', 'encodedList is not a single, complete GZIP member.'],
};

/** `ERR_STATUS_LIST_TOO_SHORT`: `{nId}` / `{nEn}` entries. */
export const STATUS_LIST_TOO_SHORT: Entry = [
  'Daftar status hanya berisi {nId} entri; minimal 131.072.',
  'The status list holds only {nEn} entries; the minimum is 131,072.',
];

/** `ERR_STATUS_LIST_TOO_LARGE`: the limit, `{nId}` / `{nEn}` entries. */
export const STATUS_LIST_TOO_LARGE: Entry = [
  'Daftar status melebihi batas {nId} entri.',
  'The status list exceeds the limit of {nEn} entries.',
];

/** `ERR_STATUS_LIST_FULL`. */
export const STATUS_LIST_FULL: Entry = [
  'Semua indeks daftar status sudah terpakai.',
  'Every index of the status list is taken.',
];

/** `ERR_STATUS_ENTRY_INVALID`: a malformed field `{p}`, or an index `{nId}` / `{nEn}` outside the list. */
export const STATUS_ENTRY_INVALID: { readonly malformed: Entry; readonly range: Entry } = {
  malformed: ['credentialStatus tidak sah bentuknya ({p}).', 'credentialStatus is malformed ({p}).'],
  range: ['statusListIndex {nId} di luar panjang daftar status.', 'statusListIndex {nEn} is outside the status list.'],
};

/** The verdict `ERR_STATUS_LIST_CREDENTIAL_INVALID` of `verifyStatusListCredential`: field `{p}`. */
export const STATUS_CREDENTIAL_INVALID: Entry = [
  'Kredensial daftar status tidak sah bentuknya ({p}).',
  'The status list credential is malformed ({p}).',
];

/** A count as each language writes it: `{nId}` 131.072, `{nEn}` 131,072. */
export function counted(n: number): { nId: string; nEn: string } {
  const en = n.toLocaleString('en-US');
  return { nId: en.replace(/,/g, '.'), nEn: en };
}
