// Drafts (issue #12 / #15 for records the employee signs with their own key), on SQLite and a
// real PostgreSQL: POST /sign/draft reserves the record id, a status entry and the agency's
// presence evidence for the signed-in employee and the open event; POST /sign takes a credential
// signed over exactly that, and refuses a forged index, another employee's draft, an expired or a
// used one, and fields no draft reserved, each with its code and nothing stored. Reserving is
// idempotent (also when two requests race), expired drafts give their index back, and clients
// without a draft work as before. Digital Bazaar verifies the employee's proof over the status.
import {
  formatTimestamp,
  generateKeyPair,
  signPledge,
  verifyPledge,
  type ApelPresenceEvidence,
  type Ed25519KeyPair,
  type PledgeCredential,
  type SignedPledge,
} from '@ikrar/core';
import { readStatusEntries } from '@ikrar/core/status';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import jsigs from 'jsonld-signatures';
import { afterAll, describe, expect, it } from 'vitest';
import { offlineDocumentLoader } from '../../core/test/fixtures/db-document-loader.js';
import { createDraftStore, type Draft, type IkrarServiceOptions, type SqlDatabase } from '../src/index.js';
import { expectRefusal, ownKeyCredential, revokeVia as revoke, serviceWithStatusLists } from './fixture.js';
import { EVENT, NOW, SRI, YUSUF } from './world.js';
import {
  DIALECTS,
  credentialFor,
  errorOf,
  freshDatabase,
  postSign,
  removeTempDirs,
  type TestService,
} from './helpers.js';

afterAll(removeTempDirs);

const TTL = 10 * 60_000;

/** The host's presence check: the `x-test-apel` header, `GOOD` accepted, anything else refused. */
function presence(now: Date, code: string | undefined): ApelPresenceEvidence[] {
  if (code === undefined) return [{ type: ['ApelPresence'], atApel: false }];
  if (code !== 'GOOD') {
    throw Object.assign(new Error('apel code'), {
      code: 'ERR_APEL_CODE_INVALID',
      status: 400,
      messages: { id: 'Kode apel tidak sah.', en: 'The apel code is not valid.' },
    });
  }
  return [
    {
      type: ['ApelPresence'],
      atApel: true,
      apelCode: code,
      apelCodeShownAt: formatTimestamp(new Date(now.getTime() - 10_000), 'WITA'),
      checkedAt: formatTimestamp(now, 'WITA'),
    },
  ];
}

async function draftService(db: SqlDatabase, extra: Partial<IkrarServiceOptions> = {}): Promise<TestService> {
  const { svc } = await serviceWithStatusLists(db, [YUSUF, SRI], {
    extra: async (statusLists) => ({
      drafts: await createDraftStore(db, { statusLists, ttlMs: TTL }),
      evidence: ({ now }, c) => presence(now, c.req.header('x-test-apel')),
      ...extra,
    }),
  });
  return svc;
}

function postDraft(svc: TestService, who: string, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    svc.app.request('/sign/draft', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-identifier': who, ...headers },
      body: '{}',
    }),
  );
}

async function draftOf(svc: TestService, who: string, headers: Record<string, string> = {}): Promise<Draft> {
  const res = await postDraft(svc, who, headers);
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return (await res.json()) as Draft;
}

/** What the widget does with a browser key: its own DID as subject, the draft in, its own proof. */
async function signOwn(
  svc: TestService,
  employee: typeof YUSUF,
  draft: Partial<Draft>,
  own: Ed25519KeyPair = generateKeyPair(),
): Promise<SignedPledge> {
  const base = ownKeyCredential(svc, employee, own, { ...(draft.id && { id: draft.id }), now: svc.clock.now });
  const { expires: _e, id: _i, ...fields } = draft as Draft & { expires?: string };
  const credential: PledgeCredential = { ...base, ...fields };
  return signPledge(credential, own, { created: svc.clock.now });
}

async function entries(db: SqlDatabase): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM ikrar_status_entries');
  return Number(row?.n);
}

const { documentLoader, refused } = offlineDocumentLoader();

