import { describe, expect, it } from 'vitest';
import {
  IkrarError,
  type IkrarErrorOptions,
  isIkrarError,
  CanonicalizationError,
  ConsentIncompleteError,
  IdentifierInvalidError,
  KeyInvalidError,
  type LocalizedText,
  RecordInvalidError,
  TemplateInvalidError,
  TemplateUnknownError,
  ProofChainBrokenError,
  SignatureInvalidError,
  StatusListEncodingError,
} from '../src/errors.js';
import { decodeStatusList } from '../src/status-list.js';
import * as base from '../src/errors/base.js';
import * as catalog from '../src/internal/error-messages.js';
import * as collective from '../src/internal/collective-messages.js';
import * as key from '../src/internal/key-messages.js';
import * as pdf from '../src/internal/pdf-messages.js';
import * as status from '../src/internal/status-messages.js';
import {
  CreatedInvalidError,
  StatusEntryInvalidError,
  StatusListFullError,
  StatusListTooLargeError,
  StatusListTooShortError,
} from '../src/errors.js';
import { createProof } from '../src/crypto.js';
import { createSigner, generateKeyPair } from '../src/keys.js';

const M = { ...base, ...catalog, ...collective, ...key, ...pdf };
import { multibaseToPublicKey } from '../src/keys.js';

// A package built on core declares its own codes on the same base, as the verifier and widget do.
class ForeignError extends IkrarError<'ERR_FOREIGN'> {
  constructor(options?: IkrarErrorOptions) {
    super('ERR_FOREIGN', { id: 'Asing.', en: 'Foreign.' }, options);
  }
}

