// @ts-check
/**
 * Finds the request's session from its cookie (a malformed or repeated portal cookie is a 400,
 * see cookies.mjs; an unknown or expired one is no session), and the guards routes put in front
 * of themselves.
 * @module
 */
import { deleteCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { readPortalCookies } from './cookies.mjs';
import { PortalError } from './errors.mjs';

export const SESSION_COOKIE = 'ikrar_sid';
export const CSRF_COOKIE = 'ikrar_csrf';

/** @typedef {import('../types.js').Session} Session */
/** @typedef {{ Variables: { session: Session | null, sessionId: string | null } }} SessionEnv */

/** @param {ReturnType<import('../data/sessions.mjs').createSessionStore>} sessions */
export const loadSession = (sessions) =>
  createMiddleware(
    /** @type {import('hono').MiddlewareHandler<SessionEnv>} */ async (c, next) => {
      // From the raw header: a cookie parser would silently drop a malformed value, and a
      // malformed session cookie deserves a 400, not a quiet 401.
      const cookies = readPortalCookies(c.req.header('cookie'));
      const raw = cookies.get('ikrar_sid');
      c.set('session', null);
      c.set('sessionId', null);
      if (raw !== undefined) {
        const session = await sessions.find(raw);
        if (session) {
          c.set('session', session);
          c.set('sessionId', raw);
        }
      }
      await next();
      // The pilot's cookie held the NIP: take it out of the browser.
      if (cookies.has('ikrar_session')) deleteCookie(c, 'ikrar_session', { path: '/' });
    },
  );

/**
 * Sets the session cookie (HttpOnly, SameSite=Strict, Secure on https) and the CSRF cookie the
 * page's script reads and echoes in `x-csrf-token`.
 * @param {import('hono').Context} c @param {string} id @param {string} csrf @param {boolean} secure
 */
export function setSessionCookies(c, id, csrf, secure) {
  setCookie(c, SESSION_COOKIE, id, { httpOnly: true, sameSite: 'Strict', path: '/', secure });
  setCookie(c, CSRF_COOKIE, csrf, { sameSite: 'Strict', path: '/', secure });
}

/**
 * Signs someone in: ends the request's old session (a new id at every sign-in, so a planted id
 * never becomes a signed-in one), makes a new one and sets its cookies.
 * @param {import('hono').Context<SessionEnv>} c
 * @param {ReturnType<import('../data/sessions.mjs').createSessionStore>} sessions
 * @param {Pick<Session, 'kind' | 'subject' | 'role'>} who
 * @param {boolean} secure
 * @returns {Promise<{ id: string, session: Session }>}
 */
export async function startSession(c, sessions, who, secure) {
  const old = c.get('sessionId');
  if (old) await sessions.destroy(old);
  const created = await sessions.create(who);
  setSessionCookies(c, created.id, created.session.csrf, secure);
  return created;
}

/** @param {import('hono').Context<SessionEnv>} c @returns {Session & { kind: 'employee' }} */
export function requireEmployee(c) {
  const s = c.get('session');
  if (!s) throw new PortalError('ERR_NOT_SIGNED_IN');
  if (s.kind !== 'employee') throw new PortalError('ERR_FORBIDDEN');
  return /** @type {any} */ (s);
}

/**
 * @param {import('hono').Context<SessionEnv>} c
 * @param {'admin' | 'any'} [role] 'admin' for changes; auditors read
 * @returns {Session & { kind: 'staff', role: 'admin' | 'auditor' }}
 */
export function requireStaff(c, role = 'any') {
  const s = c.get('session');
  if (!s) throw new PortalError('ERR_NOT_SIGNED_IN');
  if (s.kind !== 'staff' || (role === 'admin' && s.role !== 'admin')) throw new PortalError('ERR_FORBIDDEN');
  return /** @type {any} */ (s);
}
