#!/usr/bin/env node
// Throughput of `ikrar-verify` beside the floor of the same file, both measured in this run.
//
//   pnpm --filter @ikrar/verifier bench                       100,000 records
//   IKRAR_BENCH_1M=1 pnpm --filter @ikrar/verifier bench      also 1,000,000 records
//   IKRAR_BENCH_BASELINE=/path/to/other/bin.js …               also that build, run right after each run
//   IKRAR_BENCH_QUICK=1 node bench/verify-throughput.mjs      mixed only, libsodium only (while working;
//                                    IKRAR_BENCH_NODE=1 adds node:crypto, IKRAR_BENCH_COUNT=N another size,
//                                    IKRAR_BENCH_RSS=1 the peak RSS by worker count)
//
// Records come from examples/auditor/generate.mjs (cached in the OS temp directory by count).
// For each file it first measures, in this process on one thread, the floor: the work no
// verifier of this file can avoid, per record (CPU time, a stride sample of the file):
//   read     the file's bytes (512 KiB reads into one reused buffer, the whole file)
//   decode   one UTF-8 decode per line (fatal TextDecoder)
//   parse    one JSON.parse per line
//   hash     per proof, SHA-256 of the canonical proof config and of the canonical document
//            (node:crypto one-shot over bytes made beforehand: hashing, not serializing)
//   base58   per proof, the signature's base58btc; per key first met, the did:key
//   verify   per proof, the native Ed25519 verify (libsodium on raw key bytes; node:crypto on
//            a KeyObject imported once per key from JWK, the import counted here)
// Then it runs the built command with libsodium (auto) and without it (IKRAR_NO_SODIUM=1,
// node:crypto) on all cores and prints CPU per record for the whole process, the main thread,
// the worker threads and the rest (V8's compiler and GC threads, libuv), each beside the floor,
// the rate and its ratio to the one-thread raw node:crypto verify rate (64-byte messages,
// cached KeyObject), and peak RSS. Last, peak RSS by worker count (--jobs 1 to 4, default engine, on
// 20,000 records: what each further worker adds). On a loaded machine compare CPU per record and ratios, not
// wall times: the "rate at CPU" column (cores x 1e6 / CPU per record, against the raw rate per
// CPU second) is what the same run gives on an idle machine.
// Speed is measured here, never asserted in tests.
import { spawn, spawnSync } from 'node:child_process';
import { createPublicKey, hash as nodeHash, randomBytes, verify as nodeVerify } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@ikrar/core';

// Primitives may move behind a subpath of core (issue #17); take them from wherever they are.
const prim = { ...core, ...(await import('@ikrar/core/crypto').catch(() => ({}))) };
const { canonicalizeToBytes, fromMultibase58, getPublicKey, proofsOf, securedInput, signEd25519, verifyEd25519 } = prim;

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.resolve(here, '..');
const repoRoot = path.resolve(pkgDir, '../..');
const bin = path.join(pkgDir, 'bin.js');
const generator = path.join(repoRoot, 'examples/auditor/generate.mjs');
const quick = process.env.IKRAR_BENCH_QUICK === '1';
const sizes = process.env.IKRAR_BENCH_COUNT
  ? [Number(process.env.IKRAR_BENCH_COUNT)]
  : [100_000, ...(process.env.IKRAR_BENCH_1M === '1' ? [1_000_000] : [])];
const baseline = process.env.IKRAR_BENCH_BASELINE;
const FLOOR_SAMPLE = Number(process.env.IKRAR_BENCH_FLOOR_SAMPLE ?? 20_000);

if (!existsSync(path.join(pkgDir, 'dist/cli.js'))) {
  console.error('ERR_USAGE: build first (pnpm --filter @ikrar/verifier build)');
  process.exit(2);
}

/** CPU microseconds of this process spent in fn (one thread: the bench runs nothing else). */
function cpu(fn) {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return c.user + c.system;
}

