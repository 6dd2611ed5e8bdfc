// @ts-check
/**
 * Apel mode routes. Administrators open the projector's feed, a server-sent event stream that
 * sends the event's name, the current apel code (a new one every window), the address the QR
 * code carries, the QR code itself (SVG) and the live count of records for the event, whenever
 * one of them changes. `EventSource` reconnects by itself after a network drop (`retry` is sent),
 * and each connection starts with the full state, so the count is right again at once.
 * Employees check a code before signing: `POST /apel/check` answers 200 with when the code was
 * shown, or 400 with a stable code and a message in both languages (expired, another event,
 * unreadable); they can always sign without one.
 * @module
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { renderSVG } from 'uqr';
import { PortalError } from '../http/errors.mjs';
import { readJson } from '../http/json-body.mjs';
import { requireEmployee, requireStaff } from '../http/session.mjs';

/**
 * @typedef {{
 *   codes: import('./apel-codes.mjs').ApelCodes,
 *   events: { byId(id: string): Promise<{ id: string, name: string } | null> },
 *   countSigned(eventId: string): Promise<number>,
 *   publicUrl: string,
 *   now: () => Date,
 *   state: { stopping: boolean },
 *   tickMs?: number,
 * }} ApelDeps
 */

/** The address a phone opens: the pledge page with the event and the code. */
export const apelUrl = (/** @type {string} */ publicUrl, /** @type {string} */ eventId, /** @type {string} */ code) =>
  `${publicUrl.replace(/\/$/, '')}/?apel=${encodeURIComponent(eventId)}&kode=${encodeURIComponent(code)}`;

/** @param {ApelDeps} deps */
export function apelAdminRoutes(deps) {
  const { codes, events, countSigned, publicUrl, now, state } = deps;
  const tickMs = deps.tickMs ?? 1000;
  /** @type {Hono<import('../http/session.mjs').SessionEnv>} */
  const app = new Hono();

  /** @param {{ id: string, name: string }} event */
  async function snapshot(event) {
    const shown = await codes.issue(event.id, now());
    const url = apelUrl(publicUrl, event.id, shown.code);
    return {
      event: { id: event.id, name: event.name },
      code: shown.code,
      url,
      nextAt: shown.nextAt.toISOString(),
      count: await countSigned(event.id),
    };
  }
  const qrOf = (/** @type {string} */ url) => renderSVG(url, { ecc: 'M', border: 2 });

  app.get('/apel/:eventId', async (c) => {
    requireStaff(c, 'admin');
    const event = await events.byId(c.req.param('eventId'));
    if (!event) throw new PortalError('ERR_NOT_FOUND');
    const s = await snapshot(event);
    c.header('cache-control', 'no-store');
    return c.json({ ...s, qr: qrOf(s.url) });
  });

  app.get('/apel/:eventId/stream', async (c) => {
    requireStaff(c, 'admin');
    const event = await events.byId(c.req.param('eventId'));
    if (!event) throw new PortalError('ERR_NOT_FOUND');
    // streamSSE sends Cache-Control: no-cache; X-Accel-Buffering stops nginx buffering the stream.
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, async (stream) => {
      let lastCode = '';
      let lastCount = -1;
      let id = 0;
      let quiet = 0;
      while (!stream.aborted && !stream.closed && !state.stopping) {
        const s = await snapshot(event);
        if (s.code !== lastCode || s.count !== lastCount) {
          const data = s.code !== lastCode ? { ...s, qr: qrOf(s.url) } : s;
          await stream.writeSSE({ event: 'state', data: JSON.stringify(data), id: String(++id), retry: 2000 });
          lastCode = s.code;
          lastCount = s.count;
          quiet = 0;
        } else if (++quiet * tickMs >= 15_000) {
          // A comment line keeps proxies from closing an idle stream.
          await stream.write(': keep-alive\n\n');
          quiet = 0;
        }
        await stream.sleep(tickMs);
      }
    });
  });
  return app;
}

/** @param {ApelDeps} deps */
export function apelEmployeeRoutes({ codes, events, now }) {
  /** @type {Hono<import('../http/session.mjs').SessionEnv>} */
  const app = new Hono();
  app.post('/apel/check', async (c) => {
    requireEmployee(c);
    const body = /** @type {Record<string, unknown>} */ (await readJson(c));
    const eventId = body?.event;
    if (typeof eventId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(eventId)) throw new PortalError('ERR_BAD_ID');
    const event = await events.byId(eventId);
    if (!event) throw new PortalError('ERR_NOT_FOUND');
    const r = await codes.check(eventId, body.code, now());
    if (!r.ok) throw new PortalError(r.code);
    return c.json({ ok: true, event: { id: event.id, name: event.name }, shownAt: r.shownAt.toISOString() });
  });
  return app;
}

/**
 * The apel secret from `IKRAR_APEL_SECRET` (64 hex digits; give every instance behind one address
 * the same), else 32 random bytes: codes shown before a restart are then refused as forged.
 * @param {NodeJS.ProcessEnv} env
 * @returns {Uint8Array}
 */
export function apelSecret(env) {
  const hex = env.IKRAR_APEL_SECRET;
  if (hex === undefined || hex === '') return crypto.getRandomValues(new Uint8Array(32));
  if (!/^(?:[0-9a-fA-F]{2}){32,}$/.test(hex)) throw new RangeError('IKRAR_APEL_SECRET expected at least 64 hex digits');
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

/**
 * Mounts apel mode on the portal: the projector feed under /api/admin, the code check under /api.
 * @param {import('hono').Hono<any>} app
 * @param {import('../portal.mjs').PortalDeps & { apel: import('./apel-codes.mjs').ApelCodes }} deps
 */
export function mountApel(app, deps) {
  /** @type {ApelDeps} */
  const apel = {
    codes: deps.apel,
    events: deps.stores.events,
    countSigned: async (eventId) => {
      const [row] = await deps.db.query(
        'SELECT COUNT(*) AS n FROM ikrar_records WHERE event_id = ? AND revoked_at IS NULL',
        [eventId],
      );
      return Number(row?.n ?? 0);
    },
    publicUrl: deps.config.publicUrl,
    now: deps.now,
    state: deps.state,
  };
  app.route('/api/admin', apelAdminRoutes(apel));
  app.route('/api', apelEmployeeRoutes(apel));
}
