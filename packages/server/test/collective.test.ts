// The collective pakta integritas service on both databases: three representatives sign one
// document with their own keys, in any order; the agency countersigns when the last one has
// signed; concurrent signings all land (one SQLite file; two instances on one PostgreSQL); and
// what an attacker tries is refused with a stable code in both languages and nothing stored.
import { createSigner, generateKeyPair, verifyPledge, type SignedCollective } from '@ikrar/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createCollectiveService, createCollectiveStore, openDatabase, type SqlDatabase } from '../src/index.js';
import { EVENT, dbVerify, proofOf, refusal } from './collective-helpers.js';
import { DIALECTS, errorOf, freshUrl, makeRoster, makeService, removeTempDirs } from './helpers.js';

afterAll(removeTempDirs);

const people = makeRoster(4);
const reps = people.slice(0, 3);
const outsider = people[3]!;

async function setUp(db: SqlDatabase, agency = generateKeyPair(), autoCountersign = true) {
  const store = await createCollectiveStore(db);
  const svc = createCollectiveService({
    store,
    signer: createSigner(agency),
    agency: { name: 'Pemerintah Kabupaten Klaten' },
    autoCountersign,
  });
  return { store, svc, agency };
}

describe.each(DIALECTS)('collective pakta integritas on %s', (dialect) => {
  it('three representatives sign out of order; the agency countersigns after the last; each proof verifies', async () => {
    const db = await openDatabase(await freshUrl(dialect));
    try {
      const { svc, agency } = await setUp(db, undefined, false);
      await svc.configure(EVENT, reps);
      const keys = reps.map(() => generateKeyPair());
      for (const i of [2, 0]) {
        const r = await svc.sign(EVENT.id, reps[i]!.identifier, await proofOf(svc, reps[i]!.identifier, keys[i]!));
        expect(r.created).toBe(true);
      }
      const early = await refusal(svc.countersign(EVENT.id));
      expect(early.code).toBe('ERR_COUNTERSIGNATURE_INCOMPLETE');
      expect(early.status).toBe(409);
      expect(early.messages.en).toBe(
        'The agency countersigns only once every representative has signed: 1 of 3 have not yet.',
      );
      expect((await svc.get(EVENT.id))!.progress.pending).toEqual([1]);

      await svc.sign(EVENT.id, reps[1]!.identifier, await proofOf(svc, reps[1]!.identifier, keys[1]!));
      const done = await svc.countersign(EVENT.id);
      expect(done.created).toBe(true);
      expect(done.progress.countersigned).toBe(true);
      const record = done.document as SignedCollective;
      const result = await verifyPledge(record);
      expect(result.verified, String(result.code)).toBe(true);
      expect((record.proof as { verificationMethod: string }[])[3]!.verificationMethod.split('#')[0]).toBe(
        agency.controller,
      );
      // Digital Bazaar's verifier accepts each representative's proof on its own (it does not
      // follow the agency's previousProof chain; see DESIGN.md, interop facts).
      for (const p of (record.proof as { previousProof?: unknown }[]).slice(0, 3)) {
        expect(await dbVerify({ ...record, proof: p })).toBe(true);
      }
      expect((await svc.countersign(EVENT.id)).created).toBe(false);
    } finally {
      await db.close();
    }
  });

  it('representatives signing at the same moment all land, and the agency countersigns once', async () => {
    const url = await freshUrl(dialect);
    const dbA = await openDatabase(url);
    // On PostgreSQL a second pool plays a second service instance; on SQLite, one connection.
    const dbB = dialect === 'postgres' ? await openDatabase(url) : dbA;
    try {
      const agency = generateKeyPair();
      const a = await setUp(dbA, agency);
      const b = await setUp(dbB, agency);
      await a.svc.configure(EVENT, reps);
      const proofs = await Promise.all(reps.map((r) => proofOf(a.svc, r.identifier, generateKeyPair())));
      const answers = await Promise.all(
        reps.map((r, i) => (i % 2 ? b.svc : a.svc).sign(EVENT.id, r.identifier, proofs[i])),
      );
      expect(answers.map((x) => x.created)).toEqual([true, true, true]);
      const final = (await a.svc.get(EVENT.id))!;
      expect(final.progress.complete).toBe(true);
      expect(final.progress.countersigned).toBe(true);
      expect((final.document as SignedCollective).proof).toHaveLength(4);
      expect((await verifyPledge(final.document)).verified).toBe(true);
      const lines: string[] = [];
      for await (const l of a.store.lines(EVENT.id)) lines.push(l);
      expect(lines).toHaveLength(1);
    } finally {
      await dbA.close();
      if (dbB !== dbA) await dbB.close();
    }
  });

  it('refuses outsiders, second signatures, forged and stale proofs, and changes after the first signature', async () => {
    const db = await openDatabase(await freshUrl(dialect));
    try {
      const { svc } = await setUp(db);
      expect((await refusal(svc.sign(EVENT.id, reps[0]!.identifier, {}))).code).toBe('ERR_COLLECTIVE_NOT_CONFIGURED');
      await svc.configure(EVENT, reps);
      const key = generateKeyPair();

      const outsiderTry = await refusal(
        svc.sign(EVENT.id, outsider.identifier, await proofOf(svc, reps[0]!.identifier, key)),
      );
      expect(outsiderTry.code).toBe('ERR_NOT_REPRESENTATIVE');
      expect(outsiderTry.status).toBe(403);
      expect(outsiderTry.messages.id).toBe('Anda bukan salah satu perwakilan yang disebut dalam pakta integritas ini.');

      // A forged proof: another proof's signature value in this representative's proof.
      const good = await proofOf(svc, reps[0]!.identifier, key);
      const other = await proofOf(svc, reps[0]!.identifier, generateKeyPair());
      const forged = await refusal(svc.sign(EVENT.id, reps[0]!.identifier, { ...good, proofValue: other.proofValue }));
      expect(forged.code).toBe('ERR_SIGNATURE_INVALID');
      expect(forged.messages.en).toBe("The employee's own signature does not verify, or is not theirs.");
      // Someone else's slot, a chained proof, an old proof.
      const slotOfOther = await proofOf(svc, reps[1]!.identifier, key);
      expect((await refusal(svc.sign(EVENT.id, reps[0]!.identifier, slotOfOther))).path).toBe('proof.id');
      expect(
        (await refusal(svc.sign(EVENT.id, reps[0]!.identifier, { ...good, previousProof: 'urn:uuid:x' }))).path,
      ).toBe('proof.previousProof');
      const stale = await proofOf(svc, reps[0]!.identifier, key, new Date(Date.now() - 3_600_000));
      const staleErr = await refusal(svc.sign(EVENT.id, reps[0]!.identifier, stale));
      expect(staleErr.code).toBe('ERR_TIME_INVALID');
      expect(staleErr.path).toBe('proof.created');
      expect((await refusal(svc.sign(EVENT.id, reps[0]!.identifier, 'proof'))).code).toBe('ERR_RECORD_INVALID');
      expect((await svc.get(EVENT.id))!.progress.pending).toEqual([0, 1, 2]);

      // The same key for two representatives is refused by the set's rules.
      expect((await svc.sign(EVENT.id, reps[0]!.identifier, good)).created).toBe(true);
      const reused = await refusal(svc.sign(EVENT.id, reps[1]!.identifier, slotOfOther));
      expect(reused.code).toBe('ERR_SIGNATURE_INVALID');

      // Twice: the same proof again (a retry) is answered; a different one is refused.
      const again = await svc.sign(EVENT.id, reps[0]!.identifier, good);
      expect(again.created).toBe(false);
      const second = await refusal(
        svc.sign(EVENT.id, reps[0]!.identifier, await proofOf(svc, reps[0]!.identifier, generateKeyPair())),
      );
      expect(second.code).toBe('ERR_REPRESENTATIVE_SIGNED');
      expect(second.status).toBe(409);

      const changed = await refusal(svc.configure(EVENT, people.slice(1, 4)));
      expect(changed.code).toBe('ERR_COLLECTIVE_STARTED');
      const state = (await svc.get(EVENT.id))!;
      expect((state.document as SignedCollective).proof).toHaveLength(1);
      expect(state.progress.pending).toEqual([1, 2]);
    } finally {
      await db.close();
    }
  });
});

