// The demo intranet's HTTP server: pages, the signing endpoint the widget calls, certificates,
// status against the roster, and exports for auditors. node:http only; no framework.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import {
  JsonInvalidError,
  digestSignatureStrokes,
  isIkrarError,
  maskIdentifier,
  parseJson,
  signPledge,
} from '@ikrar/core';
import { HttpError, SECURITY_HEADERS, parseCookies, readBody, sendError, sendJson } from './http-util.mjs';
import { checkSignRequest } from './sign-request.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * @param {{ db: ReturnType<import('./database.mjs').openDatabase>, agency: ReturnType<import('./agency-key.mjs').loadOrCreateAgencyKey>,
 *   config: import('./config.mjs').Config, sessionSecret: Buffer }} deps
 */
export function createIntranetServer({ db, agency, config, sessionSecret }) {
  const sign = (value) => createHmac('sha256', sessionSecret).update(value).digest('base64url');
  const sessionOf = (req) => {
    const raw = parseCookies(req.headers.cookie).ikrar_session;
    if (!raw) return null;
    const dot = raw.lastIndexOf('.');
    const value = raw.slice(0, dot);
    const mac = Buffer.from(raw.slice(dot + 1));
    const expected = Buffer.from(sign(value));
    if (dot < 0 || mac.length !== expected.length || !timingSafeEqual(mac, expected)) return null;
    return db.employee(value);
  };

  const staticRoots = [
    ['/vendor/', config.widgetDist],
    ['/', config.publicDir],
  ];
  const serveStatic = (req, res, pathname) => {
    for (const [prefix, dir] of staticRoots) {
      if (!pathname.startsWith(prefix) || !dir) continue;
      const rel = pathname === '/' ? 'index.html' : pathname.slice(prefix.length) || 'index.html';
      const file = path.resolve(dir, rel.endsWith('/') ? rel + 'index.html' : rel);
      if (!file.startsWith(path.resolve(dir) + path.sep)) continue;
      const candidate = existsSync(file) ? file : existsSync(file + '.html') ? file + '.html' : null;
      if (!candidate || !statSync(candidate).isFile()) continue;
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': TYPES[path.extname(candidate)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      createReadStream(candidate).pipe(res);
      return true;
    }
    return false;
  };

  const routes = {
    'GET /api/config': (req, res) =>
      sendJson(res, 200, {
        agency: { id: agency.controller, name: config.agencyName },
        event: config.event,
        timeZone: config.timeZone,
        templates: config.templates,
        endpoint: '/api/sign',
      }),

    'POST /api/session': async (req, res) => {
      const body = parseJson(await readBody(req, 4096));
      const employee = typeof body?.identifier === 'string' ? db.employee(body.identifier.replace(/[\s.]/g, '')) : null;
      if (!employee)
        throw new HttpError(404, 'ERR_NOT_IN_ROSTER', {
          en: 'No employee with that number on the roster.',
          id: 'Tidak ada pegawai dengan nomor itu di daftar pegawai.',
        });
      sendJson(
        res,
        200,
        { employee },
        {
          'set-cookie': `ikrar_session=${employee.identifier}.${sign(employee.identifier)}; HttpOnly; SameSite=Strict; Path=/`,
        },
      );
    },

    // Demo only (config.demoLogins): a few roster numbers to try, since there is no real SSO here.
    'GET /api/demo-logins': (req, res) => {
      if (!config.demoLogins) throw new HttpError(404, 'ERR_NOT_FOUND', { en: 'Not found.', id: 'Tidak ditemukan.' });
      const signed = new Set(db.signed(config.event.name).map((r) => r.identifier));
      const byType = ['PNS', 'PPPK', 'PPNPN'].map((t) =>
        db.employees().find((e) => e.employeeType === t && !signed.has(e.identifier)),
      );
      sendJson(
        res,
        200,
        byType.filter(Boolean).map(({ identifier, name, employeeType }) => ({ identifier, name, employeeType })),
      );
    },

    'GET /api/session': (req, res) => {
      const employee = sessionOf(req);
      if (!employee) return sendJson(res, 200, { employee: null, signed: null });
      const signed = db.signed(config.event.name).find((r) => r.identifier === employee.identifier) ?? null;
      sendJson(res, 200, { employee, signed });
    },

    'GET /favicon.ico': (req, res) => {
      res.writeHead(204, SECURITY_HEADERS);
      res.end();
    },

    'DELETE /api/session': (req, res) => sendJson(res, 200, {}, { 'set-cookie': 'ikrar_session=; Max-Age=0; Path=/' }),

    // The endpoint <ikrar-netralitas endpoint="/api/sign"> posts the unsigned credential to.
    'POST /api/sign': async (req, res) => {
      const text = await readBody(req, 256 * 1024);
      let credential;
      try {
        credential = parseJson(text);
      } catch (err) {
        if (err instanceof JsonInvalidError) throw new HttpError(400, 'ERR_JSON_INVALID', err.messages);
        throw err;
      }
      const employee = sessionOf(req);
      await checkSignRequest(credential, { agency, config, employee });
      const record = await signPledge(credential, agency.signer, { timeZone: config.timeZone });
      const { record: stored, created } = db.storeRecord(record, employee.identifier, config.event.name);
      const uuid = stored.id.slice('urn:uuid:'.length);
      sendJson(res, created ? 201 : 200, stored, {
        location: `/api/records/${uuid}`,
        'x-ikrar-replay': created ? '0' : '1',
      });
    },

    'GET /api/status': (req, res) => {
      const signed = new Map(db.signed(config.event.name).map((r) => [r.identifier, r]));
      const units = new Map();
      const people = db.employees().map((e) => {
        const s = signed.get(e.identifier);
        const u = units.get(e.workUnit) ?? { workUnit: e.workUnit, total: 0, signed: 0 };
        u.total++;
        if (s) u.signed++;
        units.set(e.workUnit, u);
        return {
          name: e.name,
          employeeType: e.employeeType,
          identifier: maskIdentifier(e.identifier),
          workUnit: e.workUnit,
          signedAt: s?.signedAt ?? null,
          recordId: s ? s.id.slice(9) : null,
        };
      });
      sendJson(res, 200, {
        event: config.event,
        total: people.length,
        signed: signed.size,
        units: [...units.values()],
        people,
      });
    },

    'GET /api/export.jsonl': (req, res) => {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': 'application/x-ndjson; charset=utf-8',
        'content-disposition': `attachment; filename="ikrar-${config.event.name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.jsonl"`,
      });
      for (const line of db.iterateRecords(config.event.name)) res.write(line + '\n');
      res.end();
    },

    'GET /trust.json': (req, res) =>
      sendJson(res, 200, {
        issuers: [
          {
            id: agency.controller,
            name: config.agencyName,
            validFrom: config.keyValidFrom,
            validUntil: null,
            revokedAt: null,
          },
        ],
      }),
  };

  // The widget's ikrar-signed event carries the strokes of a drawn signature; the page sends them
  // here so the server's certificate can draw it. Only the signer may, and only the drawing whose
  // digest the record holds.
  const drawingRoute = async (req, res, pathname) => {
    const m = /^\/api\/records\/([^/]+)\/drawing$/.exec(pathname);
    if (!m || req.method !== 'PUT') return false;
    if (!UUID.test(m[1])) throw new HttpError(400, 'ERR_BAD_ID', { en: 'Not a record id.', id: 'Bukan id rekaman.' });
    const employee = sessionOf(req);
    if (!employee)
      throw new HttpError(401, 'ERR_NOT_LOGGED_IN', { en: 'Log in first.', id: 'Silakan masuk terlebih dahulu.' });
    const record = db.recordById(`urn:uuid:${m[1]}`);
    if (!record) throw new HttpError(404, 'ERR_NOT_FOUND', { en: 'No such record.', id: 'Rekaman tidak ditemukan.' });
    const subject = record.credentialSubject;
    if (subject.signer.identifier !== employee.identifier) {
      throw new HttpError(403, 'ERR_NOT_YOUR_RECORD', {
        en: 'You can only add the drawing to your own pledge.',
        id: 'Anda hanya dapat menambahkan gambar tanda tangan pada ikrar Anda sendiri.',
      });
    }
    const expected = subject.consent.signatureDigestMultibase;
    if (subject.consent.method !== 'drawn' || typeof expected !== 'string') {
      throw new HttpError(409, 'ERR_NOT_DRAWN', {
        en: 'This pledge was not signed with a drawing.',
        id: 'Ikrar ini tidak ditandatangani dengan gambar tanda tangan.',
      });
    }
    const text = await readBody(req, 512 * 1024);
    let drawing;
    let digest;
    try {
      drawing = parseJson(text);
      digest = digestSignatureStrokes(drawing);
    } catch (err) {
      if (err instanceof JsonInvalidError) throw new HttpError(400, 'ERR_JSON_INVALID', err.messages);
      if (isIkrarError(err)) throw new HttpError(400, 'ERR_DRAWING_INVALID', err.messages);
      throw err;
    }
    if (digest !== expected) {
      throw new HttpError(400, 'ERR_DRAWING_MISMATCH', {
        en: 'This is not the drawing signed in the record.',
        id: 'Gambar ini bukan tanda tangan yang tercatat dalam rekaman.',
      });
    }
    db.storeDrawing(record.id, drawing);
    res.writeHead(204, SECURITY_HEADERS);
    res.end();
    return true;
  };

  const recordRoute = async (req, res, pathname) => {
    const m = /^\/api\/records\/([^/]+)(\/certificate\.pdf)?$/.exec(pathname);
    if (!m || req.method !== 'GET') return false;
    if (!UUID.test(m[1])) throw new HttpError(400, 'ERR_BAD_ID', { en: 'Not a record id.', id: 'Bukan id rekaman.' });
    const record = db.recordById(`urn:uuid:${m[1]}`);
    if (!record) throw new HttpError(404, 'ERR_NOT_FOUND', { en: 'No such record.', id: 'Rekaman tidak ditemukan.' });
    if (!m[2]) {
      sendJson(res, 200, record);
      return true;
    }
    const { renderCertificate } = await import('@ikrar/core/pdf');
    const drawing = db.drawingFor(record.id);
    const bytes = await renderCertificate(record, {
      verificationUrl: `${config.publicUrl}/api/records/${m[1]}`,
      ...(drawing && { signature: drawing }),
    });
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="ikrar-${m[1]}.pdf"`,
    });
    res.end(Buffer.from(bytes));
    return true;
  };

  return createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      const handler = routes[`${req.method} ${pathname}`];
      if (handler) return void (await handler(req, res));
      if (await recordRoute(req, res, pathname)) return;
      if (await drawingRoute(req, res, pathname)) return;
      if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(req, res, pathname)) return;
      throw new HttpError(404, 'ERR_NOT_FOUND', { en: 'Not found.', id: 'Tidak ditemukan.' });
    } catch (err) {
      if (err instanceof JsonInvalidError) sendError(res, new HttpError(400, 'ERR_JSON_INVALID', err.messages));
      else sendError(res, err);
    }
  });
}
