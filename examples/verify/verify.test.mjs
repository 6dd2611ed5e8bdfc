// examples/verify/index.html in headless Chromium, opened from file:// (a USB stick) and served
// over http: records and a trust store chosen in <ikrar-verifikasi>'s file inputs verify in the
// page with exactly the summary the built `ikrar-verify` gives on the same files, under the page's
// own CSP (connect-src 'none'); served, in Web Workers; from file://, in the page's thread, a
// PDF certificate too (the classic bundle carries core's PDF reader, not its renderer).
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { serveStatic } from '../../scripts/serve-static.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'ikrar-example-verify-'));
const records = path.join(dir, 'records.jsonl');
const trust = path.join(dir, 'trust.json');
let browser;
let server;
let expected;
let pdf;
let expectedPdf;

/** What the built `ikrar-verify --json` says about a file, after checking its exit code. */
function commandSummary(file, status) {
  const cli = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'packages/verifier/bin.js'), file, '--trust', trust, '--json', '--quiet'],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  expect(cli.status, cli.stderr).toBe(status);
  return JSON.parse(cli.stdout).summary;
}

beforeAll(async () => {
  const gen = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'examples/auditor/generate.mjs'), '--count', '120', '--out', dir, '--pdf', '1'],
    { encoding: 'utf8' },
  );
  expect(gen.status, gen.stderr).toBe(0);
  appendFileSync(records, '{"not":"a record"}\nnot json\n');
  expected = commandSummary(records, 1);
  pdf = path.join(dir, 'pdf', readdirSync(path.join(dir, 'pdf'))[0]);
  expectedPdf = commandSummary(pdf, 0);
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  server = await serveStatic(repoRoot);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function verifyOn(url, file = records) {
  const page = await browser.newPage();
  const refused = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused/i.test(m.text())) refused.push(m.text());
  });
  try {
    await page.goto(url);
    await page.waitForFunction(() => customElements.get('ikrar-verifikasi') !== undefined);
    await page.setInputFiles('ikrar-verifikasi #records', file);
    await page.setInputFiles('ikrar-verifikasi #trust', trust);
    await page.waitForFunction(
      () => document.querySelector('ikrar-verifikasi').shadowRoot.querySelectorAll('li').length === 2,
    );
    const done = page.evaluate(
      () =>
        new Promise((resolve) =>
          document.querySelector('ikrar-verifikasi').addEventListener('ikrar-verified', (e) => resolve(e.detail)),
        ),
    );
    await page.click('ikrar-verifikasi #verify');
    const detail = await done;
    const verdict = await page.textContent('ikrar-verifikasi #verdict');
    return { detail, verdict, refused };
  } finally {
    await page.close();
  }
}

describe('examples/verify: a static page with <ikrar-verifikasi>, no build step', () => {
  it("works opened from file:// (in the page thread), with the command's summary", async () => {
    const { detail, verdict, refused } = await verifyOn(pathToFileURL(path.join(here, 'index.html')).href);
    expect(detail.summary).toEqual(expected);
    expect(detail.summary.total).toBe(122);
    expect(detail.workers).toBe(0);
    expect(verdict).toContain('TIDAK SEMUA SAH: 2 dari 122');
    expect(refused).toEqual([]);
  });

  it('verifies a PDF certificate opened from file:// like the command', async () => {
    const { detail, refused } = await verifyOn(pathToFileURL(path.join(here, 'index.html')).href, pdf);
    expect(detail.summary).toEqual(expectedPdf);
    expect(detail.summary.total).toBe(1);
    expect(detail.summary.valid).toBe(1);
    expect(refused).toEqual([]);
  });

  it("works served over http, in Web Workers, with the command's summary", async () => {
    const { detail, refused } = await verifyOn(`${server.url}/examples/verify/index.html`);
    expect(detail.summary).toEqual(expected);
    expect(detail.workers).toBeGreaterThan(0);
    expect(refused).toEqual([]);
  });
});
