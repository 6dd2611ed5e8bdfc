// Revocation in the service, on SQLite and a real PostgreSQL: every countersigned record carries
// a credentialStatus, the lists are served (ETag, Cache-Control, 304), POST /credentials/status
// revokes (bearer token), concurrent revocations all land (two instances on one PostgreSQL), a
// list is published only after it is stored, and a revoked employee can sign again.
import { generateKeyPair, signPledge, type SignedPledge, type Signer } from '@ikrar/core';
import { isStatusSet, readStatusEntries, verifyStatusListCredential } from '@ikrar/core/status';
import { afterAll, describe, expect, it } from 'vitest';
import { createStatusListStore, openDatabase, type SqlDatabase, type StatusListStore } from '../src/index.js';
import { EVENT, YUSUF } from './world.js';
import {
  DIALECTS,
  credentialFor,
  errorOf,
  freshDatabase,
  freshUrl,
  makeRoster,
  makeService,
  postSign,
  removeTempDirs,
  type TestService,
} from './helpers.js';
import { revokeVia as revoke, serviceWithStatusLists } from './fixture.js';

afterAll(removeTempDirs);

const TOKEN = 'test-token-0123456789';
const BASE = 'https://dinas.example/status';

async function statusService(db: SqlDatabase, n = 4, signer?: Signer) {
  const roster = makeRoster(n);
  return { ...(await serviceWithStatusLists(db, roster, signer && { signer })), roster };
}

async function sign(svc: TestService, who: (typeof YUSUF)['identifier']): Promise<SignedPledge> {
  const employee = svc.roster.get(who)!;
  const res = await postSign(svc, credentialFor(svc, employee, { id: undefined as never }), who);
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return (await res.json()) as SignedPledge;
}

async function served(svc: TestService, id = 1, headers: Record<string, string> = {}) {
  const res = await svc.app.request(`/status/${id}`, { headers });
  return res;
}

async function bitsOf(svc: TestService, key: { controller: string }) {
  const res = await served(svc);
  expect(res.status).toBe(200);
  const r = await verifyStatusListCredential(await res.json());
  if (!r.verified) throw new Error(r.code);
  expect(r.statusList.issuer).toBe(key.controller);
  return r.statusList.list;
}

const indexOf = (record: SignedPledge): number => readStatusEntries(record)[0]!.statusListIndex;

for (const dialect of DIALECTS) {
  describe(`status lists on ${dialect}`, () => {
    it('every countersigned record carries a BitstringStatusListEntry; the list is served with ETag, Cache-Control and 304', async () => {
      const { svc, roster } = await statusService(await freshDatabase(dialect));
      const record = await sign(svc, roster[0]!.identifier);
      expect(record.credentialStatus).toMatchObject({
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListCredential: `${BASE}/1`,
      });
      expect(record.credentialStatus?.statusListIndex).toMatch(/^(0|[1-9][0-9]*)$/);
      const first = await served(svc);
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('public, max-age=300');
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"1-[A-Za-z0-9_-]{16}"$/);
      const list = await bitsOf(svc, svc.key);
      expect(isStatusSet(list, indexOf(record))).toBe(false);
      const again = await served(svc, 1, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.text()).toBe('');
      expect((await served(svc, 2)).status).toBe(404);
      expect((await served(svc, 0)).status).toBe(404);
    });

    it('POST /credentials/status revokes: the bit is set, the ETag changes, revoking again changes nothing', async () => {
      const { svc, roster } = await statusService(await freshDatabase(dialect));
      const a = await sign(svc, roster[0]!.identifier);
      const b = await sign(svc, roster[1]!.identifier);
      const before = (await served(svc)).headers.get('etag')!;
      const res = await revoke(svc, a.id, { reason: 'ditandatangani di meja bersama oleh orang lain' });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ credentialId: a.id, revoked: true, newlyRevoked: true });
      const after = await served(svc, 1, { 'if-none-match': before });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(before);
      const list = await bitsOf(svc, svc.key);
      expect(isStatusSet(list, indexOf(a))).toBe(true);
      expect(isStatusSet(list, indexOf(b))).toBe(false);
      const twice = await revoke(svc, a.id);
      expect(await twice.json()).toMatchObject({ revoked: true, newlyRevoked: false });
    });

    it('two revocations at once on one list both land', async () => {
      const { svc, roster } = await statusService(await freshDatabase(dialect), 6);
      const records = [];
      for (const e of roster) records.push(await sign(svc, e.identifier));
      const results = await Promise.all(records.slice(0, 4).map((r) => revoke(svc, r.id)));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      const list = await bitsOf(svc, svc.key);
      expect(records.map((r) => isStatusSet(list, indexOf(r)))).toEqual([true, true, true, true, false, false]);
    });

    it('a revoked employee signs again for the same event: a new record; the old one stays stored and revoked', async () => {
      const { svc, roster } = await statusService(await freshDatabase(dialect));
      const who = roster[0]!.identifier;
      const old = await sign(svc, who);
      expect((await revoke(svc, old.id)).status).toBe(200);
      const fresh = await sign(svc, who);
      expect(fresh.id).not.toBe(old.id);
      expect(indexOf(fresh)).not.toBe(indexOf(old));
      expect(await svc.store.get(old.id)).toEqual(old);
      expect((await svc.store.find(EVENT.id, who))?.id).toBe(fresh.id);
      const list = await bitsOf(svc, svc.key);
      expect([isStatusSet(list, indexOf(old)), isStatusSet(list, indexOf(fresh))]).toEqual([true, false]);
      // A retry of the new one is a replay, not a third record.
      const replay = await postSign(svc, credentialFor(svc, roster[0]!), who);
      expect(replay.status).toBe(200);
      expect(((await replay.json()) as SignedPledge).id).toBe(fresh.id);
    });
  });
}

