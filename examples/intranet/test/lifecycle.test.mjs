// The portal as a process: SIGTERM lets in-flight signings finish and exits 0; SIGKILL in the
// middle of a burst of signings loses nothing that was answered 2xx (every such record is stored
// once and verifies with ikrar-verify); slow clients are cut off by the header timeout.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPledge } from '@ikrar/core';
import { tempDir, verifyExport } from './fixture.mjs';
import { client, employeeClient, staffClient } from './helpers.mjs';
import { spawnPortal } from './process.mjs';

const running = [];
afterEach(() => {
  for (const p of running.splice(0)) p.child.kill('SIGKILL');
});

/** `n` (at most 999) employees with valid, distinct NIPs, 50 to a work unit. */
function rosterCsv(n) {
  const lines = ['name,employeeType,identifier,position,workUnit'];
  for (let i = 0; i < n; i++) {
    lines.push(`Pegawai Uji ${i},PNS,198001012005031${String(i + 1).padStart(3, '0')},,Unit ${Math.floor(i / 50)}`);
  }
  return lines.join('\n') + '\n';
}

/** Uploads a roster of `n` as an administrator; answers the identifiers in order. */
async function uploadRoster(url, n) {
  const csv = rosterCsv(n);
  const admin = await staffClient(url);
  expect((await admin.request('POST', '/api/admin/roster', { body: csv, type: 'text/csv' })).status).toBe(200);
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[2]);
}

async function start(dataDir, env) {
  const p = await spawnPortal(dataDir, env);
  running.push(p);
  return p;
}

async function credentialOf(c) {
  const me = await (await c.get('/api/session')).json();
  const cfg = await (await c.get('/api/config')).json();
  return createPledge({
    template: cfg.templates[0],
    issuer: cfg.agency,
    signer: {
      name: me.employee.name,
      employeeType: me.employee.employeeType,
      identifier: me.employee.identifier,
      workUnit: me.employee.workUnit,
    },
    event: { name: cfg.event.name, place: cfg.event.place },
    consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'typed', typedName: me.employee.name },
    timeZone: cfg.timeZone,
  });
}

describe('the portal process', () => {
  it('SIGTERM: in-flight signings finish, new ones are refused, then it exits 0', async () => {
    const dataDir = tempDir('ikrar-sigterm-');
    const p = await start(dataDir);
    const ids = await uploadRoster(p.url, 30);
    const clients = await Promise.all(ids.map((id) => employeeClient(p.url, id)));
    const bodies = await Promise.all(clients.map((c) => credentialOf(c)));
    const answers = clients.map((c, i) =>
      c.post('/api/sign', bodies[i]).then(
        (r) => r.status,
        () => 'network',
      ),
    );
    await new Promise((r) => setTimeout(r, 30));
    p.child.kill('SIGTERM');
    const statuses = await Promise.all(answers);
    expect(await p.exited).toEqual({ code: 0, signal: null });
    expect(p.output()).not.toMatch(/Error|at .*\.mjs/);
    // Every answer was a success or a clean refusal; restarted, the successes are all there.
    for (const s of statuses) expect([201, 503, 'network']).toContain(s);
    const again = await start(dataDir);
    const admin2 = await staffClient(again.url);
    const { signed } = await (await admin2.get('/api/admin/coverage')).json();
    expect(signed).toBe(statuses.filter((s) => s === 201).length);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
  });

  it('SIGKILL mid-burst: every signing answered 2xx is stored once and verifies with ikrar-verify', async () => {
    const dataDir = tempDir('ikrar-crash-');
    const p = await start(dataDir);
    const n = 300;
    const ids = await uploadRoster(p.url, n);
    const clients = [];
    for (let i = 0; i < ids.length; i += 50)
      clients.push(...(await Promise.all(ids.slice(i, i + 50).map((id) => employeeClient(p.url, id)))));
    const bodies = [];
    for (const c of clients) bodies.push(await credentialOf(c));
    // 20 signings in flight at a time, so the kill lands mid-burst however fast the portal is:
    // some are in flight, the rest are not sent yet (all 300 at once could all be answered before
    // the 60th answer reaches this process).
    let ok = 0;
    let next = 0;
    const results = new Array(n);
    const lane = async () => {
      while (next < clients.length) {
        const i = next++;
        results[i] = await clients[i].post('/api/sign', bodies[i]).then(
          async (r) => {
            if (r.status === 201 && ++ok === 60) p.child.kill('SIGKILL');
            return { status: r.status, record: r.status === 201 ? await r.json().catch(() => null) : null };
          },
          () => ({ status: 'network' }),
        );
      }
    };
    await Promise.all(Array.from({ length: 20 }, lane));
    expect((await p.exited).signal).toBe('SIGKILL');
    const answered = results.filter((r) => r.status === 201 && r.record);
    expect(answered.length).toBeGreaterThanOrEqual(60);
    expect(answered.length).toBeLessThan(n);

    const again = await start(dataDir);
    const admin2 = await staffClient(again.url);
    const jsonl = await (await admin2.get('/api/admin/export.jsonl')).text();
    const stored = jsonl
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const storedIds = new Set(stored.map((r) => r.id));
    for (const r of answered) expect(storedIds.has(r.record.id)).toBe(true);
    const signers = stored.map((r) => r.credentialSubject.signer.identifier);
    expect(new Set(signers).size).toBe(signers.length);
    const trust = await (await fetch(`${again.url}/trust.json`)).text();
    const r = verifyExport({ records: jsonl, trust }, 'ikrar-crash-export-');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ total: stored.length, valid: stored.length });
    // Those whose signing was cut off can sign now, once.
    const late = clients.findIndex((_, i) => results[i].status !== 201);
    const retry = await employeeClient(again.url, ids[late]);
    expect([200, 201]).toContain((await retry.post('/api/sign', bodies[late])).status);
  }, 120_000);

  it('a client that never finishes its headers is cut off by the header timeout, and others are still served', async () => {
    const dataDir = tempDir('ikrar-slow-');
    const p = await start(dataDir, { IKRAR_HEADERS_TIMEOUT_MS: '1000' });
    const port = Number(new URL(p.url).port);
    const slow = await Promise.all(
      Array.from({ length: 20 }, () => {
        const s = net.connect(port, '127.0.0.1');
        s.on('error', () => {});
        s.write('GET /health HTTP/1.1\r\nHost: x\r\n');
        return new Promise((resolve) => {
          let data = '';
          s.on('data', (d) => (data += d));
          s.on('close', () => resolve(data));
        });
      }),
    );
    for (const answer of slow) expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
    expect((await client(p.url).get('/health')).status).toBe(200);
  }, 60_000);
});
