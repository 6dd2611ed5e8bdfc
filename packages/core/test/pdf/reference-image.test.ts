// The page as a person sees it: pdftoppm renders a fresh certificate, which must match the reviewed
// reference image within a tolerance. IKRAR_UPDATE_REFERENCE=1 rewrites the references (then look at
// them before committing: see docs/pdf.md).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SignedPledge } from '../../src/index.js';
import { renderCertificate, type RenderCertificateOptions } from '../../src/pdf/index.js';
import { compareImages, decodePng, testLogo } from './png.js';
import { AGENCY, DRAWING, referenceInput, signed } from './records.js';
import { renderPng } from './tools.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/pdf');
const update = process.env.IKRAR_UPDATE_REFERENCE === '1';
/** Mean grey difference (0–255) and share of pixels off by more than 64 levels that still count as equal. */
const TOLERANCE = { meanDiff: 1.5, changedShare: 0.004 };

const CASES: { file: string; record: () => Promise<SignedPledge>; options: RenderCertificateOptions }[] = [
  {
    file: 'reference-latin1-id.png',
    record: () => signed(),
    options: { signature: DRAWING },
  },
  {
    file: 'reference-extended-en.png',
    record: () =>
      signed(
        referenceInput({
          issuer: { id: AGENCY.controller, name: 'Pemerintah Kabupaten Jembrana' },
          signer: {
            ...referenceInput().signer,
            name: 'Ṅurah Śri Wāhyuni Nguyễn Đức Łukasz Ǆukić',
            workUnit: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah Kabupaten Jembrana Provinsi Bali',
          },
        }),
      ),
    options: { signature: DRAWING, language: 'en', logo: testLogo() },
  },
];

describe('reference image', () => {
  for (const c of CASES) {
    it(`a fresh render matches ${c.file}`, async () => {
      const png = renderPng(await renderCertificate(await c.record(), c.options));
      const file = path.join(fixtures, c.file);
      if (update || !existsSync(file)) writeFileSync(file, png);
      const diff = compareImages(decodePng(png), decodePng(readFileSync(file)));
      expect(diff.meanDiff).toBeLessThanOrEqual(TOLERANCE.meanDiff);
      expect(diff.changedShare).toBeLessThanOrEqual(TOLERANCE.changedShare);
    });
  }

  it('the comparison tells certificates apart (another language, another signer)', async () => {
    const reference = decodePng(readFileSync(path.join(fixtures, 'reference-latin1-id.png')));
    const english = decodePng(
      renderPng(await renderCertificate(await signed(), { signature: DRAWING, language: 'en' })),
    );
    const e = compareImages(english, reference);
    expect(e.meanDiff > TOLERANCE.meanDiff || e.changedShare > TOLERANCE.changedShare).toBe(true);
    const other = await signed(
      referenceInput({ signer: { ...referenceInput().signer, name: 'Bambang Sutrisno Hadi' } }),
    );
    const o = compareImages(decodePng(renderPng(await renderCertificate(other, { signature: DRAWING }))), reference);
    expect(o.meanDiff > TOLERANCE.meanDiff || o.changedShare > TOLERANCE.changedShare).toBe(true);
  });
});
