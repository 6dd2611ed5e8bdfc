// Single sign-on through a real OpenID provider (oidc-provider on loopback) in headless Chromium:
// an employee signs in at the provider, lands on their pledge page and signs; an administrator
// (role claim) and an auditor (the portal's staff list) reach /admin; a NIP that is not on the
// roster, an account without a NIP and an employee asking for /admin are refused with a page in
// both languages and a stable code; a tampered state or nonce and a replayed callback fail;
// signing out ends the portal's session and the provider's (RP-Initiated Logout).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPledge } from '@ikrar/core';
import { defaultConfig } from '../src/config.mjs';
import { ssoSettings } from '../src/sso/sso-settings.mjs';
import { closePortal, expectNoHorizontalScroll, launchChromium } from './fixture.mjs';
import { sampleRoster, startTestPortal } from './helpers.mjs';
import { CLIENT_ID, CLIENT_SECRET, freePort, startProvider } from './oidc-provider.mjs';
import { signTyped } from './widget-steps.mjs';

const roster = sampleRoster(defaultConfig({}, {}));
const employee = roster[0];
const second = roster[1];
const third = roster[2];
const OUTSIDER_NIP = '199912312025011999';

let app;
let idp;
let browser;
let portalUrl;

beforeAll(async () => {
  expect(roster.some((e) => e.identifier === OUTSIDER_NIP)).toBe(false);
  portalUrl = `http://127.0.0.1:${await freePort()}`;
  idp = await startProvider({
    portalUrl,
    accounts: {
      // A NIP as people write it (spaces), matched to the roster's digits.
      budi: {
        name: employee.name,
        preferred_username: 'budi',
        nip: employee.identifier.replace(/^(\d{8})(\d{6})/, '$1 $2 '),
      },
      sari: { name: second.name, preferred_username: 'sari', nip: second.identifier },
      wayan: { name: third.name, preferred_username: 'wayan', nip: third.identifier },
      luar: { name: 'Orang Luar', preferred_username: 'luar', nip: OUTSIDER_NIP },
      tanpanip: { name: 'Tanpa NIP', preferred_username: 'tanpanip' },
      kepala: { name: 'Kepala BKPSDM', preferred_username: 'kepala-bkpsdm', roles: ['ikrar-admin', 'staf'] },
      // No role claim: the portal's own staff list has "auditor-uji" (helpers.mjs).
      auditor: { name: 'Auditor', preferred_username: 'auditor-uji' },
    },
  });
  const sso = ssoSettings({
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_SCOPE: 'openid profile ikrar',
    OIDC_ROLE_CLAIM: 'roles',
  });
  ({ app } = await startTestPortal({ port: Number(new URL(portalUrl).port), publicUrl: portalUrl, demo: false, sso }));
  expect(app.url).toBe(portalUrl);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await closePortal({ app, browser });
  await idp?.close();
});

/** A browser context that reaches only loopback (the provider's page asks for a web font). */
async function newContext() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  return context;
}

/**
 * Fills in the provider's login page (any password), and its consent page when it asks; resolves
 * when the provider sends the browser back to the portal's callback.
 */
async function loginAtProvider(page, login) {
  await page.locator('input[name="login"]').waitFor({ timeout: 15_000 });
  expect(new URL(page.url()).origin).toBe(idp.issuer);
  const back = page.waitForRequest((r) => r.url().startsWith(`${portalUrl}/auth/sso/callback`), { timeout: 20_000 });
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'apa-saja');
  await page.click('button[type="submit"]');
  const consent = page.getByRole('button', { name: 'Continue' });
  await Promise.race([
    consent
      .waitFor({ timeout: 20_000 })
      .then(() => consent.click())
      .catch(() => {}),
    back,
  ]);
  await back;
}

/** The refusal page: its status, code and both messages. */
async function refusalOf(page, response) {
  const code = await page.locator('#error-code').textContent();
  return {
    status: (await response).status(),
    code,
    id: await page.locator('#message-id').textContent(),
    en: await page.locator('#message-en').textContent(),
  };
}

const callbackResponse = (page) =>
  page.waitForResponse((r) => r.url().startsWith(`${portalUrl}/auth/sso/callback`), { timeout: 20_000 });

/** The page's own session, asked from the page (its cookies, its CSRF token). */
const sessionOf = (page) =>
  page.evaluate(async () => {
    const res = await fetch('/api/session', { headers: { accept: 'application/json' } });
    return { status: res.status, body: res.status === 200 ? await res.json() : null };
  });