for (const dialect of DIALECTS) {
  describe(`drafts on ${dialect}`, () => {
    it('an employee-signed record carries the reserved id, status entry and apel presence, countersigned', async () => {
      const svc = await draftService(await freshDatabase(dialect));
      const draft = await draftOf(svc, YUSUF.identifier, { 'x-test-apel': 'GOOD' });
      expect(draft.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(draft.credentialStatus).toMatchObject({
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListCredential: 'https://dinas.example/status/1',
      });
      expect(draft.evidence).toEqual(presence(NOW, 'GOOD'));
      expect((draft as { expires?: string }).expires).toBe(formatTimestamp(new Date(NOW.getTime() + TTL), 'WITA'));

      const own = generateKeyPair();
      const mine = await signOwn(svc, YUSUF, draft, own);
      const res = await postSign(svc, mine, YUSUF.identifier);
      expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
      const record = (await res.json()) as SignedPledge;
      expect(record.id).toBe(draft.id);
      expect(record.credentialStatus).toEqual(draft.credentialStatus);
      expect(record.evidence).toEqual(draft.evidence);
      const result = await verifyPledge(record);
      expect(result.verified).toBe(true);
      expect(result.proofs.map((p) => p.controller)).toEqual([own.controller, svc.key.controller]);
      expect(await svc.store.count(EVENT.id)).toBe(1);
      // A retry of the same post answers the stored record; a draft now is refused.
      const again = await postSign(svc, mine, YUSUF.identifier);
      expect(again.status).toBe(200);
      await expectRefusal(await postDraft(svc, YUSUF.identifier), 409, 'ERR_ALREADY_SIGNED', {
        id: 'Anda sudah menandatangani ikrar ini; tidak ada lagi yang perlu disiapkan.',
        en: 'You have already signed this pledge; there is nothing left to draft.',
      });
      // Revoked through the VC-API like any record: the list's bit is the draft's index.
      const revoked = await revoke(svc, record.id);
      expect(revoked.status).toBe(200);
      expect(await revoked.json()).toMatchObject({ revoked: true, newlyRevoked: true });
      await svc.db.close();
    });

    it('reserving again answers the same draft; two reservations at once get one draft and one index', async () => {
      const svc = await draftService(await freshDatabase(dialect));
      const first = await draftOf(svc, YUSUF.identifier);
      const again = await postDraft(svc, YUSUF.identifier, { 'x-test-apel': 'GOOD' });
      expect(again.status).toBe(200);
      // The first reservation stands until it expires (its evidence too).
      expect(await again.json()).toEqual({ ...first });
      const [a, b] = await Promise.all([postDraft(svc, SRI.identifier), postDraft(svc, SRI.identifier)]);
      expect([a.status, b.status].sort()).toEqual([200, 201]);
      const [da, db] = (await Promise.all([a.json(), b.json()])) as Draft[];
      expect(da).toEqual(db);
      expect(da!.id).not.toBe(first.id);
      expect(da!.credentialStatus!.statusListIndex).not.toBe(first.credentialStatus!.statusListIndex);
      // One entry each: the losing request's index went back.
      expect(await entries(svc.db)).toBe(2);
      // Both sign, at the same time.
      const [ry, rs] = await Promise.all([
        signOwn(svc, YUSUF, first).then((m) => postSign(svc, m, YUSUF.identifier)),
        signOwn(svc, SRI, da!).then((m) => postSign(svc, m, SRI.identifier)),
      ]);
      expect([ry.status, rs.status]).toEqual([201, 201]);
      expect(await svc.store.count(EVENT.id)).toBe(2);
      await svc.db.close();
    });

    it('an expired draft is refused and its index given back; the next reservation is a new draft', async () => {
      const svc = await draftService(await freshDatabase(dialect));
      const old = await draftOf(svc, YUSUF.identifier);
      const mine = await signOwn(svc, YUSUF, old);
      svc.clock.now = new Date(NOW.getTime() + TTL);
      await expectRefusal(await postSign(svc, mine, YUSUF.identifier), 409, 'ERR_DRAFT_EXPIRED', {
        id: 'Draf sudah kedaluwarsa; minta draf baru lalu tanda tangani lagi.',
        en: 'The draft has expired; ask for a new one and sign again.',
      });
      expect(await svc.store.count(EVENT.id)).toBe(0);
      const fresh = await draftOf(svc, YUSUF.identifier);
      expect(fresh.id).not.toBe(old.id);
      const lists = (await svc.db.query<{ record_id: string }>('SELECT record_id FROM ikrar_status_entries')).map(
        (r) => r.record_id,
      );
      expect(lists).toEqual([fresh.id]);
      const [{ allocated }] = (await svc.db.query<{ allocated: number }>(
        'SELECT allocated FROM ikrar_status_lists',
      )) as [{ allocated: number }];
      expect(Number(allocated)).toBe(1);
      // Another employee's reservation reclaims abandoned drafts too.
      svc.clock.now = new Date(NOW.getTime() + 3 * TTL);
      await draftOf(svc, SRI.identifier);
      const left = await svc.db.query<{ id: string }>('SELECT id FROM ikrar_drafts');
      expect(left.map((r) => r.id)).not.toContain(fresh.id);
      expect(await entries(svc.db)).toBe(1);
      await svc.db.close();
    });

    it('refuses a forged index, forged evidence, another employee’s draft and fields no draft reserved; nothing stored', async () => {
      const svc = await draftService(await freshDatabase(dialect));
      const yusuf = await draftOf(svc, YUSUF.identifier);
      const sri = await draftOf(svc, SRI.identifier);
      const cases: [string, Promise<SignedPledge>, string, number, string, { id: string; en: string }, string?][] = [
        [
          'forged index',
          signOwn(svc, YUSUF, {
            ...yusuf,
            credentialStatus: { ...yusuf.credentialStatus!, statusListIndex: sri.credentialStatus!.statusListIndex },
          }),
          YUSUF.identifier,
          400,
          'ERR_DRAFT_MISMATCH',
          {
            id: 'Kredensial tidak memuat persis apa yang disiapkan instansi dalam drafnya (credentialStatus.statusListIndex).',
            en: 'The credential does not carry exactly what the agency reserved in its draft (credentialStatus.statusListIndex).',
          },
          'credentialStatus.statusListIndex',
        ],
        [
          'forged presence',
          signOwn(svc, YUSUF, { ...yusuf, evidence: presence(NOW, 'GOOD') }),
          YUSUF.identifier,
          400,
          'ERR_DRAFT_MISMATCH',
          {
            id: 'Kredensial tidak memuat persis apa yang disiapkan instansi dalam drafnya (evidence[0].apelCode).',
            en: 'The credential does not carry exactly what the agency reserved in its draft (evidence[0].apelCode).',
          },
          'evidence[0].apelCode',
        ],
        [
          'status left out',
          signOwn(svc, YUSUF, { id: yusuf.id, evidence: yusuf.evidence! }),
          YUSUF.identifier,
          400,
          'ERR_DRAFT_MISMATCH',
          {
            id: 'Kredensial tidak memuat persis apa yang disiapkan instansi dalam drafnya (credentialStatus).',
            en: 'The credential does not carry exactly what the agency reserved in its draft (credentialStatus).',
          },
          'credentialStatus',
        ],
        [
          "Sri's draft signed by Yusuf",
          signOwn(svc, YUSUF, sri),
          YUSUF.identifier,
          403,
          'ERR_DRAFT_NOT_YOURS',
          {
            id: 'Draf ini disiapkan untuk pegawai lain atau acara lain.',
            en: 'This draft was reserved for another employee or another event.',
          },
        ],
        [
          "Sri's draft id without its fields (an old client's credential)",
          signOwn(svc, YUSUF, { id: sri.id }),
          YUSUF.identifier,
          403,
          'ERR_DRAFT_NOT_YOURS',
          {
            id: 'Draf ini disiapkan untuk pegawai lain atau acara lain.',
            en: 'This draft was reserved for another employee or another event.',
          },
        ],
        [
          'a status entry under an id that is no draft',
          signOwn(svc, YUSUF, { credentialStatus: yusuf.credentialStatus! }),
          YUSUF.identifier,
          400,
          'ERR_FIELD_UNKNOWN',
          {
            id: 'Kredensial memuat isian yang tidak dijamin instansi (credentialStatus).',
            en: 'The credential has a field the agency does not vouch for (credentialStatus).',
          },
          'credentialStatus',
        ],
      ];
      for (const [name, signed, who, status, code, messages, path] of cases) {
        const res = await postSign(svc, await signed, who);
        expect(res.status, name).toBe(status);
        const error = await errorOf(res);
        expect(error, name).toEqual({ code, message: messages.en, messages, ...(path && { path }) });
      }
      // An unsigned credential with another employee's draft id cannot take its index either.
      const unsigned = credentialFor(svc, YUSUF, { id: sri.id });
      const res = await postSign(svc, unsigned, YUSUF.identifier);
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe('ERR_DRAFT_NOT_YOURS');
      expect(await svc.store.count(EVENT.id)).toBe(0);
      // The drafts are still good for their owners.
      const ok = await postSign(svc, await signOwn(svc, SRI, sri), SRI.identifier);
      expect(ok.status).toBe(201);
      await svc.db.close();
    });

    it('a draft whose record was revoked is not used again; the employee asks for a new one', async () => {
      const svc = await draftService(await freshDatabase(dialect));
      const draft = await draftOf(svc, YUSUF.identifier);
      const mine = await signOwn(svc, YUSUF, draft);
      expect((await postSign(svc, mine, YUSUF.identifier)).status).toBe(201);
      const revoked = await revoke(svc, draft.id);
      expect(revoked.status).toBe(200);
      const reused = await postSign(svc, await signOwn(svc, YUSUF, draft), YUSUF.identifier);
      await expectRefusal(reused, 409, 'ERR_DRAFT_USED', {
        id: 'Draf ini sudah dipakai untuk sebuah rekaman; minta draf baru.',
        en: 'A record was already made from this draft; ask for a new one.',
      });
      const next = await draftOf(svc, YUSUF.identifier);
      expect(next.id).not.toBe(draft.id);
      expect((await postSign(svc, await signOwn(svc, YUSUF, next), YUSUF.identifier)).status).toBe(201);
      // The revoked entry stays revoked, never reclaimed.
      expect((await svc.db.query('SELECT 1 FROM ikrar_status_entries WHERE record_id = ?', [draft.id])).length).toBe(1);
      await svc.db.close();
    });
  });
}

describe('drafts: hosts and old clients', () => {
  it("the host's presence refusal is answered with its code; nothing reserved", async () => {
    const svc = await draftService(await freshDatabase('sqlite'));
    const res = await postDraft(svc, YUSUF.identifier, { 'x-test-apel': 'forged' });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({
      code: 'ERR_APEL_CODE_INVALID',
      message: 'The apel code is not valid.',
      messages: { id: 'Kode apel tidak sah.', en: 'The apel code is not valid.' },
    });
    expect(await entries(svc.db)).toBe(0);
    const anonymous = await svc.app.request('/sign/draft', { method: 'POST' });
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe('ERR_NOT_LOGGED_IN');
    await svc.db.close();
  });

  it('clients without a draft work as before: own proof gets no status; unsigned gets status and presence', async () => {
    const svc = await draftService(await freshDatabase('sqlite'));
    const own = generateKeyPair();
    const res = await postSign(svc, await signOwn(svc, YUSUF, {}, own), YUSUF.identifier);
    expect(res.status).toBe(201);
    const record = (await res.json()) as SignedPledge;
    expect(record.credentialStatus).toBeUndefined();
    expect(record.evidence).toBeUndefined();
    const unsigned = await postSign(svc, credentialFor(svc, SRI), SRI.identifier, { 'x-test-apel': 'GOOD' });
    expect(unsigned.status).toBe(201);
    const agencyOnly = (await unsigned.json()) as SignedPledge;
    expect(readStatusEntries(agencyOnly)).toHaveLength(1);
    expect(agencyOnly.evidence).toEqual(presence(NOW, 'GOOD'));
    await svc.db.close();
  });

  it("Digital Bazaar verifies the employee's proof over the reserved status entry, and refuses another index", async () => {
    // Digital Bazaar checks times against the real clock.
    const svc = await draftService(await freshDatabase('sqlite'), { event: () => ({ ...EVENT, deadline: undefined }) });
    svc.clock.now = new Date();
    const draft = await draftOf(svc, YUSUF.identifier);
    const mine = await signOwn(svc, YUSUF, draft);
    const verify = (doc: unknown) =>
      jsigs.verify(structuredClone(doc), {
        suite: new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() }),
        purpose: new jsigs.purposes.AssertionProofPurpose(),
        documentLoader,
      });
    const result = await verify(mine);
    expect(result.error, String(result.error)).toBeUndefined();
    expect(result.verified).toBe(true);
    const other = structuredClone(mine);
    other.credentialStatus!.statusListIndex = String((Number(draft.credentialStatus!.statusListIndex) + 1) % 131072);
    expect((await verify(other)).verified).toBe(false);
    const res = await postSign(svc, mine, YUSUF.identifier);
    expect(res.status).toBe(201);
    expect(refused).toEqual([]);
    await svc.db.close();
  });
});