describe('configuring', () => {
  it('replaces the list while nobody has signed, and refuses a person twice (ERR_RECORD_INVALID)', async () => {
    const db = await openDatabase(await freshUrl('sqlite'));
    try {
      const { svc } = await setUp(db);
      await svc.configure(EVENT, reps);
      const two = await svc.configure(EVENT, people.slice(2, 4));
      expect(two.progress.representatives.map((r) => r.name)).toEqual([people[2]!.name, people[3]!.name]);
      const twice = await refusal(svc.configure(EVENT, [reps[0]!, reps[0]!]));
      expect(twice.code).toBe('ERR_RECORD_INVALID');
      expect(twice.path).toBe('credentialSubject.representatives[1]');
    } finally {
      await db.close();
    }
  });
});

describe('the service routes GET /collective and POST /collective/sign', () => {
  it('answer a representative, refuse anyone else with 403, and countersign after the last', async () => {
    const db = await openDatabase(await freshUrl('sqlite'));
    try {
      const { svc } = await setUp(db);
      const app = (
        await makeService(db, people, {
          collective: svc,
          clock: () => new Date(),
          event: () => ({ ...EVENT, place: EVENT.place!, date: EVENT.date!, templates: {} }),
        })
      ).app;
      await svc.configure(EVENT, reps);
      const as = (who: string, init: RequestInit = {}) =>
        app.request(init.method === 'POST' ? '/collective/sign' : '/collective', {
          ...init,
          headers: { 'content-type': 'application/json', 'x-test-identifier': who },
        });
      const stranger = await as(outsider.identifier);
      expect(stranger.status).toBe(403);
      const e = await errorOf(stranger);
      expect(e.code).toBe('ERR_NOT_REPRESENTATIVE');
      expect(e.messages.en).toBe('You are not one of the representatives named in this pakta integritas.');
      const anonymous = await app.request('/collective');
      expect((await errorOf(anonymous)).code).toBe('ERR_NOT_LOGGED_IN');

      for (const [n, r] of [reps[1]!, reps[0]!, reps[2]!].entries()) {
        const mine = (await (await as(r.identifier)).json()) as { representative: number };
        expect(mine.representative).toBe(reps.indexOf(r));
        const proof = await proofOf(svc, r.identifier, generateKeyPair());
        const body = JSON.stringify({ proof });
        const res = await as(r.identifier, { method: 'POST', body });
        expect(res.status).toBe(201);
        const view = (await res.json()) as { progress: { pending: number[]; countersigned: boolean } };
        expect(view.progress.pending).toHaveLength(2 - n);
        expect(view.progress.countersigned).toBe(n === 2);
        expect((await as(r.identifier, { method: 'POST', body })).status).toBe(200);
      }
      const extra = await as(reps[0]!.identifier, { method: 'POST', body: JSON.stringify({ proof: {}, more: 1 }) });
      expect((await errorOf(extra)).code).toBe('ERR_RECORD_INVALID');
      expect((await verifyPledge((await svc.get(EVENT.id))!.document)).verified).toBe(true);
    } finally {
      await db.close();
    }
  });
});
