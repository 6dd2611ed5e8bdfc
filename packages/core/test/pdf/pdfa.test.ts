// PDF/A-3b (ISO 19005-3, level B), checked the way an archivist would without veraPDF (not installable
// here: only npm and Debian's packages are reachable, and neither ships it): the poppler and qpdf tools
// on the real file, and the clauses they do not cover read from the file's objects with pdf-lib, with
// fontkit (an independent TrueType parser) reading the embedded font programs.
import fontkit from '@pdf-lib/fontkit';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderCertificate } from '../../src/pdf/index.js';
import { SRGB_ICC_BASE64 } from '../../src/pdf/srgb-icc.js';
import { AGENCY, DRAWING, referenceInput, signed } from './records.js';
import { pdfDetachAll, pdfFonts, pdfInfo, qpdfCheck, withTempDir } from './tools.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const SYSTEM_ICC = '/usr/share/color/icc/sRGB.icc';
const STANDARD_14 = /Helvetica|Times|Courier|Symbol|ZapfDingbats/;

/** Certificates that exercise every font path: Latin-1 with a drawing, extended Latin, typed (italic), English. */
async function certificates(): Promise<[string, Uint8Array][]> {
  const extended = await signed(
    referenceInput({ signer: { ...referenceInput().signer, name: 'Ṅurah Śri Wāhyuni Nguyễn Đức Łukasz' } }),
  );
  const typed = await signed(
    referenceInput({ consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'typed', typedName: 'Sri W. R.' } }),
  );
  return [
    ['latin-1, drawn', await renderCertificate(await signed(), { signature: DRAWING })],
    ['extended Latin, English labels', await renderCertificate(extended, { signature: DRAWING, language: 'en' })],
    ['typed name (italic)', await renderCertificate(typed)],
  ];
}

