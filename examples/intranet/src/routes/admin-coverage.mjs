// @ts-check
/**
 * Coverage for staff: per work unit (paginated, sortable, filterable), the people of a unit or a
 * search (identifiers masked; `next` is the cursor of the following page, `after=<next>` reads it
 * in keyset order), the not-signed list as CSV (streamed a keyset page at a time with
 * backpressure, counted with the session's exports, see export-slots.mjs), and revealing one
 * identifier in full, which is written to the audit log first.
 * @module
 */
import { maskIdentifier } from '@ikrar/core';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { formatTime } from '../format-time.mjs';
import { clientAddress } from '../http/client-address.mjs';
import { invalidField, PortalError } from '../http/errors.mjs';
import { requireStaff } from '../http/session.mjs';
import { decodeCursor } from '../data/coverage.mjs';
import { eventOfQuery } from './event-query.mjs';
import { exportLane, takeExportSlot } from './export-slots.mjs';

/** @param {string | undefined} v @param {number} dflt @param {number} max */
const int = (v, dflt, max) => {
  if (v === undefined || v === '') return dflt;
  if (!/^\d{1,7}$/.test(v)) throw new PortalError('ERR_INPUT_INVALID', { params: { reason: 'not-number' } });
  return Math.min(Number(v), max);
};
/** @param {string} v */
const csvCell = (v) => (/[",\n\r;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * Each staff session's identical coverage questions (same route and query) are answered at most
 * once per `ttlMs`, the time coverage answers are shared (they cannot change sooner): a repeat
 * waits for the rest of that time, and while one repeat of a session waits, another is refused at
 * once with 429 ERR_RATE_LIMITED (Retry-After 1). A page asking new questions (another page,
 * sort or filter) is not slowed; a client polling as fast as it is answered gets one answer per
 * question a second, not as many as the portal can make. At most 10,000 questions are kept.
 * `ttlMs` 0: no pacing.
 * @param {number} ttlMs
 */
export function questionPacer(ttlMs, now = () => performance.now()) {
  /** @type {Map<string, { at: number, waiting: boolean }>} */
  const asked = new Map();
  /** @param {string} key session and question */
  return async (key) => {
    if (!(ttlMs > 0)) return;
    const last = asked.get(key);
    const wait = last ? last.at + ttlMs - now() : 0;
    if (last && wait > 0) {
      if (last.waiting) throw new PortalError('ERR_RATE_LIMITED', { headers: { 'retry-after': '1' } });
      last.waiting = true;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    asked.delete(key);
    asked.set(key, { at: now(), waiting: false });
    if (asked.size > 10_000) {
      for (const [k, v] of asked) if (v.at + ttlMs <= now() || asked.size > 10_000) asked.delete(k);
    }
  };
}

/** @param {import('../portal.mjs').PortalDeps} deps */
export function adminCoverageRoutes(deps) {
  const { stores } = deps;
  const lane = exportLane(deps);
  const pace = questionPacer(deps.config.limits.coverageCacheMs);
  /** @param {import('hono').Context<any>} c */
  const paced = (c) => pace(`${c.get('sessionId')}\u0000${new URL(c.req.url).pathname}?${new URL(c.req.url).search}`);
  /** @type {Hono<import('../http/session.mjs').SessionEnv>} */
  const app = new Hono();

  /** @param {import('hono').Context<any>} c */
  const eventOf = (c) => eventOfQuery(c, stores.events);

  app.get('/coverage', async (c) => {
    requireStaff(c);
    await paced(c);
    const event = await eventOf(c);
    const limit = int(c.req.query('limit'), 20, 100);
    const sort = /** @type {any} */ (c.req.query('sort') ?? 'unit');
    const [totals, page] = await Promise.all([
      stores.coverage.totals(event.id),
      stores.coverage.units({
        eventId: event.id,
        q: c.req.query('q')?.slice(0, 100),
        sort,
        desc: c.req.query('desc') === '1',
        limit,
        offset: int(c.req.query('offset'), 0, 10_000_000),
      }),
    ]);
    return c.json({ event: { id: event.id, name: event.name }, ...totals, ...page, limit });
  });

  app.get('/people', async (c) => {
    requireStaff(c);
    await paced(c);
    const event = await eventOf(c);
    const status = c.req.query('status');
    const limit = int(c.req.query('limit'), 25, 100);
    const sort = /** @type {any} */ (c.req.query('sort') ?? 'name');
    const desc = c.req.query('desc') === '1';
    const cursor = c.req.query('after');
    const after = cursor ? decodeCursor(cursor, sort, desc) : undefined;
    if (after === null) invalidField('after', 'cursor');
    const { people, count, next } = await stores.coverage.people({
      eventId: event.id,
      unit: c.req.query('unit') || undefined,
      q: c.req.query('q')?.trim().slice(0, 100) || undefined,
      status: status === 'signed' || status === 'unsigned' ? status : undefined,
      sort,
      desc,
      limit,
      ...(after ? { after } : { offset: int(c.req.query('offset'), 0, 10_000_000) }),
    });
    return c.json({
      count,
      limit,
      next,
      people: people.map((p) => ({
        id: p.id,
        name: p.name,
        employeeType: p.employeeType,
        identifier: maskIdentifier(p.identifier),
        workUnit: p.workUnit,
        recordId: p.recordId && p.recordId.slice('urn:uuid:'.length),
        signedAtText: p.signedAt && formatTime(p.signedAt, event.timeZone, event.language),
        revokedCount: p.revokedCount,
      })),
    });
  });

  app.post('/people/:id/reveal', async (c) => {
    const s = requireStaff(c);
    const employee = await stores.employees.byId(c.req.param('id'));
    if (!employee) throw new PortalError('ERR_NOT_FOUND');
    await stores.audit.write({
      actor: s.subject,
      action: 'reveal-identifier',
      target: `${employee.name} (${maskIdentifier(employee.identifier)})`,
      address: clientAddress(c),
    });
    c.header('cache-control', 'no-store');
    return c.json({ identifier: employee.identifier });
  });

  // Who has not signed, for follow-up: names and units (in unit, then name order), identifiers
  // masked, streamed a keyset page at a time; the next page is read only once the client has
  // taken the previous one (backpressure), after a turn of the event loop.
  app.get('/unsigned.csv', async (c) => {
    requireStaff(c);
    const event = await eventOf(c);
    const unit = c.req.query('unit') || undefined;
    const release = takeExportSlot(deps, /** @type {string} */ (c.get('sessionId')));
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="belum-menandatangani.csv"');
    c.header('cache-control', 'no-store');
    return stream(
      c,
      async (out) => {
        out.onAbort(release);
        try {
          await out.write('name,employeeType,identifier,workUnit\r\n');
          const pages = stores.coverage.pages({ eventId: event.id, unit, status: 'unsigned', sort: 'unit' });
          while (!out.aborted) {
            const text = await lane(async () => {
              const next = await pages.next();
              if (next.done) return null;
              return next.value
                .map(
                  (p) =>
                    [p.name, p.employeeType, maskIdentifier(p.identifier), p.workUnit].map(csvCell).join(',') + '\r\n',
                )
                .join('');
            });
            if (text === null) break;
            await out.write(text);
          }
          await pages.return(undefined);
        } finally {
          release();
        }
      },
      async () => {},
    );
  });

  return app;
}
