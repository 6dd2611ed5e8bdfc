// Privacy and access, tried as an attacker would: anonymous requests to every route, one
// employee reaching for another's record, forged and malformed cookies, sessions that end,
// roles, CSRF, rate limits. No answer to an anonymous client holds a full identifier.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePortal, openPortal } from './fixture.mjs';
import {
  AUDITOR_PASSWORD,
  client,
  credentialFor,
  employeeClient,
  expectError,
  sampleRoster,
  staffClient,
  startTestPortal,
} from './helpers.mjs';

let app, config, roster;
let recordOfA;

beforeAll(async () => {
  ({ app, config, roster } = await openPortal({ limits: { signInPerMinute: 10_000, signingPerMinute: 10_000 } }));
  const a = await employeeClient(app.url, roster[0].identifier);
  recordOfA = (await (await a.post('/api/sign', credentialFor(app, config, roster[0]))).json()).id.slice(9);
});
afterAll(() => closePortal({ app }));

const containsFullIdentifier = (text) => roster.some((e) => text.includes(e.identifier));

describe('who sees what', () => {
  it('anonymous: every API route answers 401 ERR_NOT_SIGNED_IN, and no answer holds a full identifier', async () => {
    const anon = client(app.url);
    const routes = [
      ['GET', '/api/session'],
      ['GET', '/api/config'],
      ['POST', '/api/sign'],
      ['GET', `/api/records/${recordOfA}`],
      ['GET', `/api/records/${recordOfA}/certificate.pdf`],
      ['PUT', `/api/records/${recordOfA}/drawing`],
      ['GET', '/api/admin/events'],
      ['POST', '/api/admin/events'],
      ['PUT', '/api/admin/events/x'],
      ['POST', '/api/admin/roster'],
      ['GET', '/api/admin/coverage'],
      ['GET', '/api/admin/people'],
      ['POST', '/api/admin/people/x/reveal'],
      ['GET', '/api/admin/unsigned.csv'],
      ['GET', '/api/admin/export.jsonl'],
      ['GET', '/api/admin/report.html'],
      ['GET', '/api/admin/audit'],
      ['GET', '/api/status'],
      ['GET', '/api/export.jsonl'],
      ['GET', '/api/anything-else'],
    ];
    for (const [method, url] of routes) {
      const res = await anon.request(method, url, method === 'GET' ? {} : { json: {} });
      await expectError(res, 401, 'ERR_NOT_SIGNED_IN').catch((e) => {
        throw new Error(`${method} ${url}: ${e.message}`);
      });
    }
    // What anonymous clients may read: the pages, trust.json, health, the demo stand-in's list.
    for (const url of ['/', '/admin', '/app.js', '/style.css', '/trust.json', '/health', '/api/demo-logins']) {
      const res = await anon.get(url);
      expect(res.status, url).toBe(200);
      expect(containsFullIdentifier(await res.text()), url).toBe(false);
    }
  });

  it("employee A cannot read B's record or certificate (404, as if it did not exist)", async () => {
    const b = await employeeClient(app.url, roster[3].identifier);
    await expectError(await b.get(`/api/records/${recordOfA}`), 404, 'ERR_NOT_FOUND');
    await expectError(await b.get(`/api/records/${recordOfA}/certificate.pdf`), 404, 'ERR_NOT_FOUND');
    await expectError(await b.get('/api/admin/coverage'), 403, 'ERR_FORBIDDEN');
    await expectError(await b.post('/api/admin/people/x/reveal'), 403, 'ERR_FORBIDDEN');
    const a = await employeeClient(app.url, roster[0].identifier);
    expect((await a.get(`/api/records/${recordOfA}`)).status).toBe(200);
  });

  it('the session cookie is random, HttpOnly, SameSite=Strict, carries nothing personal, and is new at each sign-in', async () => {
    const c = client(app.url);
    const ids = [];
    for (let i = 0; i < 2; i++) {
      const res = await c.post('/api/session', { identifier: roster[1].identifier });
      const cookie = res.headers.getSetCookie().find((x) => x.startsWith('ikrar_sid='));
      expect(cookie).toMatch(/^ikrar_sid=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
      expect(containsFullIdentifier(cookie)).toBe(false);
      ids.push(c.jar.get('ikrar_sid'));
    }
    expect(ids[0]).not.toBe(ids[1]);
    // The first id ended when the second sign-in began.
    await expectError(
      await fetch(`${app.url}/api/session`, { headers: { cookie: `ikrar_sid=${ids[0]}` } }),
      401,
      'ERR_NOT_SIGNED_IN',
    );
  });

  it('sign-out ends the session on the server: the old cookie no longer works', async () => {
    const c = await employeeClient(app.url, roster[2].identifier);
    const sid = c.jar.get('ikrar_sid');
    expect((await c.delete('/api/session')).status).toBe(204);
    await expectError(
      await fetch(`${app.url}/api/session`, { headers: { cookie: `ikrar_sid=${sid}` } }),
      401,
      'ERR_NOT_SIGNED_IN',
    );
  });

  it('forged cookies are no session (401); malformed ones are 400, never 500', async () => {
    const get = (cookie) => fetch(`${app.url}/api/session`, { headers: { cookie } });
    await expectError(await get(`ikrar_sid=${'A'.repeat(43)}`), 401, 'ERR_NOT_SIGNED_IN');
    await expectError(await get(`ikrar_sid=${roster[0].identifier}.AAAA`), 400, 'ERR_COOKIE_INVALID');
    await expectError(await get('ikrar_sid=%E0%A4%A'), 400, 'ERR_COOKIE_INVALID');
    await expectError(await get(`ikrar_sid=${'x'.repeat(5000)}`), 400, 'ERR_COOKIE_INVALID');
    await expectError(await get('ikrar_sid="; drop table'), 400, 'ERR_COOKIE_INVALID');
  });

  it('sessions expire on the server', async () => {
    let now = Date.now();
    const { app: clocked, config: cfg } = await startTestPortal({}, { now: () => new Date(now) });
    try {
      const c = await employeeClient(clocked.url, sampleRoster(cfg)[0].identifier);
      expect((await c.get('/api/session')).status).toBe(200);
      now += cfg.sessionHours * 3600_000 + 1000;
      await expectError(await c.get('/api/session'), 401, 'ERR_NOT_SIGNED_IN');
    } finally {
      await clocked.close();
    }
  });

  it('demo sign-in is off unless asked for', async () => {
    const { app: prod, config: cfg } = await startTestPortal({ demo: false });
    try {
      const c = client(prod.url);
      await expectError(
        await c.post('/api/session', { identifier: sampleRoster(cfg)[0].identifier }),
        404,
        'ERR_DEMO_OFF',
      );
      await expectError(await c.get('/api/demo-logins'), 404, 'ERR_DEMO_OFF');
    } finally {
      await prod.close();
    }
  });
});

describe('staff', () => {
  it('a wrong password or unknown user is 401 ERR_CREDENTIALS', async () => {
    await expectError(
      await client(app.url).post('/api/staff/session', { username: 'admin', password: 'salah' }),
      401,
      'ERR_CREDENTIALS',
    );
    await expectError(
      await client(app.url).post('/api/staff/session', { username: 'nobody', password: 'x' }),
      401,
      'ERR_CREDENTIALS',
    );
  });

  it('passwords are stored as scrypt hashes, never in clear', async () => {
    const rows = await app.db.query('SELECT password_hash AS h FROM portal_staff');
    for (const { h } of rows) {
      expect(h).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
      expect(h).not.toContain(AUDITOR_PASSWORD);
    }
  });

  it('lists mask identifiers; revealing one is written to the audit log (who, when, what, from where) that only admins read', async () => {
    const auditor = await staffClient(app.url, 'auditor-uji', AUDITOR_PASSWORD);
    const list = await (await auditor.get(`/api/admin/people?q=${encodeURIComponent(roster[0].name)}`)).json();
    expect(list.people).toHaveLength(1);
    const person = list.people[0];
    expect(person.identifier).toMatch(/^\*+\d{4}$/);
    const res = await auditor.post(`/api/admin/people/${person.id}/reveal`);
    expect(res.status).toBe(200);
    expect((await res.json()).identifier).toBe(roster[0].identifier);
    await expectError(await auditor.get('/api/admin/audit'), 403, 'ERR_FORBIDDEN');
    const admin = await staffClient(app.url);
    const { entries } = await (await admin.get('/api/admin/audit')).json();
    const entry = entries.find((e) => e.action === 'reveal-identifier');
    expect(entry).toMatchObject({ actor: 'auditor-uji', address: expect.stringMatching(/127\.0\.0\.1/) });
    expect(entry.target).toContain(roster[0].name);
    expect(containsFullIdentifier(entry.target)).toBe(false);
    expect(Math.abs(Date.parse(entry.at) - Date.now())).toBeLessThan(60_000);
  });

  it('auditors read but cannot change events or the roster (403 ERR_FORBIDDEN)', async () => {
    const auditor = await staffClient(app.url, 'auditor-uji', AUDITOR_PASSWORD);
    expect((await auditor.get('/api/admin/events')).status).toBe(200);
    await expectError(await auditor.post('/api/admin/events', { name: 'x' }), 403, 'ERR_FORBIDDEN');
    await expectError(
      await auditor.request('POST', '/api/admin/roster', { body: 'a', type: 'text/csv' }),
      403,
      'ERR_FORBIDDEN',
    );
  });

  it("a staff view of a record is audited; the record's QR leads to the public page, not the record", async () => {
    const admin = await staffClient(app.url);
    expect((await admin.get(`/api/records/${recordOfA}`)).status).toBe(200);
    const { entries } = await (await admin.get('/api/admin/audit')).json();
    expect(entries[0]).toMatchObject({ actor: 'admin', action: 'view-record', target: `urn:uuid:${recordOfA}` });
  });
});

describe('protection', () => {
  it('state-changing requests need the CSRF token and a same-origin Origin', async () => {
    const c = await employeeClient(app.url, roster[4].identifier);
    const body = credentialFor(app, config, roster[4]);
    await expectError(await c.post('/api/sign', body, { csrf: false }), 403, 'ERR_CSRF');
    await expectError(
      await c.post('/api/sign', body, { csrf: false, headers: { 'x-csrf-token': 'x'.repeat(43) } }),
      403,
      'ERR_CSRF',
    );
    await expectError(
      await c.post('/api/sign', body, { headers: { origin: 'https://evil.example' } }),
      403,
      'ERR_CSRF',
    );
    await expectError(
      await c.post('/api/sign', body, { headers: { 'sec-fetch-site': 'cross-site' } }),
      403,
      'ERR_CSRF',
    );
    // A form post from another site (what Hono's csrf() guards) is refused too.
    const form = await c.request('POST', '/api/session', {
      body: 'identifier=1',
      type: 'application/x-www-form-urlencoded',
      headers: { origin: 'https://evil.example' },
    });
    expect(form.status).toBe(403);
    // Sign-in before any session: the token is the ikrar_csrf cookie (double submit).
    const anon = client(app.url);
    await expectError(
      await anon.post('/api/session', { identifier: roster[4].identifier }, { csrf: false }),
      403,
      'ERR_CSRF',
    );
    expect((await (await c.get('/api/session')).json()).signed).toBeNull();
  });

  it('limits sign-in per client and signing per session: 429 with Retry-After', async () => {
    const { app: limited, config: cfg } = await startTestPortal({
      limits: { signInPerMinute: 3, signingPerMinute: 2 },
    });
    try {
      const who = sampleRoster(cfg)[0];
      const c = client(limited.url);
      for (let i = 0; i < 3; i++)
        expect((await c.post('/api/session', { identifier: who.identifier })).status).toBe(200);
      const res = await c.post('/api/session', { identifier: who.identifier });
      await expectError(res, 429, 'ERR_RATE_LIMITED');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await c.post('/api/sign', '{}')).status);
      expect(statuses).toEqual([400, 400, 429]);
    } finally {
      await limited.close();
    }
  });

  it('serves every page under a strict CSP with no inline script or style', async () => {
    for (const url of ['/', '/admin']) {
      const res = await fetch(`${app.url}${url}`);
      const csp = res.headers.get('content-security-policy');
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      const html = await res.text();
      expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
      expect(html).not.toMatch(/<style|\sstyle=/);
    }
  });
});
