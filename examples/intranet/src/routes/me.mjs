// @ts-check
/**
 * `GET /api/session`: who is signed in (401 when nobody). An employee gets their own details (the
 * page prefills the pledge from them), the open event and whether they signed it; staff get
 * their name and role. `GET /api/config`: what the pledge element needs for the open event.
 * @module
 */
import { Hono } from 'hono';
import { formatTime } from '../format-time.mjs';
import { PortalError } from '../http/errors.mjs';
import { requireEmployee } from '../http/session.mjs';

/** @param {import('../portal.mjs').PortalDeps} deps */
export function meRoutes({ stores, config, agency }) {
  /** @type {Hono<import('../http/session.mjs').SessionEnv>} */
  const app = new Hono();

  app.get('/session', async (c) => {
    const s = c.get('session');
    if (!s) throw new PortalError('ERR_NOT_SIGNED_IN');
    if (s.kind === 'staff') return c.json({ kind: 'staff', username: s.subject, role: s.role, csrf: s.csrf });
    const employee = await stores.employees.byId(s.subject);
    if (!employee) throw new PortalError('ERR_NOT_SIGNED_IN');
    const event = await stores.events.open();
    const record = event ? await stores.records.find(event.id, employee.identifier) : null;
    const proofs = record ? [record.proof].flat() : [];
    const signed = record && { id: record.id, signedAt: String(proofs[proofs.length - 1]?.created) };
    const { id: _id, ...own } = employee;
    return c.json({
      kind: 'employee',
      csrf: s.csrf,
      employee: own,
      event: event && { name: event.name, place: event.place, date: event.date, deadline: event.deadline },
      signed: signed && {
        recordId: signed.id.slice('urn:uuid:'.length),
        signedAt: signed.signedAt,
        signedAtText: event ? formatTime(signed.signedAt, event.timeZone, event.language) : signed.signedAt,
      },
    });
  });

  app.get('/config', async (c) => {
    const s = requireEmployee(c);
    const employee = await stores.employees.byId(s.subject);
    const event = await stores.events.open();
    if (!employee) throw new PortalError('ERR_NOT_SIGNED_IN');
    if (!event) throw new PortalError('ERR_NO_OPEN_EVENT');
    return c.json({
      agency: { id: agency.controller, name: config.agencyName },
      event: {
        name: event.name,
        ...(event.place && { place: event.place }),
        ...(event.date && { date: event.date }),
        deadlineText: event.deadline && formatTime(event.deadline, event.timeZone, event.language),
      },
      timeZone: event.timeZone,
      language: event.language,
      templates: event.templates[employee.employeeType] ?? [],
      endpoint: '/api/sign',
      // browser-key: the employee's key signs the agency's draft (POST /api/sign/draft), then /api/sign countersigns.
      signingMode: config.signingMode ?? 'endpoint',
    });
  });

  return app;
}
