// extractRecord: the record back out of a certificate, and clear errors for everything else;
// extractRecordText: the same file's text, not parsed.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { verifyPledge } from '../../src/index.js';
import {
  extractRecord,
  extractRecordFile,
  extractRecordText,
  MAX_PDF_BYTES,
  renderCertificate,
} from '../../src/pdf/index.js';
import { DRAWING, signed } from './records.js';
import { qpdfRewrite } from './tools.js';

async function pdfWith(attachments: [string, string | Uint8Array][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  for (const [name, text] of attachments)
    await doc.attach(typeof text === 'string' ? new TextEncoder().encode(text) : text, name, {
      mimeType: 'application/json',
    });
  return doc.save();
}

describe('extractRecord', () => {
  it('returns the embedded record, with its file name', async () => {
    const record = await signed();
    const pdf = await renderCertificate(record, { signature: DRAWING });
    const file = await extractRecordFile(pdf);
    expect(file.fileName).toBe('ikrar-0f8fad5b-d9cb-469f-a165-70867728950e.json');
    expect(new TextDecoder().decode(file.bytes)).toBe(`${JSON.stringify(record, null, 2)}\n`);
    expect(await extractRecord(pdf)).toEqual(record);
  });

  it('a certificate whose attachment was altered fails verification', async () => {
    const record = await signed();
    const pdf = await renderCertificate(record, { signature: DRAWING });
    // Rewrite the embedded file stream in place, as someone editing the attachment would.
    const doc = await PDFDocument.load(pdf);
    const tree = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict);
    const spec = tree.lookup(PDFName.of('Names'), PDFArray).lookup(1, PDFDict);
    const ef = spec.lookup(PDFName.of('EF'), PDFDict);
    const ref = ef.get(PDFName.of('F'));
    const altered = structuredClone(record);
    altered.credentialSubject.signer.name = 'Sri Wahyuni R.';
    const stream = doc.context.flateStream(new TextEncoder().encode(JSON.stringify(altered)), { Type: 'EmbeddedFile' });
    doc.context.assign(ref as never, stream);
    const tampered = await doc.save();
    const back = await extractRecord(tampered);
    expect(back).toEqual(altered);
    const result = await verifyPledge(back);
    expect(result.verified).toBe(false);
    expect(result.code).toBe('ERR_SIGNATURE_INVALID');
    // And the untouched certificate still verifies.
    expect((await verifyPledge(await extractRecord(pdf))).verified).toBe(true);
  });

  it('still finds the record after qpdf rewrites the file (object streams, linearized)', async () => {
    const record = await signed();
    const pdf = await renderCertificate(record, { signature: DRAWING });
    for (const args of [['--object-streams=generate'], ['--linearize'], ['--qdf']]) {
      const rewritten = qpdfRewrite(pdf, args);
      expect(Buffer.from(rewritten).equals(Buffer.from(pdf)), args.join(' ')).toBe(false);
      expect(await extractRecord(rewritten), args.join(' ')).toEqual(record);
    }
  });

  it('walks a name tree with /Kids, as other PDF writers make it', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const ctx = doc.context;
    const spec = (name: string, text: string) =>
      ctx.register(
        ctx.obj({
          Type: 'Filespec',
          F: PDFString.of(name),
          EF: { F: ctx.register(ctx.flateStream(new TextEncoder().encode(text), { Type: 'EmbeddedFile' })) },
        }),
      );
    const leaf = (name: string, text: string) =>
      ctx.register(
        ctx.obj({ Names: [PDFString.of(name), spec(name, text)], Limits: [PDFString.of(name), PDFString.of(name)] }),
      );
    const tree = ctx.obj({
      Kids: [leaf('a.txt', 'x'), ctx.register(ctx.obj({ Kids: [leaf('r.json', '{"ok":true}')] }))],
    });
    doc.catalog.set(PDFName.of('Names'), ctx.obj({ EmbeddedFiles: tree }));
    const pdf = await doc.save();
    expect(await extractRecord(pdf)).toEqual({ ok: true });
    expect((await extractRecordFile(pdf)).fileName).toBe('r.json');
  });

  it('ERR_PDF_INVALID for bytes that are no PDF, and for a truncated one', async () => {
    const cases: [string, Uint8Array][] = [
      ['garbage', new TextEncoder().encode('{"not":"a pdf"}')],
      ['empty', new Uint8Array()],
      ['header only', new TextEncoder().encode('%PDF-1.7\n%%EOF\n')],
    ];
    for (const [label, bytes] of cases) {
      await expect(extractRecord(bytes), label).rejects.toMatchObject({
        code: 'ERR_PDF_INVALID',
        name: expect.stringMatching(/PdfInvalidError|PdfNoRecordError/),
      });
    }
    await expect(extractRecord(new TextEncoder().encode('hello'))).rejects.toMatchObject({
      code: 'ERR_PDF_INVALID',
      message: 'Not a PDF file (no %PDF- header).',
      messages: { id: 'Bukan berkas PDF (tidak ada kepala %PDF-).' },
    });
    await expect(extractRecord('x' as never)).rejects.toThrow(TypeError);
    const huge = new Uint8Array(MAX_PDF_BYTES + 1);
    huge.set(new TextEncoder().encode('%PDF-1.7\n'));
    await expect(extractRecord(huge)).rejects.toMatchObject({
      code: 'ERR_PDF_INVALID',
      message: expect.stringContaining('larger than'),
    });
  });

  it('answers damaged certificates with a coded error, never another exception or a console warning', async () => {
    const record = await signed();
    const pdf = await renderCertificate(record, { signature: DRAWING });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const outcomes = new Map<string, number>();
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const damaged: Uint8Array[] = [];
    for (let i = 0; i < 60; i++) damaged.push(pdf.subarray(0, Math.floor((i / 60) * pdf.length)));
    for (let i = 0; i < 120; i++) {
      const b = pdf.slice();
      for (let k = 0; k <= i % 6; k++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      damaged.push(b);
    }
    try {
      for (const bytes of damaged) {
        let outcome: string;
        try {
          const back = await extractRecord(bytes);
          outcome = (await verifyPledge(back)).verified ? 'verified' : 'not verified';
        } catch (err) {
          outcome = (err as { code?: string }).code ?? `uncoded ${String(err)}`;
        }
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    } finally {
      warn.mockRestore();
    }
    const allowed = ['verified', 'not verified', 'ERR_PDF_INVALID', 'ERR_PDF_NO_RECORD', 'ERR_JSON_INVALID'];
    expect([...outcomes.keys()].filter((k) => !allowed.includes(k))).toEqual([]);
    expect(outcomes.get('ERR_PDF_INVALID')).toBeGreaterThan(50);
    expect(warn).not.toHaveBeenCalled();
  });

  it('ERR_PDF_NO_RECORD for a PDF without a .json attachment', async () => {
    await expect(extractRecord(await pdfWith([]))).rejects.toMatchObject({
      code: 'ERR_PDF_NO_RECORD',
      message: 'The PDF carries no embedded .json record.',
    });
    await expect(extractRecord(await pdfWith([['notes.txt', 'x']]))).rejects.toMatchObject({
      code: 'ERR_PDF_NO_RECORD',
    });
  });

  it('ERR_PDF_MULTIPLE_RECORDS for a PDF with two .json attachments', async () => {
    await expect(
      extractRecord(
        await pdfWith([
          ['a.json', '{}'],
          ['b.JSON', '{}'],
        ]),
      ),
    ).rejects.toMatchObject({
      code: 'ERR_PDF_MULTIPLE_RECORDS',
      message: expect.stringContaining('2 embedded .json files'),
    });
  });

  it('ERR_JSON_INVALID for an attachment that is not strict JSON', async () => {
    await expect(extractRecord(await pdfWith([['r.json', '{"a":1,"a":2}']]))).rejects.toMatchObject({
      code: 'ERR_JSON_INVALID',
      reason: 'duplicate-key',
    });
    const raw = await pdfWith([['r.json', '{}']]);
    expect(await extractRecord(raw)).toEqual({});
  });

  it('extractRecordText: the text of the file as it is (not parsed, a BOM dropped), errors as extractRecord', async () => {
    const record = await signed();
    const pdf = await renderCertificate(record, { signature: DRAWING });
    expect(await extractRecordText(pdf)).toEqual({
      fileName: 'ikrar-0f8fad5b-d9cb-469f-a165-70867728950e.json',
      text: `${JSON.stringify(record, null, 2)}\n`,
    });
    // Not JSON, or not strict JSON: handed on as it is; parsing is the caller's.
    for (const text of ['{"a":1,"a":2}', 'hello', ' {"a" : 1.50}\r\n']) {
      expect((await extractRecordText(await pdfWith([['r.json', text]]))).text).toBe(text);
    }
    expect((await extractRecordText(await pdfWith([['r.json', '\ufeff{}']]))).text).toBe('{}');
    const notUtf8 = await pdfWith([['r.json', new Uint8Array([0x7b, 0xff, 0x7d])]]);
    for (const read of [extractRecordText, extractRecord]) {
      await expect(read(notUtf8)).rejects.toMatchObject({
        code: 'ERR_JSON_INVALID',
        reason: 'syntax',
        message: expect.stringContaining('r.json'),
      });
    }
    await expect(extractRecordText(await pdfWith([]))).rejects.toMatchObject({ code: 'ERR_PDF_NO_RECORD' });
    await expect(extractRecordText(new TextEncoder().encode('hello'))).rejects.toMatchObject({
      code: 'ERR_PDF_INVALID',
    });
  });
});
