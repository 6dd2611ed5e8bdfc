// @ts-check
/**
 * `GET /api/admin/audit`: the audit log, newest first, for administrators only.
 * @module
 */
import { Hono } from 'hono';
import { PortalError } from '../http/errors.mjs';
import { requireStaff } from '../http/session.mjs';

/** @param {import('../portal.mjs').PortalDeps} deps */
export function adminAuditRoutes({ stores }) {
  /** @type {Hono<import('../http/session.mjs').SessionEnv>} */
  const app = new Hono();
  app.get('/audit', async (c) => {
    requireStaff(c, 'admin');
    const before = c.req.query('before');
    if (before !== undefined && !/^\d{1,15}$/.test(before)) throw new PortalError('ERR_INPUT_INVALID');
    const entries = await stores.audit.list({ limit: 50, ...(before && { before: Number(before) }) });
    return c.json({ entries });
  });
  return app;
}
