// The countersigning endpoint as the widget, an employee and an attacker meet it (SQLite here;
// the storage suite and the PostgreSQL concurrency test cover the other database).
import {
  canonicalize,
  createPledge,
  digestSignatureStrokes,
  generateKeyPair,
  signPledge,
  verifyPledge,
  type PledgeCredential,
} from '@ikrar/core';
import { digestJson } from '@ikrar/core/crypto';
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AGENCY_NAME, EVENT, NOW, SRI, YUSUF } from './world.js';
import { ownKeyCredential, sqliteService } from './fixture.js';
import { credentialFor, errorOf, postSign, removeTempDirs, type TestService } from './helpers.js';

afterAll(removeTempDirs);

let svc: TestService;
beforeEach(async () => {
  svc = await sqliteService();
});

const clone = <T>(v: T): T => structuredClone(v);

/** Yusuf's credential naming his own key as the subject, as a widget with a browser key builds it. */
const withOwnKey = (own: { controller: string }): PledgeCredential => ownKeyCredential(svc, YUSUF, own);

async function nothingStored(): Promise<void> {
  expect(await svc.store.count(EVENT.id)).toBe(0);
}

describe('POST /sign', () => {
  it('countersigns the credential the widget sends, stores it, and answers exactly that credential with proofs', async () => {
    const credential = credentialFor(svc, YUSUF);
    const res = await postSign(svc, credential, YUSUF.identifier);
    expect(res.status).toBe(201);
    const record = await res.json();
    const result = await verifyPledge(record);
    expect(result.verified).toBe(true);
    expect(result.issuer).toBe(svc.key.controller);
    // The widget's own check: without its proof the record is byte for byte what it sent.
    const { proof, ...rest } = record;
    expect(canonicalize(rest)).toBe(canonicalize(credential));
    expect(proof.created).toBe('2024-10-07T10:00:00+08:00');
    expect(res.headers.get('location')).toBe(`/records/${record.id.slice(9)}`);
    expect(res.headers.get('x-ikrar-replay')).toBe('0');
    expect(await svc.store.find(EVENT.id, YUSUF.identifier)).toEqual(record);
  });

  it('is idempotent: concurrent and later retries answer 200 with the one stored record', async () => {
    const [a, b] = await Promise.all([
      postSign(svc, credentialFor(svc, YUSUF), YUSUF.identifier),
      postSign(svc, credentialFor(svc, YUSUF), YUSUF.identifier),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const [ra, rb] = [await a.json(), await b.json()];
    expect(ra).toEqual(rb);
    const later = await postSign(svc, credentialFor(svc, YUSUF), YUSUF.identifier);
    expect(later.status).toBe(200);
    expect(later.headers.get('x-ikrar-replay')).toBe('1');
    expect((await later.json()).id).toBe(ra.id);
    expect(await svc.store.count(EVENT.id)).toBe(1);
  });

  it('accepts a typed name that differs from the roster only in case and spacing', async () => {
    const c = credentialFor(svc, YUSUF, {
      consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'typed', typedName: "  yusuf   MA'RUF " },
    });
    expect((await postSign(svc, c, YUSUF.identifier)).status).toBe(201);
  });

  it('fills id, validFrom and acknowledgedAt from its own clock and urn:uuid when the client leaves them out', async () => {
    const c = credentialFor(svc, SRI) as Partial<PledgeCredential>;
    delete c.id;
    delete c.validFrom;
    delete (c.credentialSubject!.consent as { acknowledgedAt?: string }).acknowledgedAt;
    const res = await postSign(svc, c, SRI.identifier);
    expect(res.status).toBe(201);
    const record = await res.json();
    expect(record.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(record.validFrom).toBe('2024-10-07T10:00:00+08:00');
    expect(record.credentialSubject.consent.acknowledgedAt).toBe('2024-10-07T10:00:00+08:00');
    expect((await verifyPledge(record)).verified).toBe(true);
  });

  it("chains the agency's countersignature to the employee's own proof", async () => {
    const own = generateKeyPair();
    const mine = await signPledge(withOwnKey(own), own, { created: NOW });
    const res = await postSign(svc, mine, YUSUF.identifier);
    expect(res.status).toBe(201);
    const record = await res.json();
    expect(record.proof).toHaveLength(2);
    expect(record.proof[1].previousProof).toBe(record.proof[0].id);
    expect((await verifyPledge(record)).verified).toBe(true);
  });

  it('replays the null-id attack: no id is stored as null, a null id is refused, and later requests still work', async () => {
    const noId = credentialFor(svc, YUSUF) as Partial<PledgeCredential>;
    delete noId.id;
    const first = await postSign(svc, noId, YUSUF.identifier);
    expect(first.status).toBe(201);
    expect((await first.json()).id).toMatch(/^urn:uuid:/);
    const nullId = { ...credentialFor(svc, SRI), id: null };
    const refused = await postSign(svc, nullId, SRI.identifier);
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).code).toBe('ERR_RECORD_INVALID');
    const after = await postSign(svc, credentialFor(svc, SRI), SRI.identifier);
    expect(after.status).toBe(201);
    const ids = (await svc.store.list(EVENT.id)).map((r) => r.id);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^urn:uuid:/);
    const lines: string[] = [];
    for await (const l of svc.store.lines(EVENT.id)) lines.push(l);
    expect(lines).toHaveLength(2);
  });
});

