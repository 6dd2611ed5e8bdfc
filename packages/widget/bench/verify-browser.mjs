#!/usr/bin/env node
// <ikrar-verifikasi> in headless Chromium against `ikrar-verify` on the same file, in the same run.
//
//   pnpm --filter @ikrar/widget bench:verify            100,000 generator records
//   IKRAR_BENCH_COUNT=20000 pnpm --filter @ikrar/widget bench:verify
//
// Records come from examples/auditor/generate.mjs, cached in the OS temp directory by count (the
// same cache as @ikrar/verifier's bench). The built bundle dist/browser/ikrar-verifikasi.js is
// served over loopback; the page chooses the file through the element's file input and the time is
// from the click on "Verifikasi" to `ikrar-verified`. The command runs with its defaults (all
// cores, sodium when installed) and again with --engine node. Prints records/s, the ratio browser /
// command, and the load average. Speed is measured here, never asserted in tests. Run `pnpm build` first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { serveStatic } from '../../../scripts/serve-static.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const count = Number(process.env.IKRAR_BENCH_COUNT ?? 100_000);
const runs = Number(process.env.IKRAR_BENCH_RUNS ?? 3);
const bundle = path.join(repoRoot, 'packages/widget/dist/browser/ikrar-verifikasi.js');
const bin = path.join(repoRoot, 'packages/verifier/bin.js');
if (!existsSync(bundle) || !existsSync(path.join(repoRoot, 'packages/verifier/dist/cli.js'))) {
  console.error('ERR_USAGE: build first (pnpm build)');
  process.exit(2);
}

const dir = path.join(tmpdir(), `ikrar-bench-v2-${count}`);
const file = path.join(dir, 'records.jsonl');
const trust = path.join(dir, 'trust.json');
if (!existsSync(file)) {
  console.log(`generating ${count.toLocaleString('en-US')} records in ${dir} (once; cached) …`);
  const r = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'examples/auditor/generate.mjs'), '--count', String(count), '--out', dir],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) process.exit(2);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n) => Math.round(n).toLocaleString('en-US');

function cli(extra) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, file, '--trust', trust, '--json', '--quiet', ...extra], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`ikrar-verify exit ${r.status}: ${r.stderr}`);
  return { ms, summary: JSON.parse(r.stdout).summary };
}

const PAGE = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/packages/widget/dist/browser/ikrar-verifikasi.js"></script></head>
<body><ikrar-verifikasi></ikrar-verifikasi></body></html>`;

const server = await serveStatic(repoRoot, { pages: { '/__bench/verify.html': PAGE } });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
async function inBrowser() {
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}/__bench/verify.html`);
    await page.waitForFunction(() => customElements.get('ikrar-verifikasi') !== undefined);
    await page.setInputFiles('ikrar-verifikasi #records', file);
    await page.setInputFiles('ikrar-verifikasi #trust', trust);
    await page.waitForFunction(
      () => document.querySelector('ikrar-verifikasi').shadowRoot.querySelectorAll('li').length === 2,
    );
    return await page.evaluate(async () => {
      const el = document.querySelector('ikrar-verifikasi');
      const done = new Promise((resolve) => el.addEventListener('ikrar-verified', (e) => resolve(e.detail)));
      const t0 = performance.now();
      el.shadowRoot.querySelector('#verify').click();
      const detail = await done;
      return { ms: performance.now() - t0, summary: detail.summary, workers: detail.workers };
    });
  } finally {
    await page.close();
  }
}

console.log(
  `<ikrar-verifikasi> vs ikrar-verify, ${fmt(count)} records: node ${process.version}, ${availableParallelism()} cores, ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at start`,
);
const b = [];
const c = [];
const n = [];
let workers = 0;
for (let i = 0; i < runs; i++) {
  // Interleaved, so a change of machine load touches all three alike.
  const br = await inBrowser();
  if (br.summary.valid !== count) throw new Error(`browser: ${JSON.stringify(br.summary)}`);
  workers = br.workers;
  b.push(br.ms);
  const cr = cli([]);
  if (cr.summary.valid !== count) throw new Error(`cli: ${JSON.stringify(cr.summary)}`);
  c.push(cr.ms);
  n.push(cli(['--engine', 'node']).ms);
}
await browser.close();
await server.close();
const rate = (ms) => (count * 1000) / ms;
console.log(
  `  Chromium, ${workers} Web Workers     ${fmt(rate(median(b))).padStart(8)} records/s  (median of ${runs})`,
);
console.log(`  ikrar-verify (auto engine)   ${fmt(rate(median(c))).padStart(8)} records/s  (process start included)`);
console.log(`  ikrar-verify --engine node   ${fmt(rate(median(n))).padStart(8)} records/s`);
console.log(
  `  ratio browser / command: ${(median(c) / median(b)).toFixed(2)} (auto), ${(median(n) / median(b)).toFixed(2)} (node); goal >= 0.5`,
);
console.log(
  `  load average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
