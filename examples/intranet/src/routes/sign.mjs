// @ts-check
/**
 * `POST /api/sign`: the endpoint `<ikrar-netralitas>` posts the credential to. The signed-in
 * employee (never the body) is the signer; @ikrar/server's `checkCredential` rebuilds what the
 * agency vouches for from the roster, the open event and the clock and refuses any difference;
 * the agency countersigns and the service's store keeps it once (201 new, 200 the stored one on
 * a retry). Every record it countersigns without the employee's own proof carries a
 * `credentialStatus` (a random free index of the agency's status list). Rate-limited per session.
 *
 * Presence at the apel: a phone that opened the projector's QR code sends the apel code in the
 * `x-ikrar-apel` header (what the employee brought, not trusted blindly). The code is checked for
 * this open event and its window (an old one is `ERR_APEL_CODE_EXPIRED`, another event's or a forged
 * one `ERR_APEL_CODE_INVALID`, both languages, nothing stored); the agency then notes in the record's
 * `evidence` that it was signed at the apel, when it checked, and which code. Without the header
 * the evidence says it was signed outside the apel. A credential that already carries the
 * employee's own proof gets no evidence: that proof covers the document exactly as they signed it.
 * @module
 */
import { formatTimestamp, signPledgeAsync } from '@ikrar/core';
import { checkCredential, ServerError } from '@ikrar/server';
import { Hono } from 'hono';
import { PortalError } from '../http/errors.mjs';
import { limitBody, readJson } from '../http/json-body.mjs';
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
  if (!r.ok) throw new PortalError(r.code, { status: 400, messages: r.message });
  return {
    type: ['ApelPresence'],
    atApel: true,
    apelCode: code,
    apelCodeShownAt: formatTimestamp(r.shownAt, zone),
    checkedAt: formatTimestamp(at, zone),
  };
}

/** @param {import('../portal.mjs').PortalDeps} deps @param {import('hono').MiddlewareHandler} signingLimit */
export function signRoutes({ stores, config, agency, now, apel }, signingLimit) {
  /** @type {Hono<import('../http/session.mjs').SessionEnv>} */
  const app = new Hono();
  app.post('/sign', signingLimit, limitBody(256 * 1024), async (c) => {
    const s = requireEmployee(c);
    const body = await readJson(c);
    const employee = await stores.employees.byId(s.subject);
    if (!employee) throw new PortalError('ERR_NOT_SIGNED_IN');
    const open = await stores.events.open();
    if (!open) throw new PortalError('ERR_NO_OPEN_EVENT');
    const event = serviceEvent(open);
    /** @param {import('@ikrar/core').SignedPledge} record @param {boolean} created */
    const answer = (record, created) => {
      c.header('location', `/api/records/${record.id.slice('urn:uuid:'.length)}`);
      c.header('cache-control', 'no-store');
      return c.json(/** @type {any} */ (record), created ? 201 : 200);
    };
    const stored = await stores.records.find(event.id, employee.identifier);
    if (stored) return answer(stored, false);
    const at = now();
    if (open.deadline && Date.parse(open.deadline) <= at.getTime()) throw new PortalError('ERR_EVENT_CLOSED');
    const presence = apel ? await apelPresence(apel, c.req.header(APEL_HEADER), open, at, event.timeZone) : null;
    let { credential } = await checkCredential(body, {
      agency: { id: agency.controller, name: config.agencyName },
      employee,
      event,
      now: at,
    });
    if (await stores.records.get(credential.id)) throw new ServerError('ERR_ID_TAKEN');
    if (presence && !('proof' in credential)) credential = { ...credential, evidence: [presence] };
    // Revocation (#12): the status entry must be in the credential before its first signature;
    // a credential the employee signed already is countersigned without one.
    if (!('proof' in credential)) {
      credential = { ...credential, credentialStatus: await stores.statusLists.allocate(credential.id) };
    }
    const signed = await signPledgeAsync(credential, agency.signer, { created: at, timeZone: event.timeZone });
    const { record, created } = await stores.records.put({
      eventId: event.id,
      identifier: employee.identifier,
      record: signed,
    });
    return answer(record, created);
  });
  return app;
}
