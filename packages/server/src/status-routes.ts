/**
 * Status list routes: `GET /status/:id` serves a list's signed `BitstringStatusListCredential`
 * exactly as stored (`ETag`, `Cache-Control`, `304` on a matching `If-None-Match`), and the
 * VC-API's `POST /credentials/status` (bearer token) revokes a record.
 *
 * @module
 * @example
 * ```sh
 * curl -X POST -H 'authorization: Bearer …' -H 'content-type: application/json' \
 *   --data '{"credentialId":"urn:uuid:…","credentialStatus":[{"type":"BitstringStatusListEntry","statusPurpose":"revocation","status":"1"}],"reason":"…"}' \
 *   http://127.0.0.1:8080/credentials/status
 * ```
 */
import type { Hono } from 'hono';
import { ServerError } from './errors.js';
import { readJson, requireBearer, type TokenCheck } from './internal/http.js';
import type { Logger } from './logger.js';
import type { RecordStore } from './record-store.js';
import type { StatusListStore } from './status-list-store.js';

interface StatusRouteDeps {
  lists: StatusListStore;
  store: RecordStore;
  token: TokenCheck | undefined;
  log: Logger;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `"1"`, `1` or `true`: revoked. `"0"`, `0`, `false`: an attempt to undo a revocation. */
function wanted(status: unknown): boolean | null {
  if (status === '1' || status === 1 || status === true) return true;
  if (status === '0' || status === 0 || status === false) return false;
  return null;
}

/** Adds the status routes to `app`. */
export function registerStatusRoutes(app: Hono, deps: StatusRouteDeps): void {
  app.get('/status/:id', async (c) => {
    const id = c.req.param('id');
    const served = /^[1-9][0-9]{0,8}$/.test(id) ? await deps.lists.credential(Number(id)) : null;
    if (!served) throw new ServerError('ERR_NOT_FOUND');
    c.header('etag', served.etag);
    c.header('cache-control', `public, max-age=${Math.floor(deps.lists.ttlMs / 1000)}`);
    const match = c.req.header('if-none-match');
    // RFC 9110 §13.1.2: a list of entity tags, or *.
    if (match && (match.trim() === '*' || match.split(',').some((t) => t.trim() === served.etag))) {
      return c.body(null, 304);
    }
    c.header('content-type', 'application/json; charset=utf-8');
    return c.body(served.text);
  });

  app.post('/credentials/status', async (c) => {
    await requireBearer(c, deps.token);
    const body = await readJson(c);
    if (!isObject(body)) throw new ServerError('ERR_RECORD_INVALID', { path: '$' });
    const { credentialId, credentialStatus, reason } = body;
    if (typeof credentialId !== 'string' || !/^urn:uuid:[0-9a-f-]{36}$/.test(credentialId)) {
      throw new ServerError('ERR_RECORD_INVALID', { path: 'credentialId' });
    }
    if (!Array.isArray(credentialStatus) || credentialStatus.length !== 1 || !isObject(credentialStatus[0])) {
      throw new ServerError('ERR_RECORD_INVALID', { path: 'credentialStatus' });
    }
    const s = credentialStatus[0];
    if (s.type !== undefined && s.type !== 'BitstringStatusListEntry') {
      throw new ServerError('ERR_RECORD_INVALID', { path: 'credentialStatus[0].type' });
    }
    if (s.statusPurpose !== undefined && s.statusPurpose !== 'revocation') {
      throw new ServerError('ERR_RECORD_INVALID', { path: 'credentialStatus[0].statusPurpose' });
    }
    const want = wanted(s.status);
    if (want === null) throw new ServerError('ERR_RECORD_INVALID', { path: 'credentialStatus[0].status' });
    if (reason !== undefined && (typeof reason !== 'string' || reason.length > 500)) {
      throw new ServerError('ERR_RECORD_INVALID', { path: 'reason' });
    }
    const info = await deps.lists.status(credentialId);
    if (!info) throw new ServerError('ERR_NOT_FOUND');
    // A revocation is final: a record once revoked stays revoked (the employee signs anew).
    if (!want) throw new ServerError('ERR_REVOCATION_FINAL');
    const done = await deps.lists.revoke(credentialId, {
      ...(reason !== undefined && { reason }),
      also: async (tx) => {
        await deps.store.markRevoked(credentialId, tx);
      },
    });
    if (!done) throw new ServerError('ERR_NOT_FOUND');
    deps.log.info({ recordId: credentialId, newlyRevoked: done.newlyRevoked }, 'revoked');
    c.header('cache-control', 'no-store');
    return c.json({
      credentialId,
      credentialStatus: done.entry,
      revoked: true,
      revokedAt: done.revokedAt,
      newlyRevoked: done.newlyRevoked,
    });
  });
}
