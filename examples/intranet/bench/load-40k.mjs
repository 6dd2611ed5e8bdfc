#!/usr/bin/env node
// pnpm bench:load (examples/intranet): signing while outsiders load the portal (issue #11). The
// portal runs as its own process (SQLite in a temp dir) with a 40,000-person roster in 200 work
// units. Baseline: employees sign (already signed in, 8 at a time) with nothing else running.
// Then, in the same run, the same number of other employees sign while 20 authenticated staff
// clients request the exports (JSONL records, the unsigned CSV of the 40,000) and never read
// them (a socket paused after the request; a new one when the portal closes it) and 5 staff
// clients poll coverage and the people list as fast as they are answered. Reported: signings/s
// in both phases and their ratio (goal: loaded >= 80% of unloaded), the portal's CPU ms per
// signing, its peak RSS (VmHWM) and the load average. Exit 1 when the goal is not met or a
// signing failed.
// Options: --people N (40000), --signings N (200 per phase), --exporters N (20), --pollers N (5).
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createPledge } from '@ikrar/core';
import { defaultConfig } from '../src/config.mjs';
import { ADMIN_PASSWORD, client, roster, startPortal } from './bench-kit.mjs';

const arg = (name, d) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const PEOPLE = arg('people', 40_000);
const SIGNINGS = arg('signings', 200);
const EXPORTERS = arg('exporters', 20);
const POLLERS = arg('pollers', 5);
const CONCURRENCY = 8;
const EVENT = defaultConfig({}, {}).firstEvent;
const AGENCY = 'Pemerintah Kabupaten Jembrana';
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
const { url, child } = await startPortal(dataDir);
const pid = /** @type {number} */ (child.pid);
let stopLoad = () => {};
try {
  console.log(
    `load bench: ${PEOPLE} people, ${SIGNINGS} signings a phase, ${EXPORTERS} exporters, ${POLLERS} pollers; load average ${load()}`,
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
  const agencyId = (await (await fetch(`${url}/trust.json`)).json()).issuers[0].id;

  // Everyone who signs is signed in beforehand: the phases time signing only.
  const signers = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (signers.length < 2 * SIGNINGS) {
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
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < group.length) {
          const { who, c } = group[next++];
          const credential = createPledge({
            template: 'jembrana-2024',
            issuer: { id: agencyId, name: AGENCY },
            signer: who,
            event: { name: EVENT.name, place: EVENT.place },
            consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'typed', typedName: who.name },
            timeZone: 'WITA',
          });
          const res = await c.post('/api/sign', credential);
          if (res.status !== 201) failures.push(`${res.status} ${(await res.text()).slice(0, 120)}`);
          else await res.arrayBuffer();
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
      failures,
      load: load(),
    };
    console.log(
      `${label}: ${r.signed}/${group.length} in ${seconds.toFixed(1)} s = ${r.rate.toFixed(1)} signings/s; portal CPU ${r.cpuPerSigning.toFixed(1)} ms per signing (incl. the load's); load average ${r.load}${failures.length ? `; FAILURES ${failures.length}: ${failures.slice(0, 3).join(' | ')}` : ''}`,
    );
    return r;
  };

  const base = await phase('baseline, nothing else running', signers.slice(0, SIGNINGS));

  // The load: exporters that never read, pollers that never stop.
  let running = true;
  const sockets = new Set();
  const counts = { exportsOpened: 0, polls: 0, pollErrors: 0 };
  const staff = await Promise.all(
    Array.from({ length: EXPORTERS + POLLERS }, async () => {
      const c = client(url);
      const r = await c.post('/api/staff/session', { username: 'admin', password: ADMIN_PASSWORD });
      if (r.status !== 200) throw new Error(`staff session ${r.status}`);
      return c;
    }),
  );
  const { port } = new URL(url);
  const cookieOf = (c) => c.cookie();
  const openExport = (c, i) => {
    if (!running) return;
    const route = i % 2 ? '/api/admin/unsigned.csv' : '/api/admin/export.jsonl';
    const s = net.connect(Number(port), '127.0.0.1', () => {
      s.write(`GET ${route} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookieOf(c)}\r\n\r\n`);
      s.pause(); // never read
      counts.exportsOpened++;
    });
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => {
      sockets.delete(s);
      setTimeout(() => openExport(c, i), 100);
    });
  };
  staff.slice(0, EXPORTERS).forEach(openExport);
  const polls = staff.slice(EXPORTERS).map(async (c) => {
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
  stopLoad = () => {
    running = false;
    for (const s of sockets) s.destroy();
  };
  await new Promise((r) => setTimeout(r, 2000));

  const loaded = await phase(
    `with ${EXPORTERS} exporters never reading and ${POLLERS} coverage pollers`,
    signers.slice(SIGNINGS),
  );
  const pollsDuring = counts.polls;
  stopLoad();
  await Promise.all(polls);
  const ratio = loaded.rate / base.rate;
  const peak = peakMiB(pid);
  console.log(
    `load clients: ${counts.exportsOpened} exports opened, ${pollsDuring} polls answered (${counts.pollErrors} not 200)`,
  );
  console.log(
    `ratio loaded/unloaded signings/s: ${ratio.toFixed(2)} (goal >= 0.80); portal peak RSS ${peak.toFixed(0)} MiB; load average ${load()}`,
  );
  const ok = ratio >= 0.8 && base.failures.length === 0 && loaded.failures.length === 0;
  console.log(ok ? 'OK: signing kept at least 80% of its unloaded rate' : 'NOT MET: see the figures above');
  process.exitCode = ok ? 0 : 1;
} finally {
  stopLoad();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
