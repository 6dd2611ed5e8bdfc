// @ts-check
/**
 * `POST /api/admin/roster` (text/csv, administrators): checks every line first; any problem
 * answers 422 with the problems by line and saves nothing. `?dryRun=1` only checks. A clean file
 * adds new employees and updates known ones (matched by identifier), in one transaction.
 * @module
 */
import { Hono } from 'hono';
import { PortalError } from '../http/errors.mjs';
import { limitBody, readText } from '../http/json-body.mjs';
import { requireStaff } from '../http/session.mjs';
import { checkRoster } from '../roster-check.mjs';

/** At most this many problems are listed (the count says how many there were). */
const MAX_LISTED = 200;

/** @param {import('../portal.mjs').PortalDeps} deps */
export function adminRosterRoutes({ stores, now }) {
  /** @type {Hono<import('../http/session.mjs').SessionEnv>} */
  const app = new Hono();
  app.post('/roster', limitBody(16 * 1024 * 1024), async (c) => {
    requireStaff(c, 'admin');
    const { rows, problems } = checkRoster(await readText(c, 'text/csv'), { now: now() });
    if (problems.length || rows.length === 0) {
      throw new PortalError('ERR_ROSTER_INVALID', {
        detail: {
          problemCount: problems.length,
          problems: problems.slice(0, MAX_LISTED),
          ...(rows.length === 0 && problems.length === 0 && { empty: true }),
        },
      });
    }
    if (c.req.query('dryRun') === '1') return c.json({ ok: true, rows: rows.length, saved: false });
    const { added, updated } = await stores.employees.upsertMany(rows);
    return c.json({ ok: true, rows: rows.length, saved: true, added, updated });
  });
  return app;
}
