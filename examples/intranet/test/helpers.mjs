// Shared by the portal's tests: a portal on a real SQLite file in a temp dir (or a fresh database
// on a real PostgreSQL server in the PostgreSQL run, vitest.postgres.config.mjs), and an HTTP
// client that keeps cookies and echoes the CSRF token as the pages do, signed in as an employee or
// staff. fixture.mjs builds the per-file setup on it.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, inject } from 'vitest';
import { createPledge } from '@ikrar/core';
import { openDatabase } from '@ikrar/server';
import { defaultConfig } from '../src/config.mjs';
import { startPortal } from '../src/app.mjs';
import { checkRoster } from '../src/roster-check.mjs';

export const ADMIN_PASSWORD = 'rahasia-admin-uji-123';
export const AUDITOR_PASSWORD = 'rahasia-auditor-uji-456';

/** Whether this run is the PostgreSQL one (vitest.postgres.config.mjs). */
export const onPostgres = process.env.IKRAR_TEST_DATABASE === 'postgres';

/** @type {Map<string, string>} */
const databases = new Map();

/**
 * The database of the portal kept in `dataDir`: its SQLite file, or on the PostgreSQL run a fresh
 * database on the server the run started (the same one again for the same `dataDir`).
 */
export async function databaseUrlFor(dataDir) {
  if (!onPostgres) return `sqlite:${path.join(dataDir, 'portal.sqlite')}`;
  const known = databases.get(dataDir);
  if (known) return known;
  const server = inject('pgUrl');
  if (!server) throw new Error(`PostgreSQL did not start: ${inject('pgError')}`);
  const name = `portal_${databases.size + 1}_${process.pid}`;
  const admin = await openDatabase(server);
  try {
    await admin.run(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  databases.set(dataDir, url.href);
  return url.href;
}

/** Starts a portal in a fresh data directory. */
export async function startTestPortal(overrides = {}, options = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ikrar-portal-'));
  const base = defaultConfig({}, {});
  const config = {
    ...base,
    dataDir,
    databaseUrl: await databaseUrlFor(dataDir),
    port: 0,
    host: '127.0.0.1',
    demo: true,
    log: false,
    adminPassword: ADMIN_PASSWORD,
    ...overrides,
    // Coverage answers fresh at once: the tests read coverage right after a signing.
    limits: {
      ...base.limits,
      signInPerMinute: 10_000,
      signingPerMinute: 10_000,
      coverageCacheMs: 0,
      ...overrides.limits,
    },
  };
  const app = await startPortal(config, options);
  if (!(await app.stores.staff.authenticate('auditor-uji', AUDITOR_PASSWORD))) {
    await app.stores.staff.create('auditor-uji', 'auditor', AUDITOR_PASSWORD);
  }
  return { app, config, dataDir };
}

/** The sample roster, as the portal loaded it. */
export function sampleRoster(config) {
  return checkRoster(readFileSync(config.rosterFile, 'utf8')).rows;
}

/** A browser-like client: a cookie jar and the CSRF header on state-changing requests. */
export function client(baseUrl) {
  const jar = new Map();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (value === '' || attrs.some((a) => /max-age=0/i.test(a))) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  };
  const request = async (method, url, { json, body, type, headers = {}, csrf = true } = {}) => {
    if (method !== 'GET' && csrf && !jar.has('ikrar_csrf'))
      keep(await fetch(`${baseUrl}/health`, { headers: { cookie: cookieHeader() } }));
    const h = { ...headers };
    if (jar.size) h.cookie = cookieHeader();
    if (method !== 'GET' && csrf) h['x-csrf-token'] = jar.get('ikrar_csrf');
    // Browsers send Origin on every POST, PUT and DELETE; Node's fetch does not.
    if (method !== 'GET') h.origin ??= baseUrl;
    if (json !== undefined) {
      h['content-type'] = 'application/json';
      body = typeof json === 'string' ? json : JSON.stringify(json);
    } else if (type) h['content-type'] = type;
    return keep(await fetch(`${baseUrl}${url}`, { method, headers: h, body, redirect: 'manual' }));
  };
  return {
    jar,
    get: (url, o) => request('GET', url, o),
    post: (url, json, o) => request('POST', url, { json, ...o }),
    put: (url, json, o) => request('PUT', url, { json, ...o }),
    delete: (url, o) => request('DELETE', url, o),
    request,
  };
}

/** A client signed in as an employee through the demo stand-in. */
export async function employeeClient(baseUrl, identifier) {
  const c = client(baseUrl);
  const res = await c.post('/api/session', { identifier });
  if (res.status !== 200) throw new Error(`sign-in ${res.status}: ${await res.text()}`);
  return c;
}

/** A client signed in as staff. */
export async function staffClient(baseUrl, username = 'admin', password = ADMIN_PASSWORD) {
  const c = client(baseUrl);
  const res = await c.post('/api/staff/session', { username, password });
  if (res.status !== 200) throw new Error(`staff sign-in ${res.status}: ${await res.text()}`);
  return c;
}

/** The unsigned credential the widget would post for `employee`. */
export function credentialFor(app, config, employee, overrides = {}) {
  return createPledge({
    template: 'jembrana-2024',
    issuer: { id: app.agency.controller, name: config.agencyName },
    signer: {
      name: employee.name,
      employeeType: employee.employeeType,
      identifier: employee.identifier,
      ...(employee.position && { position: employee.position }),
      workUnit: employee.workUnit,
    },
    event: { name: config.firstEvent.name, place: config.firstEvent.place },
    consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'typed', typedName: employee.name },
    timeZone: 'WITA',
    ...overrides,
  });
}

/** Asserts an error answer: status, stable code, both languages. */
export async function expectError(res, status, code) {
  const text = await res.text();
  expect(res.status, `${code}: ${text}`).toBe(status);
  const { error } = JSON.parse(text);
  expect(error.code).toBe(code);
  expect(error.messages.id.length).toBeGreaterThan(3);
  expect(error.messages.en.length).toBeGreaterThan(3);
  expect(text).not.toMatch(/at .*\.mjs:\d+/);
  return error;
}
