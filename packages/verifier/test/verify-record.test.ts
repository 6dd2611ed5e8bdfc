// Verdict rules of DESIGN.md "Trust store", with records made by @ikrar/core's own API.
import { IkrarError } from '@ikrar/core/errors';
import {
  createSigner,
  defineTemplate,
  generateKeyPair,
  publicKeyToMultibase,
  signPledge,
  verifyPledge,
  type SignedPledge,
} from '@ikrar/core';
import { createProof, digestJson } from '@ikrar/core/crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createRecordVerifier,
  parseTrustStore,
  trustAt,
  verifyRecords,
  createReport,
  TrustStoreInvalidError,
  type RecordResult,
} from '../src/index.js';
import { alterText, makeRecord, trustFor } from './helpers.js';

const agency = generateKeyPair();
const other = generateKeyPair();
const employee = generateKeyPair();
let single: SignedPledge;
let chained: SignedPledge;

beforeAll(async () => {
  single = await makeRecord({ agency });
  chained = await makeRecord({ agency, employee });
});

async function verdictOf(record: unknown, trust: unknown = trustFor(agency), before?: string): Promise<RecordResult> {
  const v = createRecordVerifier({ trustStore: parseTrustStore(trust), ...(before && { before }) });
  return (await v.verify(record)).result;
}