type Attack = [
  name: string,
  make: () => Promise<[unknown, string | undefined]> | [unknown, string | undefined],
  status: number,
  code: string,
  path?: string,
];

const forged =
  (mutate: (c: PledgeCredential) => void, who = YUSUF) =>
  (): [unknown, string] => {
    const c = clone(credentialFor(svc, who));
    mutate(c);
    return [c, who.identifier];
  };

const ATTACKS: Attack[] = [
  ['no signed-in employee', () => [credentialFor(svc, YUSUF), undefined], 401, 'ERR_NOT_LOGGED_IN'],
  ['someone not on the roster', () => [credentialFor(svc, YUSUF), '199001012015031001'], 403, 'ERR_NOT_IN_ROSTER'],
  ["someone else's pledge", () => [credentialFor(svc, YUSUF), SRI.identifier], 403, 'ERR_NOT_YOUR_RECORD'],
  [
    'a forged work unit',
    forged((c) => void (c.credentialSubject.signer.workUnit = 'Badan Intelijen Negara')),
    403,
    'ERR_SIGNER_MISMATCH',
    'credentialSubject.signer.workUnit',
  ],
  [
    'a forged position',
    forged((c) => void (c.credentialSubject.signer.position = 'Bupati Jembrana')),
    403,
    'ERR_SIGNER_MISMATCH',
    'credentialSubject.signer.position',
  ],
  [
    'a work unit left out',
    forged((c) => void delete c.credentialSubject.signer.workUnit),
    403,
    'ERR_SIGNER_MISMATCH',
    'credentialSubject.signer.workUnit',
  ],
  [
    'another name',
    forged((c) => void (c.credentialSubject.signer.name = 'Donald Duck')),
    403,
    'ERR_SIGNER_MISMATCH',
    'credentialSubject.signer.name',
  ],
  [
    'another employee type',
    forged((c) => void (c.credentialSubject.signer.employeeType = 'PPPK')),
    403,
    'ERR_SIGNER_MISMATCH',
  ],
  [
    'a forged event place',
    forged((c) => void (c.credentialSubject.event.place = 'Gedung Sate')),
    400,
    'ERR_EVENT_MISMATCH',
    'credentialSubject.event.place',
  ],
  [
    'a forged event date',
    forged((c) => void (c.credentialSubject.event.date = '2024-11-27')),
    400,
    'ERR_EVENT_MISMATCH',
    'credentialSubject.event.date',
  ],
  ['another event', forged((c) => void (c.credentialSubject.event.name = 'Pemilu 2029')), 400, 'ERR_EVENT_MISMATCH'],
  [
    'another issuer',
    forged((c) => void (c.issuer = { id: generateKeyPair().controller, name: AGENCY_NAME })),
    400,
    'ERR_ISSUER_MISMATCH',
  ],
  ["another agency's name", forged((c) => void (c.issuer.name = 'Badan Intelijen Negara')), 400, 'ERR_ISSUER_MISMATCH'],
  [
    'a validFrom years ago',
    forged((c) => void (c.validFrom = '2020-01-01T00:00:00+08:00')),
    400,
    'ERR_TIME_INVALID',
    'validFrom',
  ],
  [
    'a validFrom tomorrow',
    forged((c) => void (c.validFrom = '2024-10-08T10:00:00+08:00')),
    400,
    'ERR_TIME_INVALID',
    'validFrom',
  ],
  [
    'a time in another zone',
    forged((c) => void (c.credentialSubject.consent.acknowledgedAt = '2024-10-07T09:00:00+07:00')),
    400,
    'ERR_TIME_INVALID',
    'credentialSubject.consent.acknowledgedAt',
  ],
  [
    'an extra top-level field',
    forged((c) => void ((c as unknown as Record<string, unknown>).evidence = [{ id: 'x' }])),
    400,
    'ERR_FIELD_UNKNOWN',
    'evidence',
  ],
  [
    'an extra signer field',
    forged((c) => void ((c.credentialSubject.signer as Record<string, unknown>).rank = 'IV/e')),
    400,
    'ERR_FIELD_UNKNOWN',
    'credentialSubject.signer.rank',
  ],
  [
    'an extra subject field',
    forged((c) => void ((c.credentialSubject as unknown as Record<string, unknown>).note = 'x')),
    400,
    'ERR_FIELD_UNKNOWN',
    'credentialSubject.note',
  ],
  [
    'a credentialStatus of its own',
    forged(
      (c) =>
        void ((c as unknown as Record<string, unknown>).credentialStatus = {
          id: 'x',
          type: 'BitstringStatusListEntry',
        }),
    ),
    400,
    'ERR_FIELD_UNKNOWN',
    'credentialStatus',
  ],
  [
    'a wrong pledge digest',
    forged((c) => void (c.credentialSubject.pledge.digestMultibase = digestJson({ other: 'text' }))),
    400,
    'ERR_DIGEST_MISMATCH',
    'credentialSubject.pledge.digestMultibase',
  ],
  [
    'an altered point',
    forged((c) => void (c.credentialSubject.pledge.points[3] = 'Menerima politik uang.')),
    400,
    'ERR_TEXT_ALTERED',
    'credentialSubject.pledge.points[3]',
  ],
  ['an altered title', forged((c) => void (c.name = 'Ikrar Palsu')), 400, 'ERR_TEXT_ALTERED', 'name'],
  [
    'an unknown template version',
    forged((c) => void (c.credentialSubject.pledge.templateVersion = '9.9.9')),
    400,
    'ERR_TEMPLATE_NOT_ALLOWED',
  ],
  [
    'a template the event does not use for the type',
    () => {
      const c = credentialFor(svc, SRI);
      c.credentialSubject.pledge.templateId = 'skb-2022-asn';
      return [c, SRI.identifier];
    },
    400,
    'ERR_TEMPLATE_NOT_ALLOWED',
  ],
  [
    "a typed signature that is not the signer's name",
    forged((c) => void (c.credentialSubject.consent.typedName = 'Donald Duck')),
    400,
    'ERR_TYPED_NAME_MISMATCH',
  ],
  [
    'a point not acknowledged',
    forged((c) => void (c.credentialSubject.consent.acknowledgedPoints = [1, 2, 3])),
    400,
    'ERR_CONSENT_INCOMPLETE',
    'credentialSubject.consent.acknowledgedPoints',
  ],
  [
    'points acknowledged out of order',
    forged((c) => void (c.credentialSubject.consent.acknowledgedPoints = [4, 3, 2, 1])),
    400,
    'ERR_CONSENT_INCOMPLETE',
  ],
  [
    'a null id',
    forged((c) => void ((c as unknown as Record<string, unknown>).id = null)),
    400,
    'ERR_RECORD_INVALID',
    'id',
  ],
  ['an id that is no urn:uuid', forged((c) => void (c.id = 'https://evil.example/1')), 400, 'ERR_RECORD_INVALID', 'id'],
  [
    'two credentials',
    () => [[credentialFor(svc, YUSUF), credentialFor(svc, YUSUF)], YUSUF.identifier],
    400,
    'ERR_RECORD_INVALID',
  ],
  ['a bare string', () => ['"hello"', YUSUF.identifier], 400, 'ERR_RECORD_INVALID'],
  ['duplicate keys', () => ['{"id":"a","id":"b"}', YUSUF.identifier], 400, 'ERR_JSON_INVALID'],
  ['a __proto__ key', () => ['{"__proto__":{"admin":true}}', YUSUF.identifier], 400, 'ERR_JSON_INVALID'],
  ['truncated JSON', () => ['{"@context":', YUSUF.identifier], 400, 'ERR_JSON_INVALID'],
  [
    'a body over 256 KiB',
    () => [JSON.stringify({ pad: 'x'.repeat(300_000) }), YUSUF.identifier],
    413,
    'ERR_BODY_TOO_LARGE',
  ],
  [
    'a forged employee proof',
    async () => [
      await signPledge(withOwnKey(generateKeyPair()), generateKeyPair(), { created: NOW }),
      YUSUF.identifier,
    ],
    400,
    'ERR_SIGNATURE_INVALID',
  ],
  [
    'an employee proof over other content',
    async () => {
      const own = generateKeyPair();
      const mine = await signPledge(withOwnKey(own), own, { created: NOW });
      mine.credentialSubject.consent.method = 'click';
      delete mine.credentialSubject.consent.typedName;
      return [mine, YUSUF.identifier];
    },
    400,
    'ERR_SIGNATURE_INVALID',
  ],
  [
    'a proof without an employee key',
    async () => [await signPledge(credentialFor(svc, YUSUF), generateKeyPair(), { created: NOW }), YUSUF.identifier],
    400,
    'ERR_RECORD_INVALID',
    'credentialSubject.id',
  ],
];

