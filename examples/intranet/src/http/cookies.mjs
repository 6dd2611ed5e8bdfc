// @ts-check
/**
 * The portal's own cookies, read strictly from the raw `Cookie` header. A cookie parser would
 * quietly drop or guess at what it cannot read; here a cookie of the portal's that is not exactly
 * what the portal sets (bad percent-encoding, another alphabet, quotes, control characters) or that
 * comes twice (a sibling host tossing a second `ikrar_sid` onto the domain: which one is the
 * session?) is `400 ERR_COOKIE_INVALID`, and the answer expires it so a reload recovers. Cookies
 * of other applications on the same host are left alone. The 2026 pilot's `ikrar_session` (it held
 * the NIP) is recognised so that it can be expired, never read.
 * @module
 */
import { SESSION_ID } from '../data/sessions.mjs';
import { PortalError } from './errors.mjs';

/** Every cookie the portal sets (and the pilot's), with the path it is set on and its values. */
export const PORTAL_COOKIES = /** @type {const} */ ({
  ikrar_sid: { path: '/', value: SESSION_ID },
  // 32 hex digits before sign-in and after sign-out, the session's 43 base64url characters after.
  ikrar_csrf: { path: '/', value: /^[A-Za-z0-9_-]{32,43}$/ },
  ikrar_sso: { path: '/auth/sso/callback', value: SESSION_ID },
  ikrar_session: { path: '/', value: /^[A-Za-z0-9._-]{1,200}$/ },
});

/** @typedef {keyof typeof PORTAL_COOKIES} PortalCookie */

/** Characters no cookie may hold (RFC 6265 §4.1.1; Node already refuses most of them). */
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

/**
 * @param {PortalCookie | null} name
 * @param {'malformed' | 'repeated' | 'control'} problem
 */
function invalid(name, problem) {
  const p = name && PORTAL_COOKIES[name];
  return new PortalError('ERR_COOKIE_INVALID', {
    detail: { ...(name && { cookie: name }), problem },
    // Expire the broken one (never echo its value) so that the next request starts clean.
    ...(name && p && { headers: { 'set-cookie': `${name}=; Max-Age=0; Path=${p.path}; SameSite=Strict` } }),
  });
}

/**
 * The portal's cookies in a `Cookie` header, checked. An empty value counts as absent.
 * @param {string | undefined} header
 * @returns {Map<PortalCookie, string>}
 * @throws {PortalError} `ERR_COOKIE_INVALID` (400), `detail: { cookie?, problem }`
 */
export function readPortalCookies(header) {
  /** @type {Map<PortalCookie, string>} */
  const found = new Map();
  if (!header) return found;
  if (CONTROL.test(header)) throw invalid(null, 'control');
  /** @type {Set<string>} */
  const seen = new Set();
  for (const piece of header.split(';')) {
    const eq = piece.indexOf('=');
    if (eq < 0) continue;
    const name = piece.slice(0, eq).trim();
    if (!Object.hasOwn(PORTAL_COOKIES, name)) continue;
    const known = /** @type {PortalCookie} */ (name);
    if (seen.has(known)) throw invalid(known, 'repeated');
    seen.add(known);
    const value = piece.slice(eq + 1).trim();
    if (value === '') continue;
    if (!PORTAL_COOKIES[known].value.test(value)) throw invalid(known, 'malformed');
    found.set(known, value);
  }
  return found;
}