describe('POST /credentials/status refuses', () => {
  const cases: [string, Record<string, unknown> | 'no-token' | 'bad-token', number, string, string?][] = [
    ['without a token', 'no-token', 401, 'ERR_UNAUTHORIZED'],
    ['with a wrong token', 'bad-token', 401, 'ERR_UNAUTHORIZED'],
    ['an id that is no urn:uuid', { credentialId: 'x' }, 400, 'ERR_RECORD_INVALID', 'credentialId'],
    ['an unknown record', { credentialId: 'urn:uuid:00000000-0000-4000-8000-000000000000' }, 404, 'ERR_NOT_FOUND'],
    ['undoing a revocation', { credentialStatus: [{ status: '0' }] }, 409, 'ERR_REVOCATION_FINAL'],
    [
      'a status that is neither',
      { credentialStatus: [{ status: 'yes' }] },
      400,
      'ERR_RECORD_INVALID',
      'credentialStatus[0].status',
    ],
    [
      'another purpose',
      { credentialStatus: [{ status: '1', statusPurpose: 'suspension' }] },
      400,
      'ERR_RECORD_INVALID',
      'credentialStatus[0].statusPurpose',
    ],
    ['a reason that is not text', { reason: 5 }, 400, 'ERR_RECORD_INVALID', 'reason'],
  ];
  for (const [name, body, status, code, path] of cases) {
    it(`${name}: ${status} ${code}`, async () => {
      const { svc, roster } = await statusService(await freshDatabase('sqlite'));
      const record = await sign(svc, roster[0]!.identifier);
      const res =
        body === 'no-token'
          ? await svc.app.request('/credentials/status', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ credentialId: record.id, credentialStatus: [{ status: '1' }] }),
            })
          : await revoke(svc, record.id, body === 'bad-token' ? {} : body, body === 'bad-token' ? 'wrong' : TOKEN);
      expect(res.status).toBe(status);
      const err = await errorOf(res);
      expect(err.code).toBe(code);
      expect(err.messages.id.length).toBeGreaterThan(5);
      if (path) expect(err.path).toBe(path);
      const list = await bitsOf(svc, svc.key);
      expect(isStatusSet(list, indexOf(record))).toBe(false);
    });
  }
});

