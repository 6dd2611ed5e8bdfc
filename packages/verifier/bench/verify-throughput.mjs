#!/usr/bin/env node
// Throughput of `ikrar-verify` against the raw Ed25519 rates measured in the same run.
//
//   pnpm --filter @ikrar/verifier bench              100,000 records
//   IKRAR_BENCH_1M=1 pnpm --filter @ikrar/verifier bench   also 1,000,000 records
//
// Records come from examples/auditor/generate.mjs (cached in the OS temp directory by count).
// For each size it runs the built command with libsodium (auto) and without it (IKRAR_NO_SODIUM=1,
// node:crypto), on all cores, and prints records/s, the ratio to the one-thread raw node:crypto
// verify rate (64-byte messages, cached KeyObject), and peak RSS; at 100k also for single-proof
// records (no employee proof). Last, the ceiling the signatures alone allow on this machine.
// Speed is measured here, never asserted in tests.
import { spawn, spawnSync } from 'node:child_process';
import { createPublicKey, randomBytes, verify as nodeVerify } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getPublicKey, signEd25519, verifyEd25519 } from '@ikrar/core';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.resolve(here, '..');
const repoRoot = path.resolve(pkgDir, '../..');
const bin = path.join(pkgDir, 'bin.js');
const generator = path.join(repoRoot, 'examples/auditor/generate.mjs');
const sizes = [100_000, ...(process.env.IKRAR_BENCH_1M === '1' ? [1_000_000] : [])];

if (!existsSync(path.join(pkgDir, 'dist/cli.js'))) {
  console.error('ERR_USAGE: build first (pnpm --filter @ikrar/verifier build)');
  process.exit(2);
}

function rate(label, fn, seconds = 1.5) {
  for (let i = 0; i < 200; i++) fn(); // warm up
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < seconds * 1000) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
    t = performance.now();
  }
  const r = (n * 1000) / (t - t0);
  console.log(`  raw ${label.padEnd(28)} ${Math.round(r).toLocaleString('en-US').padStart(9)} verify/s (one thread)`);
  return r;
}

console.log(`ikrar-verify benchmark: node ${process.version}, ${availableParallelism()} cores`);
const seed = new Uint8Array(randomBytes(32));
const pub = getPublicKey(seed);
const msg = new Uint8Array(randomBytes(64));
const sig = signEd25519(msg, seed);
const key = createPublicKey({
  key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), pub]),
  format: 'der',
  type: 'spki',
});
let sodium;
try {
  sodium = createRequire(path.join(pkgDir, 'package.json'))('sodium-native');
} catch {
  sodium = undefined;
}
const rawNode = rate('node:crypto (OpenSSL)', () => nodeVerify(null, msg, key, sig));
const rawSodium = sodium
  ? rate('libsodium (sodium-native)', () => sodium.crypto_sign_verify_detached(sig, msg, pub))
  : NaN;
const rawNoble = rate('noble strict (core)', () => verifyEd25519(sig, msg, pub), 1);

function dataset(count, chained) {
  // "-v2": the generator writes canonical (RFC 8785) lines since 0.2; older caches are not reused.
  const dir = path.join(tmpdir(), `ikrar-bench-v2-${count}${chained === '0' ? '-single' : ''}`);
  if (!existsSync(path.join(dir, 'records.jsonl')) || !existsSync(path.join(dir, 'trust.json'))) {
    if (!existsSync(generator)) {
      console.error(`ERR_USAGE: ${generator} is missing; it generates the records`);
      process.exit(2);
    }
    console.log(`  generating ${count.toLocaleString('en-US')} records in ${dir} (once; cached) …`);
    const r = spawnSync(process.execPath, [generator, '--count', String(count), '--out', dir, '--chained', chained], {
      stdio: 'inherit',
      cwd: repoRoot,
    });
    if (r.status !== 0) process.exit(2);
  }
  return dir;
}

