// @ts-check
/**
 * The single sign-on's refusals: stable codes with Bahasa Indonesia and English messages, as a
 * {@link PortalError}, and the page a browser sees when a sign-in through the provider is
 * refused (both languages, the code, a way back; no inline script or style, under the portal's
 * CSP). Clients that do not ask for HTML get the portal's JSON error body.
 * @module
 * @example
 * throw ssoError('ERR_SSO_STATE_INVALID');
 */
import { errorBody, PortalError } from '../http/errors.mjs';

/** Status and messages of every SSO code. */
export const SSO_CATALOG = /** @type {const} */ ({
  ERR_SSO_OFF: [
    404,
    'Masuk dengan SSO tidak diaktifkan di portal ini.',
    'Single sign-on is not turned on for this portal.',
  ],
  ERR_SSO_NOT_PENDING: [
    400,
    'Tidak ada proses masuk SSO yang sedang berjalan di peramban ini (sudah dipakai atau kedaluwarsa). Silakan mulai lagi.',
    'No single sign-on is in progress in this browser (it was already used or has expired). Please start again.',
  ],
  ERR_SSO_STATE_INVALID: [
    400,
    'Jawaban penyedia SSO tidak cocok dengan proses masuk yang dimulai di peramban ini (parameter state). Silakan mulai lagi.',
    'The identity provider’s answer does not match the sign-in started in this browser (state parameter). Please start again.',
  ],
  ERR_SSO_NONCE_INVALID: [
    400,
    'Token identitas dari penyedia SSO bukan untuk proses masuk ini (nonce tidak cocok). Silakan mulai lagi.',
    'The identity token from the provider was not issued for this sign-in (nonce mismatch). Please start again.',
  ],
  ERR_SSO_CODE_REJECTED: [
    400,
    'Penyedia SSO menolak kode masuk (sudah dipakai atau kedaluwarsa). Silakan mulai lagi.',
    'The identity provider refused the sign-in code (already used or expired). Please start again.',
  ],
  ERR_SSO_TOKEN_INVALID: [
    400,
    'Jawaban penyedia SSO tidak sah; tidak ada yang masuk.',
    'The identity provider’s answer is not valid; nobody was signed in.',
  ],
  ERR_SSO_DENIED: [
    403,
    'Penyedia SSO tidak mengizinkan masuk (dibatalkan atau ditolak).',
    'The identity provider did not allow the sign-in (cancelled or refused).',
  ],
  ERR_SSO_CLAIM_MISSING: [
    403,
    'Akun SSO Anda tidak memuat NIP/NIK, sehingga tidak dapat dicocokkan dengan daftar pegawai. Hubungi pengelola SSO instansi.',
    'Your single sign-on account carries no NIP/NIK, so it cannot be matched to the roster. Contact the agency’s SSO administrators.',
  ],
  ERR_SSO_NOT_IN_ROSTER: [
    403,
    'Akun SSO Anda tidak cocok dengan pegawai mana pun di daftar pegawai kegiatan ini. Hubungi admin kepegawaian.',
    'Your single sign-on account matches nobody on this portal’s roster. Contact the personnel administrators.',
  ],
  ERR_SSO_NO_ROLE: [
    403,
    'Akun SSO Anda tidak memiliki peran admin atau auditor di portal ini.',
    'Your single sign-on account has no administrator or auditor role on this portal.',
  ],
  ERR_SSO_UNAVAILABLE: [
    502,
    'Penyedia SSO instansi tidak dapat dihubungi; coba lagi sebentar.',
    'The agency’s identity provider cannot be reached; try again shortly.',
  ],
});

/** @typedef {keyof typeof SSO_CATALOG} SsoErrorCode */

/**
 * @param {SsoErrorCode} code
 * @param {{ cause?: unknown }} [options]
 * @returns {PortalError}
 */
export function ssoError(code, options = {}) {
  const [status, id, en] = SSO_CATALOG[code];
  return new PortalError(code, {
    status,
    messages: { id, en },
    ...(options.cause !== undefined && { cause: options.cause }),
  });
}

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
  if (!/\btext\/html\b/.test(c.req.header('accept') ?? '')) return c.json(errorBody(err), status);
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
