#!/usr/bin/env node
// What checking revocation costs `ikrar-verify`: the same 100,000 records (each with a
// credentialStatus in one list of 131,072 entries, 1% revoked) verified without (A) and with (B)
// `--status list.json`. Goal (issue #12): status adds < 5% to ikrar-verify's time.
//
//   pnpm --filter @ikrar/verifier bench:status            100,000 records, 5 pairs
//   IKRAR_BENCH_COUNT=20000 IKRAR_BENCH_ROUNDS=7 node bench/status-overhead.mjs
//   IKRAR_BENCH_PAIRING=together …   the two runs of each pair at the same moment (see below)
//
// Built to give a firm figure on a shared, noisy machine: after one warm-up run of each (not
// counted), the runs go in interleaved pairs A B, B A, A B, … so a drift in load hits both sides of
// a pair alike; each pair gives one ratio of CPU time (B / A, every thread of the child, from
// IKRAR_VERIFY_STATS), not wall time, which other people's work on the machine inflates; the figure
// is the median of those paired ratios, with a distribution-free (sign test) interval for it. With
// IKRAR_BENCH_PAIRING=together the two runs of a pair go at the same moment instead, so they share
// every second of the machine's load. Beside it, measured on its own in this
// process: the status path alone (statusOfRecord on parsed records), CPU per record, and the
// ratio it predicts. Both are reported, with the load average at the start and the end.
//
// Records are signed once with node:crypto behind core's Signer interface and cached in the OS
// temp directory. Speed is measured here, never asserted in tests.
import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPledge, keyPairFromSecretKey } from '@ikrar/core';
import { signPledge } from '@ikrar/core/webcrypto';
import {
  chooseFreeIndex,
  createStatusEntry,
  createStatusList,
  issueStatusListCredential,
  setStatus,
} from '@ikrar/core/status';
import { median, medianInterval, runVerify } from './kit.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.resolve(here, '..');
const bin = path.join(pkgDir, 'bin.js');
const count = Number(process.env.IKRAR_BENCH_COUNT ?? 100_000);
// An even number of pairs: as many A-first as B-first, so a second-run penalty cancels out.
const rounds = Number(process.env.IKRAR_BENCH_ROUNDS ?? 6);
// `interleaved` (default): A B, B A, … one after the other. `together`: the two runs of a pair at
// the same moment, so both see exactly the same load from the rest of the machine (and each other).
const pairing = process.env.IKRAR_BENCH_PAIRING ?? 'interleaved';
if (pairing !== 'interleaved' && pairing !== 'together') {
  console.error(`ERR_USAGE: IKRAR_BENCH_PAIRING is interleaved or together, got ${pairing}`);
  process.exit(2);
}
const URL = 'https://dinas.example/status/1';

if (!existsSync(path.join(pkgDir, 'dist/cli.js'))) {
  console.error('ERR_USAGE: build first (pnpm --filter @ikrar/verifier build)');
  process.exit(2);
}

