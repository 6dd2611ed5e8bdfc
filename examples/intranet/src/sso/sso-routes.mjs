// @ts-check
/**
 * Signing in through the agency's OpenID provider (mounted at /auth):
 * - `GET /auth/sso`: whether SSO (and the demo stand-in) is on; the pages show their buttons from it;
 * - `GET /auth/sso/login` (employees) and `?as=staff` (administrators, auditors), with an optional
 *   `return` path of this portal (the apel QR's `/?apel=…&kode=…` survives the round trip): keeps a new
 *   state, nonce and PKCE verifier server-side, gives the browser an HttpOnly cookie naming
 *   them, and redirects to the provider;
 * - `GET /auth/sso/callback`: takes that sign-in (once), checks the provider's answer, matches
 *   the employee to the roster by the NIP claim (or the staff member's role by the role claim or
 *   the portal's staff list), starts a new portal session and redirects to the return path, the
 *   pledge page or /admin. A refusal is a page in both languages with its code (JSON for non-browsers), 4xx.
 * @module
 * @example
 * app.route('/auth', ssoRoutes(deps, signInLimit));
 */
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { PortalError } from '../http/errors.mjs';
import { startSession } from '../http/session.mjs';
import { migrate } from '@ikrar/server';
import { createSsoClient } from './sso-client.mjs';
import { refusal, ssoError } from './sso-errors.mjs';
import { createSsoStore, PENDING_MINUTES, SSO_MIGRATIONS } from './sso-store.mjs';

/** @typedef {import('../portal.mjs').PortalDeps} PortalDeps */
/** @typedef {import('../types.js').StaffRole} StaffRole */

const PENDING_COOKIE = 'ikrar_sso';
const PENDING_PATH = '/auth/sso';

/**
 * The portal's SSO pieces: settings, the relying party and its server-side state.
 * @typedef {{
 *   settings: import('../types.js').SsoSettings,
 *   client: ReturnType<typeof import('./sso-client.mjs').createSsoClient>,
 *   store: ReturnType<typeof import('./sso-store.mjs').createSsoStore>,
 * }} SsoDeps
 */

/**
 * Role from the role claim (a string of names or an array), else from the portal's staff list.
 * @param {SsoDeps} sso @param {PortalDeps['stores']} stores @param {Record<string, unknown>} claims
 * @returns {Promise<StaffRole | null>}
 */
async function roleOf({ settings }, stores, claims) {
  if (settings.roleClaim) {
    const value = claims[settings.roleClaim];
    const roles =
      typeof value === 'string'
        ? value.split(/[\s,]+/)
        : Array.isArray(value)
          ? value.filter((v) => typeof v === 'string')
          : [];
    if (roles.includes(settings.adminRole)) return 'admin';
    if (roles.includes(settings.auditorRole)) return 'auditor';
  }
  const name = claims[settings.staffClaim];
  return typeof name === 'string' && name !== '' ? stores.staff.roleOf(name) : null;
}

/**
 * Where to go after signing in: a path of this portal only (never another origin, so the
 * sign-in cannot be used as an open redirect), without a fragment; anything else is `fallback`.
 * @param {string | undefined} value @param {string} fallback
 * @returns {string}
 */
export function safeReturn(value, fallback) {
  if (typeof value !== 'string' || value.length > 1000 || !/^\/(?![/\\])/.test(value)) return fallback;
  const base = 'http://portal.invalid';
  let url;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  // The URL parser drops tabs and newlines ("/\t/evil" is "//evil"): the origin check catches it.
  return url.origin === base ? url.pathname + url.search : fallback;
}