describe('refuses, with a stable code in both languages and nothing stored', () => {
  for (const [name, make, status, code, path] of ATTACKS) {
    it(`${name}: ${status} ${code}`, async () => {
      const [body, who] = await make();
      const res = await postSign(svc, body, who);
      const error = await errorOf(res);
      expect({ status: res.status, code: error.code }).toEqual({ status, code });
      if (path !== undefined) expect(error.path).toBe(path);
      expect(error.messages.id.length).toBeGreaterThan(10);
      expect(error.messages.en.length).toBeGreaterThan(10);
      expect(error.messages.id).not.toBe(error.messages.en);
      await nothingStored();
      // No request can make a later request fail.
      expect((await postSign(svc, credentialFor(svc, SRI), SRI.identifier)).status).toBe(201);
    });
  }

  it('a body that is not JSON by content type: 415 ERR_CONTENT_TYPE', async () => {
    const res = await postSign(svc, credentialFor(svc, YUSUF), YUSUF.identifier, { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe('ERR_CONTENT_TYPE');
    await nothingStored();
  });

  it('a body that is not UTF-8: 400 ERR_JSON_INVALID', async () => {
    const res = await svc.app.request('/sign', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-identifier': YUSUF.identifier },
      body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    });
    expect(res.status).toBe(400);
    const e = await errorOf(res);
    expect(e.code).toBe('ERR_JSON_INVALID');
    expect(e.messages.en).toContain('not UTF-8');
  });

  it('after the deadline: 403 ERR_EVENT_CLOSED; a replay of a stored record still answers 200', async () => {
    expect((await postSign(svc, credentialFor(svc, YUSUF), YUSUF.identifier)).status).toBe(201);
    svc.clock.now = new Date('2024-11-01T00:00:00+08:00');
    const late = credentialFor(svc, SRI, { now: svc.clock.now });
    const res = await postSign(svc, late, SRI.identifier);
    expect(res.status).toBe(403);
    const e = await errorOf(res);
    expect(e.code).toBe('ERR_EVENT_CLOSED');
    expect(e.messages.id).toContain('Batas waktu');
    expect((await postSign(svc, credentialFor(svc, YUSUF), YUSUF.identifier)).status).toBe(200);
  });

  it('with no open event: 409 ERR_NO_OPEN_EVENT', async () => {
    const closed = await sqliteService([YUSUF], { event: () => null });
    const res = await postSign(closed, credentialFor(closed, YUSUF), YUSUF.identifier);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('ERR_NO_OPEN_EVENT');
  });

  it("another employee's record id: 409 ERR_ID_TAKEN", async () => {
    const first = await (await postSign(svc, credentialFor(svc, YUSUF), YUSUF.identifier)).json();
    const res = await postSign(svc, credentialFor(svc, SRI, { id: first.id }), SRI.identifier);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('ERR_ID_TAKEN');
    expect(await svc.store.count(EVENT.id)).toBe(1);
  });

  it('a drawn signature keeps its digest; a drawn signature without one is refused', async () => {
    const strokes = {
      width: 320,
      height: 120,
      strokes: [
        [
          { x: 10, y: 60 },
          { x: 80, y: 20 },
          { x: 150, y: 90 },
        ],
      ],
    };
    const drawn = credentialFor(svc, SRI, {
      consent: {
        acknowledgedPoints: [1, 2, 3, 4],
        method: 'drawn',
        signatureDigestMultibase: digestSignatureStrokes(strokes),
      },
    });
    const bad = clone(drawn);
    delete bad.credentialSubject.consent.signatureDigestMultibase;
    const refused = await postSign(svc, bad, SRI.identifier);
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).code).toBe('ERR_RECORD_INVALID');
    const ok = await postSign(svc, drawn, SRI.identifier);
    expect(ok.status).toBe(201);
    expect((await ok.json()).credentialSubject.consent.signatureDigestMultibase).toBe(
      drawn.credentialSubject.consent.signatureDigestMultibase,
    );
  });
});

