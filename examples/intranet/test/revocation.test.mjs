// Revocation in the portal (#12) over real HTTP and a real database: every countersigned record
// carries a credentialStatus; only administrators revoke, with a required reason, and the audit
// log keeps who, when, which record, why and from where; the employee signs the event again (a new
// record, the old one stays revoked); coverage counts the valid one; the exported records and
// status lists make ikrar-verify --status report exactly the revoked record as revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPledge } from '@ikrar/core';
import { closePortal, openPortal, verifyExport } from './fixture.mjs';
import { AUDITOR_PASSWORD, client, credentialFor, employeeClient, expectError, staffClient } from './helpers.mjs';

let app, config, roster;
let admin;
let auditor;

beforeAll(async () => {
  ({ app, config, roster } = await openPortal());
  admin = await staffClient(app.url);
  auditor = await staffClient(app.url, 'auditor-uji', AUDITOR_PASSWORD);
});
afterAll(() => closePortal({ app }));

/** Signs `who` in and posts a fresh credential; answers the response's JSON (and asserts 201). */
async function signAs(who) {
  const res = await (await employeeClient(app.url, who.identifier)).post('/api/sign', credentialFor(app, config, who));
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}
const uuidOf = (record) => record.id.slice('urn:uuid:'.length);
const personOf = async (who) => {
  const { people } = await (await admin.get(`/api/admin/people?q=${who.identifier}`)).json();
  expect(people).toHaveLength(1);
  return people[0];
};