describe('verdicts', () => {
  it('a record whose only proof is by a trusted issuer key is valid', async () => {
    const r = await verdictOf(single);
    expect(r.verdict).toBe('valid');
    expect(r.valid).toBe(true);
    expect(r.proof).toBe(0);
    expect(r.signedAt).toBe('2024-10-07T08:05:00+08:00');
    expect(r.signer?.identifier).toMatch(/^\*+\d{4}$/);
    expect(r.message.id).toBe('Sah.');
  });

  it("an employee's own did:key proof needs no trust entry; the chain ends in the issuer's proof", async () => {
    const r = await verdictOf(chained);
    expect(r.verdict).toBe('valid');
    expect(r.proof).toBe(1);
  });

  it('a chain ending in the employee proof (issuer did not countersign last) is issuer-mismatch', async () => {
    const credential = structuredClone(chained) as unknown as Record<string, unknown>;
    delete credential.proof;
    const agencyFirst = await signPledge(credential as never, agency, { created: '2024-10-07T08:05:00+08:00' });
    const employeeLast = await signPledge(agencyFirst, employee, { created: '2024-10-07T08:06:00+08:00' });
    expect((await verdictOf(employeeLast)).verdict).toBe('issuer-mismatch');
  });

  it('a chained record whose employee proof is broken is invalid-signature, naming that proof', async () => {
    const bad = structuredClone(chained);
    const proofs = bad.proof as { proofValue: string }[];
    const pv = (proofs[0] as { proofValue: string }).proofValue;
    (proofs[0] as { proofValue: string }).proofValue = pv.slice(0, -2) + (pv.endsWith('A') ? 'BB' : 'AA');
    const r = await verdictOf(bad);
    expect(['invalid-signature', 'malformed']).toContain(r.verdict);
    expect(r.valid).toBe(false);
    expect(r.proof).toBe(0);
  });

  it('a tampered field is invalid-signature', async () => {
    const bad = structuredClone(single);
    bad.credentialSubject.signer.name = 'Orang Lain';
    const r = await verdictOf(bad);
    expect(r.verdict).toBe('invalid-signature');
    expect(r.reason).toEqual({ code: 'ERR_SIGNATURE_INVALID' });
  });

  it('an issuer absent from the trust store is untrusted-issuer', async () => {
    expect((await verdictOf(single, trustFor(other))).verdict).toBe('untrusted-issuer');
  });

  it('issuer named A but signed by B is issuer-mismatch', async () => {
    const r = await makeRecord({ agency: other, issuerId: agency.controller });
    expect((await verdictOf(r)).verdict).toBe('issuer-mismatch');
  });

  it('revoked before signing: key-revoked; revoked after signing still vouches', async () => {
    expect((await verdictOf(single, trustFor(agency, { revokedAt: '2024-10-07T08:00:00+08:00' }))).verdict).toBe(
      'key-revoked',
    );
    expect((await verdictOf(single, trustFor(agency, { revokedAt: '2024-10-07T08:05:00+08:00' }))).verdict).toBe(
      'key-revoked',
    );
    expect((await verdictOf(single, trustFor(agency, { revokedAt: '2024-10-08T00:00:00+08:00' }))).verdict).toBe(
      'valid',
    );
  });

  it('outside the validity window: key-not-yet-valid / key-expired (validUntil is exclusive)', async () => {
    expect((await verdictOf(single, trustFor(agency, { validFrom: '2024-10-07T08:05:01+08:00' }))).verdict).toBe(
      'key-not-yet-valid',
    );
    expect((await verdictOf(single, trustFor(agency, { validFrom: '2024-10-07T08:05:00+08:00' }))).verdict).toBe(
      'valid',
    );
    expect((await verdictOf(single, trustFor(agency, { validUntil: '2024-10-07T08:05:00+08:00' }))).verdict).toBe(
      'key-expired',
    );
    expect(
      (await verdictOf(single, trustFor(agency, { validFrom: null, validUntil: '2024-10-07T01:00:00Z' }))).verdict,
    ).toBe('valid');
  });

  it("trust is decided by the final issuer proof's created, not the employee's", async () => {
    const r = await makeRecord({ agency, employee, created: '2023-12-31T23:00:00+08:00' });
    expect((await verdictOf(r)).verdict).toBe('key-not-yet-valid');
  });

  it('altered pledge wording with consistent digest and valid signatures is altered-text', async () => {
    const r = await verdictOf(await alterText(single, agency));
    expect(r.verdict).toBe('altered-text');
    expect(r.reason).toEqual({
      code: 'ERR_PLEDGE_TEXT_ALTERED',
      path: 'credentialSubject.pledge.points[1]',
      detail: 'points[1]',
    });
  });

  it('a template the verifier does not know is unknown-template; known when passed', async () => {
    const custom = defineTemplate({
      id: 'pemkab-contoh',
      version: '1.0.0',
      kind: 'pakta-integritas',
      appliesTo: ['PNS', 'PPPK', 'PPNPN'],
      texts: {
        id: {
          title: 'Pakta Integritas Contoh',
          preamble: 'Saya yang bertanda tangan di bawah ini:',
          points: ['Netral.', 'Tidak berkampanye.'],
          closing: 'Demikian.',
          legalBasis: ['UU 20/2023'],
        },
      },
    } as never);
    const { createPledge } = await import('@ikrar/core');
    const cred = createPledge({
      template: custom,
      issuer: { id: agency.controller, name: 'Pemerintah Kabupaten Jembrana' },
      signer: { name: 'Made', employeeType: 'PPNPN', identifier: '5101014101900001' },
      event: { name: 'Pilkada Serentak 2024' },
      consent: { acknowledgedPoints: [1, 2], method: 'click', acknowledgedAt: '2024-10-07T08:00:00+08:00' },
      now: new Date('2024-10-07T00:00:00Z'),
    });
    const rec = await signPledge(cred, agency, { created: '2024-10-07T08:05:00+08:00' });
    expect((await verdictOf(rec)).verdict).toBe('unknown-template');
    const v = createRecordVerifier({ trustStore: parseTrustStore(trustFor(agency)), templates: [custom] });
    expect((await v.verify(rec)).result.verdict).toBe('valid');
  });

  it('--before: signed after the deadline is after-deadline', async () => {
    expect((await verdictOf(single, trustFor(agency), '2024-10-07T08:00:00+08:00')).verdict).toBe('after-deadline');
    expect((await verdictOf(single, trustFor(agency), '2024-10-07T09:00:00+08:00')).verdict).toBe('valid');
  });

  it('malformed: not an object, no proof, bad JSON text, duplicate keys, __proto__, deep nesting', async () => {
    expect((await verdictOf(42)).verdict).toBe('malformed');
    const noProof = structuredClone(single) as unknown as Record<string, unknown>;
    delete noProof.proof;
    expect((await verdictOf(noProof)).reason).toEqual({ code: 'ERR_PROOF_MISSING' });
    const v = createRecordVerifier({ trustStore: parseTrustStore(trustFor(agency)) });
    const text = JSON.stringify(single);
    expect((await v.verifyText(text)).result.verdict).toBe('valid');
    const json = (detail: string) => ({ code: 'ERR_JSON_INVALID', detail });
    expect((await v.verifyText(text.slice(0, -10))).result.reason).toEqual(json('syntax'));
    expect((await v.verifyText(`{"a":1,"a":2}`)).result.reason).toEqual(json('duplicate-key'));
    expect((await v.verifyText(`{"__proto__":{"x":1}}`)).result.reason).toEqual(json('proto-key'));
    expect((await v.verifyText('['.repeat(100_000))).result.reason).toEqual(json('too-deep'));
    const proofNoCreated = structuredClone(single) as unknown as { proof: Record<string, unknown> };
    expect(proofNoCreated.proof.created).toBeDefined();
  });

  it('did:web issuers take their key from the trust store', async () => {
    const did = 'did:web:jembranakab.go.id';
    const key = generateKeyPair();
    const signer = {
      id: `${did}#kunci-1`,
      controller: did,
      publicKey: key.publicKey,
      sign: async (d: Uint8Array) => (await import('@ikrar/core/crypto')).signEd25519(d, key.secretKey),
    };
    const rec = await makeRecord({ agency: signer as never, issuerId: did });
    const trust = {
      issuers: [
        {
          id: did,
          name: 'Jembrana',
          validFrom: null,
          validUntil: null,
          revokedAt: null,
          publicKeyMultibase: publicKeyToMultibase(key.publicKey),
        },
      ],
    };
    expect((await verdictOf(rec, trust)).verdict).toBe('valid');
    expect((await verdictOf(rec, trustFor(agency))).verdict).toBe('untrusted-issuer');
  });

  it('identifiers are shown in full only with reveal', async () => {
    const v = createRecordVerifier({ trustStore: parseTrustStore(trustFor(agency)), reveal: true });
    expect((await v.verify(single)).result.signer?.identifier).toBe(single.credentialSubject.signer.identifier);
  });
});

