// Step 6 of the release dry run: @ikrar/server, as npm installed it, mounted in a tiny Express app
// (the README's quick start), signs one pledge over a real socket; the answer verifies with the
// installed @ikrar/core. The app runs as its own Node process inside the temporary project, so
// every import resolves from that project's node_modules, as for a user.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const APP = `
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { getRequestListener } from '@hono/node-server';
import { createPledge, verifyPledge } from '@ikrar/core';
import { createIkrarService, createRecordStore, loadOrCreateAgencyKey, openDatabase } from '@ikrar/server';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ikrar-release-dry-server-'));
const now = new Date('2024-10-07T02:00:00Z');
const employee = { identifier: '199001012015032001', name: 'Sri Wahyuni', employeeType: 'PNS',
  position: 'Pranata Komputer Ahli Muda', workUnit: 'Dinas Komunikasi dan Informatika' };
const event = { id: 'pilkada-2024', name: 'Pilkada Serentak 2024', place: 'Halaman Kantor Bupati Jembrana',
  date: '2024-10-07', deadline: '2024-10-31T23:59:59+08:00', timeZone: 'WITA', templates: { PNS: ['jembrana-2024'] } };
const db = await openDatabase('sqlite:' + path.join(dir, 'ikrar.sqlite'));
const key = loadOrCreateAgencyKey(path.join(dir, 'agency-key.json'), { now: new Date('2024-01-01T00:00:00Z') });
const service = createIkrarService({
  store: await createRecordStore(db),
  agency: { name: 'Pemerintah Kabupaten Jembrana' },
  signer: key,
  identity: (c) => (c.req.header('x-employee') ? { identifier: c.req.header('x-employee') } : null),
  roster: (id) => (id === employee.identifier ? employee : null),
  event: () => event,
  clock: () => now,
});
const app = express();
app.get('/', (_req, res) => void res.send('portal'));
app.use('/ikrar', getRequestListener(service.fetch));
const server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
try {
  const base = 'http://127.0.0.1:' + server.address().port;
  const credential = createPledge({
    template: 'jembrana-2024',
    issuer: { id: key.controller, name: 'Pemerintah Kabupaten Jembrana' },
    signer: employee,
    event: { name: event.name, place: event.place, date: event.date },
    consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'typed', typedName: employee.name },
    timeZone: 'WITA',
    now,
  });
  const res = await fetch(base + '/ikrar/sign', { method: 'POST',
    headers: { 'content-type': 'application/json', 'x-employee': employee.identifier }, body: JSON.stringify(credential) });
  const record = await res.json();
  if (res.status !== 201) throw new Error('POST /ikrar/sign answered ' + res.status + ': ' + JSON.stringify(record));
  const result = await verifyPledge(record);
  if (!result.verified) throw new Error('the countersigned record does not verify: ' + JSON.stringify(result));
  if (result.issuer !== key.controller) throw new Error('issuer ' + result.issuer + ' is not the agency key');
  const portal = await (await fetch(base + '/')).text();
  if (portal !== 'portal') throw new Error('the Express app lost its own route');
  console.log(JSON.stringify({ status: res.status, id: record.id, proofs: result.proofs.length }));
} finally {
  await new Promise((r) => server.close(r));
  await db.close?.();
  rmSync(dir, { recursive: true, force: true });
}
`;

/**
 * @param {string} appDir the temporary project, with @ikrar/server, @ikrar/core, express and
 *   @hono/node-server installed
 * @returns {Promise<string>} what was seen
 */
export async function checkServerInExpress(appDir) {
  const file = path.join(appDir, 'express-app.mjs');
  writeFileSync(file, APP);
  const r = spawnSync(process.execPath, [file], { cwd: appDir, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`express-app.mjs exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  const seen = JSON.parse(r.stdout.trim().split('\n').pop());
  return `POST /ikrar/sign answered ${seen.status}, the record (${seen.proofs} proofs) verifies`;
}
