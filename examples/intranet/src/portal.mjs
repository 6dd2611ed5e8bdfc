// @ts-check
/**
 * The agency portal as one Hono app: secure headers (strict CSP, no inline script or style),
 * server-side sessions, CSRF (Hono's Origin check, plus a token on every state-changing request),
 * rate limits on sign-in and signing, JSON errors with stable codes, and the route groups:
 * public, sign-in, employee (pledge, own record), staff (events, roster, coverage, exports,
 * audit log). Everything under /api needs a session except signing in.
 * @module
 */
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { ServerError } from '@ikrar/server';
import { clientAddress, findClientAddress } from './http/client-address.mjs';
import { csrfToken } from './http/csrf-token.mjs';
import { errorBody, PortalError } from './http/errors.mjs';
import { rateLimit } from './http/rate-limit.mjs';
import { loadSession } from './http/session.mjs';
import { mountApel } from './apel/apel-routes.mjs';
import { mountCollective } from './collective/collective-routes.mjs';
import { mountVerifikasi } from './verifikasi/verifikasi-routes.mjs';
import { adminAuditRoutes } from './routes/admin-audit.mjs';
import { adminCoverageRoutes } from './routes/admin-coverage.mjs';
import { adminEventRoutes } from './routes/admin-events.mjs';
import { adminExportRoutes } from './routes/admin-exports.mjs';
import { adminRecordRoutes } from './routes/admin-records.mjs';
import { adminRosterRoutes } from './routes/admin-roster.mjs';
import { meRoutes } from './routes/me.mjs';
import { publicRoutes } from './routes/public.mjs';
import { recordRoutes } from './routes/records.mjs';
import { sessionRoutes } from './routes/sessions.mjs';
import { createPortalService, signRoutes } from './routes/sign.mjs';
import { ssoRoutes } from './sso/sso-routes.mjs';

/**
 * @typedef {{
 *   config: import('./types.js').PortalConfig,
 *   db: import('./types.js').SqlDatabase,
 *   agency: import('@ikrar/server').AgencyKey,
 *   stores: {
 *     employees: ReturnType<typeof import('./data/employees.mjs').createEmployeeStore>,
 *     events: ReturnType<typeof import('./data/events.mjs').createEventStore>,
 *     sessions: ReturnType<typeof import('./data/sessions.mjs').createSessionStore>,
 *     staff: ReturnType<typeof import('./data/staff.mjs').createStaffStore>,
 *     audit: ReturnType<typeof import('./data/audit.mjs').createAuditLog>,
 *     records: import('@ikrar/server').RecordStore,
 *     statusLists: import('@ikrar/server').StatusListStore,
 *     drafts: import('@ikrar/server').DraftStore,
 *     drawings: ReturnType<typeof import('./data/drawings.mjs').createDrawingStore>,
 *     coverage: ReturnType<typeof import('./data/coverage.mjs').createCoverage>,
 *   },
 *   now: () => Date,
 *   state: { stopping: boolean },
 *   publicRoutes?: Hono,
 *   apel?: import('./apel/apel-codes.mjs').ApelCodes,
 *   sso?: import('./sso/sso-routes.mjs').SsoDeps,
 *   collective?: import('@ikrar/server').CollectiveService,
 * }} PortalDeps
 */

/** Routes under /api an anonymous client may call: signing in, and the demo stand-in's list. */
const ANONYMOUS_API = new Set([
  'POST /api/session',
  'POST /api/staff/session',
  'POST /api/demo-session',
  'GET /api/demo-logins',
  'DELETE /api/session',
]);

