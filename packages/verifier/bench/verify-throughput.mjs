#!/usr/bin/env node
// Throughput of `ikrar-verify` beside the floor of the same file, both measured in this run.
//
//   pnpm --filter @ikrar/verifier bench                       100,000 records
//   IKRAR_BENCH_1M=1 pnpm --filter @ikrar/verifier bench      also 1,000,000 records
//   IKRAR_BENCH_BASELINE=/path/to/other/bin.js …               also that build, paired with each run
//   IKRAR_BENCH_ROUNDS=N                                       rounds (default 3 up to 100,000 records, 1 above)
//   IKRAR_BENCH_FLOOR_ALL=0                                    skip the floor with all cores busy
//   IKRAR_BENCH_FLOOR_REPEAT=N                                 passes of the floor per round (default 3; median)
//   IKRAR_BENCH_QUICK=1 node bench/verify-throughput.mjs      mixed only, libsodium only (while working;
//                                    IKRAR_BENCH_NODE=1 adds node:crypto, IKRAR_BENCH_COUNT=N another size,
//                                    IKRAR_BENCH_RSS=1 the peak RSS by worker count)
//
// Records come from examples/auditor/generate.mjs (cached in the OS temp directory by count).
// For each file it measures the floor: the work no verifier of this file can avoid, per record
// (CPU time, a stride sample of the file; the sample is prepared once, untimed):
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
// cached KeyObject), and peak RSS.
//
// The machine's speed drifts (other people's work, the host): one run after another, the floor and
// the command can differ by 30% for that alone. So the figures go in rounds: each round measures
// the raw node:crypto rate, the floor on one thread (in this process), the floor with every core
// busy (one process per core at the same moment, each on its share of the sample: the command also
// keeps every core busy, and a busy neighbour core slows a core's own work), then the command and
// the baseline in alternating order; each round's ratios use that round's own floor and raw rate,
// and the summary gives their medians (with a sign-test interval for the paired baseline ratio).
// Last, peak RSS by worker count (--jobs 1 to 4, default engine, on 20,000 records: what each
// further worker adds). On a loaded machine compare CPU per record and ratios, not wall times:
// the "rate at CPU" column (cores x 1e6 / CPU per record, against the raw rate per CPU second) is
// what the same run gives on an idle machine.
// Speed is measured here, never asserted in tests.
import { fork, spawnSync } from 'node:child_process';
import { createPublicKey, hash as nodeHash, randomBytes, verify as nodeVerify } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@ikrar/core';
import { median, medianInterval, runVerify } from './kit.mjs';

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
/** Passes of the floor per round; each stage's median is the round's floor. */
const FLOOR_REPEAT = Number(process.env.IKRAR_BENCH_FLOOR_REPEAT ?? 3);

