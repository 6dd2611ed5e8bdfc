// The service under test, in its own process (the load generator must not share its CPU):
// DATABASE_URL, ROSTER (count); identity is the x-bench-identifier header. Sends { port } when ready.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import {
  createIkrarService,
  createRecordStore,
  loadOrCreateAgencyKey,
  openDatabase,
  silentLogger,
} from '../dist/index.js';
import { benchRoster, BENCH_EVENT, AGENCY_NAME } from './roster.mjs';

const roster = new Map(benchRoster(Number(process.env.ROSTER)).map((e) => [e.identifier, e]));
const db = await openDatabase(process.env.DATABASE_URL);
const store = await createRecordStore(db);
const key = loadOrCreateAgencyKey(path.join(mkdtempSync(path.join(tmpdir(), 'ikrar-bench-key-')), 'agency-key.json'));
const app = createIkrarService({
  store,
  agency: { name: AGENCY_NAME },
  signer: key,
  identity: (c) => ({ identifier: c.req.header('x-bench-identifier') ?? '' }),
  roster: (id) => roster.get(id) ?? null,
  event: () => BENCH_EVENT,
  logger: silentLogger,
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.send({ port: info.port, controller: key.controller });
});
// The load reuses its connections for the whole run: do not close them between requests (a
// request sent as the server closes an idle socket would meet ECONNRESET on a loaded machine).
server.keepAliveTimeout = 120_000;
process.on('message', async (m) => {
  if (m === 'cpu') process.send({ cpu: process.cpuUsage() });
  if (m === 'stop') {
    server.close();
    await db.close();
    process.exit(0);
  }
});