/** The one-thread rate of fn, per wall second and per CPU second. */
function rate(label, fn, seconds = 1.5) {
  for (let i = 0; i < 200; i++) fn(); // warm up
  let n = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < seconds * 1000) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
    t = performance.now();
  }
  const c = process.cpuUsage(c0);
  const wall = (n * 1000) / (t - t0);
  const perCpu = (n * 1e6) / (c.user + c.system);
  console.log(
    `  raw ${label.padEnd(28)} ${fmt(wall).padStart(9)} verify/s (one thread), ${fmt(perCpu).padStart(7)} per CPU second`,
  );
  return { wall, perCpu };
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const us = (n) => n.toFixed(1).padStart(6);

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
  : undefined;
const rawNoble = rate('noble strict (core)', () => verifyEd25519(sig, msg, pub), 1);

/** Lines of a file: every `stride`-th non-blank one, as byte copies. */
function sampleLines(file, stride) {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(512 * 1024);
  const lines = [];
  let carry = [];
  let total = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      let start = 0;
      for (;;) {
        const nl = buf.indexOf(10, start);
        if (nl < 0 || nl >= n) break;
        const part = buf.subarray(start, nl);
        const line = carry.length ? Buffer.concat([...carry, part]) : part;
        carry = [];
        if (line.length > 0) {
          if (total % stride === 0) lines.push(new Uint8Array(line));
          total++;
        }
        start = nl + 1;
      }
      if (start < n) carry.push(Buffer.from(buf.subarray(start, n)));
    }
    if (carry.length && Buffer.concat(carry).length > 0) {
      if (total % stride === 0) lines.push(new Uint8Array(Buffer.concat(carry)));
      total++;
    }
  } finally {
    closeSync(fd);
  }
  return { lines, total };
}

const JWK_KEYS = (pubBytes) =>
  createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(pubBytes).toString('base64url') },
    format: 'jwk',
  });

/**
 * The floor of one file, per record, in CPU µs (see the header).
 * @returns {{ count: number, sample: number, proofs: number, read: number, decode: number, parse: number,
 *   hash: number, base58: number, sodium?: number, node: number }}
 */
function measureFloor(file, count) {
  // read: the whole file, 512 KiB at a time, into one buffer.
  const buf = Buffer.allocUnsafe(512 * 1024);
  const readCpu = cpu(() => {
    const fd = openSync(file, 'r');
    while (readSync(fd, buf, 0, buf.length, null) > 0);
    closeSync(fd);
  });
  const { lines, total } = sampleLines(file, Math.max(1, Math.floor(count / FLOOR_SAMPLE)));
  if (total !== count) throw new Error(`${file}: ${total} records, expected ${count}`);
  const n = lines.length;
  const dec = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const texts = new Array(n);
  const decodeCpu = cpu(() => {
    for (let i = 0; i < n; i++) texts[i] = dec.decode(lines[i]);
  });
  const records = new Array(n);
  const parseCpu = cpu(() => {
    for (let i = 0; i < n; i++) records[i] = JSON.parse(texts[i]);
  });
  // Beforehand, untimed: each proof's canonical config and document bytes, signature, key.
  const proofs = [];
  for (const rec of records) {
    const list = proofsOf(rec);
    for (const p of list) {
      const { proofValue, ...config } = p;
      const input = securedInput(rec, p.previousProof, list);
      if (config['@context'] !== undefined) input['@context'] = config['@context'];
      const vm = p.verificationMethod;
      const didKey = vm.split('#')[0].slice('did:key:'.length);
      proofs.push({
        config: canonicalizeToBytes(config),
        doc: canonicalizeToBytes(input),
        proofValue,
        didKey,
        vm,
        data: undefined,
        sig: undefined,
        pub: undefined,
      });
    }
  }
  const hashCpu = cpu(() => {
    for (const p of proofs) {
      const data = new Uint8Array(64);
      data.set(nodeHash('sha256', p.config, 'buffer'), 0);
      data.set(nodeHash('sha256', p.doc, 'buffer'), 32);
      p.data = data;
    }
  });
  const seen = new Map();
  const base58Cpu = cpu(() => {
    for (const p of proofs) {
      p.sig = fromMultibase58(p.proofValue);
      let k = seen.get(p.vm);
      if (k === undefined) seen.set(p.vm, (k = fromMultibase58(p.didKey).subarray(2))); // 0xed 0x01 multicodec
      p.pub = k;
    }
  });
  let bad = 0;
  const sodiumCpu = sodium
    ? cpu(() => {
        for (const p of proofs) if (!sodium.crypto_sign_verify_detached(p.sig, p.data, p.pub)) bad++;
      })
    : undefined;
  const keys = new Map();
  const nodeCpu = cpu(() => {
    for (const p of proofs) {
      let k = keys.get(p.vm);
      if (k === undefined) keys.set(p.vm, (k = JWK_KEYS(p.pub)));
      if (!nodeVerify(null, p.data, k, p.sig)) bad++;
    }
  });
  // The floor is only a floor if it did the real work: every signature of the sample verifies.
  if (bad) throw new Error(`floor: ${bad} signatures of the sample did not verify; the floor is wrong`);
  return {
    count,
    sample: n,
    proofs: proofs.length / n,
    read: readCpu / count,
    decode: decodeCpu / n,
    parse: parseCpu / n,
    hash: hashCpu / n,
    base58: base58Cpu / n,
    sodium: sodiumCpu === undefined ? undefined : sodiumCpu / n,
    node: nodeCpu / n,
  };
}

