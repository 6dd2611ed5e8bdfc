// @ts-check
/**
 * `POST /api/sign`: the endpoint `<ikrar-netralitas>` posts the credential to. The signed-in
 * employee (never the body) is the signer; the open event and its deadline, the roster, the
 * official text and consent are checked before the agency countersigns; the record is stored
 * once (201 new, 200 the stored one on a retry). Rate-limited per session.
 * @module
 */
import { signPledge } from '@ikrar/core';
import { Hono } from 'hono';
import { PortalError } from '../http/errors.mjs';
import { limitBody, readJson } from '../http/json-body.mjs';
import { requireEmployee } from '../http/session.mjs';
import { checkSignRequest } from '../sign-request.mjs';

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** @param {import('../portal.mjs').PortalDeps} deps @param {import('hono').MiddlewareHandler} signingLimit */
export function signRoutes({ stores, config, agency, now }, signingLimit) {
  /** @type {Hono<import('../http/session.mjs').SessionEnv>} */
  const app = new Hono();
  app.post('/sign', signingLimit, limitBody(256 * 1024), async (c) => {
    const s = requireEmployee(c);
    const credential = await readJson(c);
    const employee = await stores.employees.byId(s.subject);
    if (!employee) throw new PortalError('ERR_NOT_SIGNED_IN');
    const event = await stores.events.open();
    if (!event) throw new PortalError('ERR_NO_OPEN_EVENT');
    if (event.deadline && Date.parse(event.deadline) <= now().getTime()) throw new PortalError('ERR_EVENT_CLOSED');
    await checkSignRequest(credential, { agency, agencyName: config.agencyName, event, employee });
    // The element checks that the record it gets back is the credential it sent, id included, so
    // the id stays the browser's: it must be a urn:uuid, and one no other record has (409).
    const body = /** @type {Record<string, unknown>} */ (credential);
    if (typeof body.id !== 'string' || !UUID_URN.test(body.id)) {
      throw new PortalError('ERR_RECORD_INVALID', {
        messages: { id: 'Id rekaman harus urn:uuid.', en: 'The record id must be a urn:uuid.' },
      });
    }
    const record = await signPledge(/** @type {any} */ (credential), agency.signer, { timeZone: event.timeZone });
    const proofs = Array.isArray(record.proof) ? record.proof : [record.proof];
    const signedAt = String(proofs[proofs.length - 1]?.created);
    const { record: stored, created } = await stores.records.store(record, {
      employeeId: employee.id,
      eventId: event.id,
      signedAt,
    });
    const uuid = /** @type {{ id: string }} */ (stored).id.slice('urn:uuid:'.length);
    c.header('location', `/api/records/${uuid}`);
    return c.json(/** @type {any} */ (stored), created ? 201 : 200);
  });
  return app;
}
