#!/usr/bin/env node
// pnpm bench: countersigned and durably stored signings per second, p50/p99 latency, at 10 and 50
// concurrent clients over loopback, on SQLite and on PostgreSQL; beside them, measured in the same
// run, the one-thread raw Ed25519 sign rate (node:crypto) and the raw durable insert rate (one
// committed row at a time). The service runs in a child process; this process is the load.
// CPU ms per signing is the service process's user+system CPU time over the measured run divided
// by its signings: it depends much less on what else the machine runs than the rate does.
// Each client is one keep-alive connection written to and read from directly (node:net, requests
// serialized before the run, status line and Content-Length read), like autocannon: the load takes
// about a tenth of the CPU of node:http's client, which shares the machine's cores with the
// service. A latency is from the request's write to the last byte of its answer.
// Options: --signings N (per run, default 3000), --only sqlite|postgres, --clients 10,50,
// --rounds N (runs of each row, medians printed; default 1), --client http (node:http's client
// with a keep-alive agent instead), --cpu-prof DIR (a V8 CPU profile of each service process).
import { fork } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createPledge } from '@ikrar/core';
import { startPostgres } from '../../../scripts/postgres.mjs';
import { AGENCY_NAME, BENCH_EVENT, benchRoster } from './roster.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, d) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : d;
};
const SIGNINGS = Number(arg('signings', 3000));
const ONLY = arg('only', null);
const CLIENTS = String(arg('clients', '10,50')).split(',').map(Number);
const PROFILE_DIR = arg('cpu-prof', null);
const CLIENT = arg('client', 'raw');
const ROUNDS = Math.max(1, Number(arg('rounds', 1)));
const WARMUP = 200;

function rawSignRate(ms = 1000) {
  const { privateKey } = generateKeyPairSync('ed25519');
  const data = Buffer.alloc(64, 7);
  let n = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) sign(null, data, privateKey);
    n += 100;
  }
  return n / (ms / 1000);
}

function rawSqliteInsertRate(ms = 1000) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ikrar-bench-raw-'));
  const db = new Database(path.join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const ins = db.prepare('INSERT INTO t (body) VALUES (?)');
  const body = 'x'.repeat(3500);
  let n = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    ins.run(body); // autocommit: one fsync'd transaction per row
    n++;
  }
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return n / (ms / 1000);
}

async function rawPgInsertRate(url, ms = 1000) {
  const c = new pg.Client(url);
  await c.connect();
  await c.query('CREATE TABLE raw_t (id SERIAL PRIMARY KEY, body TEXT NOT NULL)');
  const body = 'x'.repeat(3500);
  let n = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    await c.query('INSERT INTO raw_t (body) VALUES ($1)', [body]);
    n++;
  }
  await c.end();
  return n / (ms / 1000);
}

async function freshPgDb(baseUrl, name) {
  const c = new pg.Client(baseUrl);
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  return baseUrl.replace(/\/postgres$/, `/${name}`);
}

/** The service process's CPU time so far, in ms (user + system). */
function cpuOf(child) {
  return new Promise((resolve) => {
    const on = (m) => {
      if (!m?.cpu) return;
      child.off('message', on);
      resolve((m.cpu.user + m.cpu.system) / 1000);
    };
    child.on('message', on);
    child.send('cpu');
  });
}

/**
 * CPU time of the service's main thread (the one that parses HTTP, checks and answers) in ms, from
 * /proc on Linux; null elsewhere. With 2 cores this thread is the bottleneck.
 */
