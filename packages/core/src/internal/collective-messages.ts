/**
 * The messages of the `ERR_RECORD_INVALID` and `ERR_SIGNATURE_INVALID` reasons only the collective
 * pakta integritas raises (building, signing as a representative, countersigning), loaded with the
 * collective code that throws them: a page that signs one employee's pledge does not carry them.
 *
 * @module
 * @internal
 */
import { type Entry, fill, type IkrarErrorOptions } from '../errors/base.js';
import { RecordInvalidError, SignatureInvalidError } from '../errors.js';
import type { RecordInvalidValues } from '../types.js';
import type { CollectiveRecordInvalidReason, CollectiveSignatureInvalidReason } from './error-messages.js';

/** `ERR_RECORD_INVALID` of the collective code, by rule, at JSON path `{p}`; `{max}` and `{value}` as the rule names them. */
export const COLLECTIVE_RECORD_INVALID: Readonly<Record<CollectiveRecordInvalidReason, Entry>> = {
  'collective-template': [
    'Rekaman kolektif memerlukan templat pakta integritas ({p})',
    'A collective record needs a pakta-integritas template ({p})',
  ],
  'representatives-count': ['Harus 1 sampai {max} perwakilan ({p})', 'Expected 1 to {max} representatives ({p})'],
  'person-twice': ['Orang yang sama disebut dua kali ({p})', 'The same person is named twice ({p})'],
  'proof-id': ['Harus urn:uuid:… ({p})', 'Expected urn:uuid:… ({p})'],
  'proof-id-twice': ['Id bukti harus berbeda ({p})', 'Proof ids must differ ({p})'],
  'record-id-is-proof-id': [
    'Id rekaman harus berbeda dari id bukti ({p})',
    'The record id must differ from the proof ids ({p})',
  ],
  'not-collective': [
    'Bukan rekaman kolektif ({value} dengan perwakilan).',
    'Not a collective record ({value} with representatives).',
  ],
  'no-representative': ['Tidak ada perwakilan nomor {value}.', 'There is no representative number {value}.'],
  countersigned: [
    'Instansi sudah menandatangani; tidak ada lagi yang dapat menandatangani.',
    'The agency has already countersigned; no one can sign any more.',
  ],
  'already-countersigned': [
    'Instansi sudah menandatangani dokumen ini.',
    'The agency has already countersigned this document.',
  ],
  'already-signed': ['{value} sudah menandatangani.', '{value} has already signed.'],
  'not-everyone-signed': ['Belum semua menandatangani: {value}.', 'Not everyone has signed yet: {value}.'],
};

/** `ERR_SIGNATURE_INVALID` of a representative's proof, by reason. */
export const COLLECTIVE_SIGNATURE_INVALID: Readonly<Record<CollectiveSignatureInvalidReason, Entry>> = {
  'representative-not-did-key': [
    'Perwakilan menandatangani dengan did:key miliknya sendiri.',
    'A representative signs with their own did:key.',
  ],
  'representative-key-used': [
    'Kunci ini sudah menandatangani untuk perwakilan lain.',
    'This key has already signed for another representative.',
  ],
  'representative-proof': [
    'Bukti tanda tangan seorang perwakilan tidak terverifikasi ({value}).',
    "A representative's proof does not verify ({value}).",
  ],
};

/**
 * `ERR_RECORD_INVALID` for a collective rule, with its catalog message.
 * @param path - the field
 * @param reason - the rule it breaks
 * @param values - the values the message names (`max`, `value`)
 * @returns the error to throw
 */
export function collectiveRecordInvalid(
  path: string,
  reason: CollectiveRecordInvalidReason,
  values?: RecordInvalidValues,
): RecordInvalidError {
  const messages = fill(COLLECTIVE_RECORD_INVALID[reason], { p: path, max: values?.max, value: values?.value });
  return new RecordInvalidError(path, reason, { ...values, messages });
}

/**
 * `ERR_SIGNATURE_INVALID` for a representative's proof, with its catalog message.
 * @param reason - what is wrong
 * @param options - `cause`; `value` is the verification code a `representative-proof` names
 * @returns the error to throw
 */
export function representativeSignatureInvalid(
  reason: CollectiveSignatureInvalidReason,
  options?: IkrarErrorOptions & { readonly value?: string },
): SignatureInvalidError {
  const messages = fill(COLLECTIVE_SIGNATURE_INVALID[reason], { value: options?.value });
  return new SignatureInvalidError(reason, { ...options, messages });
}
