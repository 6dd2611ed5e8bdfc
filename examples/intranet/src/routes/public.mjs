// @ts-check
/**
 * What anyone may read without signing in: the health check, the agency's `trust.json`, and the
 * public group other features mount into (`/verifikasi/<id>`, the public verification page;
 * status lists), each answering without personal data.
 * @module
 */
import { Hono } from 'hono';
import { trustDocument } from '@ikrar/server';

/** @param {import('../portal.mjs').PortalDeps} deps */
export function publicRoutes({ db, agency, config, state }) {
  const app = new Hono();
  app.get('/health', async (c) => {
    if (state.stopping) return c.json({ status: 'stopping' }, 503);
    await db.query('SELECT 1 AS ok');
    return c.json({ status: 'ok' });
  });
  app.get('/trust.json', (c) => {
    c.header('cache-control', 'public, max-age=300');
    return c.json(trustDocument(config.agencyName, agency.keys));
  });
  return app;
}