describe('revocation in the portal', () => {
  it('every countersigned record carries a BitstringStatusListEntry naming a list anyone can fetch', async () => {
    const record = await signAs(roster[0]);
    expect((await verifyPledge(record)).verified).toBe(true);
    expect(record.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: expect.stringMatching(/^\d+$/),
      statusListCredential: `${config.publicUrl}/status/1`,
    });
    const res = await fetch(`${app.url}/status/1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"/);
    expect((await res.json()).type).toContain('BitstringStatusListCredential');
    const again = await fetch(`${app.url}/status/1`, { headers: { 'if-none-match': res.headers.get('etag') } });
    expect(again.status).toBe(304);
  });

  it('only administrators revoke; a reason is required; CSRF and bad ids are refused, nothing changes', async () => {
    const who = roster[1];
    const record = await signAs(who);
    const url = `/api/admin/records/${uuidOf(record)}/revoke`;
    const ok = { reason: 'Ditandatangani orang lain di meja bersama' };
    await expectError(await auditor.post(url, ok), 403, 'ERR_FORBIDDEN');
    await expectError(await (await employeeClient(app.url, who.identifier)).post(url, ok), 403, 'ERR_FORBIDDEN');
    await expectError(await client(app.url).post(url, ok), 401, 'ERR_NOT_SIGNED_IN');
    await expectError(await admin.post(url, ok, { csrf: false }), 403, 'ERR_CSRF');
    await expectError(
      await admin.post(url, ok, { headers: { 'x-csrf-token': 'x'.repeat(43) }, csrf: false }),
      403,
      'ERR_CSRF',
    );
    await expectError(await admin.post(url, ok, { headers: { origin: 'https://evil.example' } }), 403, 'ERR_CSRF');
    for (const bad of [
      {},
      { reason: '' },
      { reason: '   ' },
      { reason: 7 },
      { reason: 'x'.repeat(501) },
      [],
      JSON.stringify('x'),
    ]) {
      await expectError(await admin.post(url, bad), 400, 'ERR_REASON_REQUIRED');
    }
    await expectError(await admin.post(url, { reason: 'baris\nbaru' }), 400, 'ERR_REASON_REQUIRED');
    await expectError(await admin.post('/api/admin/records/not-a-uuid/revoke', ok), 400, 'ERR_BAD_ID');
    await expectError(
      await admin.post('/api/admin/records/00000000-0000-4000-8000-000000000000/revoke', ok),
      404,
      'ERR_NOT_FOUND',
    );
    // Nothing was revoked by any of those.
    const { records } = await (await admin.get(`/api/admin/people/${(await personOf(who)).id}/records`)).json();
    expect(records).toEqual([expect.objectContaining({ id: uuidOf(record), revoked: false, revocable: true })]);
    const { entries } = await (await admin.get('/api/admin/audit')).json();
    expect(entries.filter((e) => e.action === 'revoke-record')).toEqual([]);
  });

  let revokedRecord;
  let renewed;
  it('an administrator revokes with a reason: one audit entry (who, when, record, reason, where), auditors read it', async () => {
    const who = roster[2];
    revokedRecord = await signAs(who);
    const reason = 'Ditandatangani orang lain di meja bersama';
    const before = await (await admin.get('/api/admin/coverage')).json();
    const res = await admin.post(`/api/admin/records/${uuidOf(revokedRecord)}/revoke`, { reason });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: uuidOf(revokedRecord),
      revoked: true,
      reason,
      newlyRevoked: true,
      statusListCredential: revokedRecord.credentialStatus.statusListCredential,
    });
    // A second click changes nothing and writes no second entry.
    const twice = await admin.post(`/api/admin/records/${uuidOf(revokedRecord)}/revoke`, { reason: 'lagi' });
    expect(await twice.json()).toMatchObject({ newlyRevoked: false, reason });
    const { entries } = await (await admin.get('/api/admin/audit')).json();
    const revocations = entries.filter((e) => e.action === 'revoke-record');
    expect(revocations).toEqual([
      expect.objectContaining({
        actor: 'admin',
        target: revokedRecord.id,
        detail: reason,
        address: expect.stringMatching(/127\.0\.0\.1/),
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    ]);
    // Coverage no longer counts it; the people list says the employee has a revoked record.
    const after = await (await admin.get('/api/admin/coverage')).json();
    expect(after.signed).toBe(before.signed - 1);
    const person = await personOf(who);
    expect(person).toMatchObject({ recordId: null, revokedCount: 1 });
    // The read-only auditor sees the revocation: when, by whom, why.
    const seen = await (await auditor.get(`/api/admin/people/${person.id}/records`)).json();
    expect(seen.person.identifier).not.toBe(who.identifier);
    expect(seen.records).toEqual([
      expect.objectContaining({
        id: uuidOf(revokedRecord),
        revoked: true,
        reason,
        revokedBy: 'admin',
        revokedAtText: expect.stringMatching(/ pukul \d\d\.\d\d WITA$/),
      }),
    ]);
    // The employee's page shows the pledge unsigned again.
    const me = await (await (await employeeClient(app.url, who.identifier)).get('/api/session')).json();
    expect(me.signed).toBeFalsy();
  });

  it('the revoked employee signs the event again: a new record; the portal shows both, coverage counts one', async () => {
    const who = roster[2];
    const before = await (await admin.get('/api/admin/coverage')).json();
    renewed = await signAs(who);
    expect(renewed.id).not.toBe(revokedRecord.id);
    expect(renewed.credentialStatus.statusListIndex).not.toBe(revokedRecord.credentialStatus.statusListIndex);
    // A retry answers the new record, never the revoked one.
    const retry = await (
      await employeeClient(app.url, who.identifier)
    ).post('/api/sign', credentialFor(app, config, who));
    expect(retry.status).toBe(200);
    expect((await retry.json()).id).toBe(renewed.id);
    const after = await (await admin.get('/api/admin/coverage')).json();
    expect(after.signed).toBe(before.signed + 1);
    const person = await personOf(who);
    expect(person).toMatchObject({ recordId: uuidOf(renewed), revokedCount: 1 });
    const { records } = await (await admin.get(`/api/admin/people/${person.id}/records`)).json();
    expect(records.map((r) => [r.id, r.revoked])).toEqual([
      [uuidOf(revokedRecord), true],
      [uuidOf(renewed), false],
    ]);
  });

  it('the export and the status lists: ikrar-verify --status says revoked for exactly that record (exit 1)', async () => {
    const jsonl = await (await admin.get('/api/admin/export.jsonl')).text();
    const lists = await admin.get('/api/admin/status-lists.json');
    expect(lists.status).toBe(200);
    const listsText = await lists.text();
    expect(JSON.parse(listsText)).toHaveLength(1);
    const trust = await (await fetch(`${app.url}/trust.json`)).text();
    const r = verifyExport({ records: jsonl, trust, status: listsText }, 'ikrar-revocation-export-');
    expect(r.status, r.stdout + r.stderr).toBe(1);
    const out = JSON.parse(r.stdout);
    const total = jsonl.trimEnd().split('\n').length;
    expect(out.summary).toMatchObject({ total, valid: total - 1, revoked: 1 });
    expect(out.results.filter((x) => x.verdict === 'revoked').map((x) => x.id)).toEqual([revokedRecord.id]);
    expect(out.results.find((x) => x.id === renewed.id).verdict).toBe('valid');
    // The HTML audit report made in the portal lists the revocation too.
    const html = await (await admin.get('/api/admin/report.html')).text();
    const entry = `${revokedRecord.credentialStatus.statusListCredential}#${revokedRecord.credentialStatus.statusListIndex}`;
    const section = html.slice(html.indexOf('id="revocations"'));
    expect(section).toContain(entry);
    expect(section.match(/status\/1#\d+/g)).toHaveLength(1);
  });

  it('a record with the employee’s own proof and no status entry cannot be revoked alone: 409 ERR_NO_STATUS', async () => {
    // Records stored before status lists (or signed by the employee without a reserved entry).
    const who = roster[3];
    const record = await signAs(who);
    await app.db.run('DELETE FROM ikrar_status_entries WHERE record_id = ?', [record.id]);
    await expectError(
      await admin.post(`/api/admin/records/${uuidOf(record)}/revoke`, { reason: 'uji' }),
      409,
      'ERR_NO_STATUS',
    );
  });
});
