// Signing through the portal over real HTTP and a real SQLite file: countersigned records that
// verify, idempotent retries, the employee's own proof chained, each refusal with its code, the
// certificate (a real PDF carrying the record), drawn strokes, and an export ikrar-verify accepts.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalize,
  digestSignatureStrokes,
  generateKeyPair,
  parseJson,
  signPledge,
  verifyPledge,
} from '@ikrar/core';
import { closePortal, openPortal, tempDir, verifyExport } from './fixture.mjs';
import { credentialFor, employeeClient, expectError, staffClient, startTestPortal } from './helpers.mjs';

let app, config, dataDir, roster;
let firstRecordId;

beforeAll(async () => {
  ({ app, config, dataDir, roster } = await openPortal());
});
afterAll(() => closePortal({ app }));

const sign = async (who, body) =>
  (await employeeClient(app.url, who.identifier)).post('/api/sign', body ?? credentialFor(app, config, who));

describe('signing', () => {
  it('creates the agency key on first run, readable only by its owner, and loads the roster', async () => {
    expect(statSync(path.join(dataDir, 'agency-key.json')).mode & 0o777).toBe(0o600);
    expect(app.agency.controller).toMatch(/^did:key:z6Mk/);
    expect(await app.stores.employees.count()).toBe(roster.length);
  });

  it('countersigns an employee pledge; the record verifies and the employee reads it back', async () => {
    const me = roster[0];
    const c = await employeeClient(app.url, me.identifier);
    const sent = credentialFor(app, config, me);
    const res = await c.post('/api/sign', sent);
    expect(res.status).toBe(201);
    const record = await res.json();
    expect(record.id).toBe(sent.id);
    firstRecordId = record.id;
    const result = await verifyPledge(record);
    expect(result.verified).toBe(true);
    expect(result.issuer).toBe(app.agency.controller);
    expect(res.headers.get('location')).toBe(`/api/records/${record.id.slice(9)}`);
    expect(await (await c.get(res.headers.get('location'))).json()).toEqual(record);
    const me2 = await (await c.get('/api/session')).json();
    expect(me2.signed.recordId).toBe(record.id.slice(9));
    expect(me2.signed.signedAtText).toMatch(/^\d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WITA$/);
  });

  it('is idempotent: two concurrent pledges by one employee store one record (201 then 200)', async () => {
    const me = roster[1];
    const c = await employeeClient(app.url, me.identifier);
    const [a, b] = await Promise.all([
      c.post('/api/sign', credentialFor(app, config, me)),
      c.post('/api/sign', credentialFor(app, config, me)),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect((await a.json()).id).toBe((await b.json()).id);
  });

  it("chains the agency countersignature to the employee's own proof", async () => {
    const me = roster[2];
    const key = generateKeyPair();
    const credential = credentialFor(app, config, me);
    credential.credentialSubject.id = key.controller;
    const res = await sign(me, await signPledge(credential, key));
    expect(res.status).toBe(201);
    const record = await res.json();
    expect(record.proof).toHaveLength(2);
    expect((await verifyPledge(record)).verified).toBe(true);
  });

  it('refuses what the agency must not vouch for, each with its code in both languages, and stores nothing', async () => {
    const who = roster[5];
    const cases = [
      ['someone else', credentialFor(app, config, roster[4]), 403, 'ERR_NOT_YOUR_RECORD'],
      [
        'altered text',
        (() => {
          const c = credentialFor(app, config, who);
          c.credentialSubject.pledge.points[3] = 'Menerima politik uang.';
          return c;
        })(),
        400,
        'ERR_TEXT_ALTERED',
      ],
      [
        'another agency as issuer',
        { ...credentialFor(app, config, who), issuer: { id: generateKeyPair().controller, name: 'Kota Lain' } },
        400,
        'ERR_ISSUER_MISMATCH',
      ],
      [
        'another event',
        (() => {
          const c = credentialFor(app, config, who);
          c.credentialSubject.event.name = 'Pemilu 1999';
          return c;
        })(),
        400,
        'ERR_EVENT_MISMATCH',
      ],
      ['duplicate keys', '{"a":1,"a":2}', 400, 'ERR_JSON_INVALID'],
      ['a body over 256 KiB', '"' + 'x'.repeat(300_000) + '"', 413, 'ERR_BODY_TOO_LARGE'],
      ['an array', [credentialFor(app, config, who)], 400, 'ERR_RECORD_INVALID'],
      [
        'an id that is no urn:uuid',
        { ...credentialFor(app, config, who), id: 'urn:uuid:../../x' },
        400,
        'ERR_RECORD_INVALID',
      ],
      ["another record's id", { ...credentialFor(app, config, who), id: firstRecordId }, 409, 'ERR_ID_TAKEN'],
    ];
    const c = await employeeClient(app.url, who.identifier);
    for (const [name, body, status, code] of cases) {
      await expectError(await c.post('/api/sign', body), status, code).catch((e) => {
        throw new Error(`${name}: ${e.message}`);
      });
    }
    expect((await (await c.get('/api/session')).json()).signed).toBeNull();
  });

  it("the null-id attack: a credential without an id gets the agency's own urn:uuid, and later requests still work", async () => {
    const who = roster[6];
    const res = await sign(who, { ...credentialFor(app, config, who), id: undefined });
    expect(res.status).toBe(201);
    const record = await res.json();
    expect(record.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await verifyPledge(record)).verified).toBe(true);
    const admin = await staffClient(app.url);
    expect((await admin.get('/api/admin/coverage')).status).toBe(200);
    expect((await admin.get('/api/admin/export.jsonl')).status).toBe(200);
  });

  it('serves the certificate as a real PDF that carries the record and whose QR leads to the public page', async () => {
    const me = roster[0];
    const c = await employeeClient(app.url, me.identifier);
    const { signed } = await (await c.get('/api/session')).json();
    const res = await c.get(`/api/records/${signed.recordId}/certificate.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(dataDir, 'cert.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    execFileSync('qpdf', ['--check', file]);
    const out = tempDir('ikrar-detach-');
    execFileSync('pdfdetach', ['-saveall', '-o', out, file]);
    const attached = readFileSync(path.join(out, `ikrar-${signed.recordId}.json`), 'utf8');
    expect((await verifyPledge(parseJson(attached))).verified).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(me.name);
  });

  it("keeps the strokes of a drawn signature, only the signer's and only the signed ones", async () => {
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
    const owner = await employeeClient(app.url, me.identifier);
    const res = await owner.post(
      '/api/sign',
      credentialFor(app, config, me, {
        consent: {
          acknowledgedPoints: [1, 2, 3, 4],
          method: 'drawn',
          signatureDigestMultibase: digestSignatureStrokes(drawing),
        },
      }),
    );
    expect(res.status).toBe(201);
    const uuid = (await res.json()).id.slice(9);
    const other = await employeeClient(app.url, roster[8].identifier);
    const typedOwner = await employeeClient(app.url, roster[0].identifier);
    const typedId = (await (await typedOwner.get('/api/session')).json()).signed.recordId;
    const moved = { ...drawing, strokes: [[...drawing.strokes[0].slice(0, 3), { x: 301, y: 40 }]] };
    for (const [body, who, id, status, code] of [
      [drawing, other, uuid, 404, 'ERR_NOT_FOUND'],
      [drawing, typedOwner, typedId, 409, 'ERR_NOT_DRAWN'],
      [moved, owner, uuid, 400, 'ERR_DRAWING_MISMATCH'],
      [{ width: 320 }, owner, uuid, 400, 'ERR_DRAWING_INVALID'],
      ['{"width":1,"width":2}', owner, uuid, 400, 'ERR_JSON_INVALID'],
    ]) {
      await expectError(await who.put(`/api/records/${id}/drawing`, body), status, code);
    }
    expect((await owner.put(`/api/records/${uuid}/drawing`, drawing)).status).toBe(204);
    expect((await owner.put(`/api/records/${uuid}/drawing`, drawing)).status).toBe(204);
    const file = path.join(dataDir, 'drawn.pdf');
    writeFileSync(file, Buffer.from(await (await owner.get(`/api/records/${uuid}/certificate.pdf`)).arrayBuffer()));
    expect(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })).not.toContain(
      'gambarnya tidak disertakan',
    );
  });

  it('exports canonical JSONL and a trust store that ikrar-verify accepts (exit 0)', async () => {
    const admin = await staffClient(app.url);
    const jsonl = await (await admin.get('/api/admin/export.jsonl')).text();
    const trust = await (await fetch(`${app.url}/trust.json`)).text();
    const lines = jsonl.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(canonicalize(parseJson(line))).toBe(line);
    const r = verifyExport({ records: jsonl, trust }, 'ikrar-export-');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ total: 5, valid: 5 });
  });

  it('mounts the VC-API at the root: verify is open, issue needs the bearer token', async () => {
    const admin = await staffClient(app.url);
    const [line] = (await (await admin.get('/api/admin/export.jsonl')).text()).split('\n');
    const post = (url, body, headers = {}) =>
      fetch(`${app.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const verified = await post('/credentials/verify', JSON.stringify({ verifiableCredential: JSON.parse(line) }));
    expect(verified.status).toBe(200);
    expect((await verified.json()).verified).toBe(true);
    const tampered = JSON.parse(line);
    tampered.credentialSubject.signer.workUnit = 'Badan Intelijen Negara';
    expect(
      (await (await post('/credentials/verify', JSON.stringify({ verifiableCredential: tampered }))).json()).verified,
    ).toBe(false);
    const issue = await post('/credentials/issue', JSON.stringify({ credential: {} }));
    expect(issue.status).toBe(401);
    expect((await issue.json()).error.code).toBe('ERR_UNAUTHORIZED');
  });

  it('keeps records, key and accounts across a restart', async () => {
    const before = app.agency.controller;
    await app.close();
    ({ app } = await startTestPortal({ dataDir, databaseUrl: config.databaseUrl }));
    expect(app.agency.controller).toBe(before);
    expect(app.firstRun.accounts).toEqual([]);
    const admin = await staffClient(app.url);
    expect((await (await admin.get('/api/admin/coverage')).json()).signed).toBe(5);
  });
});
