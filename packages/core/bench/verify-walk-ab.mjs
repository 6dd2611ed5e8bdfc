#!/usr/bin/env node
// In-process A/B of the per-record verify walk: two builds of @ikrar/verifier (each with the
// @ikrar/core its package resolves) verify the same JSONL lines through RecordVerifier.verifyLine
// with libsodium (strict) and node:crypto SHA-256, in interleaved rounds (A B B A ...), and the
// median CPU µs per record of each and their ratio are printed. Verdicts of the two builds must
// agree line for line, else the run fails.
//
//   node bench/verify-walk-ab.mjs <A: verifier package dir> <B: verifier package dir> [records.jsonl] [trust.json]
//   env: AB_LINES (default 5000), AB_ROUNDS (default 15), AB_SHARED (default 1: the lines are
//   views of a Buffer over a SharedArrayBuffer, as the CLI's workers read them from its slabs;
//   0: views of the file's own Buffer)
//
// The file defaults to /tmp/ikrar-bench-v2-100000 (generate it with the verifier bench:
// `cd packages/verifier && IKRAR_BENCH_QUICK=1 node bench/verify-throughput.mjs`).
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [dirA, dirB, file = '/tmp/ikrar-bench-v2-100000/records.jsonl', trustFile] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node bench/verify-walk-ab.mjs <verifier dir A> <verifier dir B> [records.jsonl] [trust.json]');
  process.exit(2);
}
const LINES = Number(process.env.AB_LINES ?? 5000);
const ROUNDS = Number(process.env.AB_ROUNDS ?? 15);

// The lines, as the CLI's job runner hands them: UTF-8 bytes without the newline, Buffer views.
const SHARED = process.env.AB_SHARED !== '0';
const read = readFileSync(file);
const buf = SHARED ? Buffer.from(new SharedArrayBuffer(read.length)) : read;
if (SHARED) buf.set(read);
const lines = [];
for (let start = 0; lines.length < LINES && start < buf.length;) {
  let end = buf.indexOf(10, start);
  if (end < 0) end = buf.length;
  if (end > start) lines.push(buf.subarray(start, end));
  start = end + 1;
}
const trustJson = JSON.parse(readFileSync(trustFile ?? path.join(path.dirname(file), 'trust.json'), 'utf8'));

function sha256(bytes) {
  const d = hash('sha256', bytes, 'buffer');
  return new Uint8Array(d.buffer, d.byteOffset, d.length);
}

async function load(dir) {
  const v = await import(pathToFileURL(path.join(path.resolve(dir), 'dist/index.js')).href);
  const sodium = createRequire(path.join(path.resolve(dir), 'package.json'))('sodium-native');
  const verifySignature = v.createStrictVerifier((s, m, p) => sodium.crypto_sign_verify_detached(s, m, p));
  return () => v.createRecordVerifier({ trustStore: v.parseTrustStore(trustJson), verifySignature, sha256 });
}

const builds = { A: await load(dirA), B: await load(dirB) };

/** One round: a fresh verifier (caches as a run starts), every line; CPU µs per record. */
async function round(make, verdicts) {
  const verifier = make();
  const t = process.cpuUsage();
  for (let i = 0; i < lines.length; i++) {
    const { result } = await verifier.verifyLine(lines[i], { line: i + 1 });
    if (verdicts) verdicts.push(result.verdict + (result.reason ? ` ${result.reason.code}` : ''));
  }
  const d = process.cpuUsage(t);
  return (d.user + d.system) / lines.length;
}

// Warm-up, and the verdicts of both builds compared line for line.
const va = [];
const vb = [];
await round(builds.A, va);
await round(builds.B, vb);
for (let i = 0; i < va.length; i++) {
  if (va[i] !== vb[i]) throw new Error(`line ${i + 1}: A says ${va[i]}, B says ${vb[i]}`);
}
const counts = {};
for (const v of va) counts[v] = (counts[v] ?? 0) + 1;

const times = { A: [], B: [] };
const ratios = [];
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
  const got = {};
  for (const k of order) got[k] = await round(builds[k]);
  times.A.push(got.A);
  times.B.push(got.B);
  ratios.push(got.B / got.A);
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const [l1, l5] = (await import('node:os')).loadavg();
console.log(
  `${lines.length} lines of ${file}${SHARED ? ' (in a SharedArrayBuffer)' : ''}, ${ROUNDS} interleaved rounds, load ${l1.toFixed(1)}/${l5.toFixed(1)}`,
);
console.log(`verdicts (equal in A and B): ${JSON.stringify(counts)}`);
console.log(`A ${dirA}: median ${median(times.A).toFixed(1)} µs CPU/record`);
console.log(`B ${dirB}: median ${median(times.B).toFixed(1)} µs CPU/record`);
console.log(
  `B/A: median of paired ratios ${median(ratios).toFixed(3)} (min ${Math.min(...ratios).toFixed(3)}, max ${Math.max(...ratios).toFixed(3)})`,
);
