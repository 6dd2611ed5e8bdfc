// @ts-check
/**
 * The collective *pakta integritas* in the portal (#15), on @ikrar/server's collective service.
 *
 * Administrators name an event's representatives from the roster (`PUT
 * /api/admin/events/:id/pakta`, CSRF, audit entry); while nobody has signed the list can change.
 * Each representative, signed in as themselves (demo or SSO session), opens `/pakta.html`: the page
 * reads `GET /api/pakta`, makes a key in the browser and signs the same credential with it (their
 * own proof, a proof set), and posts only that proof to `POST /api/pakta/sign`. When the last one
 * has signed the agency countersigns at once (a chain onto the set); an administrator can also ask
 * (`POST …/pakta/countersign`, `ERR_COUNTERSIGNATURE_INCOMPLETE` before everyone has signed).
 * Administrators and auditors see who has signed (identifiers masked), and download the record and
 * the certificate (core's collective PDF); each download is written to the audit log. The JSONL
 * export and the HTML report include the countersigned record.
 *
 * Revocation (#12): the document carries a `credentialStatus` from the portal's status lists,
 * reserved when the representatives are named. Administrators revoke it with a required reason
 * (`POST /api/admin/events/:id/pakta/revoke`, CSRF): the list bit is set and the list re-signed and
 * the audit entry (`revoke-record`, the record id, the reason, who, from where) written in one
 * transaction, exactly as for a single record (the VC-API's `POST /credentials/status` revokes it
 * too). A revoked document takes no more signatures; naming the representatives again starts a
 * new record, and the revoked one stays listed (`earlier`) and in the export.
 * @module
 */
import { maskIdentifier } from '@ikrar/core';
import { ServerError } from '@ikrar/server';
import { Hono } from 'hono';
import { clientAddress } from '../http/client-address.mjs';
import { invalidField as bad, PortalError } from '../http/errors.mjs';
import { limitBody, readJson } from '../http/json-body.mjs';
import { requireEmployee, requireStaff } from '../http/session.mjs';
import { REVOKE_ACTION, reasonOf } from '../routes/admin-records.mjs';

/** @typedef {import('@ikrar/server').CollectiveService} CollectiveService */
/** @typedef {import('@ikrar/server').CollectiveState} CollectiveState */

/**
 * Who has signed, for staff pages: names, positions, units, masked identifiers, times.
 * @param {CollectiveState} state
 */
export function progressView(state) {
  const reps = /** @type {any} */ (state.document).credentialSubject.representatives;
  const proofs = [/** @type {any} */ (state.document).proof ?? []].flat();
  const last = proofs[proofs.length - 1];
  return {
    configured: true,
    representatives: state.progress.representatives.map((r, i) => ({
      index: r.index,
      name: r.name,
      masked: maskIdentifier(reps[i].identifier),
      position: reps[i].position ?? null,
      workUnit: reps[i].workUnit ?? null,
      signed: r.signed,
      signedAt: r.signedAt ?? null,
    })),
    signedCount: state.progress.representatives.filter((r) => r.signed).length,
    complete: state.progress.complete,
    countersigned: state.progress.countersigned,
    countersignedAt: state.progress.countersigned ? (last?.created ?? null) : null,
    recordId: /** @type {any} */ (state.document).id.slice('urn:uuid:'.length),
    revocable: Boolean(state.status),
    revoked: Boolean(state.status?.revokedAt),
    revokedAt: state.status?.revokedAt ?? null,
  };
}

/**
 * @param {import('hono').Hono<any>} app
 * @param {import('../portal.mjs').PortalDeps & { collective: CollectiveService }} deps
 * @param {import('hono').MiddlewareHandler} signingLimit
 */
