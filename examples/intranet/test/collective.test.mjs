// The collective pakta integritas over the portal's HTTP API (#15), on SQLite and (in the
// PostgreSQL run) on PostgreSQL: an administrator names three representatives (CSRF, audit
// entry); each signs in and signs with a key of their own, two of them at the same moment; the
// agency countersigns after the last; staff see who has signed; the export verifies with
// ikrar-verify. Attacks: a non-representative (403), an early countersign, a forged proof,
// signing twice, a missing CSRF token, an auditor configuring. Revocation (#12): the record carries
// a credentialStatus; an administrator revokes it with a reason (audit entry, CSRF; auditors and a
// missing reason refused); a revoked document takes no more signatures; the representatives named
// again make a new record; ikrar-verify --status on the export says revoked for the old one; the
// VC-API's POST /credentials/status revokes the new one.
import { generateKeyPair, signPledge, verifyPledge } from '@ikrar/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePortal, openPortal, verifyExport } from './fixture.mjs';
import { AUDITOR_PASSWORD, client, employeeClient, expectError, staffClient } from './helpers.mjs';

let app, config, roster;
let eventId;

const API_TOKEN = 'uji-token-vc-api-0123456789';

beforeAll(async () => {
  ({ app, config, roster } = await openPortal({ apiToken: API_TOKEN }));
  eventId = (await app.stores.events.open()).id;
});
afterAll(() => closePortal({ app }));

/** What /pakta.html does in the representative's browser: sign the document alone, keep the proof. */
async function proofFrom(view, key = generateKeyPair()) {
  const { proof: _ignored, ...credential } = view.document;
  const signed = await signPledge(credential, key, {
    mode: 'set',
    proofId: view.proofId,
    timeZone: view.event.timeZone,
  });
  return signed.proof;
}

