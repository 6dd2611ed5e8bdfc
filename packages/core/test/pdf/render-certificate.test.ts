// The certificate checked with real tools (qpdf, pdftotext, pdfdetach, pdffonts) on real files.
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createPledge,
  defineTemplate,
  parseJson,
  signPledge,
  verifyPledge,
  type SignedPledge,
} from '../../src/index.js';
import { extractRecord, renderCertificate, verificationCode } from '../../src/pdf/index.js';
import { collectiveRecord } from '../fixtures/make-collective.js';
import { encodePng, testLogo } from './png.js';
import { AGENCY, DRAWING, referenceInput, signed } from './records.js';
import {
  pdfDetachAll,
  pdfDetachList,
  pdfFonts,
  pdfImages,
  pdfInfo,
  pdfToText,
  qpdfCheck,
  readQrCodes,
  renderPng,
  wordBoxes,
} from './tools.js';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('renderCertificate', () => {
  it('makes a PDF that qpdf accepts, whose text shows the signer and every pledge point', async () => {
    const record = await signed();
    const pdf = await renderCertificate(record, { signature: DRAWING });
    const check = qpdfCheck(pdf);
    expect(check.output).toContain('No syntax or stream encoding errors found');
    expect(check.status).toBe(0);
    const text = squash(pdfToText(pdf));
    const cs = record.credentialSubject;
    expect(text).toContain(cs.signer.name);
    expect(text).toContain(cs.pledge.title);
    cs.pledge.points.forEach((point, i) => expect(text, `point ${i + 1}`).toContain(squash(point)));
    expect(text).toContain(squash(cs.pledge.preamble));
    expect(text).toContain(squash(cs.pledge.closing));
    expect(text).toContain(verificationCode(record));
    expect(text).toContain('**************2001');
    expect(text).not.toContain('199001012015032001');
    expect(text).toContain('Pendopo Pemkab Klaten, 8 Januari 2024');
    expect(text).toContain('08.15 WIB');
    expect(text).toContain('Yang berikrar,');
  });

  it('prints the verification code an auditor recomputes from the attachment (docs/pdf.md)', async () => {
    const record = await signed();
    const pdf = await renderCertificate(record, { signature: DRAWING });
    const [file] = pdfDetachAll(pdf).values();
    // The documented recipe, with node:crypto and the canonicalize package instead of our code.
    const digest = createHash('sha256')
      .update(canonicalize(JSON.parse(file!.toString('utf8'))) as string)
      .digest();
    const bits = [...digest].map((b) => b.toString(2).padStart(8, '0')).join('');
    const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const code = Array.from({ length: 10 }, (_, i) => A[parseInt(bits.slice(5 * i, 5 * i + 5), 2)]).join('');
    const printed = `${code.slice(0, 5)}-${code.slice(5)}`;
    expect(squash(pdfToText(pdf))).toContain(printed);
    expect(verificationCode(record)).toBe(printed);
  });

  it('attaches the record as ikrar-<uuid>.json; pdfdetach extracts a record that verifies', async () => {
    const record = await signed();
    const pdf = await renderCertificate(record, { signature: DRAWING });
    expect(pdfDetachList(pdf)).toContain('ikrar-0f8fad5b-d9cb-469f-a165-70867728950e.json');
    const files = pdfDetachAll(pdf);
    expect([...files.keys()]).toEqual(['ikrar-0f8fad5b-d9cb-469f-a165-70867728950e.json']);
    const detached = parseJson(files.get('ikrar-0f8fad5b-d9cb-469f-a165-70867728950e.json')!.toString('utf8'));
    expect(detached).toEqual(record);
    const result = await verifyPledge(detached);
    expect(result.code).toBeUndefined();
    expect(result.verified).toBe(true);
    expect(await extractRecord(pdf)).toEqual(record);
  });

  it('gives the same bytes for the same input, and different bytes for another record', async () => {
    const record = await signed();
    const a = await renderCertificate(record, { signature: DRAWING });
    const b = await renderCertificate(structuredClone(record), { signature: DRAWING });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const other = await signed(referenceInput({ id: 'urn:uuid:1f8fad5b-d9cb-469f-a165-70867728950e' }));
    const c = await renderCertificate(other, { signature: DRAWING });
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('writes fixed metadata dates from the record (or options.date)', async () => {
    const record = await signed();
    const info = pdfInfo(await renderCertificate(record, { signature: DRAWING }));
    // validFrom 2024-01-08T08:15:00+07:00, printed by pdfinfo in UTC.
    expect(info).toMatch(/CreationDate:\s+2024-01-08T01:15:00/);
    expect(info).toMatch(/ModDate:\s+2024-01-08T01:15:00/);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const later = pdfInfo(await renderCertificate(record, { date: '2025-02-03T00:00:00Z' }));
    expect(later).toMatch(/CreationDate:\s+2025-02-03T00:00:00/);
  });

  it('refuses a drawing that does not match the record, naming the digest', async () => {
    const record = await signed();
    const other = { ...DRAWING, strokes: [[{ x: 1, y: 1 }]] };
    await expect(renderCertificate(record, { signature: other })).rejects.toMatchObject({
      code: 'ERR_RECORD_INVALID',
      path: 'credentialSubject.consent.signatureDigestMultibase',
      message: expect.stringContaining('does not match'),
    });
    const typed = await signed(
      referenceInput({ consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'typed', typedName: 'Sri Wahyuni' } }),
    );
    await expect(renderCertificate(typed, { signature: DRAWING })).rejects.toMatchObject({
      code: 'ERR_RECORD_INVALID',
      message: expect.stringContaining('not signed with a drawn signature'),
    });
  });

  it('refuses records that lack what the page shows, naming the field', async () => {
    const record = await signed();
    const noSigner = structuredClone(record) as unknown as { credentialSubject: Record<string, unknown> };
    delete noSigner.credentialSubject.signer;
    await expect(renderCertificate(noSigner as never, { signature: DRAWING })).rejects.toMatchObject({
      code: 'ERR_RECORD_INVALID',
      path: 'credentialSubject.signer',
    });
    const badPoint = structuredClone(record);
    (badPoint.credentialSubject.pledge.points as unknown[])[1] = 42;
    await expect(renderCertificate(badPoint)).rejects.toMatchObject({
      code: 'ERR_RECORD_INVALID',
      path: 'credentialSubject.pledge.points[1]',
    });
    await expect(renderCertificate(null as never)).rejects.toThrow(TypeError);
    await expect(renderCertificate(record, { language: 'fr' as never })).rejects.toThrow(RangeError);
    await expect(renderCertificate(record, { date: 'not a date' })).rejects.toThrow(RangeError);
  });

  it('prints a typed name, a click consent, and a drawn record whose drawing is not given', async () => {
    const typed = await signed(
      referenceInput({ consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'typed', typedName: 'Sri W. R.' } }),
    );
    expect(squash(pdfToText(await renderCertificate(typed)))).toContain('Sri W. R.');
    const click = await signed(referenceInput({ consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'click' } }));
    expect(squash(pdfToText(await renderCertificate(click, { language: 'en' })))).toContain(
      '(consented electronically)',
    );
    const drawn = await signed();
    expect(squash(pdfToText(await renderCertificate(drawn)))).toContain('gambarnya tidak disertakan');
  });

  it('draws a PNG or JPEG logo, and refuses other bytes with a RangeError', async () => {
    const record = await signed();
    const pdf = await renderCertificate(record, { logo: testLogo() });
    expect(qpdfCheck(pdf).status).toBe(0);
    expect(pdfImages(pdf)).toMatch(/image\s+96\s+96/);
    await expect(renderCertificate(record, { logo: new TextEncoder().encode('GIF89a') })).rejects.toThrow(
      '"options.logo" expected PNG or JPEG bytes',
    );
    // Truncated PNGs made pdf-lib's decoder spin for minutes; they are refused up front.
    for (const cut of [60, 200, testLogo().length >> 1]) {
      await expect(renderCertificate(record, { logo: testLogo().subarray(0, cut) }), `cut at ${cut}`).rejects.toThrow(
        '"options.logo" is a damaged PNG image',
      );
    }
    await expect(renderCertificate(record, { logo: encodePng(5000, 1, () => [0, 0, 0, 255]) })).rejects.toThrow(
      'at most 4096 × 4096 pixels',
    );
    await expect(renderCertificate(record, { logo: new Uint8Array([0xff, 0xd8, 0, 0, 0]) })).rejects.toThrow(
      '"options.logo" is a damaged JPEG image',
    );
  });

  it('prints labels in English on request, the pledge in its own language', async () => {
    const record = await signed();
    const text = squash(pdfToText(await renderCertificate(record, { language: 'en', maskIdentifiers: false })));
    expect(text).toContain('Work unit');
    expect(text).toContain('Pendopo Pemkab Klaten, 8 January 2024');
    expect(text).toContain('Page 1 of 1');
    expect(text).toContain('199001012015032001');
    expect(text).toContain(record.credentialSubject.pledge.points[0]);
  });

  it('prints a pledge signed in English as signed, with labels in either language', async () => {
    const record = await signed(referenceInput({ language: 'en' }));
    const points = record.credentialSubject.pledge.points;
    for (const language of ['en', 'id'] as const) {
      const text = squash(pdfToText(await renderCertificate(record, { signature: DRAWING, language })));
      expect(text).toContain(record.credentialSubject.pledge.title);
      points.forEach((p, i) => expect(text, `${language} point ${i + 1}`).toContain(squash(p)));
      expect(text).toContain(language === 'en' ? 'Pledged by,' : 'Yang berikrar,');
    }
  });

  it('draws names outside Latin-1 with embedded Noto Sans, never with the standard fonts', async () => {
    const name = 'Ṅurah Śri Wāhyuni Nguyễn Đức Łukasz Ǆukić';
    const record = await signed(referenceInput({ signer: { ...referenceInput().signer, name } }));
    const pdf = await renderCertificate(record, { signature: DRAWING });
    expect(qpdfCheck(pdf).status).toBe(0);
    const fonts = pdfFonts(pdf);
    expect(fonts).toContain('NotoSans-Regular');
    expect(fonts).toContain('NotoSans-Bold');
    expect(fonts).not.toContain('Helvetica');
    expect(squash(pdfToText(pdf))).toContain(name);
    expect(await extractRecord(pdf)).toEqual(record);
    // Latin-1 only: the same embedded Noto Sans (PDF/A-3 allows no standard font).
    const plain = pdfFonts(await renderCertificate(await signed(), { signature: DRAWING }));
    expect(plain).toContain('NotoSans-Regular');
    expect(plain).not.toContain('Helvetica');
  });

  it("shows the agency's countersignature (Mengetahui) under the signer's, with its time in the event's zone", async () => {
    const record = await signed();
    const pdf = await renderCertificate(record, { signature: DRAWING });
    const text = squash(pdfToText(pdf));
    expect(text).toContain('Mengetahui,');
    expect(text).toContain('Ditandatangani secara elektronik 8 Januari 2024 pukul 08.16 WIB');
    const words = wordBoxes(pdf)[0]!.words;
    const y = (w: string): number => words.find((b) => b.text === w)!.yMin;
    // Below the signer's name, the agency's name a second time (the header has the first).
    expect(y('Mengetahui,')).toBeGreaterThan(y('Rahayuningsih'));
    expect(
      words
        .filter((b) => b.text === 'Klaten')
        .map((b) => b.yMin)
        .some((v) => v > y('Mengetahui,')),
    ).toBe(true);
    const en = squash(pdfToText(await renderCertificate(record, { signature: DRAWING, language: 'en' })));
    expect(en).toContain('Acknowledged by,');
    expect(en).toContain('Signed electronically on 8 January 2024 at 08:16 WIB');
    // Only the employee's own proof: no agency countersignature to show.
    const own = structuredClone(record);
    (own.proof as { verificationMethod: string }).verificationMethod = 'did:key:z6MkEmployee#z6MkEmployee';
    expect(squash(pdfToText(await renderCertificate(own, { signature: DRAWING })))).not.toContain('Mengetahui');
  });

  it("prints where it was signed: at the apel (when, which code) or outside it, from the agency's evidence", async () => {
    const code = '56926410.q1VfYfZ0m8J2rQ3aTzK4bw';
    const at = await signPledge(
      {
        ...createPledge(referenceInput()),
        evidence: [
          {
            type: ['ApelPresence'],
            atApel: true,
            apelCode: code,
            apelCodeShownAt: '2024-01-08T08:14:30+07:00',
            checkedAt: '2024-01-08T08:16:00+07:00',
          },
        ],
      },
      AGENCY,
      { created: '2024-01-08T08:16:00+07:00' },
    );
    expect((await verifyPledge(at)).verified).toBe(true);
    const pdf = await renderCertificate(at, { signature: DRAWING });
    expect(squash(pdfToText(pdf))).toContain(
      `Ditandatangani di apel, 8 Januari 2024 pukul 08.16 WIB (kode apel ${code})`,
    );
    const en = squash(pdfToText(await renderCertificate(at, { signature: DRAWING, language: 'en' })));
    expect(en).toContain(`Signed at the apel, 8 January 2024 at 08:16 WIB (apel code ${code})`);
    expect(await extractRecord(pdf)).toEqual(at);

    const outside = await signPledge(
      { ...createPledge(referenceInput()), evidence: [{ type: ['ApelPresence'], atApel: false }] },
      AGENCY,
      { created: '2024-01-08T08:16:00+07:00' },
    );
    const outsideText = squash(pdfToText(await renderCertificate(outside, { signature: DRAWING })));
    expect(outsideText).toContain('Kehadiran');
    expect(outsideText).toContain('Ditandatangani di luar apel (tanpa kode apel)');
    // A record from before presence was noted has no such row.
    expect(squash(pdfToText(await renderCertificate(await signed(), { signature: DRAWING })))).not.toContain(
      'Kehadiran',
    );
    // A presence entry it cannot print is refused, not printed wrong.
    const broken = structuredClone(at);
    (broken.evidence![0] as { atApel: unknown }).atApel = 'ya';
    await expect(renderCertificate(broken)).rejects.toMatchObject({
      code: 'ERR_RECORD_INVALID',
      message: expect.stringContaining('evidence[0].atApel'),
    });
  });

  it('a collective pakta integritas lists every representative with their electronic signature, then Mengetahui', async () => {
    const { record, signed: unCountersigned, reps } = await collectiveRecord([1, 2, 0]);
    expect((await verifyPledge(record)).verified).toBe(true);
    const pdf = await renderCertificate(record);
    expect(qpdfCheck(pdf).status).toBe(0);
    expect(pdfInfo(pdf)).toMatch(/Pages:\s+1\b/);
    const text = squash(pdfToText(pdf));
    const names = record.credentialSubject.representatives.map((r) => r.name);
    for (const name of names) expect(text, name).toContain(name);
    expect(text).toContain('Yang menyatakan,');
    expect(text).toContain('**************1002');
    expect(text).not.toContain('197505152000031002');
    // Each signed in turn (Sri Lestari first, at 07.40), with their own key.
    const key = (i: number): string => reps[i]!.controller.slice('did:key:'.length, 'did:key:'.length + 8);
    expect(text).toContain(`Ditandatangani secara elektronik 8 Januari 2024 pukul 07.40 WIB dengan kunci ${key(1)}`);
    expect(text).toContain(`Ditandatangani secara elektronik 8 Januari 2024 pukul 07.42 WIB dengan kunci ${key(0)}`);
    expect(text).toContain('Mengetahui,');
    expect(text).toContain('Ditandatangani secara elektronik 8 Januari 2024 pukul 08.00 WIB');
    expect(text).not.toContain('Belum menandatangani');
    const words = wordBoxes(pdf)[0]!.words;
    const y = (w: string): number => words.find((b) => b.text === w)!.yMin;
    expect(y('Mengetahui,')).toBeGreaterThan(y('Himawan'));
    expect(await extractRecord(pdf)).toEqual(record);
    const en = squash(pdfToText(await renderCertificate(record, { language: 'en' })));
    expect(en).toContain('Declared by,');
    expect(en).toContain(`Signed electronically on 8 January 2024 at 07:41 WIB with key ${key(2)}`);

    // Before everyone has signed: who has not, and no Mengetahui yet.
    const { proof, ...credential } = unCountersigned;
    const partial = {
      ...credential,
      proof: (proof as { id: string }[]).filter(
        (p) => p.id !== credential.credentialSubject.representatives[0]!.proofId,
      ),
    };
    const partialText = squash(pdfToText(await renderCertificate(partial as typeof record)));
    expect(partialText).toContain('Belum menandatangani');
    expect(partialText).not.toContain('Mengetahui');

    await expect(renderCertificate(record, { signature: DRAWING })).rejects.toMatchObject({
      code: 'ERR_RECORD_INVALID',
      message: expect.stringContaining('collective pakta integritas is signed with keys only'),
    });
  });

  it("prints every time in the event's zone, in words, whatever offset the record wrote it with", async () => {
    const record = await signed();
    const utc = structuredClone(record);
    utc.credentialSubject.consent.acknowledgedAt = '2024-01-08T01:15:00Z';
    (utc.proof as { created: string }).created = '2024-01-08T01:16:00.250Z';
    const text = squash(pdfToText(await renderCertificate(utc, { signature: DRAWING })));
    expect(text).toContain('Ditandatangani 8 Januari 2024 08.15 WIB');
    expect(text).toContain('Ditandatangani secara elektronik 8 Januari 2024 pukul 08.16 WIB');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(text).not.toContain('01.15');
    // An event in WITA: the same instants an hour later on the wall clock, across midnight too.
    const wita = structuredClone(utc);
    wita.credentialSubject.consent.timeZone = 'WITA';
    wita.credentialSubject.consent.acknowledgedAt = '2024-01-07T23:30:00+07:00';
    const witaText = squash(pdfToText(await renderCertificate(wita, { signature: DRAWING })));
    expect(witaText).toContain('8 Januari 2024 00.30 WITA');
    expect(witaText).toContain('pukul 09.16 WITA');
  });

  it('draws characters no embedded face has as U+FFFD, without crashing; the attachment keeps them', async () => {
    const name = 'Siti 王秀英 محمد 🙂 Wāhyuni';
    const record = await signed(referenceInput({ signer: { ...referenceInput().signer, name } }));
    const pdf = await renderCertificate(record, { signature: DRAWING });
    expect(qpdfCheck(pdf).status).toBe(0);
    const text = squash(pdfToText(pdf));
    expect(text).toContain('Siti');
    expect(text).toContain('Wāhyuni');
    expect(text).toContain('\uFFFD');
    expect(text).not.toContain('王');
    const back = (await extractRecord(pdf)) as SignedPledge;
    expect(back.credentialSubject.signer.name).toBe(name);
    expect((await verifyPledge(back)).verified).toBe(true);
  });

  it('prints combining marks of a record written in NFD (from another issuer) with the embedded font', async () => {
    const record = await signed();
    const nfd = structuredClone(record);
    nfd.credentialSubject.signer.name = 'Nguye\u0302\u0303n Thi\u0323 A\u0301nh';
    const pdf = await renderCertificate(nfd, { signature: DRAWING });
    expect(qpdfCheck(pdf).status).toBe(0);
    expect(pdfFonts(pdf)).toContain('NotoSans');
    expect(squash(pdfToText(pdf)).normalize('NFC')).toContain('Nguyễn Thị Ánh');
  });

  it('wraps long names, units and custom pledge texts; no word leaves the page', async () => {
    const long = 'Pelayanan publik yang adil, transparan, dan bebas dari kepentingan politik praktis, '.repeat(6);
    const template = defineTemplate({
      id: 'uji-panjang',
      version: '1.0.0',
      kind: 'pakta-integritas',
      appliesTo: ['PNS', 'PPPK', 'PPNPN'],
      texts: {
        id: {
          title: 'Pakta Integritas Netralitas Aparatur Sipil Negara dalam Pemilihan Kepala Daerah Serentak',
          preamble: `Saya yang bertanda tangan di bawah ini, pegawai {agency}, menyatakan: ${long}`,
          points: Array.from({ length: 8 }, (_, i) => `Butir ${i + 1}: ${long}`),
          closing: 'Demikian pakta integritas ini saya buat dengan sebenarnya.',
          legalBasis: ['Peraturan uji'],
        },
      },
    });
    const signer = {
      ...referenceInput().signer,
      name: 'Raden Mas Bagus Wahyu Adi Nugroho Setyo Budi Prasetyo Hadiningrat Kusumawardhana Wicaksono Putra',
      workUnit:
        'Bidang Pengadaan, Pemberhentian, dan Informasi Kepegawaian pada Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah Kabupaten Klaten Provinsi Jawa Tengah',
      position: 'PenataLaksanaBarangTerampilPadaSubbagianUmumDanKepegawaianSekretariatDaerahYangSangatPanjangSekali',
    };
    const record = await signPledge(
      createPledge({
        ...referenceInput({ consent: { acknowledgedPoints: [1, 2, 3, 4, 5, 6, 7, 8], method: 'click' } }),
        template,
        signer,
      }),
      AGENCY,
      { created: '2024-01-08T08:16:00+07:00' },
    );
    const pdf = await renderCertificate(record);
    expect(qpdfCheck(pdf).status).toBe(0);
    const pages = wordBoxes(pdf);
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) {
      expect(page.words.length).toBeGreaterThan(0);
      for (const w of page.words) {
        const where = `page ${i + 1} "${w.text}"`;
        expect(w.xMin, where).toBeGreaterThanOrEqual(20);
        expect(w.xMax, where).toBeLessThanOrEqual(page.pageWidth - 20);
        expect(w.yMin, where).toBeGreaterThanOrEqual(20);
        expect(w.yMax, where).toBeLessThanOrEqual(page.pageHeight - 20);
      }
    }
    const text = squash(pdfToText(pdf));
    expect(text).toContain(`Halaman ${pages.length} dari ${pages.length}`);
    expect(text).toContain('Raden Mas Bagus');
    expect(text).toContain('Yang menyatakan,');
    expect(text).toContain('Kusumawardhana');
    expect(text.replace(/ /g, '')).toContain(signer.position);
    expect(await extractRecord(pdf)).toEqual(record);
  });

  it('puts a QR code on the page that a reader decodes (zbarimg)', async () => {
    const record: SignedPledge = await signed();
    const code = verificationCode(record);
    const url = await renderCertificate(record, {
      verificationUrl: 'https://ikrar.klatenkab.go.id/v?id={id}&c={code}',
    });
    expect(readQrCodes(renderPng(url, 100))).toEqual([
      // {id} is the bare UUID: the widget's "Unduh PDF" and the portal's certificate open the same /verifikasi/<uuid>.
      `https://ikrar.klatenkab.go.id/v?id=0f8fad5b-d9cb-469f-a165-70867728950e&c=${code}`,
    ]);
    const compact = await renderCertificate(record, { signature: DRAWING });
    expect(readQrCodes(renderPng(compact, 100))).toEqual([`IKRAR:0F8FAD5B-D9CB-469F-A165-70867728950E:${code}`]);
  });

  it('puts the verification URL with {id} and {code} in the QR code, and refuses one too long for it', async () => {
    const record: SignedPledge = await signed();
    const pdf = await renderCertificate(record, {
      verificationUrl: 'https://ikrar.klatenkab.go.id/v?id={id}&c={code}',
    });
    expect(qpdfCheck(pdf).status).toBe(0);
    expect(squash(pdfToText(pdf))).toContain(verificationCode(record));
    await expect(renderCertificate(record, { verificationUrl: `https://x.go.id/${'a'.repeat(4000)}` })).rejects.toThrow(
      RangeError,
    );
  });
});
