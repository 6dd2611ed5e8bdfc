// The intranet as a user and an auditor meet it: HTTP against a real server with a real SQLite file.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalize,
  createPledge,
  digestSignatureStrokes,
  generateKeyPair,
  parseJson,
  signPledge,
  verifyPledge,
} from '@ikrar/core';
import { defaultConfig, startIntranet } from '../src/app.mjs';
import { parseRoster } from '../src/roster.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'ikrar-intranet-'));
const config = defaultConfig({ dataDir, port: 0, host: '127.0.0.1' });
const roster = parseRoster(readFileSync(config.rosterFile, 'utf8'), { now: new Date('2024-10-07') }).rows;
let app;

async function login(identifier) {
  const res = await fetch(`${app.url}/api/session`, { method: 'POST', body: JSON.stringify({ identifier }) });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie').split(';')[0];
}

function credentialFor(employee, overrides = {}) {
  return createPledge({
    template: 'jembrana-2024',
    issuer: { id: app.agency.controller, name: config.agencyName },
    signer: {
      name: employee.name,
      employeeType: employee.employeeType,
      identifier: employee.identifier,
      workUnit: employee.workUnit,
    },
    event: config.event,
    consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'typed', typedName: employee.name },
    timeZone: 'WITA',
    now: new Date('2024-10-07'),
    ...overrides,
  });
}