describe('the collective pakta integritas in the portal', () => {
  it('admin names three, they sign (two at once), the agency countersigns, the export verifies', async () => {
    const admin = await staffClient(app.url);
    const reps = roster.slice(0, 3);
    const outsider = roster[3];

    // Nothing configured yet: a representative-to-be is told so.
    const early = await employeeClient(app.url, reps[0].identifier);
    await expectError(await early.get('/api/pakta'), 404, 'ERR_COLLECTIVE_NOT_CONFIGURED');

    // Without the CSRF token the change is refused; an auditor may read but not configure.
    const body = { representatives: reps.map((r) => r.identifier) };
    await expectError(await admin.put(`/api/admin/events/${eventId}/pakta`, body, { csrf: false }), 403, 'ERR_CSRF');
    const auditor = await staffClient(app.url, 'auditor-uji', AUDITOR_PASSWORD);
    await expectError(await auditor.put(`/api/admin/events/${eventId}/pakta`, body), 403, 'ERR_FORBIDDEN');
    const unknown = await expectError(
      await admin.put(`/api/admin/events/${eventId}/pakta`, { representatives: ['199001012015031999'] }),
      400,
      'ERR_INPUT_INVALID',
    );
    expect(unknown.messages.en).toBe('Representative 1 is not on the roster.');

    const configured = await admin.put(`/api/admin/events/${eventId}/pakta`, body);
    expect(configured.status).toBe(200);
    const first = await configured.json();
    expect(first.representatives.map((r) => r.name)).toEqual(reps.map((r) => r.name));
    expect(JSON.stringify(first)).not.toContain(reps[0].identifier);
    const audit = await app.db.query("SELECT actor, action, target FROM portal_audit WHERE action = 'pakta-configure'");
    expect(audit).toEqual([{ actor: 'admin', action: 'pakta-configure', target: config.firstEvent.name }]);

    // Someone not named: 403 with a stable code, both languages.
    const stranger = await employeeClient(app.url, outsider.identifier);
    const denied = await expectError(await stranger.get('/api/pakta'), 403, 'ERR_NOT_REPRESENTATIVE');
    expect(denied.messages.id).toBe('Anda bukan salah satu perwakilan yang disebut dalam pakta integritas ini.');
    const theirView = await (await early.get('/api/pakta')).json();
    await expectError(
      await stranger.post('/api/pakta/sign', { proof: await proofFrom(theirView) }),
      403,
      'ERR_NOT_REPRESENTATIVE',
    );

    // The third signs first; a forged proof (another proof's value) is refused, nothing stored.
    const third = await employeeClient(app.url, reps[2].identifier);
    const view3 = await (await third.get('/api/pakta')).json();
    expect(view3.representative).toBe(2);
    const good3 = await proofFrom(view3);
    const other = await proofFrom(view3);
    const forged = await expectError(
      await third.post('/api/pakta/sign', { proof: { ...good3, proofValue: other.proofValue } }),
      400,
      'ERR_SIGNATURE_INVALID',
    );
    expect(forged.messages.en).toBe("The employee's own signature does not verify, or is not theirs.");
    expect((await (await admin.get(`/api/admin/events/${eventId}/pakta`)).json()).signedCount).toBe(0);
    const signed3 = await third.post('/api/pakta/sign', { proof: good3 });
    expect(signed3.status).toBe(201);
    // Twice: the same proof again is answered (200); a second, different one is refused.
    expect((await third.post('/api/pakta/sign', { proof: good3 })).status).toBe(200);
    await expectError(await third.post('/api/pakta/sign', { proof: other }), 409, 'ERR_REPRESENTATIVE_SIGNED');
    // The list no longer changes once someone has signed.
    await expectError(
      await admin.put(`/api/admin/events/${eventId}/pakta`, { representatives: [outsider.identifier] }),
      409,
      'ERR_COLLECTIVE_STARTED',
    );

    // The agency cannot countersign early.
    const tooEarly = await expectError(
      await admin.post(`/api/admin/events/${eventId}/pakta/countersign`, {}),
      409,
      'ERR_COUNTERSIGNATURE_INCOMPLETE',
    );
    expect(tooEarly.messages.en).toBe(
      'The agency countersigns only once every representative has signed: 2 of 3 have not yet.',
    );

    // The first two sign at the same moment: both land, and the agency countersigns once.
    const pair = await Promise.all(reps.slice(0, 2).map((r) => employeeClient(app.url, r.identifier)));
    const views = await Promise.all(pair.map(async (c) => (await c.get('/api/pakta')).json()));
    const proofs = await Promise.all(views.map((v) => proofFrom(v)));
    const answers = await Promise.all(pair.map((c, i) => c.post('/api/pakta/sign', { proof: proofs[i] })));
    expect(answers.map((r) => r.status)).toEqual([201, 201]);

    const status = await (await auditor.get(`/api/admin/events/${eventId}/pakta`)).json();
    expect(status.signedCount).toBe(3);
    expect(status.countersigned).toBe(true);
    expect(status.representatives.map((r) => r.masked)).toEqual(
      reps.map((r) => `${'*'.repeat(r.identifier.length - 4)}${r.identifier.slice(-4)}`),
    );
    expect((await admin.post(`/api/admin/events/${eventId}/pakta/countersign`, {})).status).toBe(200);

    const record = await (await auditor.get(`/api/admin/events/${eventId}/pakta/record.json`)).json();
    expect(record.proof).toHaveLength(4);
    expect((await verifyPledge(record)).verified).toBe(true);
    const pdf = await auditor.get(`/api/admin/events/${eventId}/pakta/certificate.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const downloads = await app.db.query(
      "SELECT actor, action FROM portal_audit WHERE action IN ('pakta-record', 'pakta-certificate') ORDER BY id",
    );
    expect(downloads).toEqual([
      { actor: 'auditor-uji', action: 'pakta-record' },
      { actor: 'auditor-uji', action: 'pakta-certificate' },
    ]);

    // The export holds the countersigned pakta integritas; ikrar-verify accepts it (exit 0).
    const exported = await (await admin.get(`/api/admin/export.jsonl?event=${eventId}`)).text();
    const lines = exported.trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).id)).toContain(record.id);
    const trust = await (await client(app.url).get('/trust.json')).text();
    const run = verifyExport({ records: exported, trust }, 'ikrar-pakta-');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).summary.valid).toBe(lines.length);
  });

  it('an administrator revokes it with a reason; the representatives named again sign a new record', async () => {
    const admin = await staffClient(app.url);
    const auditor = await staffClient(app.url, 'auditor-uji', AUDITOR_PASSWORD);
    const base = `/api/admin/events/${eventId}/pakta`;
    const before = await (await admin.get(base)).json();
    expect(before).toMatchObject({ countersigned: true, revocable: true, revoked: false, earlier: [] });
    const oldId = `urn:uuid:${before.recordId}`;
    const oldRecord = await (await admin.get(`${base}/record.json`)).json();
    expect(oldRecord.id).toBe(oldId);
    expect(oldRecord.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' });

    // Auditors read only; the CSRF token and a reason are required.
    const reason = 'Perwakilan keliru ditetapkan';
    await expectError(await auditor.post(`${base}/revoke`, { reason }), 403, 'ERR_FORBIDDEN');
    await expectError(await admin.post(`${base}/revoke`, { reason }, { csrf: false }), 403, 'ERR_CSRF');
    for (const bad of [{}, { reason: '   ' }, { reason: 'a\u0007b' }, { reason: 'x'.repeat(501) }]) {
      const e = await expectError(await admin.post(`${base}/revoke`, bad), 400, 'ERR_REASON_REQUIRED');
      expect(e.messages.en).toBe('A reason for the revocation is required (1 to 500 characters).');
      expect(e.messages.id).toBe('Alasan pencabutan wajib diisi (1 sampai 500 karakter).');
    }
    expect((await (await admin.get(base)).json()).revoked).toBe(false);

    const res = await admin.post(`${base}/revoke`, { reason });
    expect(res.status).toBe(200);
    const revoked = await res.json();
    expect(revoked).toMatchObject({
      recordId: before.recordId,
      revoked: true,
      newlyRevoked: true,
      reason,
      revokedBy: 'admin',
    });
    expect((await (await admin.post(`${base}/revoke`, { reason: 'lagi' })).json()).newlyRevoked).toBe(false);
    const audit = await app.db.query(
      "SELECT actor, action, target, detail FROM portal_audit WHERE action = 'revoke-record' ORDER BY id",
    );
    expect(audit).toEqual([{ actor: 'admin', action: 'revoke-record', target: oldId, detail: reason }]);

    // The revoked document takes no more signatures and no countersignature.
    const rep = await employeeClient(app.url, roster[0].identifier);
    const repView = await (await rep.get('/api/pakta')).json();
    expect(repView.revoked).toBe(true);
    const closed = await expectError(
      await rep.post('/api/pakta/sign', { proof: await proofFrom(repView) }),
      409,
      'ERR_COLLECTIVE_REVOKED',
    );
    expect(closed.messages.id).toBe(
      'Pakta integritas ini sudah dicabut dan tidak menerima tanda tangan lagi; administrator menetapkan perwakilan lagi untuk pakta yang baru.',
    );

    // Named again: a new record (new id and status entry); the revoked one is listed as earlier.
    const reps = roster.slice(3, 6);
    const next = await (await admin.put(base, { representatives: reps.map((r) => r.identifier) })).json();
    expect(next.recordId).not.toBe(before.recordId);
    expect(next).toMatchObject({ revoked: false, signedCount: 0 });
    expect(next.earlier).toEqual([
      {
        recordId: before.recordId,
        countersigned: true,
        signedCount: 3,
        revokedAt: revoked.revokedAt,
        reason,
        revokedBy: 'admin',
      },
    ]);
    for (const r of reps) {
      const c = await employeeClient(app.url, r.identifier);
      const view = await (await c.get('/api/pakta')).json();
      expect((await c.post('/api/pakta/sign', { proof: await proofFrom(view) })).status).toBe(201);
    }
    const newRecord = await (await admin.get(`${base}/record.json`)).json();
    expect(newRecord.proof).toHaveLength(4);
    expect(newRecord.credentialStatus.statusListIndex).not.toBe(oldRecord.credentialStatus.statusListIndex);

    // The export holds both; ikrar-verify --status: the old one revoked (exit 1), the new one valid.
    const exported = await (await admin.get(`/api/admin/export.jsonl?event=${eventId}`)).text();
    const trust = await (await client(app.url).get('/trust.json')).text();
    // The status lists as they are now, each time.
    const verify = async () => {
      const status = await (await admin.get('/api/admin/status-lists.json')).text();
      return verifyExport({ records: exported, trust, status }, 'ikrar-pakta-revoked-', ['--require-status']);
    };
    let run = await verify();
    expect(run.status, run.stdout + run.stderr).toBe(1);
    const verdicts = new Map(JSON.parse(run.stdout).results.map((r) => [r.id, r.verdict]));
    expect(verdicts.get(oldId)).toBe('revoked');
    expect(verdicts.get(newRecord.id)).toBe('valid');
    expect(JSON.parse(run.stdout).summary.revoked).toBe(1);

    // The VC-API revokes the new record by its id, like any record (bearer token).
    const vc = await client(app.url).post(
      '/credentials/status',
      {
        credentialId: newRecord.id,
        credentialStatus: [{ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', status: '1' }],
        reason: 'uji VC-API',
      },
      { headers: { authorization: `Bearer ${API_TOKEN}` } },
    );
    expect(vc.status, await vc.clone().text()).toBe(200);
    expect((await (await auditor.get(base)).json()).revoked).toBe(true);
    run = await verify();
    expect(JSON.parse(run.stdout).summary.revoked).toBe(2);
  });

  it('anonymous clients and employees cannot reach the staff routes', async () => {
    await expectError(await client(app.url).get(`/api/admin/events/${eventId}/pakta`), 401, 'ERR_NOT_SIGNED_IN');
    const employee = await employeeClient(app.url, roster[4].identifier);
    await expectError(await employee.get(`/api/admin/events/${eventId}/pakta/record.json`), 403, 'ERR_FORBIDDEN');
    await expectError(await client(app.url).post('/api/pakta/sign', { proof: {} }), 401, 'ERR_NOT_SIGNED_IN');
  });
});
