// @ts-check
/**
 * The certificate's verification page (issue #13): `/verifikasi/<uuid>#<code>` (the QR code) and
 * `/verifikasi` (type the code printed on the certificate). No personal data leaves the server in
 * the clear, yet the browser verifies the real signed record:
 *
 * - the verification code is core's `verificationCode(record)`: 50 bits of SHA-256 of the signed
 *   record, printed on the certificate and carried by the QR code in the URL fragment, which
 *   browsers never send to a server;
 * - the page asks `GET /verifikasi-data/<lookup>` (outside `/api`, which needs a session) with `lookup` = hex SHA-256 of
 *   `ikrar-verifikasi:` + the normalised code (and `?id=<uuid>` from the QR path, else the portal
 *   finds the record by the code);
 * - the answer is the record encrypted with AES-256-GCM under a key derived from the code by
 *   PBKDF2-SHA-256 (310,000 iterations, a random 16-byte salt per record; OWASP 2023), so a proxy,
 *   a log or a cache holding the lookup or the answer holds no personal data;
 * - the page decrypts, verifies the record with `<ikrar-verifikasi>` (the verifier library, in the
 *   browser) against `/trust.json` and the record's status list, and says valid or not, who
 *   (identifier masked), which event, when (in the event's zone, in words), revoked or not.
 *
 * Ciphertexts are made on first request and kept in memory (bounded), not in the database: the
 * portal can always rebuild them from its records. A wrong code is `ERR_NOT_FOUND`, the same
 * answer as an unknown record, and the route is rate-limited per client address.
 *
 * @module
 */
import { createCipheriv, createHash, pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { serveStatic } from '@hono/node-server/serve-static';
import { canonicalize } from '@ikrar/core';
import { clientAddress } from '../http/client-address.mjs';
import { PortalError } from '../http/errors.mjs';
import { rateLimit } from '../http/rate-limit.mjs';

const pbkdf2Async = promisify(pbkdf2);
export const KDF_ITERATIONS = 310_000;
const LOOKUP = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CACHED = 2000;
const INDEX_REFRESH_MS = 5000;

/**
 * The code as typed or scanned: base32 letters and digits only, upper case (`k7q2m xw4pa` →
 * `K7Q2MXW4PA`).
 * @param {string} code
 */
export function normalizeCode(code) {
  return code.toUpperCase().replace(/[^A-Z2-7]/g, '');
}

/**
 * What the page sends instead of the code.
 * @param {string} code
 */
export function lookupOf(code) {
  return createHash('sha256')
    .update(`ikrar-verifikasi:${normalizeCode(code)}`)
    .digest('hex');
}

/**
 * A warning for a public URL a phone cannot open (QR codes would print it), or null.
 * @param {string} publicUrl
 */
export function loopbackWarning(publicUrl) {
  let host;
  try {
    host = new URL(publicUrl).hostname;
  } catch {
    return `PUBLIC_URL "${publicUrl}" is not a URL: certificate QR codes will not open / PUBLIC_URL bukan URL`;
  }
  const loop =
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\./.test(host) ||
    host === '[::1]' ||
    host === '0.0.0.0';
  return loop
    ? `PUBLIC_URL ${publicUrl} is a loopback address: the QR codes on certificates will not open on anyone's phone; set PUBLIC_URL to the portal's public https address / PUBLIC_URL adalah alamat loopback: kode QR sertifikat tidak akan terbuka di ponsel; setel PUBLIC_URL ke alamat https publik portal`
    : null;
}

/**
 * Encrypts a record for the holder of its code.
 * @param {unknown} record
 * @param {string} code
 */
export async function sealRecord(record, code) {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await pbkdf2Async(normalizeCode(code), salt, KDF_ITERATIONS, 32, 'sha256');
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(canonicalize(record), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    v: 1,
    kdf: 'PBKDF2-SHA-256',
    iterations: KDF_ITERATIONS,
    cipher: 'AES-256-GCM',
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    ciphertext: body.toString('base64'),
  };
}

/**
 * Mounts the page and its API.
 * @param {import('hono').Hono<any>} app
 * @param {import('../portal.mjs').PortalDeps} deps
 */
export function mountVerifikasi(app, { stores, config }) {
  /** @type {Map<string, Awaited<ReturnType<typeof sealRecord>>>} record id → sealed */
  const sealed = new Map();
  /** @type {Map<string, string>} lookup → record id */
  let index = new Map();
  let indexedAt = 0;
  /** @type {Promise<void> | null} */
  let indexing = null;
  const codeOf = async (/** @type {unknown} */ record) => (await import('@ikrar/core/pdf')).verificationCode(record);

  // Every record's lookup, rebuilt at most every few seconds on a miss (a typed code).
  const refresh = async () => {
    if (Date.now() - indexedAt < INDEX_REFRESH_MS) return;
    indexing ??= (async () => {
      const next = new Map();
      const { verificationCode: vc } = await import('@ikrar/core/pdf');
      for (const event of await stores.events.list()) {
        for await (const line of stores.records.lines(event.id)) {
          const record = JSON.parse(line);
          next.set(lookupOf(vc(record)), String(record.id));
        }
      }
      index = next;
      indexedAt = Date.now();
    })().finally(() => {
      indexing = null;
    });
    await indexing;
  };

  const limit = rateLimit({ limit: 60, windowMs: 60_000, key: clientAddress });
  app.get('/verifikasi-data/:lookup', limit, async (c) => {
    const lookup = c.req.param('lookup');
    if (!LOOKUP.test(lookup)) throw new PortalError('ERR_NOT_FOUND');
    const uuid = c.req.query('id');
    let record = null;
    if (uuid !== undefined) {
      if (!UUID.test(uuid)) throw new PortalError('ERR_NOT_FOUND');
      record = await stores.records.get(`urn:uuid:${uuid.toLowerCase()}`);
    } else {
      let id = index.get(lookup);
      if (id === undefined) {
        await refresh();
        id = index.get(lookup);
      }
      if (id !== undefined) record = await stores.records.get(id);
    }
    if (!record) throw new PortalError('ERR_NOT_FOUND');
    const code = await codeOf(record);
    if (lookupOf(code) !== lookup) throw new PortalError('ERR_NOT_FOUND');
    let answer = sealed.get(String(record.id));
    if (!answer) {
      answer = await sealRecord(record, code);
      if (sealed.size >= MAX_CACHED) sealed.delete(/** @type {string} */ (sealed.keys().next().value));
      sealed.set(String(record.id), answer);
    }
    c.header('cache-control', 'no-store');
    return c.json(answer);
  });
  const page = serveStatic({ root: config.publicDir, path: 'verifikasi.html' });
  app.get('/verifikasi', page);
  app.get('/verifikasi/:uuid', page);
}