if (!existsSync(path.join(pkgDir, 'dist/cli.js'))) {
  console.error('ERR_USAGE: build first (pnpm --filter @ikrar/verifier build)');
  process.exit(2);
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const us = (n) => n.toFixed(1).padStart(6);
const x2 = (n) => `${n.toFixed(2)}x`;
const cores = availableParallelism();

/** CPU microseconds of this process spent in fn (one thread: the bench runs nothing else). */
function cpu(fn) {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return c.user + c.system;
}

/** The one-thread rate of fn, per wall second and per CPU second. */
function rate(fn, seconds) {
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
  return { wall: (n * 1000) / (t - t0), perCpu: (n * 1e6) / (c.user + c.system) };
}

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

let sodium;
try {
  sodium = createRequire(path.join(pkgDir, 'package.json'))('sodium-native');
} catch {
  sodium = undefined;
}

/**
 * The floor's sample of one file, prepared once and untimed: this process's share (`part` of
 * `parts`) of a stride sample of the lines, and each proof's canonical config and document bytes.
 */
function prepareFloor(file, count, part = 0, parts = 1) {
  const { lines: all, total } = sampleLines(file, Math.max(1, Math.floor(count / FLOOR_SAMPLE)));
  if (total !== count) throw new Error(`${file}: ${total} records, expected ${count}`);
  const lines = all.filter((_, i) => i % parts === part);
  const dec = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const proofs = [];
  for (const line of lines) {
    const rec = JSON.parse(dec.decode(line));
    const list = proofsOf(rec);
    for (const p of list) {
      const { proofValue, ...config } = p;
      const input = securedInput(rec, p.previousProof, list);
      if (config['@context'] !== undefined) input['@context'] = config['@context'];
      const vm = p.verificationMethod;
      const didKey = vm.split('#')[0].slice('did:key:'.length);
      proofs.push({ config: canonicalizeToBytes(config), doc: canonicalizeToBytes(input), proofValue, didKey, vm });
    }
  }
  return { file, count, lines, proofs };
}

/**
 * The floor of a prepared sample, per record, in CPU µs (see the header): every stage done again
 * from scratch, timed.
 * @returns {{ sample: number, proofs: number, read: number, decode: number, parse: number,
 *   hash: number, base58: number, sodium?: number, node: number }}
 */
function timeFloor({ file, count, lines, proofs }) {
  // read: the whole file, 512 KiB at a time, into one buffer.
  const buf = Buffer.allocUnsafe(512 * 1024);
  const readCpu = cpu(() => {
    const fd = openSync(file, 'r');
    while (readSync(fd, buf, 0, buf.length, null) > 0);
    closeSync(fd);
  });
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
  const datas = new Array(proofs.length);
  const hashCpu = cpu(() => {
    for (let i = 0; i < proofs.length; i++) {
      const p = proofs[i];
      const data = new Uint8Array(64);
      data.set(nodeHash('sha256', p.config, 'buffer'), 0);
      data.set(nodeHash('sha256', p.doc, 'buffer'), 32);
      datas[i] = data;
    }
  });
  const sigs = new Array(proofs.length);
  const pubs = new Array(proofs.length);
  const seen = new Map();
  const base58Cpu = cpu(() => {
    for (let i = 0; i < proofs.length; i++) {
      const p = proofs[i];
      sigs[i] = fromMultibase58(p.proofValue);
      let k = seen.get(p.vm);
      if (k === undefined) seen.set(p.vm, (k = fromMultibase58(p.didKey).subarray(2))); // 0xed 0x01 multicodec
      pubs[i] = k;
    }
  });
  let bad = 0;
  const sodiumCpu = sodium
    ? cpu(() => {
        for (let i = 0; i < proofs.length; i++)
          if (!sodium.crypto_sign_verify_detached(sigs[i], datas[i], pubs[i])) bad++;
      })
    : undefined;
  const keys = new Map();
  const nodeCpu = cpu(() => {
    for (let i = 0; i < proofs.length; i++) {
      const vm = proofs[i].vm;
      let k = keys.get(vm);
      if (k === undefined) keys.set(vm, (k = JWK_KEYS(pubs[i])));
      if (!nodeVerify(null, datas[i], k, sigs[i])) bad++;
    }
  });
  // The floor is only a floor if it did the real work: every signature of the sample verifies.
  if (bad) throw new Error(`floor: ${bad} signatures of the sample did not verify; the floor is wrong`);
  return {
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

/**
 * The floor of a prepared sample timed `repeat` times back to back, each stage's median: one pass
 * of a stage lasts well under a second, so a pause of the host or a neighbour's burst moves one
 * pass by 10-20%; the median of three does not move with it. With every core busy, the repeats
 * also keep the processes overlapping for all but the edges of the time.
 */
function timeFloorMedian(prepared, repeat = FLOOR_REPEAT) {
  const passes = Array.from({ length: repeat }, () => timeFloor(prepared));
  const out = { ...passes[0] };
  for (const key of ['read', 'decode', 'parse', 'hash', 'base58', 'sodium', 'node'])
    if (out[key] !== undefined) out[key] = median(passes.map((f) => f[key]));
  out.passes = passes.map(floors);
  return out;
}

/** One floor process per core, each with its share of the sample, timed at the same moment. */
async function startFloorAll(file, count) {
  const kids = [];
  for (let part = 0; part < cores; part++) {
    const env = { ...process.env, IKRAR_BENCH_FLOOR_CHILD: JSON.stringify({ file, count, part, parts: cores }) };
    kids.push(fork(fileURLToPath(import.meta.url), [], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  }
  await Promise.all(kids.map((k) => once(k, 'message')));
  return {
    async time() {
      const got = Promise.all(kids.map((k) => once(k, 'message').then(([m]) => m.floor)));
      for (const k of kids) k.send('go');
      const floors = await got;
      // Per record over the whole sample: each stage's CPU summed over the processes.
      const n = floors.reduce((a, f) => a + f.sample, 0);
      const sum = (key) => floors.reduce((a, f) => a + f[key] * f.sample, 0) / n;
      return {
        sample: n,
        proofs: sum('proofs'),
        read: floors.reduce((a, f) => a + f.read, 0) / floors.length,
        decode: sum('decode'),
        parse: sum('parse'),
        hash: sum('hash'),
        base58: sum('base58'),
        sodium: sodium ? sum('sodium') : undefined,
        node: sum('node'),
      };
    },
    close() {
      for (const k of kids) k.send('exit');
    },
  };
}

/** The floor with each engine: the common stages plus that engine's verify. */
const floors = (f) => {
  const common = f.read + f.decode + f.parse + f.hash + f.base58;
  return { sodium: f.sodium === undefined ? undefined : common + f.sodium, node: common + f.node };
};

function printFloor(f, label) {
  const t = floors(f);
  console.log(
    `    ${label}: read ${us(f.read)}  decode ${us(f.decode)}  parse ${us(f.parse)}  hash ${us(f.hash)}  base58 ${us(f.base58)}` +
      (f.sodium !== undefined ? `  verify libsodium ${us(f.sodium)}` : '') +
      `  verify node:crypto ${us(f.node)}\n` +
      `      => floor` +
      (t.sodium !== undefined ? ` with libsodium ${us(t.sodium)}` : '') +
      `  with node:crypto ${us(t.node)}` +
      (f.passes?.length > 1
        ? `  (passes: ${f.passes.map((p) => (p.sodium ?? p.node).toFixed(1)).join(' ')}${t.sodium !== undefined ? ' libsodium' : ''})`
        : ''),
  );
  return t;
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

/** Runs the command on a file (records and trust store of a dataset directory). */
const run = (dir, env, command = bin, jobs = undefined) =>
  runVerify(
    command,
    [
      path.join(dir, 'records.jsonl'),
      '--trust',
      path.join(dir, 'trust.json'),
      '--quiet',
      ...(jobs === undefined ? [] : ['--jobs', String(jobs)]),
    ],
    env,
  );

// The generator's mix (1 in 5 records chained to the employee's own proof: 1.2 signatures per
// record), and, at 100k, single-proof records: the shape the issue's figures assume.
const SHAPES = { mixed: '0.2', single: '0' }; // the generator's --chained ratio of each shape
const ENGINES = [
  { label: 'libsodium', env: {}, engine: 'sodium' },
  { label: 'node:crypto', env: { IKRAR_NO_SODIUM: '1' }, engine: 'node' },
];

async function main() {
  const runs = sizes.flatMap((count) => [
    { count, chained: SHAPES.mixed, shape: 'mixed' },
    ...(count === 100_000 && !quick ? [{ count, chained: SHAPES.single, shape: 'single' }] : []),
  ]);
  const engines = ENGINES.filter(
    ({ engine }) =>
      (engine !== 'sodium' || sodium) &&
      !(quick && engine === 'node' && sodium && process.env.IKRAR_BENCH_NODE !== '1'),
  );
  const floorAll = process.env.IKRAR_BENCH_FLOOR_ALL !== '0' && cores > 1;
  console.log(`ikrar-verify benchmark: node ${process.version}, ${cores} cores, load ${loadavg()[0].toFixed(2)}`);
  const seed = new Uint8Array(randomBytes(32));
  const pub = getPublicKey(seed);
  const msg = new Uint8Array(randomBytes(64));
  const sig = signEd25519(msg, seed);
  const key = createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), pub]),
    format: 'der',
    type: 'spki',
  });
  const rawNodeFn = () => nodeVerify(null, msg, key, sig);
  const printRate = (label, r) =>
    console.log(
      `  raw ${label.padEnd(28)} ${fmt(r.wall).padStart(9)} verify/s (one thread), ${fmt(r.perCpu).padStart(7)} per CPU second`,
    );
  const rawNode = rate(rawNodeFn, 1.5);
  printRate('node:crypto (OpenSSL)', rawNode);
  const rawSodium = sodium ? rate(() => sodium.crypto_sign_verify_detached(sig, msg, pub), 1.5) : undefined;
  if (rawSodium) printRate('libsodium (sodium-native)', rawSodium);
  const rawNoble = rate(() => verifyEd25519(sig, msg, pub), 1);
  printRate('noble strict (core)', rawNoble);

  for (const { count, chained, shape } of runs) {
    const rounds = Number(process.env.IKRAR_BENCH_ROUNDS ?? (count > 100_000 ? 1 : 3));
    const dir = dataset(count, chained);
    const file = path.join(dir, 'records.jsonl');
    console.log(`\n  ${fmt(count)} records, ${shape} (${dir}), ${rounds} round${rounds === 1 ? '' : 's'}`);
    const prepared = prepareFloor(file, count);
    const all = floorAll ? await startFloorAll(file, count) : undefined;
    console.log(
      `  floor sample ${fmt(prepared.lines.length)} of ${fmt(count)} records, ` +
        `${(prepared.proofs.length / prepared.lines.length).toFixed(2)} proofs per record; CPU µs per record:`,
    );
    /** Per engine and side: one entry per round. */
    const got = new Map(engines.map(({ engine }) => [engine, { ours: [], base: [] }]));
    for (let round = 0; round < rounds; round++) {
      const raw = rate(rawNodeFn, 1);
      console.log(
        `   round ${round + 1} (load ${loadavg()[0].toFixed(2)}): raw node:crypto ${fmt(raw.perCpu)} per CPU second`,
      );
      const solo = printFloor(timeFloorMedian(prepared), 'floor, one thread         ');
      const busy = all ? printFloor(await all.time(), `floor, ${cores} cores busy at once`) : undefined;
      for (const { label, env, engine } of engines) {
        const sides = [['ours', 'ikrar-verify', bin], ...(baseline ? [['base', 'baseline', baseline]] : [])];
        // Each side goes first in every other round, so a drift in speed hits both alike.
        if (round % 2) sides.reverse();
        for (const [side, who, command] of sides) {
          const r = await run(dir, env, command);
          // Exit 1 is fine here as long as every line was examined: the generator can give two
          // people the same NI PPPK / NIK in a million, which the duplicate check rightly reports.
          if ((r.code !== 0 && r.code !== 1) || r.summary.total !== count) {
            console.error(`  run failed: exit ${r.code}, ${r.summary.total} records ${r.err}`);
            process.exitCode = 1;
            continue;
          }
          const notValid = Object.entries(r.summary).filter(([k, v]) => k !== 'total' && k !== 'valid' && v > 0);
          const total = r.cpu / count;
          const perSec = count / r.seconds;
          const atCpu = (cores * 1e6) / total; // the rate if the cores were ours alone
          const e = {
            total,
            main: r.main / count,
            mainSystem: r.mainSystem / count,
            workers: r.workers / count,
            other: r.other / count,
            xFloor: total / solo[engine],
            xBusy: busy ? total / busy[engine] : undefined,
            atCpuRaw: atCpu / raw.perCpu,
            wallRaw: perSec / raw.wall,
            floorRaw: (cores * 1e6) / solo[engine] / raw.perCpu,
            rss: r.rss / 1024,
            seconds: r.seconds,
          };
          got.get(engine)[side].push(e);
          console.log(
            `    ${who.padEnd(12)} ${label.padEnd(11)} total ${us(total)} (${x2(e.xFloor)} floor` +
              (busy ? `, ${x2(e.xBusy)} busy floor` : '') +
              `)  main ${us(e.main)} (system ${e.mainSystem.toFixed(1)})  workers ${us(e.workers)}  other ${us(e.other)}\n` +
              `      ${fmt(perSec).padStart(7)} records/s wall (${x2(e.wallRaw)} raw node:crypto), ` +
              `${fmt(atCpu).padStart(7)} at CPU (${x2(e.atCpuRaw)} raw node:crypto per CPU s; at the floor ${x2(e.floorRaw)})` +
              `  ${r.seconds.toFixed(1)} s  peak RSS ${Math.round(e.rss)} MB` +
              (notValid.length ? `  (not valid: ${notValid.map(([k, v]) => `${k} ${v}`).join(', ')})` : ''),
          );
        }
      }
    }
    all?.close();
    // Medians of the rounds' own figures; the ratio to the baseline is paired round by round.
    console.log(`\n  summary, ${fmt(count)} ${shape} (medians over ${rounds} round${rounds === 1 ? '' : 's'}):`);
    for (const { label, engine } of engines) {
      const { ours, base } = got.get(engine);
      for (const [who, xs] of [
        ['ikrar-verify', ours],
        ['baseline', base],
      ]) {
        if (!xs.length) continue;
        const m = (k) => median(xs.map((e) => e[k]));
        // From 5 rounds on, where the median lies (sign test): the machine's drift made visible.
        const within = (k) => {
          if (xs.length < 5) return '';
          const ci = medianInterval(xs.map((e) => e[k]));
          return `; median in [${ci.low.toFixed(2)}, ${ci.high.toFixed(2)}] at ${(100 * ci.coverage).toFixed(1)}%`;
        };
        console.log(
          `    ${who.padEnd(12)} ${label.padEnd(11)} total ${us(m('total'))} µs CPU/record  ${x2(m('xFloor'))} floor ` +
            `(rounds ${xs.map((e) => e.xFloor.toFixed(2)).join(' ')}${within('xFloor')})` +
            (xs[0].xBusy !== undefined ? `  ${x2(m('xBusy'))} busy floor` : '') +
            `  main ${us(m('main'))}  workers ${us(m('workers'))}  other ${us(m('other'))}\n` +
            `      ${x2(m('atCpuRaw'))} raw node:crypto at CPU (rounds ${xs.map((e) => e.atCpuRaw.toFixed(2)).join(' ')}${within('atCpuRaw')}), ` +
            `${x2(m('wallRaw'))} wall; at the floor ${x2(m('floorRaw'))}; peak RSS ${Math.round(Math.max(...xs.map((e) => e.rss)))} MB (highest)`,
        );
      }
      if (ours.length && base.length === ours.length) {
        const ratios = ours.map((e, i) => e.total / base[i].total);
        const ci = medianInterval(ratios);
        console.log(
          `    ikrar-verify / baseline, ${label}, paired CPU per record: ${median(ratios).toFixed(3)} ` +
            `(rounds ${ratios.map((x) => x.toFixed(3)).join(' ')}` +
            (ratios.length >= 5
              ? `; in [${ci.low.toFixed(3)}, ${ci.high.toFixed(3)}] at ${(100 * ci.coverage).toFixed(1)}%`
              : '') +
            ')',
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
          `${(ceiling / rawNode.perCpu).toFixed(2)}x raw node:crypto (${cores} cores x raw rate / ${sigs} signatures per record)`,
      );
    }
  }
  console.log(
    `\n  CPU µs/record is summed over all threads (main: reading, duplicates, report, output; workers:
  verifying; other: V8 compiler and GC threads, libuv); it varies less than records/s when other
  processes share the machine. "at CPU" is cores x 1e6 / (CPU µs/record), the rate on an idle
  machine, compared with the raw rate per CPU second measured in the same round. "busy floor" is
  the floor measured with every core working at once, as the command works.
  goals (issue #17): CPU per record <= 1.2x the floor; main thread <= 6 µs/record; >= 1.6x raw
  node:crypto with libsodium, >= 1.1x without; peak RSS < 300 MB with 2 workers, at most +25 MB
  per further worker.
  raw libsodium/node ${rawSodium ? (rawSodium.perCpu / rawNode.perCpu).toFixed(2) : '-'}x, noble/node ${(rawNoble.perCpu / rawNode.perCpu).toFixed(2)}x per CPU second.`,
  );
}

// A floor process of the all-cores floor: prepares its share, says so, then times it on each "go".
if (process.env.IKRAR_BENCH_FLOOR_CHILD) {
  const { file, count, part, parts } = JSON.parse(process.env.IKRAR_BENCH_FLOOR_CHILD);
  const prepared = prepareFloor(file, count, part, parts);
  process.on('message', (m) => {
    if (m === 'go') process.send({ floor: timeFloorMedian(prepared) });
    else process.exit(0);
  });
  process.send({ ready: true });
} else {
  await main();
}
