// The single sign-on without a browser: its settings, its refusals as JSON (stable code, both
// languages, never a 500), the server-side sign-in state (taken once, expires, one winner for
// concurrent callbacks; on SQLite and on a real PostgreSQL server), a provider that is down, and
// a portal without SSO.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, migrate } from '@ikrar/server';
import { startPostgres } from '../../../scripts/postgres.mjs';
import { ssoSettings } from '../src/sso/sso-settings.mjs';
import { createSsoStore, SSO_MIGRATIONS } from '../src/sso/sso-store.mjs';
import { safeReturn } from '../src/sso/sso-routes.mjs';
import { tempDir } from './fixture.mjs';
import { client, expectError, startTestPortal } from './helpers.mjs';
import { CLIENT_ID, CLIENT_SECRET, freePort, startProvider } from './oidc-provider.mjs';

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/main.mjs');

describe('SSO settings (OIDC_*)', () => {
  it('off without OIDC_ISSUER; defaults for the rest', () => {
    expect(ssoSettings({})).toBeUndefined();
    expect(ssoSettings({ OIDC_ISSUER: 'https://sso.jembranakab.go.id/realms/asn', OIDC_CLIENT_ID: 'ikrar' })).toEqual({
      issuer: 'https://sso.jembranakab.go.id/realms/asn',
      clientId: 'ikrar',
      scope: 'openid profile',
      nipClaim: 'nip',
      roleClaim: null,
      adminRole: 'ikrar-admin',
      auditorRole: 'ikrar-auditor',
      staffClaim: 'preferred_username',
    });
  });

  it('reads every setting; openid is always in the scope', () => {
    const s = ssoSettings({
      OIDC_ISSUER: 'http://127.0.0.1:9000',
      OIDC_CLIENT_ID: 'portal',
      OIDC_CLIENT_SECRET: 's3cret',
      OIDC_SCOPE: 'profile  nip',
      OIDC_NIP_CLAIM: 'employee_number',
      OIDC_ROLE_CLAIM: 'https://example.go.id/claims/roles',
      OIDC_ADMIN_ROLE: 'admin-ikrar',
      OIDC_AUDITOR_ROLE: 'auditor-ikrar',
      OIDC_STAFF_CLAIM: 'email',
    });
    expect(s).toMatchObject({
      clientSecret: 's3cret',
      scope: 'openid profile nip',
      nipClaim: 'employee_number',
      roleClaim: 'https://example.go.id/claims/roles',
      adminRole: 'admin-ikrar',
      auditorRole: 'auditor-ikrar',
      staffClaim: 'email',
    });
  });

  it('refuses a configuration that cannot work, naming the setting', () => {
    expect(() => ssoSettings({ OIDC_ISSUER: 'https://sso.example.go.id' })).toThrow(
      'OIDC_CLIENT_ID is required when OIDC_ISSUER is set',
    );
    expect(() => ssoSettings({ OIDC_ISSUER: 'http://sso.example.go.id', OIDC_CLIENT_ID: 'x' })).toThrow(
      'OIDC_ISSUER must be an https URL (plain http only on 127.0.0.1, localhost or [::1])',
    );
    expect(() => ssoSettings({ OIDC_ISSUER: 'sso', OIDC_CLIENT_ID: 'x' })).toThrow('OIDC_ISSUER is not a URL: "sso"');
    expect(() =>
      ssoSettings({ OIDC_ISSUER: 'https://sso.example.go.id', OIDC_CLIENT_ID: 'x', OIDC_NIP_CLAIM: 'nip; drop' }),
    ).toThrow('OIDC_NIP_CLAIM is not a claim name: "nip; drop"');
  });

  it('the portal refuses to start with such a setting: exit 2, the setting named, no stack trace', () => {
    const dataDir = tempDir('ikrar-sso-bad-');
    const run = spawnSync(process.execPath, [main], {
      env: { ...process.env, IKRAR_DATA_DIR: dataDir, PORT: '0', OIDC_ISSUER: 'http://sso.example.go.id' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      'pengaturan salah / bad setting: OIDC_ISSUER must be an https URL (plain http only on 127.0.0.1, localhost or [::1])',
    );
  });
});

describe('the return path after signing in', () => {
  it('keeps a path of this portal (with its query, without a fragment)', () => {
    expect(safeReturn('/?apel=e1&kode=1234.abcd', '/')).toBe('/?apel=e1&kode=1234.abcd');
    expect(safeReturn('/admin#kegiatan', '/')).toBe('/admin');
    expect(safeReturn('/a/../admin', '/')).toBe('/admin');
  });

  it('never leads to another origin (no open redirect)', () => {
    for (const evil of [
      undefined,
      '',
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example/x',
      '/\t/evil.example',
      '\t//evil.example',
      'javascript:alert(1)',
      'admin',
      `/${'a'.repeat(1000)}`,
    ]) {
      expect(safeReturn(evil, '/admin'), JSON.stringify(evil)).toBe('/admin');
    }
  });
});

describe.each(['SQLite', 'PostgreSQL'])('server-side sign-in state on %s', (engine) => {
  let db;
  let pg;
  let at = new Date('2026-11-30T01:00:00Z');
  let store;
  beforeAll(async () => {
    if (engine === 'PostgreSQL') pg = await startPostgres();
    db = await openDatabase(pg ? pg.url : 'sqlite::memory:');
    await migrate(db, 'portal_sso', SSO_MIGRATIONS);
    store = createSsoStore(db, { now: () => at });
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await pg?.stop();
  });
  const secrets = { state: 's'.repeat(43), nonce: 'n'.repeat(43), codeVerifier: 'v'.repeat(43) };

  it('is taken once; an unknown or malformed id finds nothing', async () => {
    const id = await store.begin('staff', secrets);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await store.take(id)).toEqual({ purpose: 'staff', ...secrets, returnTo: null });
    const back = await store.begin('employee', secrets, '/?apel=e1&kode=123.abc');
    expect((await store.take(back)).returnTo).toBe('/?apel=e1&kode=123.abc');
    expect(await store.take(id)).toBeNull();
    expect(await store.take('x'.repeat(43))).toBeNull();
    expect(await store.take("'; DROP TABLE portal_sso_pending; --")).toBeNull();
    // Only its hash is stored: a copy of the table does not hold the browsers' ids.
    const id2 = await store.begin('employee', secrets);
    const rows = await db.query('SELECT id_hash FROM portal_sso_pending');
    expect(rows.map((r) => r.id_hash)).not.toContain(id2);
    expect(await store.take(id2)).not.toBeNull();
  });

  it('expires after ten minutes', async () => {
    const id = await store.begin('employee', secrets);
    at = new Date(at.getTime() + 10 * 60_000 + 1);
    expect(await store.take(id)).toBeNull();
    expect(await store.pendingCount()).toBe(0);
  });

  it('concurrent callbacks with the same id: exactly one gets it', async () => {
    const id = await store.begin('employee', secrets);
    const got = await Promise.all(Array.from({ length: 8 }, () => store.take(id)));
    expect(got.filter(Boolean)).toHaveLength(1);
  });
});

describe('the SSO routes', () => {
  let app;
  let idp;
  let offPortal;
  let downPortal;
  beforeAll(async () => {
    const portalUrl = `http://127.0.0.1:${await freePort()}`;
    idp = await startProvider({ portalUrl, accounts: {} });
    const sso = ssoSettings({ OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET });
    ({ app } = await startTestPortal({ port: Number(new URL(portalUrl).port), publicUrl: portalUrl, sso }));
    ({ app: offPortal } = await startTestPortal());
    const closed = await freePort();
    ({ app: downPortal } = await startTestPortal({
      sso: ssoSettings({ OIDC_ISSUER: `http://127.0.0.1:${closed}`, OIDC_CLIENT_ID: 'x' }),
    }));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await offPortal?.close();
    await downPortal?.close();
    await idp?.close();
  });

  it('GET /auth/sso says which sign-ins the pages offer', async () => {
    expect(await (await fetch(`${app.url}/auth/sso`)).json()).toEqual({ enabled: true, demo: true });
    expect(await (await fetch(`${offPortal.url}/auth/sso`)).json()).toEqual({ enabled: false, demo: true });
  });

  it('login: 303 to the provider with PKCE S256, state and nonce, an HttpOnly Lax cookie for the callback only', async () => {
    const res = await fetch(`${app.url}/auth/sso/login?as=staff`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get('location'));
    expect(to.origin).toBe(idp.issuer);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: 'code',
      scope: 'openid profile',
      redirect_uri: `${app.url}/auth/sso/callback`,
      code_challenge_method: 'S256',
    });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(to.searchParams.get(p)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ikrar_sso='));
    expect(cookie).toMatch(/^ikrar_sso=[A-Za-z0-9_-]{43}; Max-Age=600; Path=\/auth\/sso; HttpOnly; SameSite=Lax$/);
    // The verifier never leaves the server.
    expect(res.headers.get('location')).not.toContain('code_verifier');
  });

  it('callback without a sign-in in progress: 400 ERR_SSO_NOT_PENDING; with a malformed cookie: 400 ERR_COOKIE_INVALID', async () => {
    await expectError(await fetch(`${app.url}/auth/sso/callback?code=abc&state=def`), 400, 'ERR_SSO_NOT_PENDING');
    const bad = await fetch(`${app.url}/auth/sso/callback?code=abc&state=def`, {
      headers: { cookie: 'ikrar_sso=../../etc' },
    });
    expect(bad.headers.getSetCookie()).toEqual(['ikrar_sso=; Max-Age=0; Path=/auth/sso/callback; SameSite=Strict']);
    expect((await expectError(bad, 400, 'ERR_COOKIE_INVALID')).detail).toEqual({
      cookie: 'ikrar_sso',
      problem: 'malformed',
    });
    await expectError(
      await fetch(`${app.url}/auth/sso/callback`, { headers: { cookie: `ikrar_sso=${'A'.repeat(43)}` } }),
      400,
      'ERR_SSO_NOT_PENDING',
    );
  });

  it('the provider’s error answer with the right state: 403 ERR_SSO_DENIED; with a wrong state: 400 ERR_SSO_STATE_INVALID', async () => {
    for (const [state, status, code] of [
      [null, 403, 'ERR_SSO_DENIED'],
      ['forged', 400, 'ERR_SSO_STATE_INVALID'],
    ]) {
      const c = client(app.url);
      const start = await c.get('/auth/sso/login');
      const real = new URL(start.headers.get('location')).searchParams.get('state');
      const q = new URLSearchParams({ error: 'access_denied', state: state ?? real, iss: idp.issuer });
      await expectError(await c.get(`/auth/sso/callback?${q}`), status, code);
      // The sign-in is used up either way.
      await expectError(await c.get(`/auth/sso/callback?${q}`), 400, 'ERR_SSO_NOT_PENDING');
    }
  });

  it('a code the provider never issued: 400 ERR_SSO_CODE_REJECTED, nobody signed in', async () => {
    const c = client(app.url);
    const start = await c.get('/auth/sso/login');
    const state = new URL(start.headers.get('location')).searchParams.get('state');
    const q = new URLSearchParams({ code: 'made-up-code', state, iss: idp.issuer });
    await expectError(await c.get(`/auth/sso/callback?${q}`), 400, 'ERR_SSO_CODE_REJECTED');
    await expectError(await c.get('/api/session'), 401, 'ERR_NOT_SIGNED_IN');
  });

  it('a browser asking for HTML gets a page in both languages with the code, under the CSP', async () => {
    const res = await fetch(`${app.url}/auth/sso/callback`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<code id="error-code">ERR_SSO_NOT_PENDING</code>');
    expect(html).toContain('Tidak ada proses masuk SSO yang sedang berjalan');
    expect(html).toContain('No single sign-on is in progress');
    expect(html).not.toMatch(/<script|style=/);
  });

  it('a portal without SSO: 404 ERR_SSO_OFF', async () => {
    await expectError(await fetch(`${offPortal.url}/auth/sso/login`, { redirect: 'manual' }), 404, 'ERR_SSO_OFF');
    await expectError(await fetch(`${offPortal.url}/auth/sso/callback?code=a&state=b`), 404, 'ERR_SSO_OFF');
  });

  it('a provider that cannot be reached: 502 ERR_SSO_UNAVAILABLE (not a 500), and the portal keeps working', async () => {
    await expectError(
      await fetch(`${downPortal.url}/auth/sso/login`, { redirect: 'manual' }),
      502,
      'ERR_SSO_UNAVAILABLE',
    );
    expect((await fetch(`${downPortal.url}/health`)).status).toBe(200);
  });

  it('starting sign-ins is rate limited per client address like the password sign-in (429 with Retry-After)', async () => {
    const { app: limited } = await startTestPortal({
      sso: ssoSettings({ OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET }),
      limits: { signInPerMinute: 3 },
    });
    try {
      for (let i = 0; i < 3; i++) {
        expect((await fetch(`${limited.url}/auth/sso/login`, { redirect: 'manual' })).status).toBe(303);
      }
      const res = await fetch(`${limited.url}/auth/sso/login`, { redirect: 'manual' });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      await expectError(res, 429, 'ERR_RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });

  it('signing out of a session that did not come through SSO stays 204 (no provider round trip)', async () => {
    const c = client(app.url);
    expect(
      (await c.post('/api/staff/session', { username: 'auditor-uji', password: 'rahasia-auditor-uji-456' })).status,
    ).toBe(200);
    expect((await c.delete('/api/session')).status).toBe(204);
  });
});