async function post(body, cookie) {
  return fetch(`${app.url}/api/sign`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie && { cookie }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

beforeAll(async () => {
  app = await startIntranet(config);
});
afterAll(async () => {
  await app?.close();
});

describe('demo intranet', () => {
  it('creates the agency key on first run, readable only by its owner', () => {
    const mode = statSync(path.join(dataDir, 'agency-key.json')).mode & 0o777;
    expect(mode).toBe(0o600);
    expect(app.agency.controller).toMatch(/^did:key:z6Mk/);
    expect(app.db.employeeCount()).toBe(roster.length);
  });

  it('countersigns an employee pledge and stores it; the record verifies', async () => {
    const me = roster[0];
    const cookie = await login(me.identifier);
    const res = await post(credentialFor(me), cookie);
    expect(res.status).toBe(201);
    const record = await res.json();
    const result = await verifyPledge(record);
    expect(result.verified).toBe(true);
    expect(result.issuer).toBe(app.agency.controller);
    expect(res.headers.get('location')).toBe(`/api/records/${record.id.slice(9)}`);
    const again = await (await fetch(`${app.url}${res.headers.get('location')}`)).json();
    expect(again).toEqual(record);
  });

  it('is idempotent: a second pledge by the same employee returns the stored record', async () => {
    const me = roster[1];
    const cookie = await login(me.identifier);
    const [a, b] = await Promise.all([post(credentialFor(me), cookie), post(credentialFor(me), cookie)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const [ra, rb] = [await a.json(), await b.json()];
    expect(ra.id).toBe(rb.id);
    const status = await (await fetch(`${app.url}/api/status`)).json();
    expect(status.people.filter((p) => p.recordId === ra.id.slice(9))).toHaveLength(1);
  });

  it('chains the agency countersignature to an employee key proof', async () => {
    const me = roster[2];
    const cookie = await login(me.identifier);
    const employee = generateKeyPair();
    const c = credentialFor(me);
    c.credentialSubject.id = employee.controller;
    const mine = await signPledge(c, employee);
    const res = await post(mine, cookie);
    expect(res.status).toBe(201);
    const record = await res.json();
    expect(record.proof).toHaveLength(2);
    expect((await verifyPledge(record)).verified).toBe(true);
  });

  const refusals = [
    ['not logged in', async () => [credentialFor(roster[3]), undefined], 401, 'ERR_NOT_LOGGED_IN'],
    [
      'someone else',
      async () => [credentialFor(roster[3]), await login(roster[4].identifier)],
      403,
      'ERR_NOT_YOUR_RECORD',
    ],
    [
      'altered text',
      async () => {
        const c = credentialFor(roster[5]);
        c.credentialSubject.pledge.points[3] = 'Menerima politik uang.';
        return [c, await login(roster[5].identifier)];
      },
      400,
      'ERR_TEXT_ALTERED',
    ],
    [
      'another agency as issuer',
      async () => {
        const c = credentialFor(roster[5]);
        c.issuer = { id: generateKeyPair().controller, name: 'Pemerintah Kota Lain' };
        return [c, await login(roster[5].identifier)];
      },
      400,
      'ERR_ISSUER_MISMATCH',
    ],
    ['duplicate keys', async () => ['{"a":1,"a":2}', await login(roster[5].identifier)], 400, 'ERR_JSON_INVALID'],
    [
      'a body over 256 KiB',
      async () => ['"' + 'x'.repeat(300_000) + '"', await login(roster[5].identifier)],
      413,
      'ERR_BODY_TOO_LARGE',
    ],
  ];
  for (const [name, make, status, code] of refusals) {
    it(`refuses ${name} with ${status} ${code}, in both languages`, async () => {
      const [body, cookie] = await make();
      const res = await post(body, cookie);
      expect(res.status).toBe(status);
      const { error } = await res.json();
      expect(error.code).toBe(code);
      expect(error.messages.id.length).toBeGreaterThan(5);
      expect(error.messages.en.length).toBeGreaterThan(5);
    });
  }

  it('refuses a forged session cookie', async () => {
    const res = await post(credentialFor(roster[6]), `ikrar_session=${roster[6].identifier}.AAAA`);
    expect(res.status).toBe(401);
  });

  it('serves pages under a strict CSP', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<script type="module" src="/app.js"></script>');
    // No inline script anywhere: every <script> has a src.
    expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
    const bundle = await fetch(`${app.url}/vendor/browser/ikrar-netralitas.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('text/javascript');
  });

  it('serves the certificate as a real PDF that carries the record', async () => {
    const status = await (await fetch(`${app.url}/api/status`)).json();
    const id = status.people.find((p) => p.recordId).recordId;
    const res = await fetch(`${app.url}/api/records/${id}/certificate.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(dataDir, 'cert.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    execFileSync('qpdf', ['--check', file]);
    const outDir = mkdtempSync(path.join(tmpdir(), 'ikrar-detach-'));
    execFileSync('pdfdetach', ['-saveall', '-o', outDir, file]);
    const attached = readFileSync(path.join(outDir, `ikrar-${id}.json`), 'utf8');
    expect((await verifyPledge(parseJson(attached))).verified).toBe(true);
  });

  it('reports coverage per work unit with masked identifiers', async () => {
    const status = await (await fetch(`${app.url}/api/status`)).json();
    expect(status.total).toBe(roster.length);
    expect(status.signed).toBe(3);
    expect(status.units.reduce((n, u) => n + u.total, 0)).toBe(roster.length);
    for (const p of status.people) expect(p.identifier).toMatch(/^\*+\d{4}$/);
  });

  it('exports JSONL and a trust store that ikrar-verify accepts (exit 0)', async () => {
    const jsonl = await (await fetch(`${app.url}/api/export.jsonl`)).text();
    const trust = await (await fetch(`${app.url}/trust.json`)).text();
    expect(jsonl.trimEnd().split('\n')).toHaveLength(3);
    // Lines are written in RFC 8785 canonical form.
    for (const line of jsonl.trimEnd().split('\n')) expect(canonicalize(parseJson(line))).toBe(line);
    const dir = mkdtempSync(path.join(tmpdir(), 'ikrar-export-'));
    writeFileSync(path.join(dir, 'records.jsonl'), jsonl);
    writeFileSync(path.join(dir, 'trust.json'), trust);
    const bin = path.resolve(here, '../../../packages/verifier/bin.js');
    const r = spawnSync(
      process.execPath,
      [bin, path.join(dir, 'records.jsonl'), '--trust', path.join(dir, 'trust.json'), '--json'],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ total: 3, valid: 3 });
  });

  it('keeps records and key across a restart', async () => {
    const before = app.agency.controller;
    await app.close();
    app = await startIntranet(config);
    expect(app.agency.created).toBe(false);
    expect(app.agency.controller).toBe(before);
    const status = await (await fetch(`${app.url}/api/status`)).json();
    expect(status.signed).toBe(3);
  });

  it("keeps the strokes of a drawn signature, only the signer's and only the signed ones, and draws them on the certificate", async () => {
    const me = roster[7];
    const drawing = {
      width: 320,
      height: 120,
      strokes: [
        [
          { x: 10, y: 60 },
          { x: 80, y: 20 },
          { x: 150, y: 90 },
          { x: 300, y: 40 },
        ],
      ],
    };
    const cookie = await login(me.identifier);
    const signed = await post(
      credentialFor(me, {
        consent: {
          acknowledgedPoints: [1, 2, 3, 4],
          method: 'drawn',
          signatureDigestMultibase: digestSignatureStrokes(drawing),
        },
      }),
      cookie,
    );
    expect(signed.status).toBe(201);
    const uuid = (await signed.json()).id.slice(9);
    const certificateText = async () => {
      const file = path.join(dataDir, `cert-${Date.now()}.pdf`);
      writeFileSync(
        file,
        Buffer.from(await (await fetch(`${app.url}/api/records/${uuid}/certificate.pdf`)).arrayBuffer()),
      );
      execFileSync('qpdf', ['--check', file]);
      return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    };
    expect(await certificateText()).toContain('gambarnya tidak disertakan');

    const put = (body, who, id = uuid) =>
      fetch(`${app.url}/api/records/${id}/drawing`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...(who && { cookie: who }) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const other = await login(roster[8].identifier);
    const typedRecordOwner = await login(roster[0].identifier);
    const status = await (await fetch(`${app.url}/api/status`)).json();
    const typedId = status.people.find((p) => p.name === roster[0].name).recordId;
    const moved = { ...drawing, strokes: [[...drawing.strokes[0].slice(0, 3), { x: 301, y: 40 }]] };
    for (const [body, who, id, code, httpStatus] of [
      [drawing, undefined, uuid, 'ERR_NOT_LOGGED_IN', 401],
      [drawing, other, uuid, 'ERR_NOT_YOUR_RECORD', 403],
      [drawing, typedRecordOwner, typedId, 'ERR_NOT_DRAWN', 409],
      [moved, cookie, uuid, 'ERR_DRAWING_MISMATCH', 400],
      [{ width: 320 }, cookie, uuid, 'ERR_DRAWING_INVALID', 400],
      ['{"width":1,"width":2}', cookie, uuid, 'ERR_JSON_INVALID', 400],
    ]) {
      const res = await put(body, who, id);
      expect(res.status, code).toBe(httpStatus);
      const { error } = await res.json();
      expect(error.code).toBe(code);
      expect(error.messages.id.length).toBeGreaterThan(5);
    }
    expect((await put(drawing, cookie)).status).toBe(204);
    expect((await put(drawing, cookie)).status).toBe(204); // idempotent
    expect(await certificateText()).not.toContain('gambarnya tidak disertakan');
  });
});
