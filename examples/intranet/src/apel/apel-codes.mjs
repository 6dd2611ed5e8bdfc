// @ts-check
/**
 * Apel (assembly) presence codes: a short code shown as a QR on the projector, bound to one event
 * and one 30-second window by HMAC-SHA-256 with a server secret, and accepted for a few minutes
 * after its window began. Pure: no clock (the caller passes `now`), no storage, Web Crypto only.
 *
 * A code is `<window>.<mac>`: the window number (Unix seconds / window length, in decimal) and
 * the first 16 bytes of HMAC-SHA-256(secret, "ikrar-apel-v1" ‖ 0x00 ‖ eventId ‖ 0x00 ‖ window),
 * base64url (22 characters). Forging one is a 2^-128 guess per try; a code reveals neither the
 * secret nor the event. A code from a window not begun yet by the server's clock was never shown
 * and is refused like a forged one.
 *
 * @module
 * @example
 * const codes = await createApelCodes({ secret });            // 32+ random bytes the server keeps
 * const shown = await codes.issue('42', new Date());          // { code, window, shownAt, nextAt, acceptedUntil }
 * const check = await codes.check('42', shown.code, new Date());
 * if (check.ok) console.log('present since', check.shownAt);
 */

/** @typedef {'ERR_APEL_CODE_MALFORMED' | 'ERR_APEL_CODE_EXPIRED' | 'ERR_APEL_CODE_INVALID'} ApelCodeError */
/** @typedef {{ id: string, en: string }} ApelMessage */
/** @typedef {{ code: string, window: number, shownAt: Date, nextAt: Date, acceptedUntil: Date }} ApelCode */
/**
 * @typedef {{ ok: true, window: number, shownAt: Date }
 *   | { ok: false, code: ApelCodeError, message: ApelMessage }} ApelCheck
 */
/**
 * @typedef {{
 *   issue(eventId: string, now: Date): Promise<ApelCode>,
 *   check(eventId: string, code: unknown, now: Date): Promise<ApelCheck>,
 * }} ApelCodes
 */

/** @type {Record<ApelCodeError, ApelMessage>} */
export const APEL_MESSAGES = {
  ERR_APEL_CODE_MALFORMED: {
    id: 'Kode apel tidak terbaca. Pindai ulang kode QR di layar, atau tanda tangani tanpa kode.',
    en: 'The apel code cannot be read. Scan the QR code on the screen again, or sign without a code.',
  },
  ERR_APEL_CODE_EXPIRED: {
    id: 'Kode apel ini sudah kedaluwarsa. Pindai kode QR yang sedang tampil di layar, atau tanda tangani tanpa kode.',
    en: 'This apel code has expired. Scan the QR code now on the screen, or sign without a code.',
  },
  ERR_APEL_CODE_INVALID: {
    id: 'Kode apel ini tidak berlaku untuk acara ini. Pindai kode QR di layar apel Anda, atau tanda tangani tanpa kode.',
    en: 'This apel code is not valid for this event. Scan the QR code at your apel, or sign without a code.',
  },
};

const CODE = /^(\d{1,12})\.([A-Za-z0-9_-]{22})$/;
const DOMAIN = new TextEncoder().encode('ikrar-apel-v1');

/** @param {Uint8Array} bytes */
function base64url(bytes) {
  return Buffer.from(bytes).toString('base64url');
}

/** @param {ApelCodeError} code @returns {ApelCheck} */
function refuse(code) {
  return { ok: false, code, message: APEL_MESSAGES[code] };
}

/** @param {unknown} eventId */
function assertEvent(eventId) {
  if (typeof eventId !== 'string' || eventId === '' || eventId.includes('\u0000'))
    throw new TypeError('"eventId" expected a non-empty string without NUL');
}

/**
 * Builds the issuer and checker for one server secret.
 * @param {{ secret: Uint8Array, windowSeconds?: number, acceptSeconds?: number }} options
 *   `secret` at least 32 bytes; a code is shown `windowSeconds` (30) and accepted `acceptSeconds`
 *   (180) after its window began
 * @returns {Promise<ApelCodes>}
 * @throws {TypeError} when the secret is not bytes
 * @throws {RangeError} when it is shorter than 32 bytes, or the lengths are not whole seconds with
 *   `acceptSeconds >= windowSeconds`
 */
export async function createApelCodes(options) {
  const { secret } = options;
  if (!(secret instanceof Uint8Array)) throw new TypeError('"secret" expected Uint8Array');
  if (secret.length < 32) throw new RangeError(`"secret" expected at least 32 bytes, got ${secret.length}`);
  const windowSeconds = options.windowSeconds ?? 30;
  const acceptSeconds = options.acceptSeconds ?? 180;
  if (!Number.isInteger(windowSeconds) || windowSeconds < 1)
    throw new RangeError('"windowSeconds" expected a whole number of seconds >= 1');
  if (!Number.isInteger(acceptSeconds) || acceptSeconds < windowSeconds)
    throw new RangeError('"acceptSeconds" expected a whole number of seconds >= windowSeconds');
  const key = await crypto.subtle.importKey('raw', secret.slice(), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const enc = new TextEncoder();

  /** @param {string} eventId @param {number} window */
  async function mac(eventId, window) {
    const ev = enc.encode(eventId);
    const w = enc.encode(String(window));
    const data = new Uint8Array(DOMAIN.length + 1 + ev.length + 1 + w.length);
    data.set(DOMAIN, 0);
    data.set(ev, DOMAIN.length + 1);
    data.set(w, DOMAIN.length + 2 + ev.length);
    return base64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, data)).subarray(0, 16));
  }
  const ms = (/** @type {number} */ window) => window * windowSeconds * 1000;

  return {
    async issue(eventId, now) {
      assertEvent(eventId);
      const window = Math.floor(now.getTime() / 1000 / windowSeconds);
      const start = ms(window);
      return {
        code: `${window}.${await mac(eventId, window)}`,
        window,
        shownAt: new Date(start),
        nextAt: new Date(start + windowSeconds * 1000),
        acceptedUntil: new Date(start + acceptSeconds * 1000 - 1),
      };
    },
    async check(eventId, code, now) {
      assertEvent(eventId);
      const m = typeof code === 'string' ? CODE.exec(code) : null;
      if (!m) return refuse('ERR_APEL_CODE_MALFORMED');
      const window = Number(m[1]);
      const given = /** @type {string} */ (m[2]);
      const expected = await mac(eventId, window);
      let diff = 0; // constant time over the 22 characters
      for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ given.charCodeAt(i);
      if (diff !== 0) return refuse('ERR_APEL_CODE_INVALID');
      const t = now.getTime();
      if (t < ms(window)) return refuse('ERR_APEL_CODE_INVALID');
      if (t >= ms(window) + acceptSeconds * 1000) return refuse('ERR_APEL_CODE_EXPIRED');
      return { ok: true, window, shownAt: new Date(ms(window)) };
    },
  };
}
