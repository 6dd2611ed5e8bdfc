#!/usr/bin/env node
// What checking revocation costs `ikrar-verify`: the same 100,000 records (each with a
// credentialStatus in one list of 131,072 entries, 1% revoked) verified without and with
// `--status list.json`, in alternating rounds of the same run. Goal (issue #12): < 5% more time.
//
//   pnpm --filter @ikrar/verifier bench:status            100,000 records, 3 rounds each
//   IKRAR_BENCH_COUNT=20000 IKRAR_BENCH_ROUNDS=5 node bench/status-overhead.mjs
//
// Records are signed once with node:crypto behind core's Signer interface and cached in the OS
// temp directory. Speed is measured here, never asserted in tests.
import { spawn } from 'node:child_process';
import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPledge, keyPairFromSecretKey } from '@ikrar/core';
import { signPledgeAsync } from '@ikrar/core/webcrypto';
import {
  chooseFreeIndex,
  createStatusEntry,
  createStatusList,
  issueStatusListCredential,
  setStatus,
} from '@ikrar/core/status';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.resolve(here, '..');
const bin = path.join(pkgDir, 'bin.js');
const count = Number(process.env.IKRAR_BENCH_COUNT ?? 100_000);
const rounds = Number(process.env.IKRAR_BENCH_ROUNDS ?? 3);
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
  // No publicKey: signPledgeAsync then skips its self-check; the verifier checks every signature.
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
    const record = await signPledgeAsync({ ...credential, credentialStatus: createStatusEntry(URL, index) }, signer, {
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

function run(dir, withStatus) {
  return new Promise((resolve) => {
    const args = [bin, path.join(dir, 'records.jsonl'), '--trust', path.join(dir, 'trust.json'), '--quiet'];
    if (withStatus) args.push('--status', path.join(dir, 'list.json'));
    const t0 = performance.now();
    const child = spawn(process.execPath, args, {
      env: { ...process.env, IKRAR_VERIFY_STATS: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      const m = /ikrar-verify-stats (\{.*\})/.exec(err);
      const stats = m ? JSON.parse(m[1]) : {};
      resolve({ code, seconds, cpu: stats.cpuMicros, summary: stats.summary ?? {}, err: m ? '' : err });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`ikrar-verify status overhead: node ${process.version}, ${availableParallelism()} cores, ${count} records`);
const dir = await dataset();
const runs = { without: [], with: [] };
for (let i = 0; i < rounds; i++) {
  // Alternate, starting with a different one each round, so drift in machine load hits both.
  for (const withStatus of i % 2 ? [true, false] : [false, true]) {
    const r = await run(dir, withStatus);
    const expectRevoked = withStatus ? Math.ceil(count / 100) : 0;
    if (r.summary.total !== count || (r.summary.revoked ?? 0) !== expectRevoked) {
      console.error(`  run failed: exit ${r.code}, ${JSON.stringify(r.summary)} ${r.err}`);
      process.exit(1);
    }
    runs[withStatus ? 'with' : 'without'].push(r);
    console.log(
      `  round ${i + 1} ${withStatus ? 'with --status   ' : 'without --status'} ${r.seconds.toFixed(2)} s  ` +
        `${((r.seconds * 1e6) / count).toFixed(1)} µs wall/record  ${(r.cpu / count).toFixed(1)} µs CPU/record  ` +
        `(revoked ${r.summary.revoked ?? 0}, valid ${r.summary.valid})`,
    );
  }
}
const wall = [median(runs.without.map((r) => r.seconds)), median(runs.with.map((r) => r.seconds))];
const cpu = [median(runs.without.map((r) => r.cpu)), median(runs.with.map((r) => r.cpu))];
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
console.log(
  `\n  median wall: ${wall[0].toFixed(2)} s without, ${wall[1].toFixed(2)} s with --status: ratio ${(wall[1] / wall[0]).toFixed(3)}` +
    ` (${((wall[0] * 1e6) / count).toFixed(1)} vs ${((wall[1] * 1e6) / count).toFixed(1)} µs wall/record)` +
    `\n  median CPU:  ${(cpu[0] / count).toFixed(1)} vs ${(cpu[1] / count).toFixed(1)} µs CPU/record (all threads): ratio ${(cpu[1] / cpu[0]).toFixed(3)}` +
    `\n  status path alone (statusOfRecord, this process): ${statusCpu.toFixed(2)} µs CPU/record, ` +
    `${((100 * statusCpu * count) / cpu[0]).toFixed(1)}% of the CPU without --status; JSON.parse of a line ${parseCpu.toFixed(1)} µs` +
    `\n  goal: ratio < 1.05 (issue #12). CPU summed over all threads varies less than wall time on a shared machine.`,
);
