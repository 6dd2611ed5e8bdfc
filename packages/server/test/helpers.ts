// Shared test fixtures: both databases, a roster with valid identifiers, an event, a service
// whose identity callback reads a test header, and credentials as the widget builds them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPledge, type PledgeCredential } from '@ikrar/core';
import pg from 'pg';
import { inject } from 'vitest';
import {
  createIkrarService,
  createRecordStore,
  loadOrCreateAgencyKey,
  openDatabase,
  silentLogger,
  type AgencyKey,
  type Employee,
  type IkrarServiceOptions,
  type SqlDatabase,
} from '../src/index.js';

import { AGENCY_NAME, EVENT, NOW, SRI, YUSUF } from './world.js';

export { AGENCY_NAME, EVENT, NOW, SRI, YUSUF } from './world.js';

export const tempDirs: string[] = [];
export function tempDir(prefix = 'ikrar-server-'): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.push(d);
  return d;
}
export function removeTempDirs(): void {
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** The test PostgreSQL server's URL; throws (the test fails) with the reason it did not start. */
export function pgUrl(): string {
  const url = inject('pgUrl');
  if (!url) throw new Error(`PostgreSQL is required for this test and did not start: ${inject('pgError')}`);
  return url;
}

let dbCounter = 0;
/** A new empty PostgreSQL database on the test server. */
export async function freshPostgresUrl(): Promise<string> {
  const base = pgUrl();
  const name = `ikrar_t${process.pid}_${Date.now().toString(36)}_${dbCounter++}`;
  const admin = new pg.Client(base);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return base.replace(/\/postgres$/, `/${name}`);
}

export type Dialect = 'sqlite' | 'postgres';
export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

/** A fresh database URL of the dialect. */
export async function freshUrl(dialect: Dialect): Promise<string> {
  return dialect === 'sqlite' ? `sqlite:${path.join(tempDir(), 'ikrar.sqlite')}` : freshPostgresUrl();
}

export async function freshDatabase(dialect: Dialect): Promise<SqlDatabase> {
  return openDatabase(await freshUrl(dialect));
}

/** `n` PNS employees with valid NIPs (birth 1970+, appointed 2005-03). */
export function makeRoster(n: number): Employee[] {
  const out: Employee[] = [];
  for (let i = 0; i < n; i++) {
    const birth = new Date(Date.UTC(1970, 0, 1) + (i % 5000) * 86_400_000);
    const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
    const serial = String(1 + Math.floor(i / 5000)).padStart(3, '0');
    out.push({
      identifier: `${ymd}200503${1 + (i % 2)}${serial}`,
      name: `Pegawai Nomor ${i + 1}`,
      employeeType: 'PNS',
      position: 'Analis Kebijakan',
      workUnit: i % 3 === 0 ? 'Sekretariat Daerah' : 'Kecamatan Negara',
    });
  }
  return out;
}

export interface TestService {
  app: ReturnType<typeof createIkrarService>;
  key: AgencyKey;
  store: Awaited<ReturnType<typeof createRecordStore>>;
  db: SqlDatabase;
  roster: Map<string, Employee>;
  clock: { now: Date };
}

/** A service on `db` with an agency key in a temp dir; identity is the `x-test-identifier` header. */
export async function makeService(
  db: SqlDatabase,
  employees: Employee[] = [YUSUF, SRI],
  extra: Partial<IkrarServiceOptions> & { key?: AgencyKey } = {},
): Promise<TestService> {
  const key =
    extra.key ??
    loadOrCreateAgencyKey(path.join(tempDir(), 'agency-key.json'), { now: new Date('2024-01-01T00:00:00Z') });
  const store = await createRecordStore(db);
  const roster = new Map(employees.map((e) => [e.identifier, e]));
  const clock = { now: NOW };
  const app = createIkrarService({
    store,
    agency: { name: AGENCY_NAME },
    signer: key,
    identity: (c) => {
      const id = c.req.header('x-test-identifier');
      return id ? { identifier: id } : null;
    },
    roster: (id) => roster.get(id) ?? null,
    event: () => EVENT,
    clock: () => clock.now,
    logger: silentLogger,
    issueToken: 'test-token-0123456789',
    ...extra,
  });
  return { app, key, store, db, roster, clock };
}

/** The credential the widget builds for `employee` (typed signature, every point acknowledged). */
export function credentialFor(
  svc: Pick<TestService, 'key'>,
  employee: Employee,
  overrides: Partial<Parameters<typeof createPledge>[0]> = {},
): PledgeCredential {
  return createPledge({
    template: 'jembrana-2024',
    issuer: { id: svc.key.controller, name: AGENCY_NAME },
    signer: {
      name: employee.name,
      employeeType: employee.employeeType,
      identifier: employee.identifier,
      ...(employee.position && { position: employee.position }),
      ...(employee.workUnit && { workUnit: employee.workUnit }),
    },
    event: { name: EVENT.name, place: EVENT.place, date: EVENT.date },
    consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'typed', typedName: employee.name },
    timeZone: 'WITA',
    now: NOW,
    ...overrides,
  });
}

/** POSTs to the service's /sign as `who`. */
export function postSign(
  svc: Pick<TestService, 'app'>,
  body: unknown,
  who?: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    svc.app.request('/sign', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(who && { 'x-test-identifier': who }), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

/** Reads an error answer and checks its shape: a code, both languages. */
export async function errorOf(
  res: Response,
): Promise<{ code: string; messages: { id: string; en: string }; path?: string }> {
  const body = (await res.json()) as { error: { code: string; messages: { id: string; en: string }; path?: string } };
  return body.error;
}
