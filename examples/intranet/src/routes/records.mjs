// @ts-check
/**
 * A record, its certificate, and the strokes of a drawn signature. An employee reaches only their
 * own (another's is 404, as if it did not exist); staff reach any, and each view is written to
 * the audit log. The record page's admin action area (revocation, #12) mounts beside these.
 * @module
 */
import { digestSignatureStrokes, isIkrarError } from '@ikrar/core';
import { Hono } from 'hono';
import { clientAddress } from '../http/client-address.mjs';
import { PortalError } from '../http/errors.mjs';
import { limitBody, readJson } from '../http/json-body.mjs';
import { requireEmployee } from '../http/session.mjs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** @param {import('../portal.mjs').PortalDeps} deps */
export function recordRoutes({ stores, config }) {
  /** @type {Hono<import('../http/session.mjs').SessionEnv>} */
  const app = new Hono();
  /** @param {string} employeeId @param {import('@ikrar/core').SignedPledge} record */
  const isOwn = async (employeeId, record) =>
    (await stores.employees.byId(employeeId))?.identifier === record.credentialSubject.signer.identifier;

  /**
   * The record if this session may see it; staff views are audited.
   * @param {import('hono').Context<import('../http/session.mjs').SessionEnv>} c @param {string} action
   */
  const visible = async (c, action) => {
    const s = c.get('session');
    if (!s) throw new PortalError('ERR_NOT_SIGNED_IN');
    const uuid = c.req.param('uuid') ?? '';
    if (!UUID.test(uuid)) throw new PortalError('ERR_BAD_ID');
    const record = await stores.records.get(`urn:uuid:${uuid}`);
    if (!record || (s.kind === 'employee' && !(await isOwn(s.subject, record)))) throw new PortalError('ERR_NOT_FOUND');
    if (s.kind === 'staff') {
      await stores.audit.write({ actor: s.subject, action, target: record.id, address: clientAddress(c) });
    }
    return { record: /** @type {any} */ (record), uuid };
  };

  app.get('/records/:uuid', async (c) => {
    const { record } = await visible(c, 'view-record');
    c.header('cache-control', 'no-store');
    return c.json(record);
  });

  app.get('/records/:uuid/certificate.pdf', async (c) => {
    const { record, uuid } = await visible(c, 'view-certificate');
    const { renderCertificate } = await import('@ikrar/core/pdf');
    const drawing = await stores.drawings.get(record.id);
    const bytes = await renderCertificate(record, {
      // The QR opens the public verification page (identifiers masked there), never the record.
      // {id}: the record's UUID; {code} goes in the fragment, which browsers never send (#13).
      verificationUrl: `${config.publicUrl}/verifikasi/{id}#{code}`,
      ...(drawing && { signature: drawing }),
    });
    return c.body(/** @type {any} */ (bytes), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="ikrar-${uuid}.pdf"`,
      'cache-control': 'no-store',
    });
  });

  // The widget's ikrar-signed event carries a drawn signature's strokes; the page sends them here
  // so the certificate can draw them. Only the signer, only the drawing whose digest is signed.
  app.put('/records/:uuid/drawing', limitBody(512 * 1024), async (c) => {
    const s = requireEmployee(c);
    const uuid = c.req.param('uuid');
    if (!UUID.test(uuid)) throw new PortalError('ERR_BAD_ID');
    const record = await stores.records.get(`urn:uuid:${uuid}`);
    if (!record || !(await isOwn(s.subject, record))) throw new PortalError('ERR_NOT_FOUND');
    const consent = record.credentialSubject.consent;
    if (consent.method !== 'drawn' || typeof consent.signatureDigestMultibase !== 'string') {
      throw new PortalError('ERR_NOT_DRAWN');
    }
    const drawing = await readJson(c);
    let digest;
    try {
      digest = digestSignatureStrokes(/** @type {any} */ (drawing));
    } catch (err) {
      if (isIkrarError(err)) {
        const at = /** @type {{ path?: unknown }} */ (err).path;
        throw new PortalError('ERR_DRAWING_INVALID', {
          params: { path: typeof at === 'string' ? at : '$' },
          cause: err,
        });
      }
      throw err;
    }
    if (digest !== consent.signatureDigestMultibase) {
      throw new PortalError('ERR_DRAWING_MISMATCH');
    }
    await stores.drawings.put(record.id, drawing);
    return c.body(null, 204);
  });

  return app;
}
