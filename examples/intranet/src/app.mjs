// @ts-check
/**
 * Starts the portal: data directory, agency key, database and migrations, first-start data
 * (the first event, the sample roster, the administrator account), the HTTP server with timeouts
 * for slow clients, and a graceful stop (no new work, in-flight requests finish, then the
 * database closes).
 * @module
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import {
  createCollectiveService,
  createCollectiveStore,
  createDraftStore,
  createRecordStore,
  createStatusListStore,
  loadOrCreateAgencyKey,
  migrate,
  openDatabase,
} from '@ikrar/server';
import { createAuditLog } from './data/audit.mjs';
import { createCoverage } from './data/coverage.mjs';
import { createEmployeeStore } from './data/employees.mjs';
import { createEventStore } from './data/events.mjs';
import { createDrawingStore } from './data/drawings.mjs';
import { PORTAL_MIGRATIONS } from './data/migrations.mjs';
import { createSessionStore } from './data/sessions.mjs';
import { createStaffStore, generatePassword } from './data/staff.mjs';
import { createApelCodes } from './apel/apel-codes.mjs';
import { apelSecret } from './apel/apel-routes.mjs';
import { createPortal } from './portal.mjs';
import { setUpSso } from './sso/sso-routes.mjs';
import { checkRoster } from './roster-check.mjs';
import { answerClientError } from './http/client-error.mjs';

/**
 * @param {import('./types.js').PortalConfig} config
 * @param {{ now?: () => Date, publicRoutes?: import('hono').Hono }} [options]
 */
export async function startPortal(config, options = {}) {
  const now = options.now ?? (() => new Date());
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const agency = loadOrCreateAgencyKey(path.join(config.dataDir, 'agency-key.json'));
  const db = await openDatabase(config.databaseUrl);
  // The service's record store first: the portal's migrations read and join its table.
  const records = await createRecordStore(db);
  // Revocation (#12): every record the portal countersigns gets a Bitstring Status List entry;
  // the lists are served at /status/<n> and signed by the agency key.
  const statusLists = await createStatusListStore(db, {
    signer: agency.signer,
    issuer: { id: agency.controller, name: config.agencyName },
    baseUrl: `${config.publicUrl}/status`,
    clock: now,
  });
  // Drafts (browser-key signing): the record id, status entry and presence reserved before the
  // employee's own key signs (POST /api/sign/draft).
  const drafts = await createDraftStore(db, { statusLists });
  await migrate(db, 'portal', PORTAL_MIGRATIONS);
  const clock = { now };
  const stores = {
    employees: createEmployeeStore(db),
    events: createEventStore(db, clock),
    sessions: createSessionStore(db, { now, hours: config.sessionHours }),
    staff: createStaffStore(db, clock),
    audit: createAuditLog(db, clock),
    records,
    statusLists,
    drafts,
    drawings: createDrawingStore(db),
    coverage: createCoverage(db, { ttlMs: config.limits.coverageCacheMs }),
  };

  /** What the first start made; main.mjs prints it once. */
  const firstRun = {
    /** @type {{ username: string, role: string, password: string }[]} */
    accounts: [],
    /** @type {import('./roster-check.mjs').RosterProblem[]} */
    rosterProblems: [],
  };
  if ((await stores.events.list()).length === 0) await stores.events.create(config.firstEvent);
  if ((await stores.employees.count()) === 0 && existsSync(config.rosterFile)) {
    const { rows, problems } = checkRoster(readFileSync(config.rosterFile, 'utf8'), { now: now() });
    await stores.employees.upsertMany(rows);
    firstRun.rosterProblems = problems;
  }
  if ((await stores.staff.count()) === 0) {
    const admin = { username: 'admin', role: 'admin', password: config.adminPassword ?? generatePassword() };
    await stores.staff.create(admin.username, 'admin', admin.password);
    if (!config.adminPassword) firstRun.accounts.push(admin);
    if (config.demo) {
      const auditor = { username: 'auditor', role: 'auditor', password: generatePassword() };
      await stores.staff.create(auditor.username, 'auditor', auditor.password);
      firstRun.accounts.push(auditor);
    }
  }
  await stores.employees.backfillSearchNames();
  await stores.sessions.sweep();

  const state = { stopping: false };
  const apel = await createApelCodes({ secret: apelSecret(process.env) });
  const sso = await setUpSso(db, config, now);
  // The collective pakta integritas (#15): one document per event, signed by its representatives.
  const collective = createCollectiveService({
    store: await createCollectiveStore(db),
    signer: agency,
    agency: { name: config.agencyName },
    clock: now,
    // Its record carries a credentialStatus from the same lists as every countersigned record (#12).
    statusLists: stores.statusLists,
  });
  const app = createPortal({
    config,
    db,
    agency,
    stores,
    now,
    state,
    apel,
    collective,
    ...(sso && { sso }),
    ...(options.publicRoutes && { publicRoutes: options.publicRoutes }),
  });
  const server = /** @type {import('node:http').Server} */ (
    serve({
      fetch: app.fetch,
      port: config.port,
      hostname: config.host,
      serverOptions: {
        headersTimeout: config.limits.headersTimeoutMs,
        requestTimeout: config.limits.requestTimeoutMs,
        // How often Node looks for clients over those timeouts (its default is 30 s).
        connectionsCheckingInterval: Math.min(1000, config.limits.headersTimeoutMs),
      },
    })
  );
  server.keepAliveTimeout = 5_000;
  server.on('clientError', answerClientError);
  await new Promise((resolve, reject) => {
    if (server.listening) return resolve(undefined);
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  let closing = /** @type {Promise<void> | null} */ (null);
  return {
    url: `http://${config.host}:${address.port}`,
    agency,
    db,
    stores,
    collective,
    firstRun,
    /** Stops taking work, lets in-flight requests finish (at most `graceMs`), closes the database. */
    close: (graceMs = 10_000) =>
      (closing ??= (async () => {
        state.stopping = true;
        await new Promise((resolve) => {
          const force = setTimeout(() => server.closeAllConnections(), graceMs);
          server.close(() => {
            clearTimeout(force);
            resolve(undefined);
          });
          server.closeIdleConnections();
        });
        await db.close();
      })()),
  };
}