describe('trust store', () => {
  it('rejects bad shapes with a path and a stable code', () => {
    const cases: [unknown, string][] = [
      [null, '$'],
      [{}, 'issuers'],
      [{ issuers: [{ id: 'nope' }] }, 'issuers[0].id'],
      [{ issuers: [{ id: agency.controller, validFrom: 'kemarin' }] }, 'issuers[0].validFrom'],
      [{ issuers: [{ id: 'did:web:x.go.id' }] }, 'issuers[0].publicKeyMultibase'],
      [{ issuers: [{ id: agency.controller }, { id: agency.controller }] }, 'issuers[1].id'],
    ];
    for (const [value, path] of cases) {
      try {
        parseTrustStore(value);
        expect.unreachable(`accepted ${JSON.stringify(value)}`);
      } catch (err) {
        expect(err).toBeInstanceOf(TrustStoreInvalidError);
        // One error system: the verifier's errors extend core's base class.
        expect(err).toBeInstanceOf(IkrarError);
        expect((err as TrustStoreInvalidError).name).toBe('TrustStoreInvalidError');
        expect((err as TrustStoreInvalidError).code).toBe('ERR_TRUST_STORE_INVALID');
        expect((err as TrustStoreInvalidError).path).toBe(path);
        expect((err as TrustStoreInvalidError).messages.id).toContain('Daftar kepercayaan');
      }
    }
  });

  it('trustAt compares instants across offsets', () => {
    const store = parseTrustStore(trustFor(agency, { validFrom: '2024-10-07T08:00:00+08:00' }));
    expect(trustAt(store, agency.controller, '2024-10-07T07:00:00+07:00').status).toBe('trusted');
    expect(trustAt(store, agency.controller, '2024-10-07T06:59:59+07:00').status).toBe('not-yet-valid');
    expect(trustAt(store, other.controller, '2024-10-07T08:00:00+08:00').status).toBe('untrusted');
  });
});

describe('verifyRecords and the report', () => {
  it('yields one result per item in order, marks the second signing of a person as duplicate', async () => {
    const nip = '199001012015031999';
    const a = await makeRecord({ agency, identifier: nip });
    const b = await makeRecord({ agency, identifier: nip, created: '2024-10-07T09:00:00+08:00' });
    const c = await makeRecord({ agency, identifier: nip, event: 'Pemilu 2029' });
    const report = createReport({
      roster: [
        { identifier: nip, workUnit: 'Dinas Kominfo' },
        { identifier: '199001012015032998', name: 'Belum', workUnit: 'Inspektorat' },
      ],
    });
    const out: RecordResult[] = [];
    async function* items() {
      yield JSON.stringify(a);
      yield { record: a }; // the same record again (e.g. its PDF): not a second signing
      yield { record: b };
      yield JSON.stringify(c);
      yield '{oops';
    }
    for await (const r of verifyRecords(items(), {
      trustStore: parseTrustStore(trustFor(agency)),
      onOutcome: (o) => report.add(o),
    }))
      out.push(r);
    expect(out.map((r) => r.verdict)).toEqual(['valid', 'valid', 'duplicate', 'valid', 'malformed']);
    expect(out[0]?.source?.line).toBe(1);
    expect(out[4]?.source?.line).toBe(5);
    const rep = report.finish();
    expect(rep.summary.total).toBe(5);
    expect(rep.summary.valid).toBe(3);
    expect(rep.summary.duplicate).toBe(1);
    expect(rep.summary.malformed).toBe(1);
    expect(rep.coverage?.signed).toBe(1);
    expect(rep.coverage?.notSigned.map((p) => p.name)).toEqual(['Belum']);
    expect(rep.coverage?.units.find((u) => u.workUnit === 'Inspektorat')).toEqual({
      workUnit: 'Inspektorat',
      expected: 1,
      signed: 0,
    });
    expect(rep.timeline).toEqual([{ date: '2024-10-07', count: 3 }]);
  });
});

