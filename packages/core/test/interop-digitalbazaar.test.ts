// Interop with a real peer: Digital Bazaar's eddsa-jcs-2022 (1.0.0) under jsonld-signatures 11.6, with
// a document loader that serves the contexts and did:key offline and refuses anything else; and
// JSON-LD safe-mode expansion of every record.
import { describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof as DbDataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createSignCryptosuite, createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { generateKeyPair, signPledge, verifyPledge, createPledge } from '../src/index.js';
import { generatedRecords } from './fixtures/generated-records.js';
import { agencyRecord, chainedRecord, pledgeInput } from './fixtures/make-record.js';
import { COLLECTIVE_STATUS, collectiveRecord } from './fixtures/make-collective.js';
import { MULTIKEY_V1, offlineDocumentLoader } from './fixtures/db-document-loader.js';

const { documentLoader, refused } = offlineDocumentLoader();

async function dbVerify(record: unknown): Promise<{ verified: boolean; error?: unknown }> {
  const suite = new DbDataIntegrityProof({ cryptosuite: createVerifyCryptosuite() });
  return jsigs.verify(structuredClone(record), {
    suite,
    purpose: new jsigs.purposes.AssertionProofPurpose(),
    documentLoader,
  });
}

describe('interop with @digitalbazaar/eddsa-jcs-2022-cryptosuite 1.0.0 + jsonld-signatures 11.6', () => {
  it('verifies a record we signed with a single agency proof', async () => {
    const { record } = await agencyRecord();
    const result = await dbVerify(record);
    expect(result.error, String(result.error)).toBeUndefined();
    expect(result.verified).toBe(true);
  });

  it('verifies every generated record (our context, agency-only and chained) and each of our fixtures', async () => {
    const all = [(await chainedRecord()).record, ...(await generatedRecords())];
    expect(all.length).toBeGreaterThan(50);
    for (const record of all) {
      const result = await dbVerify(record);
      expect(result.verified, `${record.id}: ${String(result.error)}`).toBe(true);
    }
    expect(refused).toEqual([]);
  });

  it('verifies a record written before our vocabulary (undefined-terms context)', async () => {
    const agency = generateKeyPair();
    const credential = createPledge(pledgeInput(agency));
    credential['@context'] = [
      'https://www.w3.org/ns/credentials/v2',
      'https://www.w3.org/ns/credentials/undefined-terms/v2',
    ];
    const old = await signPledge(credential, agency, { created: '2024-10-07T08:16:00+08:00' });
    expect((await dbVerify(old)).verified).toBe(true);
    expect((await verifyPledge(old)).verified).toBe(true);
  });

  it('rejects a record we signed and someone altered', async () => {
    const { record } = await agencyRecord();
    const tampered = structuredClone(record);
    tampered.credentialSubject.signer.name = 'Orang Lain';
    expect((await dbVerify(tampered)).verified).toBe(false);
  });

  it('we verify a record Digital Bazaar signed', async () => {
    const agency = generateKeyPair();
    const credential = createPledge(pledgeInput(agency));
    const keyPair = await Ed25519Multikey.from({
      '@context': MULTIKEY_V1,
      type: 'Multikey',
      controller: agency.controller,
      id: agency.id,
      publicKeyMultibase: agency.controller.slice('did:key:'.length),
      secretKeyMultibase: (await import('../src/index.js')).secretKeyToMultibase(agency.secretKey),
    });
    const suite = new DbDataIntegrityProof({
      signer: keyPair.signer(),
      cryptosuite: createSignCryptosuite(),
      date: '2024-10-07T00:16:00Z',
    });
    const signed = await jsigs.sign(structuredClone(credential), {
      suite,
      purpose: new jsigs.purposes.AssertionProofPurpose(),
      documentLoader,
    });
    const result = await verifyPledge(signed);
    expect(result.code).toBeUndefined();
    expect(result.verified).toBe(true);
  });

  it('Digital Bazaar accepts a proof set when any proof passes; we require every proof', async () => {
    const { record } = await agencyRecord();
    const set = await signPledge(record, generateKeyPair(), { mode: 'set' });
    const proofs = structuredClone(set.proof) as { proofValue: string }[];
    proofs[1]!.proofValue = proofs[0]!.proofValue;
    const broken = { ...set, proof: proofs };
    expect((await verifyPledge(broken)).verified).toBe(false);
    // Documented interop fact (DESIGN.md): jsonld-signatures 11.6 answers "verified" here.
    expect((await dbVerify(broken)).verified).toBe(true);
  });

  it.each([
    ['', {}],
    [' with its credentialStatus', { credentialStatus: { ...COLLECTIVE_STATUS } }],
  ])(
    "accepts each representative's proof of a collective pakta integritas%s, and refuses an altered one",
    async (_, overrides) => {
      const { record } = await collectiveRecord([1, 2, 0], overrides);
      const proofs = record.proof as { id: string; proofValue: string }[];
      const reps = record.credentialSubject.representatives;
      expect(proofs).toHaveLength(4);
      for (const rep of reps) {
        const own = proofs.find((p) => p.id === rep.proofId);
        const result = await dbVerify({ ...record, proof: own });
        expect(result.error, String(result.error)).toBeUndefined();
        expect(result.verified).toBe(true);
        const altered = { ...own!, proofValue: proofs.find((p) => p !== own)!.proofValue };
        expect((await dbVerify({ ...record, proof: altered })).verified).toBe(false);
      }
      // The agency's proof secures the set (a chain), which jsonld-signatures 11.6 does not follow.
      expect((await dbVerify({ ...record, proof: proofs[3] })).verified).toBe(false);
    },
  );

  it("accepts a record with the agency's apel presence evidence, which expands in safe mode", async () => {
    const agency = generateKeyPair();
    for (const evidence of [
      [
        {
          type: ['ApelPresence'],
          atApel: true,
          apelCode: '56926410.q1VfYfZ0m8J2rQ3aTzK4bw',
          apelCodeShownAt: '2024-10-07T08:14:30+08:00',
          checkedAt: '2024-10-07T08:16:00+08:00',
        },
      ],
      [{ type: ['ApelPresence'], atApel: false }],
    ] as const) {
      const record = await signPledge(
        { ...createPledge(pledgeInput(agency)), evidence: structuredClone(evidence) as never },
        agency,
      );
      expect((await verifyPledge(record)).verified).toBe(true);
      const result = await dbVerify(record);
      expect(result.error, String(result.error)).toBeUndefined();
      expect(result.verified).toBe(true);
      const forged = structuredClone(record);
      forged.evidence![0]!.atApel = !evidence[0].atApel;
      expect((await dbVerify(forged)).verified).toBe(false);
      expect((await verifyPledge(forged)).verified).toBe(false);
      const expanded = JSON.stringify(
        await jsonld.expand(structuredClone(record) as never, { documentLoader, safe: true } as never),
      );
      expect(expanded).toContain('https://www.w3.org/2018/credentials#evidence');
      expect(expanded).toContain('https://ikrar-netralitas.github.io/ns/v1#ApelPresence');
      expect(expanded).toContain('https://ikrar-netralitas.github.io/ns/v1#atApel');
      expect(expanded).not.toContain('https://www.w3.org/ns/credentials/undefined-term#');
    }
    expect(refused).toEqual([]);
  });

  it('every record expands under jsonld.expand({ safe: true }), chained ones included', async () => {
    for (const { record } of [await agencyRecord(), await chainedRecord(), await collectiveRecord()]) {
      const expanded = await jsonld.expand(structuredClone(record) as never, { documentLoader, safe: true } as never);
      expect(expanded).toHaveLength(1);
      const text = JSON.stringify(expanded);
      expect(text).toMatch(
        /"https:\/\/ikrar-netralitas\.github\.io\/ns\/v1#(IkrarNetralitas|PaktaIntegritas)Credential"/,
      );
      expect(text).not.toContain('https://www.w3.org/ns/credentials/undefined-term#');
    }
    expect(refused).toEqual([]);
  });
});