function printFloor(f) {
  const common = f.read + f.decode + f.parse + f.hash + f.base58;
  console.log(
    `  floor of this file (CPU µs per record, one thread; sample ${fmt(f.sample)} of ${fmt(f.count)} records, ` +
      `${f.proofs.toFixed(2)} proofs per record):\n` +
      `    read ${us(f.read)}  decode ${us(f.decode)}  parse ${us(f.parse)}  hash ${us(f.hash)}  base58 ${us(f.base58)}` +
      (f.sodium !== undefined ? `  verify libsodium ${us(f.sodium)}` : '') +
      `  verify node:crypto ${us(f.node)} (JWK import per key included)\n` +
      (f.sodium !== undefined ? `    floor with libsodium ${us(common + f.sodium)}` : '') +
      `    floor with node:crypto ${us(common + f.node)}`,
  );
  return { sodium: f.sodium === undefined ? undefined : common + f.sodium, node: common + f.node };
}

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

function run(dir, env, command = bin, jobs = undefined) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [
        command,
        path.join(dir, 'records.jsonl'),
        '--trust',
        path.join(dir, 'trust.json'),
        '--quiet',
        ...(jobs === undefined ? [] : ['--jobs', String(jobs)]),
      ],
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
        main: stats.mainMicros,
        mainSystem: stats.mainSystemMicros,
        workers: stats.workerMicros,
        other: stats.otherMicros,
        summary: stats.summary ?? {},
        err: m ? '' : err,
      });
    });
  });
}

