// @ts-check
/**
 * The token half of CSRF protection (Hono's `csrf()` does the Origin half for form posts): every
 * state-changing request carries `x-csrf-token`. With a session it must equal the session's token;
 * before sign-in, the `ikrar_csrf` cookie (double submit). A cross-site Origin or
 * Sec-Fetch-Site is refused for every content type, JSON included.
 * @module
 */
import { timingSafeEqual } from 'node:crypto';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { PortalError } from './errors.mjs';
import { CSRF_COOKIE } from './session.mjs';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** @param {string | undefined} a @param {string | undefined} b */
const same = (a, b) => {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** @param {{ origins: string[], secure: boolean }} options allowed origins besides the request's own */
export const csrfToken = ({ origins, secure }) =>
  createMiddleware(
    /** @type {import('hono').MiddlewareHandler<import('./session.mjs').SessionEnv>} */ async (c, next) => {
      // The VC-API endpoints take no cookies (a bearer token, or nothing): nothing to forge.
      if (c.req.path.startsWith('/credentials/')) return next();
      if (SAFE.has(c.req.method)) {
        // A page load gives the browser a token to echo before it has a session.
        if (!getCookie(c, CSRF_COOKIE)) {
          setCookie(c, CSRF_COOKIE, crypto.randomUUID().replace(/-/g, ''), { sameSite: 'Strict', path: '/', secure });
        }
        return next();
      }
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      const own = new URL(c.req.url).origin;
      if (
        (origin && origin !== own && !origins.includes(origin)) ||
        (site && site !== 'same-origin' && site !== 'none')
      ) {
        throw new PortalError('ERR_CSRF');
      }
      const token = c.req.header('x-csrf-token');
      const session = c.get('session');
      if (!same(token, session ? session.csrf : getCookie(c, CSRF_COOKIE))) throw new PortalError('ERR_CSRF');
      return next();
    },
  );
