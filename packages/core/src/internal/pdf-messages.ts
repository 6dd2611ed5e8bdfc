/**
 * The message catalogs of the PDF errors, loaded with the PDF code that throws them.
 *
 * @module
 * @internal
 */
import { type Entry, fill, type IkrarErrorOptions } from '../errors/base.js';
import { JsonInvalidError } from '../errors.js';
import { PdfInvalidError, PdfMultipleRecordsError, PdfNoRecordError, RecordInvalidError } from '../errors.js';
import type { PdfInvalidReason, PdfInvalidValues } from '../types.js';
import type { PdfRecordInvalidReason } from './error-messages.js';

/** `ERR_PDF_INVALID`, by reason; `{max}` and `{name}` as the reason names them. */
export const PDF_INVALID: Readonly<Record<PdfInvalidReason, Entry>> = {
  'too-large': [
    'PDF lebih dari {max} bita; sertifikat jauh lebih kecil.',
    'The PDF is larger than {max} bytes; a certificate is far smaller.',
  ],
  'not-pdf': ['Bukan berkas PDF (tidak ada kepala %PDF-).', 'Not a PDF file (no %PDF- header).'],
  unreadable: ['PDF tidak dapat dibaca.', 'The PDF cannot be read.'],
  'attachment-tree': [
    'Pohon lampiran PDF terlalu dalam atau berputar.',
    'The PDF attachment tree is too deep or loops.',
  ],
  'attachment-list': ['Daftar lampiran PDF rusak.', 'The PDF attachment list is malformed.'],
  'embedded-unreadable': ['Berkas terlampir {name} tidak dapat dibaca.', 'The embedded file {name} cannot be read.'],
  'record-too-large': ['Rekaman terlampir lebih dari {max} bita.', 'The embedded record is larger than {max} bytes.'],
};

/** `ERR_PDF_NO_RECORD`. */
export const PDF_NO_RECORD: Entry = [
  'PDF tidak memuat rekaman .json terlampir.',
  'The PDF carries no embedded .json record.',
];

/** `ERR_PDF_MULTIPLE_RECORDS`, with the `{count}` of `.json` files the PDF carries. */
export const PDF_MULTIPLE_RECORDS: Entry = [
  'PDF memuat {count} berkas .json terlampir; seharusnya tepat satu rekaman.',
  'The PDF carries {count} embedded .json files; exactly one record is expected.',
];

/** `ERR_JSON_INVALID` for an embedded file `{name}` that is not UTF-8 (reason `syntax`). */
export const EMBEDDED_NOT_UTF8: Entry = [
  'Berkas terlampir {name} bukan teks UTF-8.',
  'The embedded file {name} is not UTF-8 text.',
];

/** `ERR_RECORD_INVALID` of what a certificate prints (at JSON path `{p}`) and its signature drawing, by rule. */
export const PDF_RECORD_INVALID: Readonly<Record<PdfRecordInvalidReason, Entry>> = {
  'expected-text': ['Harus berupa teks ({p})', 'Expected text ({p})'],
  missing: ['Tidak ada ({p})', 'Missing ({p})'],
  'expected-points': ['Harus berupa daftar butir ({p})', 'Expected a list of points ({p})'],
  'expected-list': ['Harus daftar ({p})', 'Expected a list ({p})'],
  'expected-time': ['Harus RFC 3339 ({p})', 'Expected RFC 3339 ({p})'],
  'expected-boolean': ['Harus true atau false ({p})', 'Expected true or false ({p})'],
  'drawing-not-drawn': [
    'Gambar tanda tangan diberikan, tetapi rekaman tidak ditandatangani dengan tanda tangan gambar.',
    'A signature drawing was given, but the record was not signed with a drawn signature.',
  ],
  'drawing-mismatch': [
    'Gambar tanda tangan tidak cocok dengan rekaman: digest-nya berbeda dari consent.signatureDigestMultibase.',
    'The signature drawing does not match the record: its digest differs from consent.signatureDigestMultibase.',
  ],
  'drawing-collective': [
    'Gambar tanda tangan diberikan, tetapi pakta integritas kolektif hanya ditandatangani dengan kunci.',
    'A signature drawing was given, but a collective pakta integritas is signed with keys only.',
  ],
};

/**
 * `ERR_RECORD_INVALID` for a rule of the certificate, with its catalog message.
 * @param path - the field
 * @param reason - the rule it breaks
 * @returns the error to throw
 */
export function pdfRecordInvalid(path: string, reason: PdfRecordInvalidReason): RecordInvalidError {
  return new RecordInvalidError(path, reason, { messages: fill(PDF_RECORD_INVALID[reason], { p: path }) });
}

/**
 * `ERR_PDF_INVALID` for `reason`.
 * @param reason - why the PDF was refused
 * @param options - `cause`, and the values the message names
 * @returns the error to throw
 */
export function pdfInvalid(reason: PdfInvalidReason, options?: IkrarErrorOptions & PdfInvalidValues): PdfInvalidError {
  return new PdfInvalidError(reason, fill(PDF_INVALID[reason], { max: options?.max, name: options?.name }), options);
}

/** @returns `ERR_PDF_NO_RECORD` */
export function pdfNoRecord(): PdfNoRecordError {
  return new PdfNoRecordError(fill(PDF_NO_RECORD));
}

/** @param count - `.json` files found @returns `ERR_PDF_MULTIPLE_RECORDS` */
export function pdfMultipleRecords(count: number): PdfMultipleRecordsError {
  return new PdfMultipleRecordsError(count, fill(PDF_MULTIPLE_RECORDS, { count }));
}

/** @param name - the embedded file @returns `ERR_JSON_INVALID` (`syntax`) for a file that is not UTF-8 */
export function embeddedNotUtf8(name: string): JsonInvalidError {
  return new JsonInvalidError('syntax', undefined, { messages: fill(EMBEDDED_NOT_UTF8, { name }) });
}
