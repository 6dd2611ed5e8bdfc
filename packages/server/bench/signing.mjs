#!/usr/bin/env node
// pnpm bench: countersigned and durably stored signings per second, p50/p99 latency, at 10 and 50
// concurrent clients over loopback, on SQLite and on PostgreSQL; beside them, measured in the same
// run, the one-thread raw Ed25519 sign rate (node:crypto) and the raw durable insert rate (one
// committed row at a time). The service runs in a child process; this process is the load.
// CPU ms per signing is the service process's user+system CPU time over the measured run divided
// by its signings: it depends much less on what else the machine runs than the rate does.
// Options: --signings N (per run, default 3000), --only sqlite|postgres, --clients 10,50,
// --cpu-prof DIR (write a V8 CPU profile of each service process to DIR).
import { fork } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
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

/** `clients` loops, each taking the next employee until `bodies` is used up. */
async function load(port, bodies, clients) {
  let next = 0;
  const latencies = [];
  const bad = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < bodies.length) {
        const { identifier, body } = bodies[next++];
        const t = performance.now();
        const status = await postRetrying(port, identifier, body);
        latencies.push(performance.now() - t);
        if (status !== 201 && status !== 200) bad.push(status); // 200: stored by a reset first try
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { rate: bodies.length / seconds, p50: q(0.5), p99: q(0.99), bad };
}

function bodiesFor(people, controller) {
  const now = new Date();
  return people.map((e) => ({
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
  }));
}

console.log(
  `load average at the start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const rows = [];
const rawSign = rawSignRate();
const rawSqlite = rawSqliteInsertRate();
let pgServer = null;
let rawPg = null;
if (ONLY !== 'sqlite') {
  pgServer = await startPostgres();
  rawPg = await rawPgInsertRate(await freshPgDb(pgServer.url, 'raw_bench'));
}
try {
  const perRun = WARMUP + SIGNINGS;
  const roster = benchRoster(perRun * CLIENTS.length * 2);
  let run = 0;
  for (const dialect of ['sqlite', 'postgres']) {
    if (ONLY && ONLY !== dialect) continue;
    for (const clients of CLIENTS) {
      const dir = mkdtempSync(path.join(tmpdir(), 'ikrar-bench-'));
      const url =
        dialect === 'sqlite'
          ? `sqlite:${path.join(dir, 'bench.sqlite')}`
          : await freshPgDb(pgServer.url, `bench_${run}`);
      const svc = await startService(url, roster.length);
      const people = roster.slice(run * perRun, (run + 1) * perRun);
      run++;
      const bodies = bodiesFor(people, svc.controller);
      await load(svc.port, bodies.slice(0, WARMUP), clients);
      const cpu0 = await cpuOf(svc.child);
      const r = await load(svc.port, bodies.slice(WARMUP), clients);
      r.cpuMs = ((await cpuOf(svc.child)) - cpu0) / SIGNINGS;
      svc.child.send('stop');
      await new Promise((res) => svc.child.once('exit', res));
      rmSync(dir, { recursive: true, force: true });
      if (r.bad.length)
        console.error(`${dialect} ${clients}: ${r.bad.length} answers not 201 (${[...new Set(r.bad)]})`);
      const raw = dialect === 'sqlite' ? rawSqlite : rawPg;
      rows.push({ dialect, clients, ...r, ofSign: r.rate / rawSign, ofInsert: r.rate / raw });
    }
  }
} finally {
  agent.destroy();
  await pgServer?.stop();
}

const f = (n, d = 0) => n.toFixed(d).padStart(8);
console.log(
  `\n@ikrar/server signing bench: ${SIGNINGS} countersigned, durably stored signings per run (after ${WARMUP} warm-up), loopback, service in a child process`,
);
console.log(`raw one-thread Ed25519 sign (node:crypto):        ${f(rawSign)} /s`);
console.log(`raw durable insert, SQLite (WAL, synchronous=FULL): ${f(rawSqlite)} /s  (one commit per row)`);
if (rawPg !== null)
  console.log(`raw durable insert, PostgreSQL (one client):       ${f(rawPg)} /s  (one commit per row)`);
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (${cpus().length} cores)`,
);
console.log('\ndatabase    clients  signings/s   p50 ms   p99 ms  CPU ms/signing   x raw sign   x raw insert');
for (const r of rows) {
  console.log(
    `${r.dialect.padEnd(10)} ${String(r.clients).padStart(8)} ${f(r.rate)} ${f(r.p50, 1)} ${f(r.p99, 1)} ${f(r.cpuMs, 3).padStart(15)} ${f(r.ofSign, 3)}    ${f(r.ofInsert, 2)}`,
  );
}
