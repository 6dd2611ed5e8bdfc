#!/usr/bin/env node
// pnpm bench:load (examples/intranet): signing while outsiders load the portal (issue #11). The
// portal runs as its own process (SQLite in a temp dir) with a 40,000-person roster in 200 work
// units. Baseline: employees sign (already signed in, 8 at a time) with nothing else running.
// Then, in the same run, the same number of other employees sign while 20 authenticated staff
// clients request the exports (JSONL records, the unsigned CSV of the 40,000) and never read
// them (a socket paused after the status line; a new one when the portal closes it) and 5 staff
// clients poll coverage and the people list as fast as they are answered. Reported: signings/s
// in both phases and their ratio (goal: loaded >= 80% of unloaded), the portal's CPU ms per
// signing, its peak RSS (VmHWM) and the load average. Exit 1 when the goal is not met or a
// signing failed.
// Rounds (3 by default) each measure a baseline, then the loaded phase with new load clients;
// the ratio is the median of the rounds' ratios. The load clients run in their own process.
// Options: --people N (40000), --signings N (200 per phase), --exporters N (20), --pollers N (5),
// --rounds N (3), --help. BENCH_PORTAL_NODE_ARGS adds Node options to the portal (e.g. --cpu-prof).
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ADMIN_PASSWORD, agencyIdOf, client, roster, startPortal, typedPledge } from './bench-kit.mjs';

// The load clients' process: `--load-clients <url>` (the bench starts it itself).
if (process.argv[2] === '--load-clients') {
  await loadClients(process.argv[3]);
  process.exit(0);
}

/**
 * EXPORTERS staff sessions each request an export (JSONL or the unsigned CSV, alternately) on a
 * raw socket, read the first chunk (the status line) and never read again; a new request when
 * the portal closes the socket. POLLERS staff sessions ask for coverage and the unsigned people
 * list in turn, each as soon as the last answer came. Prints `ready {}` once all are running and
 * `done {counts}` after `stop` on stdin.
 * @param {string} url
 */
async function loadClients(url) {
  const exporters = Number(process.env.EXPORTERS);
  const pollers = Number(process.env.POLLERS);
  let running = true;
  const sockets = new Set();
  const counts = { exportsOpened: 0, refused: 0, polls: 0, pollErrors: 0 };
  const staff = await Promise.all(
    Array.from({ length: exporters + pollers }, async () => {
      const c = client(url);
      const r = await c.post('/api/staff/session', { username: 'admin', password: ADMIN_PASSWORD });
      if (r.status !== 200) throw new Error(`staff session ${r.status}`);
      return c;
    }),
  );
  const { port } = new URL(url);
  const openExport = (c, i) => {
    if (!running) return;
    const route = i % 2 ? '/api/admin/unsigned.csv' : '/api/admin/export.jsonl';
    const s = net.connect(Number(port), '127.0.0.1', () => {
      s.write(`GET ${route} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${c.cookie()}\r\n\r\n`);
      counts.exportsOpened++;
    });
    s.once('data', (d) => {
      s.pause(); // never read again
      if (d.toString('latin1', 0, 12) === 'HTTP/1.1 429') counts.refused++;
    });
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => {
      sockets.delete(s);
      setTimeout(() => openExport(c, i), 100);
    });
  };
  staff.slice(0, exporters).forEach(openExport);
  const polls = staff.slice(exporters).map(async (c) => {
    for (let i = 0; running; i++) {
      try {
        const r = await c.get(i % 2 ? '/api/admin/coverage?limit=100' : '/api/admin/people?status=unsigned&limit=100');
        if (r.status !== 200) counts.pollErrors++;
        await r.arrayBuffer();
        counts.polls++;
      } catch {
        if (running) counts.pollErrors++;
      }
    }
  });
  console.log('ready {}');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  running = false;
  for (const s of sockets) s.destroy();
  await Promise.all(polls);
  console.log(`done ${JSON.stringify(counts)}`);
}