describe('IkrarError, the one base class', () => {
  it('carries code, both languages, the class name and the cause', () => {
    const cause = new Error('low level');
    const err = new ForeignError({ cause });
    expect(err).toBeInstanceOf(IkrarError);
    expect(err).toBeInstanceOf(Error);
    expect([err.name, err.code, err.message, err.messages.id]).toEqual([
      'ForeignError',
      'ERR_FOREIGN',
      'Foreign.',
      'Asing.',
    ]);
    expect(err.cause).toBe(cause);
    expect('cause' in new ForeignError()).toBe(false);
  });

  it('isIkrarError answers for core codes only', () => {
    expect(isIkrarError(new ForeignError())).toBe(false);
    expect(isIkrarError(new Error('x'))).toBe(false);
    let caught: unknown;
    try {
      multibaseToPublicKey('not base58!');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(KeyInvalidError);
    expect(isIkrarError(caught)).toBe(true);
    const err = caught as KeyInvalidError;
    expect(err.code).toBe('ERR_KEY_INVALID');
    expect(err.message).toBe('Public key is not multibase base58btc.');
    expect(err.messages.id).toBe('Kunci publik bukan multibase base58btc.');
    expect(err.cause).toBeInstanceOf(Error);
  });

  it('status-list errors are core errors too, with their code and both languages', async () => {
    const caught = await decodeStatusList('xABC').catch((e: unknown) => e);
    expect(caught).toBeInstanceOf(StatusListEncodingError);
    expect(isIkrarError(caught)).toBe(true);
    const err = caught as StatusListEncodingError;
    expect([err.code, err.reason, err.message, err.messages.id]).toEqual([
      'ERR_STATUS_LIST_ENCODING',
      'prefix',
      'encodedList must be multibase base64url starting with "u".',
      'encodedList harus multibase base64url yang diawali "u".',
    ]);
  });
});

describe('messages come from the catalogs, keyed by code (created, status lists)', () => {
  it('every status entry has both languages, different, with every placeholder filled', () => {
    const n = status.counted(131072);
    expect(n).toEqual({ nId: '131.072', nEn: '131,072' });
    const entries = [
      ...Object.values(status.STATUS_LIST_ENCODING),
      status.STATUS_LIST_TOO_SHORT,
      status.STATUS_LIST_TOO_LARGE,
      status.STATUS_LIST_FULL,
      status.STATUS_ENTRY_INVALID.malformed,
      status.STATUS_ENTRY_INVALID.range,
      status.STATUS_CREDENTIAL_INVALID,
      catalog.CREATED_INVALID,
    ];
    for (const e of entries) {
      const t = base.fill(e, { ...n, p: 'credentialStatus.type', got: 'number' });
      expect(t.id).not.toBe(t.en);
      expect(`${t.id} ${t.en}`).not.toMatch(/\{\w+\}|undefined|NaN/);
    }
  });

  it('the status-list and created errors take facts, not texts, and fill both languages', async () => {
    const cases: [Error & { code: string; messages: { id: string; en: string } }, string, string, string][] = [
      [
        new StatusListTooShortError(8),
        'ERR_STATUS_LIST_TOO_SHORT',
        'The status list holds only 8 entries; the minimum is 131,072.',
        'Daftar status hanya berisi 8 entri; minimal 131.072.',
      ],
      [
        new StatusListTooLargeError(1_048_576),
        'ERR_STATUS_LIST_TOO_LARGE',
        'The status list exceeds the limit of 1,048,576 entries.',
        'Daftar status melebihi batas 1.048.576 entri.',
      ],
      [
        new StatusListFullError(),
        'ERR_STATUS_LIST_FULL',
        'Every index of the status list is taken.',
        'Semua indeks daftar status sudah terpakai.',
      ],
      [
        new StatusEntryInvalidError('credentialStatus.type'),
        'ERR_STATUS_ENTRY_INVALID',
        'credentialStatus is malformed (credentialStatus.type).',
        'credentialStatus tidak sah bentuknya (credentialStatus.type).',
      ],
      [
        new StatusEntryInvalidError('credentialStatus.statusListIndex', { index: 200_000 }),
        'ERR_STATUS_ENTRY_INVALID',
        'statusListIndex 200,000 is outside the status list.',
        'statusListIndex 200.000 di luar panjang daftar status.',
      ],
    ];
    for (const [err, code, en, id] of cases) expect([err.code, err.message, err.messages.id]).toEqual([code, en, id]);
    const key = generateKeyPair();
    const thrown = await createProof({ a: 1 }, createSigner(key), { created: '2024-13-01T00:00:00+07:00' }).catch(
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(CreatedInvalidError);
    const c = thrown as CreatedInvalidError;
    expect([c.code, c.message, c.messages.id]).toEqual([
      'ERR_CREATED_INVALID',
      'created must be an RFC 3339 date-time with an offset (e.g. 2024-10-07T08:16:00+08:00), got "2024-13-01T00:00:00+07:00".',
      'created harus tanggal-waktu RFC 3339 dengan offset (mis. 2024-10-07T08:16:00+08:00), bukan "2024-13-01T00:00:00+07:00".',
    ]);
  });
});

describe('the message catalog', () => {
  it('every entry has both languages, different, and every placeholder filled by its error', () => {
    const catalogs = [
      M.JSON_INVALID,
      M.CANONICALIZATION_FAILED,
      M.RECORD_INVALID,
      M.COLLECTIVE_RECORD_INVALID,
      M.PDF_RECORD_INVALID,
      M.KEY_INVALID,
      M.SIGNATURE_INVALID,
      M.COLLECTIVE_SIGNATURE_INVALID,
      M.TEMPLATE_INVALID,
      M.IDENTIFIER_INVALID,
      M.PDF_INVALID,
    ];
    const values = { p: 7, type: 'function', max: 9, value: 'PNS', lang: 'id', name: 'x', nameEn: 'x', length: 18 };
    const texts: [string, LocalizedText][] = [];
    for (const c of catalogs) for (const [k, e] of Object.entries(c)) texts.push([k, M.fill(e, values)]);
    // The message that names a template's placeholders ({agency}, {event}) keeps them in braces.
    texts.splice(
      texts.findIndex(([k]) => k === 'placeholder'),
      1,
    );
    for (const e of [M.PROOF_CHAIN_BROKEN, M.PDF_NO_RECORD, M.CONSENT_UNKNOWN_POINTS]) texts.push(['one', M.fill(e)]);
    texts.push(['unknown', M.fill(M.TEMPLATE_UNKNOWN, { id: 'x', v: '' })]);
    texts.push(['consent', M.fill(M.CONSENT_INCOMPLETE, { missing: '2' })]);
    texts.push(['many', M.fill(M.PDF_MULTIPLE_RECORDS, { count: 2 })], ['utf8', M.fill(M.EMBEDDED_NOT_UTF8, values)]);
    texts.push(['version', M.fill(M.UNSUPPORTED_VERSION, { what: 'v9' })]);
    expect(texts.length).toBeGreaterThan(70);
    for (const [where, t] of texts) {
      expect(t.id.length, where).toBeGreaterThan(5);
      expect(t.en.length, where).toBeGreaterThan(5);
      expect(t.id, where).not.toBe(t.en);
      // Only the template placeholders the placeholder message names may stay in braces.
      expect(`${t.id} ${t.en}`.replace(/\{(agency|event)\}/g, ''), where).not.toMatch(/\{\w+\}|undefined|NaN/);
    }
  });

  it('errors fill their messages from the catalog', () => {
    const r = new RecordInvalidError('credentialSubject.signer.name', 'text-too-long', { max: 200 });
    expect([r.code, r.path, r.reason, r.message, r.messages.id]).toEqual([
      'ERR_RECORD_INVALID',
      'credentialSubject.signer.name',
      'text-too-long',
      'Text is longer than 200 characters (credentialSubject.signer.name)',
      'Teks lebih dari 200 karakter (credentialSubject.signer.name)',
    ]);
    const t = new TemplateInvalidError('placeholder', { name: 'nama' });
    expect(t.message).toBe('Unknown placeholder {nama}: only {agency} and {event} exist.');
    expect(new TemplateUnknownError('x-2029', '1.0.0').messages.id).toBe('Templat ikrar "x-2029" 1.0.0 tidak dikenal.');
    expect(new ConsentIncompleteError([2, 3]).message).toBe('Every point must be acknowledged; missing: 2, 3.');
    expect(new ConsentIncompleteError([]).messages.id).toBe(
      'Setiap butir harus disetujui; belum: ada nomor yang tidak dikenal.',
    );
    expect(new IdentifierInvalidError('NIK', 'length').message).toBe('NIK must be 16 digits long.');
    expect(new IdentifierInvalidError('OTHER', 'not-digits').messages.id).toBe(
      'Nomor pegawai hanya boleh berisi huruf, angka, titik, garis miring atau tanda hubung.',
    );
    expect(new CanonicalizationError('no-json-form', '$.a', { type: 'function' }).message).toBe(
      'Type function has no JSON form ($.a)',
    );
  });

  it('a reason has its message in one catalog: the shared one, or the one loaded with the collective or PDF code', () => {
    const record = [M.RECORD_INVALID, M.COLLECTIVE_RECORD_INVALID, M.PDF_RECORD_INVALID].flatMap((c) => Object.keys(c));
    const signature = [M.SIGNATURE_INVALID, M.COLLECTIVE_SIGNATURE_INVALID].flatMap((c) => Object.keys(c));
    expect(new Set(record).size).toBe(record.length);
    expect(new Set(signature).size).toBe(signature.length);
    expect(Object.keys(M.COLLECTIVE_RECORD_INVALID)).toContain('not-everyone-signed');
    expect(Object.keys(M.RECORD_INVALID)).not.toContain('not-everyone-signed');

    const c = M.collectiveRecordInvalid('proof', 'not-everyone-signed', { value: 'Ani, Budi' });
    expect(c).toBeInstanceOf(RecordInvalidError);
    expect([c.code, c.path, c.reason, c.message, c.messages.id]).toEqual([
      'ERR_RECORD_INVALID',
      'proof',
      'not-everyone-signed',
      'Not everyone has signed yet: Ani, Budi.',
      'Belum semua menandatangani: Ani, Budi.',
    ]);
    const n = M.collectiveRecordInvalid('credentialSubject.representatives', 'representatives-count', { max: 50 });
    expect(n.messages).toEqual({
      id: 'Harus 1 sampai 50 perwakilan (credentialSubject.representatives)',
      en: 'Expected 1 to 50 representatives (credentialSubject.representatives)',
    });
    const s = M.representativeSignatureInvalid('representative-proof', { value: 'ERR_KEY_INVALID' });
    expect(s).toBeInstanceOf(SignatureInvalidError);
    expect([s.code, s.reason, s.message, s.messages.id]).toEqual([
      'ERR_SIGNATURE_INVALID',
      'representative-proof',
      "A representative's proof does not verify (ERR_KEY_INVALID).",
      'Bukti tanda tangan seorang perwakilan tidak terverifikasi (ERR_KEY_INVALID).',
    ]);
    const d = M.pdfRecordInvalid('credentialSubject.consent.signatureDigestMultibase', 'drawing-mismatch');
    expect(d).toBeInstanceOf(RecordInvalidError);
    expect([d.code, d.path, d.reason, d.messages.id]).toEqual([
      'ERR_RECORD_INVALID',
      'credentialSubject.consent.signatureDigestMultibase',
      'drawing-mismatch',
      'Gambar tanda tangan tidak cocok dengan rekaman: digest-nya berbeda dari consent.signatureDigestMultibase.',
    ]);
  });

  it('a thrown code and a verification code share a name only with one meaning', () => {
    // previousProof naming a missing proof is ERR_PROOF_CHAIN_BROKEN when signing, as when verifying.
    const err = new ProofChainBrokenError();
    expect([err.code, err.message]).toEqual([
      'ERR_PROOF_CHAIN_BROKEN',
      'previousProof names a proof the document does not have.',
    ]);
    expect(isIkrarError(err)).toBe(true);
    const sig = new SignatureInvalidError('self-check');
    expect([sig.code, sig.reason, sig.messages.id]).toEqual([
      'ERR_SIGNATURE_INVALID',
      'self-check',
      'Tanda tangan dari penanda tangan tidak terverifikasi dengan kuncinya sendiri.',
    ]);
  });
});