describe('a re-signed list is published only after it is stored', () => {
  // PostgreSQL: readers are not blocked by the revoking transaction (on SQLite, one connection,
  // they wait for it, so they too only ever see a stored list).
  it('while the list is being signed the old one is served; a failed signature revokes nothing', async () => {
    const db = await freshDatabase('postgres');
    const agency = generateKeyPair();
    let gate: Promise<void> | null = null;
    let fail = false;
    const slow: Signer = {
      id: agency.id,
      controller: agency.controller,
      sign: async (data) => {
        if (gate) await gate;
        if (fail) throw new Error('HSM unavailable');
        return (await import('@ikrar/core/crypto')).signEd25519(data, agency.secretKey);
      },
    };
    const lists = await createStatusListStore(db, { signer: slow, issuer: { id: agency.controller }, baseUrl: BASE });
    const entry = await lists.allocate('urn:uuid:11111111-1111-4111-8111-111111111111');
    const before = await lists.credential(1);
    let open!: () => void;
    gate = new Promise((r) => (open = r));
    const pending = lists.revoke('urn:uuid:11111111-1111-4111-8111-111111111111');
    await new Promise((r) => setTimeout(r, 50));
    expect((await lists.credential(1))?.etag).toBe(before?.etag);
    open();
    gate = null;
    await pending;
    const after = await lists.credential(1);
    expect(after?.etag).not.toBe(before?.etag);
    const r = await verifyStatusListCredential(JSON.parse(after!.text));
    expect(r.verified && isStatusSet(r.statusList.list, Number(entry.statusListIndex))).toBe(true);

    fail = true;
    const other = await lists.allocate('urn:uuid:22222222-2222-4222-8222-222222222222').catch((e) => e);
    expect(other).toMatchObject({ statusListIndex: expect.any(String) }); // allocation does not sign
    await expect(lists.revoke('urn:uuid:22222222-2222-4222-8222-222222222222')).rejects.toThrow('HSM unavailable');
    expect((await lists.credential(1))?.etag).toBe(after?.etag);
    expect((await lists.status('urn:uuid:22222222-2222-4222-8222-222222222222'))?.revokedAt).toBeNull();
    await db.close();
  });
});

describe('PostgreSQL: two service instances on one database', () => {
  it('revocations from both instances at once all land in the one list; indexes are random, never repeated', async () => {
    const url = await freshUrl('postgres');
    const dbA = await openDatabase(url);
    const dbB = await openDatabase(url);
    try {
      const { svc: a, roster, lists: listsA } = await statusService(dbA, 12);
      const listsB: StatusListStore = await createStatusListStore(dbB, {
        signer: a.key.signer,
        issuer: { id: a.key.controller, name: 'Pemerintah Kabupaten Jembrana' },
        baseUrl: BASE,
      });
      const b = await makeService(dbB, roster, { key: a.key, statusLists: listsB });
      void listsA;
      const records = await Promise.all(roster.map((e, i) => sign(i % 2 ? b : a, e.identifier)));
      const indexes = records.map(indexOf);
      expect(new Set(indexes).size).toBe(12);
      expect([...indexes].sort((x, y) => x - y)).not.toEqual(indexes);
      const revoked = records.slice(0, 8);
      const res = await Promise.all(revoked.map((r, i) => revoke(i % 2 ? a : b, r.id)));
      expect(res.map((r) => r.status)).toEqual(Array(8).fill(200));
      for (const svc of [a, b]) {
        const list = await bitsOf(svc, a.key);
        expect(records.map((r) => isStatusSet(list, indexOf(r)))).toEqual([
          ...Array(8).fill(true),
          ...Array(4).fill(false),
        ]);
      }
    } finally {
      await dbA.close();
      await dbB.close();
    }
  });
});

describe('employee-signed credentials', () => {
  it('are countersigned without a credentialStatus (their proof already covers the credential)', async () => {
    const { svc, roster } = await statusService(await freshDatabase('sqlite'));
    const own = generateKeyPair();
    const e = roster[0]!;
    const credential = credentialFor(svc, e, {
      signer: { ...e, id: own.controller, position: e.position!, workUnit: e.workUnit! },
    });
    const res = await postSign(svc, await signPledge(credential, own), e.identifier);
    expect(res.status).toBe(201);
    expect(((await res.json()) as SignedPledge).credentialStatus).toBeUndefined();
  });
});