const USAGE = `Usage: node bench/load-40k.mjs [options]   (pnpm bench:load in examples/intranet)
Signing while outsiders load the portal (issue #11): signings/s without and with 20 exporters that
never read and 5 pollers, their ratio (goal: loaded >= 80% of unloaded), the portal's CPU ms per
signing and peak RSS. Starts its own portal (SQLite in a temp dir); takes minutes. Exit 1 when the
goal is not met or a signing failed, 2 on a wrong option.

Options (whole numbers; defaults in brackets):
  --people N      people on the roster, in 200 work units [40000]
  --signings N    signings per phase and round [200]
  --exporters N   staff clients holding exports they never read [20]
  --pollers N     staff clients polling coverage and the people list [5]
  --rounds N      rounds of baseline then loaded phase; the ratio is their median [3]
  --help, -h      print this and exit
Environment: BENCH_PORTAL_NODE_ARGS adds Node options to the portal (e.g. --cpu-prof).`;
const DEFAULTS = { people: 40_000, signings: 200, exporters: 20, pollers: 5, rounds: 3 };
/** @type {Record<keyof typeof DEFAULTS, number>} */
const opts = { ...DEFAULTS };
try {
  const { values } = parseArgs({
    options: {
      help: { type: 'boolean', short: 'h' },
      ...Object.fromEntries(Object.keys(DEFAULTS).map((k) => [k, { type: 'string' }])),
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  for (const k of /** @type {(keyof typeof DEFAULTS)[]} */ (Object.keys(DEFAULTS))) {
    const v = values[k];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !/^\d+$/.test(v) || Number(v) < (k === 'exporters' || k === 'pollers' ? 0 : 1))
      throw new Error(`--${k} takes a whole number${k === 'exporters' || k === 'pollers' ? '' : ' from 1'}, got ${v}`);
    opts[k] = Number(v);
  }
} catch (err) {
  console.error(`load-40k: ${/** @type {Error} */ (err).message}\n\n${USAGE}`);
  process.exit(2);
}
const PEOPLE = opts.people;
const SIGNINGS = opts.signings;
const EXPORTERS = opts.exporters;
const POLLERS = opts.pollers;
const ROUNDS = opts.rounds;
const CONCURRENCY = 8;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** The portal's CPU time (user + system) in ms, from /proc. */
const cpuMs = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
};
/** The portal's peak resident set (VmHWM) in MiB. */
const peakMiB = (pid) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

const dataDir = mkdtempSync(path.join(tmpdir(), 'ikrar-load-bench-'));
const { url, child, output: portalOutput } = await startPortal(dataDir);
const pid = /** @type {number} */ (child.pid);
let stopLoad = () => {};
try {
  console.log(
    `load bench: ${PEOPLE} people, ${ROUNDS} rounds of ${SIGNINGS} signings a phase, ${EXPORTERS} exporters, ${POLLERS} pollers; load average ${load()}`,
  );
  const admin = client(url);
  await admin.post('/api/staff/session', { username: 'admin', password: ADMIN_PASSWORD });
  const { csv, people } = roster(PEOPLE, 200);
  let t = performance.now();
  const up = await admin.request('POST', '/api/admin/roster', { body: csv, type: 'text/csv' });
  if (up.status !== 200) throw new Error(`roster ${up.status}: ${(await up.text()).slice(0, 300)}`);
  console.log(
    `roster of ${PEOPLE} uploaded in ${((performance.now() - t) / 1000).toFixed(1)} s; portal RSS peak so far ${peakMiB(pid).toFixed(0)} MiB`,
  );
  const agencyId = await agencyIdOf(url);

  // Everyone who signs is signed in beforehand: the phases time signing only.
  const signers = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (signers.length < 2 * SIGNINGS * ROUNDS) {
        const who = people[signers.length];
        const c = client(url);
        signers.push({ who, c });
        const s = await c.post('/api/session', { identifier: who.identifier });
        if (s.status !== 200) throw new Error(`session ${s.status}`);
      }
    }),
  );

  const phase = async (label, group) => {
    const failures = [];
    const cpu0 = cpuMs(pid);
    const own0 = process.cpuUsage();
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < group.length) {
          const { who, c } = group[next++];
          const credential = typedPledge(agencyId, who);
          try {
            const res = await c.post('/api/sign', credential);
            if (res.status !== 201) failures.push(`${res.status} ${(await res.text()).slice(0, 120)}`);
            else await res.arrayBuffer();
          } catch (e) {
            failures.push(`${e.cause?.code ?? e.message} after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
          }
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const r = {
      label,
      signed: group.length - failures.length,
      seconds,
      rate: (group.length - failures.length) / seconds,
      cpuPerSigning: (cpuMs(pid) - cpu0) / group.length,
      benchCpuPerSigning: ((u) => (u.user + u.system) / 1000)(process.cpuUsage(own0)) / group.length,
      failures,
      load: load(),
    };
    console.log(
      `${label}: ${r.signed}/${group.length} in ${seconds.toFixed(1)} s = ${r.rate.toFixed(1)} signings/s; portal CPU ${r.cpuPerSigning.toFixed(1)} ms per signing (incl. the load's), signers' ${r.benchCpuPerSigning.toFixed(1)} ms; load average ${r.load}${failures.length ? `; FAILURES ${failures.length}: ${failures.slice(0, 3).join(' | ')}` : ''}`,
    );
    return r;
  };

  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const group = signers.slice(2 * SIGNINGS * round, 2 * SIGNINGS * (round + 1));
    console.log(`round ${round + 1} of ${ROUNDS}`);
    const base = await phase('  baseline, nothing else running', group.slice(0, SIGNINGS));
    const peakBefore = peakMiB(pid);

    // The load, from its own process (as outsiders' clients are not the signers' event loop):
    // exporters that never read, pollers that never stop; new ones each round.
    const loadProcess = spawn(process.execPath, [fileURLToPath(import.meta.url), '--load-clients', url], {
      env: { ...process.env, EXPORTERS: String(EXPORTERS), POLLERS: String(POLLERS) },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let loadOut = '';
    loadProcess.stdout.on('data', (d) => (loadOut += d));
    const loadLine = (prefix) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const line = loadOut.split('\n').find((l) => l.startsWith(prefix));
          if (line) {
            loadProcess.stdout.off('data', check);
            loadProcess.off('exit', check);
            resolve(JSON.parse(line.slice(prefix.length)));
          } else if (loadProcess.exitCode !== null) reject(new Error(`load clients exited ${loadProcess.exitCode}`));
        };
        loadProcess.stdout.on('data', check);
        loadProcess.on('exit', check);
        check();
      });
    stopLoad = () => loadProcess.exitCode === null && loadProcess.stdin.end('stop\n');
    await loadLine('ready ');
    await new Promise((r) => setTimeout(r, 2000));

    const loaded = await phase(
      `  with ${EXPORTERS} exporters never reading and ${POLLERS} coverage pollers`,
      group.slice(SIGNINGS),
    );
    const loadCpu = cpuMs(/** @type {number} */ (loadProcess.pid));
    stopLoad();
    const counts = await loadLine('done ');
    const ratio = loaded.rate / base.rate;
    console.log(
      `  load clients (own process, ${loadCpu.toFixed(0)} ms CPU in all): ${counts.exportsOpened} exports opened (${counts.refused} refused 429), ${counts.polls} polls answered (${counts.pollErrors} not 200)`,
    );
    console.log(
      `  ratio ${ratio.toFixed(2)}; portal peak RSS ${peakBefore.toFixed(0)} MiB before the load, ${peakMiB(pid).toFixed(0)} MiB after`,
    );
    rounds.push({ base, loaded, ratio });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const ratio = median(rounds.map((r) => r.ratio));
  console.log(
    `medians of ${ROUNDS} rounds: unloaded ${median(rounds.map((r) => r.base.rate)).toFixed(1)} signings/s (portal CPU ${median(rounds.map((r) => r.base.cpuPerSigning)).toFixed(1)} ms each), loaded ${median(rounds.map((r) => r.loaded.rate)).toFixed(1)} signings/s (${median(rounds.map((r) => r.loaded.cpuPerSigning)).toFixed(1)} ms)`,
  );
  console.log(
    `ratio loaded/unloaded signings/s, median: ${ratio.toFixed(2)} (goal >= 0.80; rounds ${rounds.map((r) => r.ratio.toFixed(2)).join(', ')}); portal peak RSS ${peakMiB(pid).toFixed(0)} MiB; load average ${load()}`,
  );
  const failed = rounds.some((r) => r.base.failures.length || r.loaded.failures.length);
  const ok = ratio >= 0.8 && !failed;
  console.log(ok ? 'OK: signing kept at least 80% of its unloaded rate' : 'NOT MET: see the figures above');
  process.exitCode = ok ? 0 : 1;
} finally {
  if (process.exitCode || child.exitCode !== null)
    console.log(`portal exit ${child.exitCode} ${child.signalCode}; output:\n${portalOutput().slice(-3000)}`);
  stopLoad();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
