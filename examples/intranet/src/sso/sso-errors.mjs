// @ts-check
/**
 * The single sign-on's refusals: stable codes with Bahasa Indonesia and English messages from the
 * portal's catalog, as a {@link PortalError}, and the page a browser sees when a sign-in through the provider is
 * refused (both languages, the code, a way back; no inline script or style, under the portal's
 * CSP). Clients that do not ask for HTML get the portal's JSON error body.
 * @module
 * @example
 * throw ssoError('ERR_SSO_STATE_INVALID');
 */
import { PortalError } from '../http/errors.mjs';

/**
 * The single sign-on's codes (their status and messages are in the portal's catalog,
 * `PORTAL_CATALOG` in ../http/errors.mjs).
 * @typedef {Extract<import('../http/errors.mjs').PortalErrorCode, `ERR_SSO_${string}`>} SsoErrorCode
 */

/**
 * @param {SsoErrorCode} code
 * @param {{ cause?: unknown }} [options]
 * @returns {PortalError}
 */
export const ssoError = (code, options = {}) => new PortalError(code, options);

/** @param {string} text */
const escape = (text) => text.replace(/[&<>"']/g, (ch) => `&#${/** @type {string} */ (ch).charCodeAt(0)};`);

/**
 * Answers a refused sign-in: an HTML page for a browser, the JSON error body for anything else.
 * @param {import('hono').Context} c
 * @param {PortalError} err
 * @param {string} retry where "start again" leads (`/` or `/admin`)
 */
export function refusal(c, err, retry) {
  c.header('cache-control', 'no-store');
  const status = /** @type {any} */ (err.status);
  if (!/\btext\/html\b/.test(c.req.header('accept') ?? '')) return c.json(err.toJSON(), status);
  const page = `<!doctype html>
<html lang="id">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Gagal masuk / Sign-in refused — Ikrar Netralitas ASN</title>
    <link rel="stylesheet" href="/style.css" />
  </head>
  <body>
    <main>
      <section class="sso-refused" aria-labelledby="refused-title">
        <h1 id="refused-title">Gagal masuk</h1>
        <p id="message-id">${escape(err.messages.id)}</p>
        <h2 lang="en">Sign-in refused</h2>
        <p id="message-en" lang="en">${escape(err.messages.en)}</p>
        <p>Kode / code: <code id="error-code">${escape(err.code)}</code></p>
        <p><a href="${escape(retry)}">Kembali ke halaman masuk</a> · <a href="${escape(retry)}" lang="en">Back to sign-in</a></p>
      </section>
    </main>
  </body>
</html>
`;
  return c.html(page, status);
}
