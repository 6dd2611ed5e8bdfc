#!/usr/bin/env node
// The README's tour images, into docs/tour/ (run `pnpm build` first; needs pdftoppm, Chromium, and
// pngquant to keep the PNGs small):
//   widget-phone.png   the widget's own phone screenshot (packages/widget: pnpm screenshots)
//   certificate.png    a sample certificate (examples/auditor/generate.mjs), page 1 via pdftoppm
//   audit-report.png   `ikrar-verify --html` over the same sample, in headless Chromium
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs/tour');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ikrar-tour-'));
mkdirSync(out, { recursive: true });
const small = (from, name) =>
  execFileSync('pngquant', ['--quality', '60-85', '--strip', '--force', '--output', path.join(out, name), from]);
try {
  const data = path.join(tmp, 'sample');
  execFileSync(process.execPath, ['examples/auditor/generate.mjs', '--count', '300', '--out', data, '--pdf', '1'], {
    cwd: root,
    stdio: 'inherit',
  });
  const pdf = path.join(data, 'pdf', readdirSync(path.join(data, 'pdf'))[0]);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdf, path.join(tmp, 'certificate')]);
  small(path.join(tmp, 'certificate.png'), 'certificate.png');
  const report = path.join(tmp, 'report.html');
  const args = [path.join(data, 'records.jsonl'), '--trust', path.join(data, 'trust.json')];
  execFileSync(
    process.execPath,
    ['packages/verifier/bin.js', ...args, '--roster', path.join(data, 'roster.csv'), '--html', report],
    {
      cwd: root,
    },
  );
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 900, height: 1100 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(report).href);
  await page.screenshot({ path: path.join(tmp, 'report.png') });
  await browser.close();
  small(path.join(tmp, 'report.png'), 'audit-report.png');
  small(path.join(root, 'packages/widget/docs/phone-id-1-pledge.png'), 'widget-phone.png');
  console.log(`docs/tour: ${readdirSync(out).join(', ')}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