function mainThreadCpuOf(child) {
  try {
    const stat = readFileSync(`/proc/${child.pid}/task/${child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ = 100
  } catch {
    return null;
  }
}

function startService(url, rosterSize) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'server-child.mjs'), [], {
      env: { ...process.env, DATABASE_URL: url, ROSTER: String(rosterSize) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      ...(PROFILE_DIR && { execArgv: ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] }),
    });
    child.once('message', (m) => resolve({ child, ...m }));
    child.once('exit', (code) => reject(new Error(`service exited ${code}`)));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function post(port, identifier, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/sign',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-bench-identifier': identifier,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A POST, sent again once if the connection was reset before an answer (signing is idempotent). */
async function postRetrying(port, identifier, body) {
  try {
    return await post(port, identifier, body);
  } catch (err) {
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') throw err;
    return post(port, identifier, body);
  }
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** A POST /sign as bytes. */
function requestBytes(identifier, body) {
  return Buffer.from(
    `POST /sign HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Bench-Identifier: ${identifier}\r\n\r\n${body}`,
  );
}

/**
 * One keep-alive connection: `send(bytes)` resolves with the answer's status once its whole body
 * (Content-Length) has arrived. A connection closed before an answer is opened again and the
 * request sent once more (signing is idempotent: a stored one answers 200).
 */
function rawConnection(port) {
  let socket = null;
  let waiting = null; // { bytes, resolve, reject, retried }
  let chunks = [];
  let size = 0;
  const open = () => {
    const s = net.connect(port, '127.0.0.1');
    s.setNoDelay(true);
    s.on('data', (d) => {
      chunks.push(d);
      size += d.length;
      const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
      chunks = [all];
      const end = all.indexOf(HEADER_END);
      if (end < 0 || !waiting) return;
      const head = all.toString('latin1', 0, end);
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
      if (Number.isNaN(length)) return waiting.reject(new Error('answer without Content-Length'));
      if (all.length < end + 4 + length) return;
      const status = Number(head.slice(9, 12));
      const rest = all.subarray(end + 4 + length);
      chunks = rest.length > 0 ? [rest] : [];
      size = rest.length;
      const w = waiting;
      waiting = null;
      w.resolve(status);
    });
    s.on('error', () => {}); // 'close' follows
    s.on('close', () => {
      if (socket === s) socket = null;
      chunks = [];
      size = 0;
      const w = waiting;
      if (!w) return;
      if (w.retried) return w.reject(new Error('connection closed twice before an answer'));
      w.retried = true;
      socket = open();
      socket.write(w.bytes);
    });
    return s;
  };
  return {
    send: (bytes) =>
      new Promise((resolve, reject) => {
        waiting = { bytes, resolve, reject, retried: false };
        socket ??= open();
        socket.write(bytes);
      }),
    close: () => socket?.destroy(),
  };
}

/** `clients` loops, each taking the next employee until `bodies` is used up. */
async function load(port, bodies, clients) {
  let next = 0;
  const latencies = [];
  const bad = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const connection = CLIENT === 'http' ? null : rawConnection(port);
      while (next < bodies.length) {
        const { identifier, body, bytes } = bodies[next++];
        const t = performance.now();
        const status = connection ? await connection.send(bytes) : await postRetrying(port, identifier, body);
        latencies.push(performance.now() - t);
        if (status !== 201 && status !== 200) bad.push(status); // 200: stored by a reset first try
      }
      connection?.close();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { rate: bodies.length / seconds, p50: q(0.5), p99: q(0.99), bad };
}

function bodiesFor(people, controller) {
  const now = new Date();
  return people.map((e) =>
    withBytes({
      identifier: e.identifier,
      body: JSON.stringify(
        createPledge({
          template: 'jembrana-2024',
          issuer: { id: controller, name: AGENCY_NAME },
          signer: {
            name: e.name,
            employeeType: 'PNS',
            identifier: e.identifier,
            position: e.position,
            workUnit: e.workUnit,
          },
          event: { name: BENCH_EVENT.name, place: BENCH_EVENT.place, date: BENCH_EVENT.date },
          consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'typed', typedName: e.name },
          timeZone: 'WITA',
          now,
        }),
      ),
    }),
  );
}

function withBytes(b) {
  return { ...b, bytes: requestBytes(b.identifier, b.body) };
}

console.log(
  `load average at the start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const rawSigns = [];
const rawSqlites = [];
const rawPgs = [];
const runs = [];
let pgServer = null;
if (ONLY !== 'sqlite') pgServer = await startPostgres();
try {
  const perRun = WARMUP + SIGNINGS;
  // Every run has a fresh database, so the same employees sign in each.
  const roster = benchRoster(perRun);
  let db = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    // The raw rates, measured again each round: side by side with the service's.
    rawSigns.push(rawSignRate());
    rawSqlites.push(rawSqliteInsertRate());
    if (pgServer) rawPgs.push(await rawPgInsertRate(await freshPgDb(pgServer.url, `raw_bench_${round}`)));
    for (const dialect of ['sqlite', 'postgres']) {
      if (ONLY && ONLY !== dialect) continue;
      for (const clients of CLIENTS) {
        const dir = mkdtempSync(path.join(tmpdir(), 'ikrar-bench-'));
        const url =
          dialect === 'sqlite'
            ? `sqlite:${path.join(dir, 'bench.sqlite')}`
            : await freshPgDb(pgServer.url, `bench_${db++}`);
        const svc = await startService(url, roster.length);
        const bodies = bodiesFor(roster, svc.controller);
        await load(svc.port, bodies.slice(0, WARMUP), clients);
        const cpu0 = await cpuOf(svc.child);
        const main0 = mainThreadCpuOf(svc.child);
        const load0 = process.cpuUsage();
        const r = await load(svc.port, bodies.slice(WARMUP), clients);
        const loadCpu = process.cpuUsage(load0);
        r.loadMs = (loadCpu.user + loadCpu.system) / 1000 / SIGNINGS;
        r.cpuMs = ((await cpuOf(svc.child)) - cpu0) / SIGNINGS;
        const main1 = mainThreadCpuOf(svc.child);
        r.mainMs = main0 === null || main1 === null ? null : (main1 - main0) / SIGNINGS;
        svc.child.send('stop');
        await new Promise((res) => svc.child.once('exit', res));
        rmSync(dir, { recursive: true, force: true });
        if (r.bad.length)
          console.error(`${dialect} ${clients}: ${r.bad.length} answers not 201 (${[...new Set(r.bad)]})`);
        console.log(
          `round ${round} ${dialect} ${clients} clients: ${r.rate.toFixed(0)}/s p99 ${r.p99.toFixed(1)} ms, CPU ${r.cpuMs.toFixed(3)} ms/signing (main thread ${r.mainMs?.toFixed(3) ?? '-'}, load ${r.loadMs.toFixed(3)}), load average ${loadavg()[0].toFixed(2)}`,
        );
        runs.push({ dialect, clients, ...r });
      }
    }
  }
} finally {
  agent.destroy();
  await pgServer?.stop();
}

const median = (xs) => {
  const v = xs.filter((x) => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const rawSign = median(rawSigns);
const rawSqlite = median(rawSqlites);
const rawPg = median(rawPgs);
const rows = [];
for (const dialect of ['sqlite', 'postgres']) {
  for (const clients of CLIENTS) {
    const these = runs.filter((r) => r.dialect === dialect && r.clients === clients);
    if (these.length === 0) continue;
    const m = (k) => median(these.map((r) => r[k]));
    const rate = m('rate');
    const raw = dialect === 'sqlite' ? rawSqlite : rawPg;
    rows.push({
      dialect,
      clients,
      rate,
      p50: m('p50'),
      p99: m('p99'),
      cpuMs: m('cpuMs'),
      mainMs: m('mainMs'),
      loadMs: m('loadMs'),
      ofSign: rate / rawSign,
      ofInsert: rate / raw,
    });
  }
}

const f = (n, d = 0) => n.toFixed(d).padStart(8);
console.log(
  `\n@ikrar/server signing bench: ${SIGNINGS} countersigned, durably stored signings per run (after ${WARMUP} warm-up), loopback, service in a child process, ${CLIENT === 'http' ? "node:http's client" : 'raw keep-alive connections'}; medians of ${ROUNDS} round(s)`,
);
console.log(`raw one-thread Ed25519 sign (node:crypto):          ${f(rawSign)} /s`);
console.log(`raw durable insert, SQLite (WAL, synchronous=FULL): ${f(rawSqlite)} /s  (one commit per row)`);
if (rawPg !== null)
  console.log(`raw durable insert, PostgreSQL (one client):        ${f(rawPg)} /s  (one commit per row)`);
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (${cpus().length} cores)`,
);
console.log(
  '\nCPU ms per signing: the service (all its threads), its main thread (HTTP, checks, answers), the load generator',
);
console.log(
  'database    clients  signings/s   p50 ms   p99 ms   service   main thread   load   x raw sign   x raw insert',
);
const ms = (n) => (n === null ? '-' : n.toFixed(3));
for (const r of rows) {
  console.log(
    `${r.dialect.padEnd(10)} ${String(r.clients).padStart(8)} ${f(r.rate).padStart(11)} ${f(r.p50, 1)} ${f(r.p99, 1)} ${ms(r.cpuMs).padStart(9)} ${ms(r.mainMs).padStart(13)} ${ms(r.loadMs).padStart(6)} ${f(r.ofSign, 3).padStart(12)} ${f(r.ofInsert, 2).padStart(14)}`,
  );
}
