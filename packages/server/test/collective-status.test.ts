// The collective pakta integritas carries a credentialStatus like every countersigned record, on
// SQLite and a real PostgreSQL: the entry is reserved when the representatives are named (before
// any proof, so every proof covers it), kept by a new list before anyone signs, released when a
// concurrent naming loses; the record is revoked through the VC-API's POST /credentials/status;
// a revoked document takes no more signatures; naming the representatives again starts a new
// record (new id, new entry) and the revoked one stays in the export; `ikrar-verify --status` on
// that export says `revoked` for the old one and `valid` for the new one.
import { createSigner, generateKeyPair, verifyPledge, type SignedCollective } from '@ikrar/core';
import { isStatusSet, readStatusEntries, verifyStatusListCredential } from '@ikrar/core/status';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createCollectiveService,
  createCollectiveStore,
  type CollectiveService,
  type SqlDatabase,
} from '../src/index.js';
import { EVENT, dbVerify, proofOf, refusal } from './collective-helpers.js';
import { revokeVia, serviceWithStatusLists, verifyExportWithStatus } from './fixture.js';
import { DIALECTS, errorOf, freshDatabase, makeRoster, removeTempDirs } from './helpers.js';

afterAll(removeTempDirs);

const KLATEN = 'Pemerintah Kabupaten Klaten';
const people = makeRoster(4);
const reps = people.slice(0, 3);

/** A service with status lists and the collective, sharing the agency key (as the portal wires it). */
async function setUp(db: SqlDatabase) {
  let collective!: CollectiveService;
  const { svc, lists } = await serviceWithStatusLists(db, people, {
    issuerName: KLATEN,
    extra: async (statusLists, key) => {
      collective = createCollectiveService({
        store: await createCollectiveStore(db),
        signer: key,
        agency: { name: KLATEN },
        statusLists,
      });
      return {
        collective,
        clock: () => new Date(),
        event: () => ({ ...EVENT, place: EVENT.place!, date: EVENT.date!, templates: {} }),
      };
    },
  });
  return { svc, lists, collective, key: svc.key };
}

async function signAll(svc: CollectiveService, who = reps): Promise<SignedCollective> {
  for (const r of who) await svc.sign(EVENT.id, r.identifier, await proofOf(svc, r.identifier, generateKeyPair()));
  return (await svc.get(EVENT.id))!.document as SignedCollective;
}

const entries = async (db: SqlDatabase) =>
  (await db.query<{ record_id: string }>('SELECT record_id FROM ikrar_status_entries ORDER BY record_id')).map(
    (r) => r.record_id,
  );