describe('employees sign in through the agency SSO', () => {
  it('lands on their own pledge page, signs, and the record verifies; no NIP in any portal URL', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const errors = [];
    // The portal's pages only (the provider's login page asks for a web font, refused here).
    const onPortal = () => page.url().startsWith(portalUrl);
    page.on(
      'console',
      (m) =>
        m.type() === 'error' &&
        onPortal() &&
        !/status of 401/.test(m.text()) &&
        errors.push(`${m.text()} ${m.location().url}`),
    );
    page.on('pageerror', (e) => onPortal() && errors.push(String(e)));
    const portalUrls = [];
    page.on('request', (r) => r.url().startsWith(portalUrl) && portalUrls.push(r.url()));

    await page.goto(`${portalUrl}/`);
    await expectNoHorizontalScroll(page, 'signed-in page');
    await page.locator('#sso-login').click();
    const asked = idp.paths.length;
    await loginAtProvider(page, 'budi');
    await page.waitForURL(`${portalUrl}/`);
    const widget = page.locator('ikrar-netralitas');
    await widget.waitFor({ timeout: 20_000 });
    expect(await page.locator('#welcome').textContent()).toContain(employee.name);
    // The NIP is not in oidc-provider's ID token (conformIdTokenClaims): it came from userinfo.
    expect(idp.paths.slice(asked)).toEqual(expect.arrayContaining(['/token', '/me']));
    expect((await sessionOf(page)).body).toMatchObject({
      kind: 'employee',
      employee: { identifier: employee.identifier },
    });

    const href = await signTyped(widget, employee.name);
    const id = /records\/([0-9a-f-]{36})\//.exec(href)[1];
    const record = await page.evaluate(async (u) => (await fetch(u)).json(), `/api/records/${id}`);
    expect(record.credentialSubject.signer).toMatchObject({ name: employee.name, identifier: employee.identifier });
    expect((await verifyPledge(record)).verified).toBe(true);

    const digits = employee.identifier;
    expect(portalUrls.filter((u) => u.includes(digits) || u.includes(digits.slice(0, 8)))).toEqual([]);
    expect(errors).toEqual([]);
    expect(await app.stores.sessions.sweep()).toBe(0);
    await context.close();
  });

  it('a NIP that is not on the roster is refused with a page in both languages (403, ERR_SSO_NOT_IN_ROSTER); no session', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${portalUrl}/auth/sso/login`);
    const response = callbackResponse(page);
    await loginAtProvider(page, 'luar');
    const r = await refusalOf(page, response);
    expect(r).toMatchObject({ status: 403, code: 'ERR_SSO_NOT_IN_ROSTER' });
    expect(r.id).toContain('tidak cocok dengan pegawai mana pun di daftar pegawai');
    expect(r.en).toContain('matches nobody on this portal’s roster');
    expect(await page.content()).not.toContain(OUTSIDER_NIP);
    await expectNoHorizontalScroll(page, 'refusal page');
    expect((await sessionOf(page)).status).toBe(401);
    await context.close();
  });

  it('an account without the NIP claim: 403 ERR_SSO_CLAIM_MISSING; an employee asking for /admin: 403 ERR_SSO_NO_ROLE', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${portalUrl}/auth/sso/login`);
    let response = callbackResponse(page);
    await loginAtProvider(page, 'tanpanip');
    expect(await refusalOf(page, response)).toMatchObject({ status: 403, code: 'ERR_SSO_CLAIM_MISSING' });
    await context.close();

    const staffContext = await newContext();
    const staffPage = await staffContext.newPage();
    await staffPage.goto(`${portalUrl}/auth/sso/login?as=staff`);
    response = callbackResponse(staffPage);
    await loginAtProvider(staffPage, 'sari');
    const r = await refusalOf(staffPage, response);
    expect(r).toMatchObject({ status: 403, code: 'ERR_SSO_NO_ROLE' });
    expect(r.en).toContain('no administrator or auditor role');
    expect(await staffPage.locator('a[href="/admin"]').count()).toBe(2);
    expect((await sessionOf(staffPage)).status).toBe(401);
    await staffContext.close();
  });
});