async function dataset() {
  const dir = path.join(tmpdir(), `ikrar-bench-status-v1-${count}`);
  if (existsSync(path.join(dir, 'done'))) return dir;
  mkdirSync(dir, { recursive: true });
  console.log(`  generating ${count.toLocaleString('en-US')} records with credentialStatus in ${dir} (once; cached) …`);
  const seed = new Uint8Array(32).fill(7);
  const agency = keyPairFromSecretKey(seed);
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  // No publicKey: signPledge then skips its self-check; the verifier checks every signature.
  const signer = {
    id: agency.id,
    controller: agency.controller,
    sign: (data) => new Uint8Array(nodeSign(null, data, key)),
  };
  const taken = new Set();
  const list = createStatusList();
  const out = createWriteStream(path.join(dir, 'records.jsonl'));
  for (let n = 0; n < count; n++) {
    const index = chooseFreeIndex((i) => taken.has(i), 131_072);
    taken.add(index);
    if (n % 100 === 0) setStatus(list, index, true);
    const birth = new Date(Date.UTC(1970, 0, 1 + (n % 9000)));
    const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
    const nip = `${ymd}201503${1 + (n % 2)}${String(1 + Math.floor(n / 9000)).padStart(3, '0')}`;
    const credential = createPledge({
      template: 'jembrana-2024',
      issuer: { id: agency.controller, name: 'Pemerintah Kabupaten Jembrana' },
      signer: { name: `Pegawai ${n}`, employeeType: 'PNS', identifier: nip, workUnit: `Unit ${n % 40}` },
      event: { name: 'Pilkada Serentak 2024', date: '2024-10-07' },
      consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'click', acknowledgedAt: '2024-10-07T08:00:00+08:00' },
      timeZone: 'WITA',
      now: new Date('2024-10-07T00:00:00Z'),
    });
    const record = await signPledge({ ...credential, credentialStatus: createStatusEntry(URL, index) }, signer, {
      created: '2024-10-07T08:05:00+08:00',
    });
    if (!out.write(JSON.stringify(record) + '\n')) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  const credential = await issueStatusListCredential({ id: URL, issuer: agency.controller, list }, agency, {
    created: '2024-10-08T09:00:00+08:00',
  });
  writeFileSync(path.join(dir, 'list.json'), JSON.stringify(credential));
  writeFileSync(
    path.join(dir, 'trust.json'),
    JSON.stringify({ issuers: [{ id: agency.controller, validFrom: null, validUntil: null, revokedAt: null }] }),
  );
  writeFileSync(path.join(dir, 'done'), '');
  return dir;
}

function run(dir, withStatus, records = path.join(dir, 'records.jsonl')) {
  const args = [records, '--trust', path.join(dir, 'trust.json'), '--quiet'];
  if (withStatus) args.push('--status', path.join(dir, 'list.json'));
  return runVerify(bin, args);
}

const expectRevoked = (withStatus) => (withStatus ? Math.ceil(count / 100) : 0);

async function measured(withStatus, label) {
  const r = await run(dir, withStatus);
  if (r.summary.total !== count || (r.summary.revoked ?? 0) !== expectRevoked(withStatus) || !(r.cpu > 0)) {
    console.error(`  run failed: exit ${r.code}, ${JSON.stringify(r.summary)} cpu ${r.cpu} ${r.err}`);
    process.exit(1);
  }
  console.log(
    `  ${label} ${withStatus ? 'B with --status   ' : 'A without --status'} ${r.seconds.toFixed(2)} s  ` +
      `${((r.seconds * 1e6) / count).toFixed(1)} µs wall/record  ${(r.cpu / count).toFixed(1)} µs CPU/record  ` +
      `(revoked ${r.summary.revoked ?? 0}, valid ${r.summary.valid})`,
  );
  return r;
}