function run(dir, env) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [bin, path.join(dir, 'records.jsonl'), '--trust', path.join(dir, 'trust.json'), '--quiet'],
      {
        env: { ...process.env, ...env, IKRAR_VERIFY_STATS: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      const m = /ikrar-verify-stats (\{.*\})/.exec(err);
      const stats = m ? JSON.parse(m[1]) : {};
      resolve({
        code,
        seconds,
        rss: stats.maxRssKiB,
        cpu: stats.cpuMicros,
        summary: stats.summary ?? {},
        err: m ? '' : err,
      });
    });
  });
}

const rows = [];
// The generator's mix (1 in 5 records chained to the employee's own proof: 1.2 signatures per
// record), and, at 100k, single-proof records: the shape the issue's figures assume.
const SHAPES = { mixed: '0.2', single: '0' }; // the generator's --chained ratio of each shape
const runs = sizes.flatMap((count) => [
  { count, chained: SHAPES.mixed, shape: 'mixed' },
  ...(count === 100_000 ? [{ count, chained: SHAPES.single, shape: 'single' }] : []),
]);
for (const { count, chained, shape } of runs) {
  const dir = dataset(count, chained);
  for (const [label, env] of [
    ['with sodium-native', {}],
    ['without (node:crypto)', { IKRAR_NO_SODIUM: '1' }],
  ]) {
    if (label === 'with sodium-native' && !sodium) continue;
    const r = await run(dir, env);
    // Exit 1 is fine here as long as every line was examined: the generator can give two
    // people the same NI PPPK / NIK in a million, which the duplicate check rightly reports.
    if ((r.code !== 0 && r.code !== 1) || r.summary.total !== count) {
      console.error(`  run failed: exit ${r.code}, ${r.summary.total} records ${r.err}`);
      process.exitCode = 1;
      continue;
    }
    const notValid = Object.entries(r.summary).filter(([k, v]) => k !== 'total' && k !== 'valid' && v > 0);
    const perSec = count / r.seconds;
    rows.push({ count, label, perSec, ratio: perSec / rawNode, rss: r.rss, seconds: r.seconds });
    console.log(
      `  ${count.toLocaleString('en-US').padStart(9)} ${shape.padEnd(6)} ${label.padEnd(22)} ${r.seconds.toFixed(1).padStart(6)} s ` +
        `${Math.round(perSec).toLocaleString('en-US').padStart(8)} records/s  ${(perSec / rawNode).toFixed(2)}x raw node:crypto  ` +
        `peak RSS ${Math.round(r.rss / 1024)} MB  CPU ${Math.round(r.cpu / count)} µs/record` +
        (notValid.length ? `  (not valid: ${notValid.map(([k, v]) => `${k} ${v}`).join(', ')})` : ''),
    );
  }
}
// What the signatures alone allow: every core verifying and nothing else (no reading, parsing,
// hashing or reporting). A goal above this ceiling cannot be met by any pipeline.
const cores = availableParallelism();
for (const [engine, raw] of [
  ['libsodium', rawSodium],
  ['node:crypto', rawNode],
]) {
  if (!Number.isFinite(raw)) continue;
  for (const [shape, chained] of Object.entries(SHAPES)) {
    const sigs = 1 + Number(chained); // a chained record carries the employee's proof too
    const ceiling = (cores * raw) / sigs;
    console.log(
      `  ceiling ${engine.padEnd(11)} ${shape.padEnd(6)} ${Math.round(ceiling).toLocaleString('en-US').padStart(8)} records/s ` +
        `${(ceiling / rawNode).toFixed(2)}x raw node:crypto (${cores} cores x raw rate / ${sigs} signatures per record)`,
    );
  }
}
console.log(
  `\n  CPU µs/record is the time summed over all threads: it varies less than records/s when other
  processes share the machine; cores x 1e6 / (CPU µs/record) is the rate on an idle machine.
  goals: >= 2.50x with libsodium, >= 1.70x without (ratio to one-thread raw node:crypto ${Math.round(rawNode)}/s);` +
    ` raw libsodium/node ${(rawSodium / rawNode).toFixed(2)}x, noble/node ${(rawNoble / rawNode).toFixed(2)}x; peak RSS < 300 MB`,
);