describe('administrators and auditors sign in through the agency SSO', () => {
  it('the role claim makes an administrator; signing out ends the portal session and the provider’s', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${portalUrl}/admin`);
    await page.locator('#staff-sso-login').click();
    await loginAtProvider(page, 'kepala');
    await page.waitForURL(`${portalUrl}/admin`);
    await page.locator('#nav').waitFor();
    expect(await page.locator('#who').textContent()).toBe('kepala-bkpsdm (administrator)');
    expect((await sessionOf(page)).body).toMatchObject({ kind: 'staff', role: 'admin', username: 'kepala-bkpsdm' });

    // Sign out: the portal's session ends, then the provider asks to end its own and comes back.
    await page.locator('#logout').click();
    await page.waitForURL((u) => u.origin === idp.issuer, { timeout: 15_000 });
    await page.getByRole('button', { name: /Yes, sign me out/i }).click();
    await page.waitForURL(`${portalUrl}/`, { timeout: 15_000 });
    expect((await sessionOf(page)).status).toBe(401);
    // The provider forgot the user too: a new sign-in asks for the login again.
    await page.goto(`${portalUrl}/auth/sso/login?as=staff`);
    await page.locator('input[name="login"]').waitFor({ timeout: 15_000 });
    await context.close();
  });

  it('without a role claim, the portal’s own staff list gives the role (auditor)', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${portalUrl}/admin`);
    await page.locator('#staff-sso-login').click();
    await loginAtProvider(page, 'auditor');
    await page.waitForURL(`${portalUrl}/admin`);
    await page.locator('#nav').waitFor();
    expect((await sessionOf(page)).body).toMatchObject({ kind: 'staff', role: 'auditor', username: 'auditor-uji' });
    await context.close();
  });
});

describe('an attacker’s callback', () => {
  it('a tampered state fails (400 ERR_SSO_STATE_INVALID) and uses up the sign-in', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const start = await context.request.get(`${portalUrl}/auth/sso/login`, { maxRedirects: 0 });
    expect(start.status()).toBe(303);
    const authorize = new URL(start.headers().location);
    const state = authorize.searchParams.get('state');
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The provider hands back whatever state it was given: the callback carries the altered one.
    authorize.searchParams.set('state', `${state.slice(0, -2)}${state.endsWith('AA') ? 'BB' : 'AA'}`);
    await page.goto(authorize.href);
    let callback;
    page.on('request', (r) => r.url().startsWith(`${portalUrl}/auth/sso/callback`) && (callback = r.url()));
    const response = callbackResponse(page);
    await loginAtProvider(page, 'wayan');
    expect(await refusalOf(page, response)).toMatchObject({ status: 400, code: 'ERR_SSO_STATE_INVALID' });
    expect((await sessionOf(page)).status).toBe(401);
    // The same answer again, now with the state the portal sent: the sign-in is gone.
    const genuine = new URL(callback);
    genuine.searchParams.set('state', state);
    const again = await page.goto(genuine.href);
    expect(await refusalOf(page, again)).toMatchObject({ status: 400, code: 'ERR_SSO_NOT_PENDING' });
    expect((await sessionOf(page)).status).toBe(401);
    await context.close();
  });

  it('a tampered nonce in the authorization request fails at the callback (400 ERR_SSO_NONCE_INVALID)', async () => {
    const context = await newContext();
    const page = await context.newPage();
    // The portal's redirect, read without following it (same cookie jar as the page).
    const start = await context.request.get(`${portalUrl}/auth/sso/login`, { maxRedirects: 0 });
    expect(start.status()).toBe(303);
    const authorize = new URL(start.headers().location);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    authorize.searchParams.set('nonce', 'nonce-yang-diganti-penyerang');
    await page.goto(authorize.href);
    const response = callbackResponse(page);
    await loginAtProvider(page, 'wayan');
    expect(await refusalOf(page, response)).toMatchObject({ status: 400, code: 'ERR_SSO_NONCE_INVALID' });
    expect((await sessionOf(page)).status).toBe(401);
    await context.close();
  });

  it('a replayed callback fails, in the same browser and in another (400 ERR_SSO_NOT_PENDING); the session it made stays', async () => {
    const context = await newContext();
    const page = await context.newPage();
    let callback;
    page.on('request', (r) => r.url().startsWith(`${portalUrl}/auth/sso/callback`) && (callback = r.url()));
    // Opened from an apel QR code: the page's query survives the provider's round trip.
    const fromQr = `${portalUrl}/?apel=acara-1&kode=1234.abcd`;
    await page.goto(fromQr);
    await page.locator('#sso-login').click();
    await loginAtProvider(page, 'wayan');
    await page.waitForURL(fromQr);
    await page.locator('ikrar-netralitas').waitFor({ timeout: 20_000 });
    const before = await sessionOf(page);
    expect(before.body).toMatchObject({ kind: 'employee' });

    let response = await page.goto(callback);
    expect(await refusalOf(page, response)).toMatchObject({ status: 400, code: 'ERR_SSO_NOT_PENDING' });
    expect((await sessionOf(page)).body.csrf).toBe(before.body.csrf);

    const other = await newContext();
    const thief = await other.newPage();
    response = await thief.goto(callback);
    expect(await refusalOf(thief, response)).toMatchObject({ status: 400, code: 'ERR_SSO_NOT_PENDING' });
    expect((await sessionOf(thief)).status).toBe(401);
    await other.close();
    await context.close();
  });
});