/** @param {PortalDeps} deps @param {import('hono').MiddlewareHandler} signInLimit */
export function ssoRoutes(deps, signInLimit) {
  const { stores, config } = deps;
  const sso = deps.sso;
  const secure = config.publicUrl.startsWith('https:');
  /** @type {Hono<import('../http/session.mjs').SessionEnv>} */
  const app = new Hono();

  // Which sign-ins the pages offer: the agency's SSO, and the demo stand-in (IKRAR_DEMO=1).
  app.get('/sso', (c) => c.json({ enabled: Boolean(sso), demo: config.demo }));

  app.get('/sso/login', signInLimit, async (c) => {
    const purpose = c.req.query('as') === 'staff' ? 'staff' : 'employee';
    const retry = purpose === 'staff' ? '/admin' : '/';
    try {
      if (!sso) throw ssoError('ERR_SSO_OFF');
      const { url, secrets } = await sso.client.begin();
      const back = safeReturn(c.req.query('return'), retry);
      const browserId = await sso.store.begin(purpose, secrets, back === retry ? null : back);
      // Lax, not Strict: the provider's redirect back is a cross-site navigation (RFC 6265bis
      // §5.4.7), and this cookie must come with it. HttpOnly; only the callback's path sees it.
      setCookie(c, PENDING_COOKIE, browserId, {
        httpOnly: true,
        sameSite: 'Lax',
        path: PENDING_PATH,
        secure,
        maxAge: PENDING_MINUTES * 60,
      });
      c.header('cache-control', 'no-store');
      return c.redirect(url.href, 303);
    } catch (err) {
      if (err instanceof PortalError) return refusal(c, err, retry);
      throw err;
    }
  });

  app.get('/sso/callback', signInLimit, async (c) => {
    let retry = '/';
    try {
      if (!sso) throw ssoError('ERR_SSO_OFF');
      const browserId = getCookie(c, PENDING_COOKIE);
      deleteCookie(c, PENDING_COOKIE, { path: PENDING_PATH, secure });
      // Taken once: a replayed callback, or one opened in another browser, finds nothing.
      const pending = browserId ? await sso.store.take(browserId) : null;
      if (!pending) throw ssoError('ERR_SSO_NOT_PENDING');
      if (pending.purpose === 'staff') retry = '/admin';
      // The provider's parameters on the configured redirect URL (openid-client derives the
      // redirect_uri it sends to the token endpoint from it), not on the Host the request named.
      const callbackUrl = new URL(redirectUrl(config));
      callbackUrl.search = new URL(c.req.url).search;
      const { settings } = sso;
      const wanted =
        pending.purpose === 'employee'
          ? [settings.nipClaim]
          : [settings.staffClaim, ...(settings.roleClaim ? [settings.roleClaim] : [])];
      const claims = await sso.client.finish(callbackUrl, pending, wanted);

      if (pending.purpose === 'employee') {
        const nip = claims[settings.nipClaim];
        if (typeof nip !== 'string' || nip.trim() === '') throw ssoError('ERR_SSO_CLAIM_MISSING');
        const employee = await stores.employees.byIdentifier(nip.replace(/[\s.]/g, ''));
        if (!employee) throw ssoError('ERR_SSO_NOT_IN_ROSTER');
        const { id, session } = await startSession(
          c,
          stores.sessions,
          { kind: 'employee', subject: employee.id, role: null },
          secure,
        );
        await sso.store.markSession(id, session.expiresAt);
        c.header('cache-control', 'no-store');
        return c.redirect(pending.returnTo ?? '/', 303);
      }
      const role = await roleOf(sso, stores, claims);
      if (!role) throw ssoError('ERR_SSO_NO_ROLE');
      const name = claims[settings.staffClaim];
      const subject = typeof name === 'string' && name !== '' ? name : String(claims.sub);
      const { id, session } = await startSession(c, stores.sessions, { kind: 'staff', subject, role }, secure);
      await sso.store.markSession(id, session.expiresAt);
      c.header('cache-control', 'no-store');
      return c.redirect(pending.returnTo ?? '/admin', 303);
    } catch (err) {
      if (err instanceof PortalError) return refusal(c, err, retry);
      throw err;
    }
  });

  return app;
}

/** @param {import('../types.js').PortalConfig} config */
export const redirectUrl = (config) => `${config.publicUrl.replace(/\/+$/, '')}/auth/sso/callback`;

/**
 * The SSO pieces for a portal whose config has `sso`: its tables (migration namespace
 * `portal_sso`), store and relying party. Nothing is asked of the provider yet.
 * @param {import('../types.js').SqlDatabase} db
 * @param {import('../types.js').PortalConfig} config
 * @param {() => Date} now
 * @returns {Promise<SsoDeps | undefined>}
 */
export async function setUpSso(db, config, now) {
  if (!config.sso) return undefined;
  await migrate(db, 'portal_sso', SSO_MIGRATIONS);
  return {
    settings: config.sso,
    client: createSsoClient(config.sso, {
      redirectUrl: redirectUrl(config),
      postLogoutUrl: `${config.publicUrl.replace(/\/+$/, '')}/`,
    }),
    store: createSsoStore(db, { now }),
  };
}
