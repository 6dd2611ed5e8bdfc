// @ts-check
/**
 * Signing in and out. Employees: the agency's SSO in production (src/sso/); with IKRAR_DEMO=1 a
 * labelled stand-in, `POST /api/session { identifier }`. Staff (administrator, auditor): username and
 * password. Every sign-in gets a new session id; sign-out deletes it.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { maskIdentifier } from '@ikrar/core';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { PortalError } from '../http/errors.mjs';
import { limitBody, readJson, stringFields } from '../http/json-body.mjs';
import { CSRF_COOKIE, SESSION_COOKIE, startSession } from '../http/session.mjs';

/** @typedef {import('../portal.mjs').PortalDeps} PortalDeps */

/** @param {PortalDeps} deps @param {import('hono').MiddlewareHandler} signInLimit */
export function sessionRoutes(deps, signInLimit) {
  const { stores, config } = deps;
  const secure = config.publicUrl.startsWith('https:');
  /** @type {Hono<import('../http/session.mjs').SessionEnv>} */
  const app = new Hono();

  /**
   * @param {import('hono').Context<any>} c
   * @param {Pick<import('../types.js').Session, 'kind' | 'subject' | 'role'>} who
   */
  const signIn = async (c, who) => (await startSession(c, stores.sessions, who, secure)).session;

  /** @param {import('hono').Context<any>} c @param {import('../types.js').Employee | null} employee */
  const demoSignIn = async (c, employee) => {
    if (!employee) throw new PortalError('ERR_NOT_IN_ROSTER');
    const session = await signIn(c, { kind: 'employee', subject: employee.id, role: null });
    return c.json({ kind: 'employee', csrf: session.csrf, expiresAt: session.expiresAt });
  };

  // Demo stand-in for the agency's SSO: off unless IKRAR_DEMO=1.
  app.post('/session', signInLimit, limitBody(4096), async (c) => {
    if (!config.demo) throw new PortalError('ERR_DEMO_OFF');
    const { identifier } = stringFields(await readJson(c), ['identifier']);
    return demoSignIn(c, await stores.employees.byIdentifier(identifier.replace(/[\s.]/g, '')));
  });

  app.post('/staff/session', signInLimit, limitBody(4096), async (c) => {
    const { username, password } = stringFields(await readJson(c), ['username', 'password']);
    const staff = await stores.staff.authenticate(username, password);
    if (!staff) throw new PortalError('ERR_CREDENTIALS');
    const session = await signIn(c, { kind: 'staff', subject: staff.username, role: staff.role });
    return c.json({ kind: 'staff', role: staff.role, csrf: session.csrf, expiresAt: session.expiresAt });
  });

  // Signing out ends the portal's session; one that came through the agency's SSO also gets the
  // provider's end-session URL to go to (RP-Initiated Logout 1.0), when the provider has one.
  app.delete('/session', async (c) => {
    const id = c.get('sessionId');
    let logoutUrl = null;
    if (id) {
      await stores.sessions.destroy(id);
      if (deps.sso && (await deps.sso.store.endSession(id))) logoutUrl = await deps.sso.client.logoutUrl();
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    setCookie(c, CSRF_COOKIE, randomBytes(16).toString('hex'), { sameSite: 'Strict', path: '/', secure });
    return logoutUrl ? c.json({ logoutUrl }) : c.body(null, 204);
  });

  // The demo sign-in's choices: names and masked numbers only (the stand-in picks by a click).
  app.get('/demo-logins', async (c) => {
    if (!config.demo) throw new PortalError('ERR_DEMO_OFF');
    const event = await stores.events.open();
    const choices = event ? await stores.employees.demoChoices(event.id) : [];
    return c.json(
      choices.map((e) => ({
        id: e.id,
        name: e.name,
        employeeType: e.employeeType,
        masked: maskIdentifier(e.identifier),
      })),
    );
  });

  app.post('/demo-session', signInLimit, limitBody(4096), async (c) => {
    if (!config.demo) throw new PortalError('ERR_DEMO_OFF');
    const { id } = stringFields(await readJson(c), ['id']);
    return demoSignIn(c, await stores.employees.byId(id));
  });

  return app;
}
