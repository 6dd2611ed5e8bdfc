// Presence at the apel in the record, through the running portal over real HTTP: the phone sends the
// code it scanned in the x-ikrar-apel header; the agency checks it for this event and window and
// notes in the countersigned record's evidence that it was signed at the apel, when and with which
// code; without a code the record says outside the apel; an old, foreign, forged or unreadable code
// is refused in both languages with nothing stored. The records verify with core, with ikrar-verify
// and on the certificate.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTimestamp, verifyPledge } from '@ikrar/core';
import { createApelCodes } from '../src/apel/apel-codes.mjs';
import { closePortal, openPortal, tempDir, verifyExport } from './fixture.mjs';
import { credentialFor, employeeClient, expectError, staffClient } from './helpers.mjs';

const SECRET_HEX = 'a5'.repeat(32);
let app, config, roster;
let codes;
let event;
let previousSecret;

beforeAll(async () => {
  previousSecret = process.env.IKRAR_APEL_SECRET;
  process.env.IKRAR_APEL_SECRET = SECRET_HEX;
  ({ app, config, roster } = await openPortal());
  // The same secret the portal holds: the test can make a code of any window or event.
  codes = await createApelCodes({ secret: Uint8Array.from(Buffer.from(SECRET_HEX, 'hex')) });
  event = await app.stores.events.open();
});
afterAll(async () => {
  if (previousSecret === undefined) delete process.env.IKRAR_APEL_SECRET;
  else process.env.IKRAR_APEL_SECRET = previousSecret;
  await closePortal({ app });
});

const sign = async (employee, code) => {
  const phone = await employeeClient(app.url, employee.identifier);
  const headers = code === undefined ? {} : { 'x-ikrar-apel': code };
  return phone.post('/api/sign', credentialFor(app, config, employee), { headers });
};
const countStored = async () => Number((await app.db.query('SELECT COUNT(*) AS n FROM ikrar_records'))[0].n);

describe('presence at the apel in the record', () => {
  it("signed with the projector's code: the record notes the apel, when and which code, and verifies", async () => {
    const admin = await staffClient(app.url);
    const shown = await (await admin.get(`/api/admin/apel/${event.id}`)).json();
    const before = Date.now();
    const res = await sign(roster[0], shown.code);
    expect(res.status).toBe(201);
    const record = await res.json();
    expect(record.evidence).toHaveLength(1);
    const [presence] = record.evidence;
    expect(presence).toMatchObject({ type: ['ApelPresence'], atApel: true, apelCode: shown.code });
    // When: the code's window start as shown, and the agency's check, in the event's zone (WITA).
    const window = Number(shown.code.split('.')[0]);
    expect(parseTimestamp(presence.apelCodeShownAt).getTime()).toBe(window * 30_000);
    expect(presence.apelCodeShownAt).toMatch(/\+08:00$/);
    const checked = parseTimestamp(presence.checkedAt).getTime();
    expect(checked).toBeGreaterThanOrEqual(before - 1000);
    expect(checked).toBeLessThanOrEqual(Date.now());
    // The agency's proof covers the evidence: verified as is, refused when it is changed.
    expect((await verifyPledge(record)).verified).toBe(true);
    const forged = structuredClone(record);
    forged.evidence[0].atApel = false;
    expect((await verifyPledge(forged)).verified).toBe(false);
    // A retry answers the stored record, presence included.
    const again = await sign(roster[0], shown.code);
    expect(again.status).toBe(200);
    expect((await again.json()).evidence).toEqual(record.evidence);
  });

  it('signed without a code: the record says it was signed outside the apel', async () => {
    const res = await sign(roster[1]);
    expect(res.status).toBe(201);
    const record = await res.json();
    expect(record.evidence).toEqual([{ type: ['ApelPresence'], atApel: false }]);
    expect((await verifyPledge(record)).verified).toBe(true);
  });

  it('refuses an old window, another event, a forged and an unreadable code, in both languages, storing nothing', async () => {
    // Another event's code (creating the event here would make it the open one).
    const other = { id: `${event.id}0` };
    const stale = await codes.issue(event.id, new Date(Date.now() - 4 * 60_000));
    const foreign = await codes.issue(other.id, new Date());
    const forgedCodes = await createApelCodes({ secret: new Uint8Array(32).fill(7) });
    const forged = await forgedCodes.issue(event.id, new Date());
    const future = await codes.issue(event.id, new Date(Date.now() + 5 * 60_000));
    const stored = await countStored();
    const cases = [
      [stale.code, 'ERR_APEL_CODE_EXPIRED', /kedaluwarsa/, /expired/],
      [foreign.code, 'ERR_APEL_CODE_INVALID', /tidak berlaku untuk acara ini/, /not valid for this event/],
      [forged.code, 'ERR_APEL_CODE_INVALID', /tidak berlaku/, /not valid/],
      [future.code, 'ERR_APEL_CODE_INVALID', /tidak berlaku/, /not valid/],
      ['bukan-kode', 'ERR_APEL_CODE_MALFORMED', /tidak terbaca/, /cannot be read/],
      ['', 'ERR_APEL_CODE_MALFORMED', /tidak terbaca/, /cannot be read/],
      [`${stale.code}x`, 'ERR_APEL_CODE_MALFORMED', /tidak terbaca/, /cannot be read/],
    ];
    for (const [code, expected, id, en] of cases) {
      const error = await expectError(await sign(roster[2], code), 400, expected);
      expect(error.messages.id, code).toMatch(id);
      expect(error.messages.en, code).toMatch(en);
      // Every message says the employee can still sign without a code.
      expect(error.messages.id).toMatch(/tanpa kode/);
    }
    expect(await countStored()).toBe(stored);
    // The same employee then signs without the code, once.
    expect((await sign(roster[2])).status).toBe(201);
  });

  it('a client cannot post its own evidence: ERR_FIELD_UNKNOWN', async () => {
    const phone = await employeeClient(app.url, roster[3].identifier);
    const body = {
      ...credentialFor(app, config, roster[3]),
      evidence: [{ type: ['ApelPresence'], atApel: true, apelCode: '1.AAAAAAAAAAAAAAAAAAAAAA' }],
    };
    const error = await expectError(await phone.post('/api/sign', body), 400, 'ERR_FIELD_UNKNOWN');
    expect(error.detail?.path ?? JSON.stringify(error)).toContain('evidence');
  });

  it('the export with presence records verifies with ikrar-verify; the certificate prints the presence', async () => {
    const admin = await staffClient(app.url);
    const jsonl = await (await admin.get(`/api/admin/export.jsonl?event=${event.id}`)).text();
    const lines = jsonl.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.every((l) => JSON.parse(l).evidence?.[0]?.type?.[0] === 'ApelPresence')).toBe(true);
    const trust = await (await fetch(`${app.url}/trust.json`)).text();
    const r = verifyExport({ records: jsonl, trust }, 'ikrar-apel-presence-');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ total: lines.length, valid: lines.length });

    const atApel = lines.map((l) => JSON.parse(l)).find((rec) => rec.evidence[0].atApel);
    const phone = await employeeClient(app.url, atApel.credentialSubject.signer.identifier);
    const pdf = await phone.get(`/api/records/${atApel.id.slice('urn:uuid:'.length)}/certificate.pdf`);
    expect(pdf.status).toBe(200);
    const file = path.join(tempDir('ikrar-apel-presence-'), 'certificate.pdf');
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Kehadiran');
    expect(text).toContain(`(kode apel ${atApel.evidence[0].apelCode})`);
    expect(text).toMatch(/Ditandatangani di apel, \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WITA/);
  });
});