function pdfInfoMeta(pdf: Uint8Array): string {
  return withTempDir((dir) => {
    const file = path.join(dir, 'c.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
  });
}

const lookup = (doc: PDFDocument, o: PDFObject | undefined): PDFObject | undefined =>
  o instanceof PDFRef ? doc.context.lookup(o) : o;
const dict = (doc: PDFDocument, o: PDFObject | undefined): PDFDict => {
  const d = lookup(doc, o);
  if (d instanceof PDFDict) return d;
  if (d instanceof PDFRawStream) return d.dict;
  throw new Error(`expected a dictionary, got ${String(d)}`);
};
const get = (doc: PDFDocument, d: PDFDict, key: string): PDFObject | undefined => lookup(doc, d.get(PDFName.of(key)));
const text = (o: PDFObject | undefined): string =>
  o instanceof PDFHexString || o instanceof PDFString ? o.decodeText() : String(o);
const streamBytes = (doc: PDFDocument, o: PDFObject | undefined): Uint8Array => {
  const s = lookup(doc, o);
  if (!(s instanceof PDFRawStream)) throw new Error('expected a stream');
  return decodePDFRawStream(s).decode();
};

describe('PDF/A-3b', () => {
  it('pdffonts: every font is embedded and subset-tagged, none of the standard 14', async () => {
    for (const [label, pdf] of await certificates()) {
      const rows = pdfFonts(pdf)
        .split('\n')
        .slice(2)
        .filter((l) => l.trim() !== '');
      expect(rows.length, label).toBeGreaterThanOrEqual(2);
      for (const row of rows) {
        expect(row, label).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes yes yes\s/);
        expect(row, label).not.toMatch(STANDARD_14);
      }
    }
  });

  it('pdfinfo -meta: XMP with pdfaid part 3 / conformance B, and title, creator and dates as in Info', async () => {
    for (const [label, pdf] of await certificates()) {
      const xmp = pdfInfoMeta(pdf);
      expect(xmp, label).toContain('<pdfaid:part>3</pdfaid:part>');
      expect(xmp, label).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
      const info = pdfInfo(pdf);
      const field = (name: string): string => (new RegExp(`^${name}:\\s+(.*)$`, 'm').exec(info)?.[1] ?? '').trim();
      const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      const xmpField = (re: RegExp): string => unescape(re.exec(xmp)?.[1] ?? '<missing>');
      expect(field('Title'), label).not.toBe('');
      expect(xmpField(/<dc:title><rdf:Alt><rdf:li xml:lang="x-default">(.*?)<\/rdf:li>/), label).toBe(field('Title'));
      expect(xmpField(/<xmp:CreatorTool>(.*?)</), label).toBe(field('Creator'));
      expect(xmpField(/<pdf:Producer>(.*?)</), label).toBe(field('Producer'));
      expect(xmpField(/<dc:creator><rdf:Seq><rdf:li>(.*?)</), label).toBe(field('Author'));
      expect(xmpField(/<dc:description><rdf:Alt><rdf:li xml:lang="x-default">(.*?)</), label).toBe(field('Subject'));
      expect(xmpField(/<pdf:Keywords>(.*?)</), label).toBe(field('Keywords'));
      // pdfinfo -isodates prints Info dates in UTC (TZ=UTC); XMP holds the same instants.
      expect(`${xmpField(/<xmp:CreateDate>(.*?)</)}`, label).toBe(field('CreationDate'));
      expect(`${xmpField(/<xmp:ModifyDate>(.*?)</)}`, label).toBe(field('ModDate'));
      expect(field('CreationDate'), label).toMatch(/^2024-01-08T0\d:\d\d:00Z$/);
    }
  });

  it('qpdf --check is clean, and the header marks a binary file (ISO 19005-3 §6.1.2)', async () => {
    for (const [label, pdf] of await certificates()) {
      const check = qpdfCheck(pdf);
      expect(check.output, label).toContain('No syntax or stream encoding errors found');
      expect(check.output, label).not.toMatch(/WARNING/);
      expect(check.status, label).toBe(0);
      expect(Buffer.from(pdf.subarray(0, 9)).toString('latin1'), label).toBe('%PDF-1.7\n');
      expect(
        [...pdf.subarray(10, 14)].every((b) => b > 127),
        label,
      ).toBe(true);
    }
  });

  it('has a trailer /ID of two 16-byte strings, the same for the same input and another for another record', async () => {
    const ids: string[] = [];
    for (const [label, pdf] of await certificates()) {
      const doc = await PDFDocument.load(pdf, { updateMetadata: false });
      const id = doc.context.trailerInfo.ID;
      expect(id, label).toBeInstanceOf(PDFArray);
      const parts = (id as PDFArray).asArray().map((p) => (p as PDFHexString).asBytes());
      expect(parts.length, label).toBe(2);
      expect(parts[0]!.length, label).toBe(16);
      ids.push(Buffer.from(parts[0]!).toString('hex'));
      expect(doc.context.trailerInfo.Encrypt, label).toBeUndefined();
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has an sRGB output intent whose profile is the shipped icc-profiles-free sRGB.icc (Zlib licence)', async () => {
    const shipped = Buffer.from(SRGB_ICC_BASE64, 'base64');
    expect(shipped.length).toBe(6922);
    expect(shipped.subarray(36, 40).toString('latin1')).toBe('acsp');
    expect(shipped.subarray(16, 20).toString('latin1')).toBe('RGB ');
    expect(shipped[8]).toBe(2); // ICC v2: what every PDF/A part accepts
    if (existsSync(SYSTEM_ICC)) expect(shipped.equals(readFileSync(SYSTEM_ICC))).toBe(true);
    const [[, pdf]] = (await certificates()) as [[string, Uint8Array]];
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const intents = get(doc, doc.catalog, 'OutputIntents');
    expect(intents).toBeInstanceOf(PDFArray);
    const all = (intents as PDFArray).asArray().map((i) => dict(doc, i));
    expect(all.length).toBe(1);
    const intent = all[0]!;
    expect(String(get(doc, intent, 'S'))).toBe('/GTS_PDFA1');
    expect(text(get(doc, intent, 'OutputConditionIdentifier'))).toBe('sRGB IEC61966-2.1');
    const profileRef = intent.get(PDFName.of('DestOutputProfile'));
    expect(String(get(doc, dict(doc, profileRef), 'N'))).toBe('3');
    expect(Buffer.from(streamBytes(doc, profileRef)).equals(shipped)).toBe(true);
  });

  it('keeps the metadata stream unfiltered, as /Metadata of the catalog (§6.6.2.1)', async () => {
    const [[, pdf]] = (await certificates()) as [[string, Uint8Array]];
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const meta = dict(doc, doc.catalog.get(PDFName.of('Metadata')));
    expect(String(get(doc, meta, 'Type'))).toBe('/Metadata');
    expect(String(get(doc, meta, 'Subtype'))).toBe('/XML');
    expect(meta.get(PDFName.of('Filter'))).toBeUndefined();
    const xmp = new TextDecoder().decode(streamBytes(doc, doc.catalog.get(PDFName.of('Metadata'))));
    expect(xmp).toMatch(/^<\?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"\?>/);
    expect(xmp).not.toMatch(/<\?xpacket[^>]*(bytes|encoding)=/);
    expect(xmp.trimEnd()).toMatch(/<\?xpacket end="w"\?>$/);
  });

  it('attaches the record as an Associated File: /AF, /AFRelationship /Source, MIME type, dates (§6.8)', async () => {
    const [[, pdf]] = (await certificates()) as [[string, Uint8Array]];
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const af = get(doc, doc.catalog, 'AF');
    expect(af).toBeInstanceOf(PDFArray);
    const spec = dict(doc, (af as PDFArray).get(0));
    expect(String(get(doc, spec, 'AFRelationship'))).toBe('/Source');
    expect(text(get(doc, spec, 'F'))).toMatch(/^ikrar-[0-9a-f-]{36}\.json$/);
    expect(text(get(doc, spec, 'UF'))).toBe(text(get(doc, spec, 'F')));
    const ef = dict(doc, get(doc, spec, 'EF'));
    const file = dict(doc, ef.get(PDFName.of('F')));
    expect(String(get(doc, file, 'Subtype'))).toBe('/application#2Fjson');
    const params = dict(doc, get(doc, file, 'Params'));
    expect(text(get(doc, params, 'ModDate'))).toMatch(/^D:\d{14}/);
  });

  it('writes font dictionaries whose widths match the embedded programs and never draws .notdef (§6.2.11)', async () => {
    for (const [label, pdf] of await certificates()) {
      const doc = await PDFDocument.load(pdf, { updateMetadata: false });
      let fonts = 0;
      for (const page of doc.getPages()) {
        const resources = dict(doc, page.node.get(PDFName.of('Resources')));
        const fontDict = dict(doc, resources.get(PDFName.of('Font')));
        for (const [, ref] of fontDict.entries()) {
          fonts++;
          const type0 = dict(doc, ref);
          expect(String(get(doc, type0, 'Subtype')), label).toBe('/Type0');
          expect(String(get(doc, type0, 'Encoding')), label).toBe('/Identity-H');
          expect(get(doc, type0, 'ToUnicode'), label).toBeInstanceOf(PDFRawStream);
          const cid = dict(doc, (get(doc, type0, 'DescendantFonts') as PDFArray).get(0));
          expect(String(get(doc, cid, 'Subtype')), label).toBe('/CIDFontType2');
          expect(String(get(doc, cid, 'CIDToGIDMap')), label).toBe('/Identity');
          const baseFont = String(get(doc, cid, 'BaseFont'));
          expect(baseFont, label).toMatch(/^\/[A-Z]{6}\+NotoSans-(Regular|Bold)$/);
          const descriptor = dict(doc, get(doc, cid, 'FontDescriptor'));
          expect(String(get(doc, descriptor, 'FontName')), label).toBe(baseFont);
          const program = streamBytes(doc, descriptor.get(PDFName.of('FontFile2')));
          // An independent reader of the embedded program: fontkit.
          const font = fontkit.create(Buffer.from(program)) as unknown as {
            unitsPerEm: number;
            getGlyph(id: number): { advanceWidth: number; path: { commands: unknown[] } };
          };
          const w = (get(doc, cid, 'W') as PDFArray).asArray();
          let checked = 0;
          for (let i = 0; i < w.length; i += 2) {
            const first = Number(String(w[i]));
            const widths = (lookup(doc, w[i + 1]) as PDFArray).asArray().map((n) => Number(String(n)));
            widths.forEach((width, k) => {
              const glyph = font.getGlyph(first + k);
              const expected = (glyph.advanceWidth * 1000) / font.unitsPerEm;
              expect(Math.abs(width - expected), `${label} ${baseFont} glyph ${first + k}`).toBeLessThan(1);
              checked++;
            });
          }
          expect(checked, label).toBeGreaterThan(0);
        }
        const contents = lookup(doc, page.node.get(PDFName.of('Contents')));
        const parts = contents instanceof PDFArray ? contents.asArray() : [contents];
        const content = parts.map((c) => new TextDecoder('latin1').decode(streamBytes(doc, c))).join('\n');
        const shown = [...content.matchAll(/<([0-9A-F]*)> Tj/g)].map((m) => m[1] as string);
        expect(shown.length, label).toBeGreaterThan(10);
        for (const hex of shown) {
          for (let i = 0; i < hex.length; i += 4)
            expect(hex.slice(i, i + 4), `${label}: .notdef drawn`).not.toBe('0000');
        }
      }
      expect(fonts, label).toBeGreaterThanOrEqual(2);
    }
  });

  it('pdfdetach extracts the record and ikrar-verify accepts the certificate and the file', async () => {
    const record = await signed();
    const pdf = await renderCertificate(record, { signature: DRAWING });
    const [name, bytes] = [...pdfDetachAll(pdf)][0]!;
    expect(name).toBe('ikrar-0f8fad5b-d9cb-469f-a165-70867728950e.json');
    const bin = path.join(repo, 'packages/verifier/bin.js');
    expect(existsSync(path.join(repo, 'packages/verifier/dist/cli.js')), 'run `pnpm build` first').toBe(true);
    withTempDir((dir) => {
      writeFileSync(path.join(dir, 'c.pdf'), pdf);
      writeFileSync(path.join(dir, name), bytes);
      const trust = {
        issuers: [
          {
            id: AGENCY.controller,
            name: 'Pemerintah Kabupaten Klaten',
            validFrom: '2024-01-01T00:00:00+07:00',
            validUntil: null,
            revokedAt: null,
          },
        ],
      };
      writeFileSync(path.join(dir, 'trust.json'), JSON.stringify(trust));
      const r = spawnSync(
        process.execPath,
        [bin, path.join(dir, 'c.pdf'), path.join(dir, name), '--trust', path.join(dir, 'trust.json'), '--json'],
        { encoding: 'utf8' },
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as { summary: { total: number; valid: number } };
      expect(out.summary.total).toBe(2);
      expect(out.summary.valid).toBe(2);
    });
  });
});