// Everything the agency signs that the employee does not decide: changing any of it is refused.
const EMPLOYEE_DECIDES = /^(id|credentialSubject\.consent\.(method|typedName|signatureDigestMultibase))$/;

function leafPaths(v: unknown, path = ''): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leafPaths(x, `${path}[${i}]`));
  if (typeof v === 'object' && v !== null)
    return Object.entries(v).flatMap(([k, x]) => leafPaths(x, path ? `${path}.${k}` : k));
  return [path];
}

function setAt(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.match(/[^.[\]]+/g) as string[];
  let o = root as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[keys[keys.length - 1] as string] = value;
}

describe('property: any change to a field the agency vouches for is refused and stores nothing', () => {
  it('holds for random values at every signed path', async () => {
    const base = credentialFor(svc, YUSUF);
    const paths = leafPaths(base).filter((p) => !EMPLOYEE_DECIDES.test(p));
    expect(paths.length).toBeGreaterThan(25);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 2 })),
        async (path, value) => {
          const c = clone(base) as unknown as Record<string, unknown>;
          setAt(c, path, value);
          fc.pre(canonicalize(c) !== canonicalize(base));
          const res = await postSign(svc, c, YUSUF.identifier);
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(await svc.store.count(EVENT.id)).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('GET /records/:uuid', () => {
  it('answers the signer and the bearer of the token; anyone else gets 404', async () => {
    const record = await (await postSign(svc, credentialFor(svc, YUSUF), YUSUF.identifier)).json();
    const path = `/records/${record.id.slice(9)}`;
    const as = (headers: Record<string, string>) => svc.app.request(path, { headers });
    expect(await (await as({ 'x-test-identifier': YUSUF.identifier })).json()).toEqual(record);
    expect((await as({ authorization: 'Bearer test-token-0123456789' })).status).toBe(200);
    for (const h of [{}, { 'x-test-identifier': SRI.identifier }, { authorization: 'Bearer wrong' }] as Record<
      string,
      string
    >[]) {
      const res = await as(h);
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe('ERR_NOT_FOUND');
    }
    expect((await svc.app.request('/records/not-a-uuid')).status).toBe(404);
  });
});

describe('GET /health', () => {
  it('answers ok while the database answers', async () => {
    const res = await svc.app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    await svc.db.close();
    expect((await svc.app.request('/health')).status).toBe(503);
  });
});

// Keep createPledge referenced for readers: the widget builds credentials with it.
void createPledge;