/** @param {PortalDeps} deps */
export function createPortal(deps) {
  const { config, stores, state } = deps;
  const secure = config.publicUrl.startsWith('https:');
  const origins = [new URL(config.publicUrl).origin];
  /** @type {Hono<import('./http/session.mjs').SessionEnv>} */
  const app = new Hono();

  app.use('*', findClientAddress(config.trustProxy));
  if (config.log) {
    app.use('*', async (c, next) => {
      const t = performance.now();
      await next();
      // Route pattern, never the query (a search may hold a name or a number).
      console.log(
        JSON.stringify({
          at: new Date().toISOString(),
          method: c.req.method,
          route: c.req.routePath,
          status: c.res.status,
          ms: Math.round(performance.now() - t),
        }),
      );
    });
  }
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'no-referrer',
      strictTransportSecurity: secure ? 'max-age=31536000' : false,
    }),
  );
  app.use('*', async (c, next) => {
    if (state.stopping && c.req.method !== 'GET') throw new PortalError('ERR_SHUTTING_DOWN');
    // Broken percent-encoding in the path or the query is a 400 on every route (routes and
    // Hono's query reader would otherwise see the raw text, or nothing).
    try {
      const url = new URL(c.req.url);
      decodeURIComponent(url.pathname);
      for (const part of url.search.slice(1).split(/[&=]/)) decodeURIComponent(part);
    } catch {
      throw new PortalError('ERR_URL_INVALID');
    }
    await next();
  });
  app.use('*', loadSession(stores.sessions));
  app.use('*', csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origins.includes(origin) }));
  app.use('*', csrfToken({ origins, secure }));
  app.use('/api/*', async (c, next) => {
    if (!c.get('session') && !ANONYMOUS_API.has(`${c.req.method} ${c.req.path}`))
      throw new PortalError('ERR_NOT_SIGNED_IN');
    await next();
  });

  const signInLimit = rateLimit({ limit: config.limits.signInPerMinute, windowMs: 60_000, key: clientAddress });
  const signingLimit = rateLimit({
    limit: config.limits.signingPerMinute,
    windowMs: 60_000,
    key: (c) => String(c.get('sessionId')),
  });

  app.route('/', publicRoutes(deps));
  // The service's standard endpoints at the root (W3C CCG VC-API): verify is open, issue needs
  // IKRAR_API_TOKEN as a bearer token (without it, 401). No cookies, so no CSRF token. The same
  // service countersigns POST /api/sign (routes/sign.mjs).
  const service = createPortalService(deps);
  app.all('/credentials/*', (c) => service.fetch(c.req.raw));
  // The status lists (W3C Bitstring Status List credentials), open to anyone like trust.json.
  app.get('/status/:n', (c) => service.fetch(c.req.raw));
  if (deps.publicRoutes) app.route('/', deps.publicRoutes);
  app.route('/api', sessionRoutes(deps, signInLimit));
  app.route('/auth', ssoRoutes(deps, signInLimit));
  app.route('/api', meRoutes(deps));
  app.route('/api', signRoutes(deps, signingLimit, service));
  app.route('/api', recordRoutes(deps));
  for (const group of [
    adminEventRoutes,
    adminRosterRoutes,
    adminCoverageRoutes,
    adminExportRoutes,
    adminAuditRoutes,
    adminRecordRoutes,
  ]) {
    app.route('/api/admin', group(deps));
  }

  if (deps.apel) mountApel(app, { ...deps, apel: deps.apel });
  if (deps.collective) mountCollective(app, { ...deps, collective: deps.collective }, signingLimit);
  mountVerifikasi(app, deps);

  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/admin', serveStatic({ root: config.publicDir, path: 'admin.html' }));
  app.get('/vendor/*', serveStatic({ root: config.widgetDist, rewriteRequestPath: (p) => p.slice('/vendor'.length) }));
  app.get('/*', serveStatic({ root: config.publicDir }));

  app.notFound((c) => c.json(errorBody(new PortalError('ERR_NOT_FOUND')), 404));
  app.onError((err, c) => {
    // The portal's refusals and @ikrar/server's (PortalError is one) answer from their catalogs;
    // Hono's CSRF check (403) is ERR_CSRF, any other HTTPException ERR_INPUT_INVALID.
    /** @type {ServerError<string>} */
    let e;
    if (err instanceof ServerError) e = err;
    else if (err instanceof HTTPException) e = new PortalError(err.status === 403 ? 'ERR_CSRF' : 'ERR_INPUT_INVALID');
    else {
      // No message or stack to the client; the log gets the kind of error, not its data.
      console.error(JSON.stringify({ at: new Date().toISOString(), error: err.name, route: c.req.routePath }));
      e = new PortalError('ERR_INTERNAL');
    }
    if (e instanceof PortalError) for (const [k, v] of Object.entries(e.headers)) c.header(k, v);
    c.header('cache-control', 'no-store');
    return c.json(errorBody(e), /** @type {any} */ (e.status));
  });
  return app;
}
