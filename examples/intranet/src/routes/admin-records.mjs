// @ts-check
/**
 * Revocation in the portal (#12). `GET /api/admin/people/:id/records`: every record of one
 * employee for an event, the current one and the revoked ones (when, why, by whom), for
 * administrators and auditors. `POST /api/admin/records/:uuid/revoke` with `{ "reason": … }`:
 * administrators only (CSRF-protected like every state-changing request). The record's status
 * list bit is set and the list re-signed, the record marked revoked and the audit entry (who,
 * when, which record, the reason, from where) written in one transaction; the employee may then
 * sign the event again (a new record; the old one stays revoked).
 * @module
 */
import { maskIdentifier } from '@ikrar/core';
import { Hono } from 'hono';
import { formatTime } from '../format-time.mjs';
import { clientAddress } from '../http/client-address.mjs';
import { PortalError } from '../http/errors.mjs';
import { limitBody, readJson } from '../http/json-body.mjs';
import { requireStaff } from '../http/session.mjs';
import { eventOfQuery } from './event-query.mjs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const REVOKE_ACTION = 'revoke-record';
const MAX_REASON = 500;

/**
 * The revocation's reason from a request body: required, 1 to 500 characters, no control characters.
 * @param {unknown} body @returns {string}
 */
export function reasonOf(body) {
  const reason =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? /** @type {Record<string, unknown>} */ (body).reason
      : undefined;
  const text = typeof reason === 'string' ? reason.normalize('NFC').trim() : '';
  // Control characters would make the audit log misleading when printed.
  if (text.length === 0 || text.length > MAX_REASON || /[\u0000-\u001f\u007f]/.test(text)) {
    throw new PortalError('ERR_REASON_REQUIRED');
  }
  return text;
}

/** @param {import('../portal.mjs').PortalDeps} deps */
export function adminRecordRoutes({ stores, db }) {
  /** @type {Hono<import('../http/session.mjs').SessionEnv>} */
  const app = new Hono();

  app.get('/people/:id/records', async (c) => {
    requireStaff(c);
    const event = await eventOfQuery(c, stores.events);
    const employee = await stores.employees.byId(c.req.param('id'));
    if (!employee) throw new PortalError('ERR_NOT_FOUND');
    const rows = await db.query(
      'SELECT id, signed_at AS "signedAt", revoked_at AS "revokedAt" FROM ikrar_records WHERE event_id = ? AND identifier = ? ORDER BY signed_at, stored_at, id',
      [event.id, employee.identifier],
    );
    const at = (/** @type {string} */ t) => formatTime(t, event.timeZone, event.language);
    const records = [];
    for (const r of rows) {
      const id = String(r.id);
      const status = await stores.statusLists.status(id);
      const revokedAt = status?.revokedAt ?? (r.revokedAt ? String(r.revokedAt) : null);
      const [by] = revokedAt ? await stores.audit.about(REVOKE_ACTION, id) : [];
      records.push({
        id: id.slice('urn:uuid:'.length),
        signedAtText: at(String(r.signedAt)),
        revoked: revokedAt !== null,
        revocable: status !== null,
        ...(revokedAt && {
          revokedAtText: at(revokedAt),
          reason: by?.detail ?? status?.reason ?? null,
          revokedBy: by?.actor ?? null,
        }),
      });
    }
    c.header('cache-control', 'no-store');
    return c.json({
      event: { id: event.id, name: event.name },
      person: {
        id: employee.id,
        name: employee.name,
        identifier: maskIdentifier(employee.identifier),
        workUnit: employee.workUnit,
      },
      records,
    });
  });

  app.post('/records/:uuid/revoke', limitBody(8 * 1024), async (c) => {
    const s = requireStaff(c, 'admin');
    const uuid = c.req.param('uuid');
    if (!UUID.test(uuid)) throw new PortalError('ERR_BAD_ID');
    const reason = reasonOf(await readJson(c));
    const id = `urn:uuid:${uuid}`;
    if (!(await stores.records.get(id))) throw new PortalError('ERR_NOT_FOUND');
    const address = clientAddress(c);
    const done = await stores.statusLists.revoke(id, {
      reason,
      also: async (tx) => {
        await stores.records.markRevoked(id, tx);
        await stores.audit.write({ actor: s.subject, action: REVOKE_ACTION, target: id, address, detail: reason }, tx);
      },
    });
    if (!done) throw new PortalError('ERR_NO_STATUS');
    c.header('cache-control', 'no-store');
    return c.json({
      id: uuid,
      revoked: true,
      revokedAt: done.revokedAt,
      reason: done.reason,
      newlyRevoked: done.newlyRevoked,
      statusListCredential: done.entry.statusListCredential,
    });
  });

  return app;
}