console.log(
  `ikrar-verify status overhead: node ${process.version}, ${availableParallelism()} cores, ${count} records, ` +
    `${rounds} pairs (${pairing})`,
);
const dir = await dataset();
const load0 = loadavg();
// Warm-up: the file in the page cache, the lazy imports compiled, for both sides; not counted.
await measured(false, 'warm-up');
await measured(true, 'warm-up');
const pairs = [];
for (let i = 0; i < rounds; i++) {
  // A B, then B A, …: each side goes first equally often and the two runs of a pair are adjacent.
  const order = i % 2 ? [true, false] : [false, true];
  const got = {};
  if (pairing === 'together') {
    // Started in the same alternating order, so neither side is always the one spawned first.
    const runs = await Promise.all(order.map((withStatus) => measured(withStatus, `pair ${i + 1}`)));
    order.forEach((withStatus, k) => (got[withStatus ? 'with' : 'without'] = runs[k]));
  } else {
    for (const withStatus of order) got[withStatus ? 'with' : 'without'] = await measured(withStatus, `pair ${i + 1}`);
  }
  pairs.push(got);
}
const load1 = loadavg();
const cpuRatios = pairs.map((p) => p.with.cpu / p.without.cpu);
const wallRatios = pairs.map((p) => p.with.seconds / p.without.seconds);
const cpu = [median(pairs.map((p) => p.without.cpu)), median(pairs.map((p) => p.with.cpu))];
const wall = [median(pairs.map((p) => p.without.seconds)), median(pairs.map((p) => p.with.seconds))];
// The status path alone, in this process: statusOfRecord (read the entry, look the list up, test
// the bit) on parsed records, beside JSON.parse of the same lines, CPU per record, median of 7.
const { loadStatusLists, parseTrustStore, statusOfRecord } = await import(path.join(pkgDir, 'dist/index.js'));
const lines = readFileSync(path.join(dir, 'records.jsonl'), 'utf8').trimEnd().split('\n').slice(0, 20_000);
const parsed = lines.map((l) => JSON.parse(l));
const lists = await loadStatusLists([{ credential: JSON.parse(readFileSync(path.join(dir, 'list.json'), 'utf8')) }], {
  trustStore: parseTrustStore(JSON.parse(readFileSync(path.join(dir, 'trust.json'), 'utf8'))),
});
const cpuPerItem = (items, fn) => {
  const each = [];
  for (let r = 0; r < 7; r++) {
    const t = process.cpuUsage();
    for (const x of items) fn(x);
    const d = process.cpuUsage(t);
    each.push((d.user + d.system) / items.length);
  }
  return median(each);
};
const statusCpu = cpuPerItem(parsed, (rec) => statusOfRecord(rec, rec.issuer.id, lists, false));
const parseCpu = cpuPerItem(lines, (l) => JSON.parse(l));
// What --status costs once per run (reading and verifying the list, handing it to the workers):
// both sides on the first 100 records, interleaved, CPU over every thread, median of 5 pairs.
const small = path.join(dir, 'first-100.jsonl');
writeFileSync(small, lines.slice(0, 100).join('\n') + '\n');
const fixed = [];
for (let i = 0; i < 5; i++) {
  const got = {};
  for (const withStatus of i % 2 ? [true, false] : [false, true]) got[withStatus] = await run(dir, withStatus, small);
  fixed.push(got.true.cpu - got.false.cpu);
}
const fixedCpu = median(fixed);
const perRecordA = cpu[0] / count;
const fmtRatios = (xs) => xs.map((x) => x.toFixed(3)).join(' ');
const verdict = median(cpuRatios);
const ci = medianInterval(cpuRatios);
console.log(
  `\n  paired CPU ratios (B/A, all threads): ${fmtRatios(cpuRatios)}` +
    `\n  median paired CPU ratio: ${verdict.toFixed(3)} (spread ${Math.min(...cpuRatios).toFixed(3)}–${Math.max(...cpuRatios).toFixed(3)}; ` +
    `${(cpu[0] / count).toFixed(1)} vs ${(cpu[1] / count).toFixed(1)} µs CPU/record, medians)` +
    `\n  paired wall ratios, for reference: ${fmtRatios(wallRatios)}; median ${median(wallRatios).toFixed(3)} ` +
    `(${((wall[0] * 1e6) / count).toFixed(1)} vs ${((wall[1] * 1e6) / count).toFixed(1)} µs wall/record)` +
    `\n  status path alone (statusOfRecord, this process): ${statusCpu.toFixed(2)} µs CPU/record = ` +
    `${((100 * statusCpu) / perRecordA).toFixed(2)}% of ${perRecordA.toFixed(1)} µs CPU/record without --status, ` +
    `JSON.parse of a line ${parseCpu.toFixed(1)} µs` +
    `\n  once per run with --status (100 records, median of 5 interleaved pairs): ${(fixedCpu / 1000).toFixed(0)} ms CPU; ` +
    `with the status path, a predicted ratio of ${(1 + (fixedCpu + statusCpu * count) / cpu[0]).toFixed(4)} on ${count} records` +
    `\n  load average ${load0.map((x) => x.toFixed(2)).join(' ')} at the start, ${load1.map((x) => x.toFixed(2)).join(' ')} at the end` +
    `\n  the median paired CPU ratio lies in [${ci.low.toFixed(3)}, ${ci.high.toFixed(3)}] with ${(100 * ci.coverage).toFixed(1)}% confidence ` +
    `(sign test over ${cpuRatios.length} pairs; more pairs, IKRAR_BENCH_ROUNDS, narrow it)` +
    `\n  goal: status adds < 5% (ratio < 1.05, issue #12): ` +
    (ci.high < 1.05
      ? 'met (the whole interval is below 1.05)'
      : verdict < 1.05
        ? 'met by the median, but the interval reaches past 1.05: the machine was too noisy for a firm figure'
        : 'NOT met'),
);
