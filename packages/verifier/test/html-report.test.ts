// The --html report opened in headless Chromium: content, charts, no console errors, no requests.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateKeyPair } from '@ikrar/core';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRecord, runCli, tempDir, trustFor, writeJsonl } from './helpers.js';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';

const dir = tempDir('ikrar-html-');
let browser: Browser;

beforeAll(async () => {
  const agency = generateKeyPair();
  const records = [];
  const units = ['Dinas Kominfo', 'Inspektorat Daerah', 'Sekretariat Daerah'];
  for (let i = 0; i < 9; i++) {
    records.push(
      await makeRecord({
        agency,
        identifier: `19900101201503${i % 2 ? 1 : 2}${String(100 + i)}`,
        name: `Pegawai ${i}`,
        workUnit: units[i % 3] as string,
        created: `2024-10-0${5 + (i % 3)}T08:0${i}:00+08:00`,
      }),
    );
  }
  const tampered = structuredClone(records[0]!);
  tampered.credentialSubject.signer.name = 'Diubah <b>1</b>';
  writeJsonl(path.join(dir, 'records.jsonl'), [...records, tampered, '{"rusak": ']);
  writeFileSync(path.join(dir, 'trust.json'), JSON.stringify(trustFor(agency)));
  writeFileSync(
    path.join(dir, 'roster.csv'),
    'nip,nama,unit_kerja\n' +
      records
        .map(
          (r) =>
            `${r.credentialSubject.signer.identifier},${r.credentialSubject.signer.name},${r.credentialSubject.signer.workUnit}`,
        )
        .join('\n') +
      '\n198001012005011009,Belum Tanda Tangan,Sekretariat Daerah\n',
  );
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
});

afterAll(async () => {
  await browser?.close();
  // Keep the report and its screenshots for a look: IKRAR_KEEP_REPORT=1.
  if (process.env.IKRAR_KEEP_REPORT === '1') console.log(`[html] report and screenshots kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
});

describe('--html report in Chromium', () => {
  for (const lang of ['id', 'en'] as const) {
    it(`(${lang}) shows summary, failures, coverage and timeline charts, with no console errors`, async () => {
      const html = path.join(dir, `laporan-${lang}.html`);
      const r = runCli(
        ['records.jsonl', '--trust', 'trust.json', '--roster', 'roster.csv', '--html', html, '--lang', lang, '--quiet'],
        { cwd: dir },
      );
      expect(r.code).toBe(1);
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      const requests: string[] = [];
      page.on('request', (req) => requests.push(req.url()));
      await page.goto(`file://${html}`);
      const text = await page.locator('main').innerText();
      if (lang === 'id') {
        expect(await page.title()).toBe('Laporan Verifikasi Ikrar Netralitas ASN');
        expect(text).toContain('2 rekaman tidak sah.');
        expect(text).toContain('9 dari 10 pegawai dalam daftar sudah menandatangani.');
        expect(text).toContain('Belum Tanda Tangan');
      } else {
        expect(await page.title()).toBe('Ikrar Netralitas ASN verification report');
        expect(text).toContain('2 records are not valid.');
        expect(text).toContain('9 of 10 people on the roster have signed.');
      }
      expect(text).toContain('records.jsonl:10');
      expect(text).toContain('invalid-signature');
      expect(text).toContain('records.jsonl:11');
      // Names are text, never markup.
      expect(text).toContain('Diubah <b>1</b>');
      expect(await page.locator('main b').count()).toBe(0);
      expect(await page.locator('svg.chart').count()).toBe(2);
      expect(await page.locator('svg.chart rect.bar').count()).toBe(3 + 3);
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await page.screenshot({ path: path.join(dir, `laporan-${lang}.png`), fullPage: true });
      // On a phone (390 px) the page does not scroll sideways: a wide table scrolls in its own box.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await page.locator('.wide table').count()).toBeGreaterThan(0);
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});

describe('--html failures table', () => {
  // A record that parses but is not a record gets the generic "malformed" message and a reason;
  // the table shows the reason. Outcomes from worker threads are copies of that message, so the
  // reason must show with workers exactly as without (it showed the generic text before).
  it('shows the reason of a malformed record the same with and without workers', () => {
    const pages = [0, 2].map((jobs) => {
      const html = path.join(dir, `jobs-${jobs}.html`);
      writeJsonl(path.join(dir, 'not-a-record.jsonl'), ['{"@context": 1}', '{"rusak": ']);
      const r = runCli(
        ['not-a-record.jsonl', '--trust', 'trust.json', '--html', html, '--jobs', String(jobs), '--quiet'],
        {
          cwd: dir,
        },
      );
      expect(r.code).toBe(1);
      return readFileSync(html, 'utf8').replace(/<p class="meta">[^]*?<\/p>/, '');
    });
    const [inline, workers] = pages as [string, string];
    expect(inline).toContain('ERR_RECORD_INVALID at @context');
    expect(workers).toContain('ERR_RECORD_INVALID at @context');
    expect(workers).not.toContain('Rekaman rusak atau tidak sah bentuknya.</td>');
    expect(workers).toBe(inline);
  });
});
