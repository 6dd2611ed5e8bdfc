/**
 * `POST /api/sign`: the endpoint `<ikrar-netralitas>` posts the credential to, served by
 * @ikrar/server's `createIkrarService` (its `POST /sign`, with its checks and its speed work):
 * the portal only says who is signed in (the session's employee, from the roster, never the
 * body), which event is open, and what the agency adds. The service's `checkCredential`
 * rebuilds what the agency vouches for from the roster, the open event and the clock and
 * refuses any difference; the agency countersigns and the store keeps it once (201 new, 200 the
 * stored one on a retry). Every record it countersigns without the employee's own proof carries a
 * `credentialStatus` (the portal's status lists). Rate-limited per session by the portal.
 *
 * Presence at the apel (the service's `evidence` option): a phone that opened the projector's QR
 * code sends the apel code in the `x-ikrar-apel` header (what the employee brought, not trusted
 * blindly). The code is checked for this open event and its window (an old one is
 * `ERR_APEL_CODE_EXPIRED`, another event's or a forged one `ERR_APEL_CODE_INVALID`, both
 * languages, nothing stored); the agency then notes in the record's `evidence` that it was signed
 * at the apel, when it checked, and which code. Without the header the evidence says it was signed
 * outside the apel. A credential that already carries the employee's own proof gets no evidence:
 * that proof covers the document exactly as they signed it.
 *
 * Browser-key signing (IKRAR_SIGNING_MODE=browser-key, the service's `drafts` option):
 * `POST /api/sign/draft` reserves, for the session's employee and the open event, the record id,
 * its status entry and the presence (the apel code header is checked then); the widget signs that
 * with the employee's key and posts it to `POST /api/sign`, which takes it only with exactly what
 * was reserved (`ERR_DRAFT_*`) and countersigns it.
 * @module
 */
import { formatTimestamp } from '@ikrar/core';
import { createIkrarService, silentLogger } from '@ikrar/server';
import { Hono } from 'hono';
import { PortalError } from '../http/errors.mjs';
import { bodyTooLarge } from '../http/json-body.mjs';
import { requireEmployee } from '../http/session.mjs';

/**
 * The open event as the service sees it.
 * @param {import('../types.js').PortalEvent} e
 * @returns {import('@ikrar/server').IkrarEvent}
 */
export const serviceEvent = (e) => ({
  id: e.id,
  name: e.name,
  ...(e.place && { place: e.place }),
  ...(e.date && { date: e.date }),
  ...(e.deadline && { deadline: e.deadline }),
  timeZone: e.timeZone,
  templates: e.templates,
  languages: [e.language],
});

/** The header a phone at the apel sends the code in. */
export const APEL_HEADER = 'x-ikrar-apel';

/**
 * The agency's presence evidence for a signing, from the apel code the request brought.
 * @param {import('../apel/apel-codes.mjs').ApelCodes} codes
 * @param {string | undefined} code the header's value, if sent
 * @param {{ id: string }} event the open event
 * @param {Date} at the service's clock
 * @param {import('@ikrar/core').IndonesianTimeZone} zone
 * @returns {Promise<import('@ikrar/core').ApelPresenceEvidence>}
 * @throws {PortalError} `ERR_APEL_CODE_EXPIRED`, `ERR_APEL_CODE_INVALID`, `ERR_APEL_CODE_MALFORMED` (400)
 */
export async function apelPresence(codes, code, event, at, zone) {
  if (code === undefined) return { type: ['ApelPresence'], atApel: false };
  const r = await codes.check(event.id, code, at);
  if (!r.ok) throw new PortalError(r.code);
  return {
    type: ['ApelPresence'],
    atApel: true,
    apelCode: code,
    apelCodeShownAt: formatTimestamp(r.shownAt, zone),
    checkedAt: formatTimestamp(at, zone),
  };
}

/** Where the portal hands the signed-in employee to the service (the request's env). */
const EMPLOYEE = 'ikrarEmployee';

/** The largest credential accepted, in bytes (the service's default limit). */
const SIGN_BODY_LIMIT = 256 * 1024;

/**
 * The agency's signing service for the portal: its `POST /sign` behind `POST /api/sign`, and the
 * VC-API endpoints and status lists the portal mounts at its root (`/credentials/*`, where
 * `POST /credentials/issue` needs `IKRAR_API_TOKEN`, and `/status/:n`).
 * @param {import('../portal.mjs').PortalDeps} deps
 */
export function createPortalService({ stores, config, agency, now, apel }) {
  return createIkrarService({
    store: stores.records,
    agency: { name: config.agencyName },
    signer: agency,
    // The portal found the employee from its session before handing the request over.
    identity: (c) => /** @type {Record<string, any> | undefined} */ (c.env)?.[EMPLOYEE] ?? null,
    event: async () => {
      const open = await stores.events.open();
      return open && serviceEvent(open);
    },
    statusLists: stores.statusLists,
    // Browser-key signing (IKRAR_SIGNING_MODE=browser-key): POST /api/sign/draft reserves the
    // record id, status entry and presence before the employee's own key signs.
    drafts: stores.drafts,
    bodyLimit: SIGN_BODY_LIMIT,
    ...(apel && {
      evidence: async (ctx, c) => [
        await apelPresence(apel, c.req.header(APEL_HEADER), ctx.event, ctx.now, ctx.event.timeZone),
      ],
    }),
    ...(config.apiToken && { issueToken: config.apiToken }),
    clock: now,
    ...(!config.log && { logger: silentLogger }),
  });
}

/**
 * @param {import('../portal.mjs').PortalDeps} deps
 * @param {import('hono').MiddlewareHandler} signingLimit
 * @param {Hono} service from {@link createPortalService}
 */
export function signRoutes({ stores }, signingLimit, service) {
  // The service's routes under /api, so that its POST /sign answers POST /api/sign (and its
  // Location header names /api/records/<uuid>, the portal's own record route).
  const mounted = new Hono().route('/api', service);
  /** @type {Hono<import('../http/session.mjs').SessionEnv>} */
  const app = new Hono();
  /** Hands the request to the service with the session's employee. @param {import('hono').Context} c */
  const forward = async (c) => {
    const s = requireEmployee(c);
    // A declared length over the service's limit is refused here, with the connection closed:
    // the body is never read. (Anything else, chunked bodies too, the service limits itself.)
    if (Number(c.req.header('content-length') ?? 0) > SIGN_BODY_LIMIT) throw bodyTooLarge(SIGN_BODY_LIMIT);
    const employee = await stores.employees.byId(s.subject);
    if (!employee) throw new PortalError('ERR_NOT_SIGNED_IN');
    return mounted.fetch(c.req.raw, { .../** @type {object} */ (c.env), [EMPLOYEE]: employee });
  };
  app.post('/sign', signingLimit, forward);
  app.post('/sign/draft', signingLimit, forward);
  return app;
}