describe('undated-proof: a foreign proof without created (optional in Data Integrity 1.0 §2.1)', () => {
  // Our primitive with `created` left out, signed afresh over the credential: a valid proof.
  async function undated(): Promise<SignedPledge> {
    const credential = structuredClone(single) as unknown as Record<string, unknown>;
    delete credential.proof;
    const proof = await createProof(credential, createSigner(agency), {
      id: 'urn:uuid:5b7e4c1a-0d2f-4c55-9a0e-3f3c2b1a0d9e',
    });
    expect(proof).not.toHaveProperty('created');
    return { ...(credential as unknown as SignedPledge), proof };
  }

  it('verifies as a signature, but gets its own verdict (not malformed), code and message in both languages', async () => {
    const record = await undated();
    expect((await verifyPledge(record)).verified).toBe(true);
    const r = await verdictOf(record);
    expect(r.verdict).toBe('undated-proof');
    expect(r.valid).toBe(false);
    expect(r.reason).toEqual({ code: 'ERR_PROOF_CREATED_MISSING' });
    expect(r.proof).toBe(0);
    expect(r.message.en).toBe(
      "The issuer's proof has no created time: the record cannot be placed in the issuer key's trust window.",
    );
    expect(r.message.id).toMatch(/^Bukti penerbit tidak mencantumkan waktu \(created\)/);
  });

  it('a tampered undated record is still invalid-signature, and the report counts undated-proof', async () => {
    const record = await undated();
    const tampered = structuredClone(record);
    tampered.credentialSubject.signer.name = 'Orang Lain';
    expect((await verdictOf(tampered)).verdict).toBe('invalid-signature');
    const report = createReport();
    const v = createRecordVerifier({ trustStore: parseTrustStore(trustFor(agency)) });
    for (const rec of [single, record, tampered]) report.add(await v.verify(rec));
    const { summary } = report.finish();
    expect(summary).toMatchObject({ total: 3, valid: 1, 'undated-proof': 1, 'invalid-signature': 1, malformed: 0 });
  });
});

describe('no state shared between verifiers', () => {
  it('a verifier given a wrong sha256 cannot change what another verifier in the same process says', async () => {
    const constant = (): Uint8Array => new Uint8Array(32).fill(7);
    const genuine = await makeRecord({ agency });
    // The genuine text under the digest a wrong SHA-256 gives it, signed by the agency.
    const copy = structuredClone(genuine) as unknown as {
      proof?: unknown;
      credentialSubject: { pledge: Record<string, unknown> };
    };
    delete copy.proof;
    const { digestMultibase: _d, ...body } = copy.credentialSubject.pledge;
    void _d;
    copy.credentialSubject.pledge.digestMultibase = digestJson(body, constant);
    const forged = await signPledge(copy as never, agency, { created: '2024-10-07T08:05:00+08:00' });
    const trustStore = parseTrustStore(trustFor(agency));
    const broken = createRecordVerifier({ trustStore, sha256: constant, verifySignature: () => true });
    const honest = createRecordVerifier({ trustStore });
    expect((await broken.verify(forged)).result.verdict).toBe('valid'); // its own wrong answer, remembered
    const r = (await honest.verify(forged)).result;
    expect([r.verdict, r.reason]).toEqual([
      'altered-text',
      { code: 'ERR_PLEDGE_DIGEST_MISMATCH', path: 'credentialSubject.pledge' },
    ]);
    expect((await honest.verify(genuine)).result.verdict).toBe('valid');
  });
});