export function mountCollective(app, deps, signingLimit) {
  const { stores, collective } = deps;

  /** The signed-in representative, the open event and its document. @param {import('hono').Context<any>} c */
  const representative = async (c) => {
    const s = requireEmployee(c);
    const employee = await stores.employees.byId(s.subject);
    if (!employee) throw new PortalError('ERR_NOT_SIGNED_IN');
    const open = await stores.events.open();
    if (!open) throw new PortalError('ERR_NO_OPEN_EVENT');
    const state = await collective.get(open.id);
    if (!state) throw new ServerError('ERR_COLLECTIVE_NOT_CONFIGURED');
    const index = collective.indexOf(state, employee.identifier);
    if (index === -1) throw new ServerError('ERR_NOT_REPRESENTATIVE');
    return { employee, open, state, index };
  };
  /** @param {CollectiveState} state @param {number} index @param {import('../types.js').PortalEvent} open */
  const employeeView = (state, index, open) => ({
    event: { id: open.id, name: open.name, timeZone: open.timeZone },
    document: state.document,
    representative: index,
    proofId: /** @type {any} */ (state.document).credentialSubject.representatives[index].proofId,
    ...progressView(state),
  });

  /** @type {Hono<import('../http/session.mjs').SessionEnv>} */
  const employeeApi = new Hono();
  employeeApi.get('/pakta', async (c) => {
    const { state, index, open } = await representative(c);
    c.header('cache-control', 'no-store');
    return c.json(employeeView(state, index, open));
  });
  employeeApi.post('/pakta/sign', signingLimit, limitBody(64 * 1024), async (c) => {
    const body = await readJson(c);
    const { employee, open } = await representative(c);
    if (open.deadline && Date.parse(open.deadline) <= deps.now().getTime()) throw new PortalError('ERR_EVENT_CLOSED');
    if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).join() !== 'proof') {
      throw new ServerError('ERR_RECORD_INVALID', { path: 'proof' });
    }
    const r = await collective.sign(open.id, employee.identifier, /** @type {any} */ (body).proof);
    c.header('cache-control', 'no-store');
    return c.json(employeeView(r, collective.indexOf(r, employee.identifier), open), r.created ? 201 : 200);
  });
  app.route('/api', employeeApi);

  /** Who revoked a document and why (from the audit log). @param {CollectiveState} state */
  const revocationOf = async (state) => {
    if (!state.status?.revokedAt) return {};
    const [by] = await stores.audit.about(REVOKE_ACTION, state.document.id);
    return { reason: by?.detail ?? state.status.reason ?? null, revokedBy: by?.actor ?? null };
  };
  /**
   * What staff see: progress, the revocation, and the event's earlier, revoked documents.
   * @param {CollectiveState} state @param {string} eventId
   */
  const staffView = async (state, eventId) => ({
    ...progressView(state),
    ...(await revocationOf(state)),
    earlier: await Promise.all(
      (await collective.retired(eventId)).map(async (old) => {
        const v = progressView(old);
        return {
          recordId: v.recordId,
          countersigned: v.countersigned,
          signedCount: v.signedCount,
          revokedAt: v.revokedAt,
          ...(await revocationOf(old)),
        };
      }),
    ),
  });

  /** @type {Hono<import('../http/session.mjs').SessionEnv>} */
  const admin = new Hono();
  /** @param {import('hono').Context<any>} c */
  const eventOf = async (c) => {
    const event = await stores.events.byId(String(c.req.param('id')));
    if (!event) throw new PortalError('ERR_NOT_FOUND');
    return event;
  };
  /** @param {import('hono').Context<any>} c @param {string} action @param {string} target */
  const audit = (c, action, target) =>
    stores.audit.write({ actor: requireStaff(c).subject, action, target, address: clientAddress(c) });

  admin.get('/events/:id/pakta', async (c) => {
    requireStaff(c);
    const event = await eventOf(c);
    const state = await collective.get(event.id);
    c.header('cache-control', 'no-store');
    return c.json(state ? await staffView(state, event.id) : { configured: false });
  });

  admin.put('/events/:id/pakta', limitBody(16 * 1024), async (c) => {
    requireStaff(c, 'admin');
    const event = await eventOf(c);
    const body = await readJson(c);
    const list = /** @type {any} */ (body)?.representatives;
    if (
      typeof body !== 'object' ||
      body === null ||
      Object.keys(body).join() !== 'representatives' ||
      !Array.isArray(list) ||
      list.length < 1 ||
      list.length > 50 ||
      list.some((x) => typeof x !== 'string')
    ) {
      bad('representatives', 'representatives');
    }
    /** @type {import('@ikrar/server').Employee[]} */
    const people = [];
    for (const [i, raw] of /** @type {string[]} */ (list).entries()) {
      const identifier = raw.replace(/\s+/g, '');
      const e = await stores.employees.byIdentifier(identifier);
      if (!e) {
        bad(`representatives[${i}]`, 'representative-unknown', { n: i + 1 });
      }
      if (people.some((p) => p.identifier === e.identifier)) {
        bad(`representatives[${i}]`, 'representative-twice', { n: i + 1 });
      }
      people.push(e);
    }
    const state = await collective.configure(
      {
        id: event.id,
        name: event.name,
        place: event.place,
        date: event.date,
        timeZone: event.timeZone,
        language: event.language,
      },
      people,
    );
    await audit(c, 'pakta-configure', event.name);
    return c.json(await staffView(state, event.id));
  });

  admin.post('/events/:id/pakta/revoke', limitBody(8 * 1024), async (c) => {
    const s = requireStaff(c, 'admin');
    const event = await eventOf(c);
    const reason = reasonOf(await readJson(c));
    const address = clientAddress(c);
    const done = await collective.revoke(event.id, {
      reason,
      also: (tx, recordId) =>
        stores.audit.write({ actor: s.subject, action: REVOKE_ACTION, target: recordId, address, detail: reason }, tx),
    });
    if (!done) throw new PortalError('ERR_NO_STATUS');
    const state = await collective.get(event.id);
    c.header('cache-control', 'no-store');
    return c.json({
      ...(await staffView(/** @type {CollectiveState} */ (state), event.id)),
      newlyRevoked: done.newlyRevoked,
    });
  });

  admin.post('/events/:id/pakta/countersign', async (c) => {
    requireStaff(c, 'admin');
    const event = await eventOf(c);
    const r = await collective.countersign(event.id);
    if (r.created) await audit(c, 'pakta-countersign', event.name);
    return c.json(await staffView(r, event.id), r.created ? 201 : 200);
  });

  /** The event's document for a download, written to the audit log. @param {import('hono').Context<any>} c @param {string} action */
  const download = async (c, action) => {
    requireStaff(c);
    const event = await eventOf(c);
    const state = await collective.get(event.id);
    if (!state) throw new ServerError('ERR_COLLECTIVE_NOT_CONFIGURED');
    await audit(c, action, event.name);
    return { event, state };
  };
  admin.get('/events/:id/pakta/record.json', async (c) => {
    const { state } = await download(c, 'pakta-record');
    return c.body(JSON.stringify(state.document, null, 2), 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="pakta-integritas.json"',
      'cache-control': 'no-store',
    });
  });
  admin.get('/events/:id/pakta/certificate.pdf', async (c) => {
    const { state, event } = await download(c, 'pakta-certificate');
    const { renderCertificate } = await import('@ikrar/core/pdf');
    const bytes = await renderCertificate(/** @type {any} */ (state.document), {
      language: event.language,
    });
    return c.body(/** @type {any} */ (bytes), 200, {
      'content-type': 'application/pdf',
      'content-disposition': 'inline; filename="pakta-integritas.pdf"',
      'cache-control': 'no-store',
    });
  });
  app.route('/api/admin', admin);
}