describe.each(DIALECTS)('the collective record and its status on %s', (dialect) => {
  it('reserves the entry before any proof, revokes through the VC-API, and starts a new record after', async () => {
    const db = await freshDatabase(dialect);
    try {
      const { svc, lists, collective } = await setUp(db);
      const first = await collective.configure(EVENT, people.slice(1, 4));
      const id = first.document.id;
      const entry = first.document.credentialStatus!;
      expect(entry).toEqual((await lists.status(id))!.entry);
      expect(entry.statusPurpose).toBe('revocation');
      expect(first.status).toEqual({ entry, revokedAt: null, reason: null });
      // Named again before anyone signed: the same record id and entry, nothing else reserved.
      const again = await collective.configure(EVENT, reps);
      expect(again.document.id).toBe(id);
      expect(again.document.credentialStatus).toEqual(entry);
      expect(await entries(db)).toEqual([id]);

      const record = await signAll(collective);
      expect(record.credentialStatus).toEqual(entry);
      const check = await verifyPledge(record);
      expect(check.verified, String(check.code)).toBe(true);
      // Digital Bazaar accepts each representative's proof over the document with its status.
      for (const p of (record.proof as unknown[]).slice(0, 3))
        expect(await dbVerify({ ...record, proof: p })).toBe(true);

      const res = await revokeVia(svc, id, { reason: 'perwakilan keliru' });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ credentialId: id, revoked: true, newlyRevoked: true });
      const listRes = await svc.app.request('/status/1');
      const list = await verifyStatusListCredential(await listRes.json());
      if (!list.verified) throw new Error(list.code);
      expect(isStatusSet(list.statusList.list, readStatusEntries(record)[0]!.statusListIndex)).toBe(true);
      expect((await collective.get(EVENT.id))!.status).toMatchObject({ reason: 'perwakilan keliru' });

      // Revoked: no more proofs, no countersignature.
      for (const p of [
        collective.sign(
          EVENT.id,
          reps[0]!.identifier,
          await proofOf(collective, reps[0]!.identifier, generateKeyPair()),
        ),
        collective.countersign(EVENT.id),
      ]) {
        const e = await refusal(p);
        expect(e.code).toBe('ERR_COLLECTIVE_REVOKED');
        expect(e.status).toBe(409);
        expect(e.messages.id).toBe(
          'Pakta integritas ini sudah dicabut dan tidak menerima tanda tangan lagi; administrator menetapkan perwakilan lagi untuk pakta yang baru.',
        );
        expect(e.messages.en).toBe(
          'This pakta integritas has been revoked and takes no more signatures; an administrator names the representatives again for a new one.',
        );
      }
      const over = await svc.app.request('/collective/sign', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-test-identifier': reps[1]!.identifier },
        body: JSON.stringify({ proof: await proofOf(collective, reps[1]!.identifier, generateKeyPair()) }),
      });
      expect(over.status).toBe(409);
      expect((await errorOf(over)).code).toBe('ERR_COLLECTIVE_REVOKED');

      // Named again: a new record under a new id and entry; the revoked one is kept, retired.
      const next = await collective.configure(EVENT, reps);
      expect(next.document.id).not.toBe(id);
      expect(next.document.credentialStatus).not.toEqual(entry);
      expect(next.status!.revokedAt).toBeNull();
      expect((await lists.status(id))!.revokedAt).not.toBeNull();
      const retired = await collective.retired(EVENT.id);
      expect(retired.map((r) => r.document.id)).toEqual([id]);
      expect(retired[0]!.status!.revokedAt).not.toBeNull();
      const newer = await signAll(collective);
      expect((await verifyPledge(newer)).verified).toBe(true);

      // The export holds both; the auditor's ikrar-verify --status says which one is revoked.
      const lines: string[] = [];
      for await (const l of collective.lines(EVENT.id)) lines.push(l);
      expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([id, newer.id]);
      const { status, report: out } = await verifyExportWithStatus(svc, lines, {
        prefix: 'ikrar-collective-status-',
        timeout: 120_000,
      });
      expect(status).toBe(1);
      expect(out.summary).toMatchObject({ total: 2, valid: 1, revoked: 1 });
      expect(out.results.map((x) => [x.id, x.verdict])).toEqual([
        [id, 'revoked'],
        [newer.id, 'valid'],
      ]);
    } finally {
      await db.close();
    }
  });

  it('a revocation after one signature stops the document; the representatives sign the new one', async () => {
    const db = await freshDatabase(dialect);
    try {
      const { collective } = await setUp(db);
      const started = await collective.configure(EVENT, reps);
      await signAll(collective, [reps[1]!]);
      const changed = await refusal(collective.configure(EVENT, people.slice(1, 4)));
      expect(changed.code).toBe('ERR_COLLECTIVE_STARTED');
      const audited: string[] = [];
      const also = async (tx: SqlDatabase, recordId: string) => {
        expect((await tx.query<{ n: number }>('SELECT 1 AS n')).length).toBe(1);
        audited.push(recordId);
      };
      const done = await collective.revoke(EVENT.id, { reason: 'perwakilan diganti', also });
      expect(done).toMatchObject({ recordId: started.document.id, newlyRevoked: true, reason: 'perwakilan diganti' });
      expect((await collective.revoke(EVENT.id, { also }))!.newlyRevoked).toBe(false);
      expect(audited).toEqual([started.document.id]);
      const e = await refusal(collective.sign(EVENT.id, reps[0]!.identifier, {}));
      expect(e.code).toBe('ERR_COLLECTIVE_REVOKED');

      const next = await collective.configure(EVENT, people.slice(1, 4));
      expect(next.progress.pending).toEqual([0, 1, 2]);
      const record = await signAll(collective, people.slice(1, 4));
      expect((await verifyPledge(record)).verified).toBe(true);
      // The revoked document was never countersigned: it is kept, but no export line.
      expect((await collective.retired(EVENT.id)).map((r) => r.progress.countersigned)).toEqual([false]);
      const lines: string[] = [];
      for await (const l of collective.lines(EVENT.id)) lines.push(l);
      expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([record.id]);
    } finally {
      await db.close();
    }
  });

  it('two namings at once reserve one entry; a refused list reserves none', async () => {
    const db = await freshDatabase(dialect);
    try {
      const { collective } = await setUp(db);
      const refused = await refusal(collective.configure(EVENT, [reps[0]!, reps[0]!]));
      expect(refused.code).toBe('ERR_RECORD_INVALID');
      expect(refused.path).toBe('credentialSubject.representatives[1]');
      expect(await entries(db)).toEqual([]);
      const both = await Promise.all([
        collective.configure(EVENT, reps),
        collective.configure(EVENT, people.slice(1, 4)),
        collective.configure(EVENT, people.slice(0, 2)),
      ]);
      const current = (await collective.get(EVENT.id))!.document;
      expect(new Set(both.map((s) => s.document.id))).toEqual(new Set([current.id]));
      expect(await entries(db)).toEqual([current.id]);
      expect(current.credentialStatus).toEqual((await collective.get(EVENT.id))!.status!.entry);
    } finally {
      await db.close();
    }
  });
});

describe('without status lists', () => {
  it('the document has no credentialStatus and revoke answers null', async () => {
    const db = await freshDatabase('sqlite');
    try {
      const collective = createCollectiveService({
        store: await createCollectiveStore(db),
        signer: createSigner(generateKeyPair()),
        agency: { name: 'Pemerintah Kabupaten Klaten' },
      });
      const state = await collective.configure(EVENT, reps);
      expect(state.document.credentialStatus).toBeUndefined();
      expect(state.status).toBeUndefined();
      expect(await collective.revoke(EVENT.id)).toBeNull();
      const none = await refusal(collective.revoke('no-such-event'));
      expect(none.code).toBe('ERR_COLLECTIVE_NOT_CONFIGURED');
      expect(none.messages.en).toBe('This event has no collective pakta integritas.');
    } finally {
      await db.close();
    }
  });
});