const cores = availableParallelism();
// The generator's mix (1 in 5 records chained to the employee's own proof: 1.2 signatures per
// record), and, at 100k, single-proof records: the shape the issue's figures assume.
const SHAPES = { mixed: '0.2', single: '0' }; // the generator's --chained ratio of each shape
const runs = sizes.flatMap((count) => [
  { count, chained: SHAPES.mixed, shape: 'mixed' },
  ...(count === 100_000 && !quick ? [{ count, chained: SHAPES.single, shape: 'single' }] : []),
]);
const rawPerCpu = rawNode.perCpu;
for (const { count, chained, shape } of runs) {
  const dir = dataset(count, chained);
  console.log(`\n  ${fmt(count)} records, ${shape} (${dir})`);
  const floor = printFloor(measureFloor(path.join(dir, 'records.jsonl'), count));
  for (const [label, env, engine] of [
    ['libsodium', {}, 'sodium'],
    ['node:crypto', { IKRAR_NO_SODIUM: '1' }, 'node'],
  ]) {
    if (engine === 'sodium' && !sodium) continue;
    if (quick && engine === 'node' && sodium && process.env.IKRAR_BENCH_NODE !== '1') continue;
    for (const [who, command] of [['ikrar-verify', bin], ...(baseline ? [['baseline', baseline]] : [])]) {
      const r = await run(dir, env, command);
      // Exit 1 is fine here as long as every line was examined: the generator can give two
      // people the same NI PPPK / NIK in a million, which the duplicate check rightly reports.
      if ((r.code !== 0 && r.code !== 1) || r.summary.total !== count) {
        console.error(`  run failed: exit ${r.code}, ${r.summary.total} records ${r.err}`);
        process.exitCode = 1;
        continue;
      }
      const notValid = Object.entries(r.summary).filter(([k, v]) => k !== 'total' && k !== 'valid' && v > 0);
      const f = floor[engine];
      const per = (micros) => (micros === undefined ? '     ?' : us(micros / count));
      const total = r.cpu / count;
      const perSec = count / r.seconds;
      const atCpu = (cores * 1e6) / total; // the rate if the cores were ours alone
      console.log(
        `    ${who.padEnd(12)} ${label.padEnd(11)} CPU µs/record: total ${us(total)} (${(total / f).toFixed(2)}x floor ${us(f)})` +
          `  main ${per(r.main)} (system ${per(r.mainSystem).trim()})  workers ${per(r.workers)}  other ${per(r.other)}\n` +
          `      ${fmt(perSec).padStart(7)} records/s wall (${(perSec / rawNode.wall).toFixed(2)}x raw node:crypto), ` +
          `${fmt(atCpu).padStart(7)} at CPU (${(atCpu / rawPerCpu).toFixed(2)}x raw node:crypto per CPU s; ` +
          `at the floor ${((cores * 1e6) / f / rawPerCpu).toFixed(2)}x)  ${r.seconds.toFixed(1)} s  peak RSS ${Math.round(r.rss / 1024)} MB` +
          (notValid.length ? `  (not valid: ${notValid.map(([k, v]) => `${k} ${v}`).join(', ')})` : ''),
      );
    }
  }
}
// Peak RSS by worker count: a short file, so that what grows is what each worker adds.
if (!quick || process.env.IKRAR_BENCH_RSS === '1') {
  const count = 20_000;
  const dir = dataset(count, SHAPES.mixed);
  const line = [];
  let prev;
  for (const jobs of [1, 2, 3, 4]) {
    const r = await run(dir, {}, bin, jobs);
    if ((r.code !== 0 && r.code !== 1) || r.summary.total !== count) {
      console.error(`  run failed: exit ${r.code}, ${r.summary.total} records ${r.err}`);
      process.exitCode = 1;
      continue;
    }
    const mb = r.rss / 1024;
    line.push(`${jobs}: ${Math.round(mb)} MB${prev === undefined ? '' : ` (+${Math.round(mb - prev)})`}`);
    prev = mb;
  }
  console.log(`\n  peak RSS by workers (--jobs, ${fmt(count)} mixed records, default engine): ${line.join('  ')}`);
}
// What the signatures alone allow: every core verifying and nothing else (no reading, parsing,
// hashing or reporting). A goal above this ceiling cannot be met by any pipeline.
console.log('');
for (const [engine, raw] of [
  ['libsodium', rawSodium],
  ['node:crypto', rawNode],
]) {
  if (!raw) continue;
  for (const [shape, chained] of Object.entries(SHAPES)) {
    const sigs = 1 + Number(chained); // a chained record carries the employee's proof too
    const ceiling = (cores * raw.perCpu) / sigs;
    console.log(
      `  ceiling ${engine.padEnd(11)} ${shape.padEnd(6)} ${fmt(ceiling).padStart(8)} records/s at CPU ` +
        `${(ceiling / rawPerCpu).toFixed(2)}x raw node:crypto (${cores} cores x raw rate / ${sigs} signatures per record)`,
    );
  }
}
console.log(
  `\n  CPU µs/record is summed over all threads (main: reading, duplicates, report, output; workers:
  verifying; other: V8 compiler and GC threads, libuv); it varies less than records/s when other
  processes share the machine. "at CPU" is cores x 1e6 / (CPU µs/record), the rate on an idle
  machine, compared with the raw rate per CPU second measured in this run.
  goals (issue #17): CPU per record <= 1.2x the floor; main thread <= 6 µs/record; >= 1.6x raw
  node:crypto with libsodium, >= 1.1x without; peak RSS < 300 MB with 2 workers, at most +25 MB
  per further worker.
  raw libsodium/node ${rawSodium ? (rawSodium.perCpu / rawPerCpu).toFixed(2) : '-'}x, noble/node ${(rawNoble.perCpu / rawPerCpu).toFixed(2)}x per CPU second.`,
);
