// An independent check of what the service signs: Digital Bazaar's eddsa-jcs-2022 cryptosuite
// (1.0.0) under jsonld-signatures 11.6, with core's offline document loader (VC 2.0 contexts and
// did:key only), verifies a credential issued by POST /credentials/issue and a record countersigned
// by POST /sign, and refuses each of them altered.
import { IKRAR_CONTEXT_URL, generateKeyPair, signPledge, verifyPledge } from '@ikrar/core';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import jsigs from 'jsonld-signatures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineDocumentLoader } from '../../core/test/fixtures/db-document-loader.js';
import { AGENCY_NAME, EVENT, SRI, YUSUF } from './world.js';
import { sqliteService } from './fixture.js';
import { credentialFor, postSign, removeTempDirs, type TestService } from './helpers.js';

const { documentLoader, refused } = offlineDocumentLoader();

async function dbVerify(document: unknown): Promise<{ verified: boolean; error?: unknown }> {
  return jsigs.verify(structuredClone(document), {
    suite: new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() }),
    purpose: new jsigs.purposes.AssertionProofPurpose(),
    documentLoader,
  });
}

let svc: TestService;
beforeAll(async () => {
  svc = await sqliteService([YUSUF, SRI], {
    clock: () => new Date(),
    event: () => ({ ...EVENT, deadline: undefined }),
  });
});
afterAll(async () => {
  await svc.db.close();
  removeTempDirs();
});

describe("Digital Bazaar's verifier on what the service signs", () => {
  it('verifies a credential from POST /credentials/issue, and refuses it altered', async () => {
    const res = await svc.app.request('/credentials/issue', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer test-token-0123456789' },
      body: JSON.stringify({
        credential: {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          id: 'urn:uuid:4f2bfa0e-2f43-4c1e-9f36-4e0f1c3a9d11',
          type: ['VerifiableCredential'],
          credentialSubject: { id: 'did:key:z6MktKwz7Ge1Yxzr4JHavN33wiwa8y81QdcMRLXQsrH9T53b', name: 'ExampleClaim' },
        },
      }),
    });
    expect(res.status).toBe(201);
    const { verifiableCredential: vc } = (await res.json()) as {
      verifiableCredential: { issuer: string; proof: { verificationMethod: string }; credentialSubject: object };
    };
    expect(vc.issuer).toBe(svc.key.controller);
    expect(vc.proof.verificationMethod).toBe(svc.key.id);
    const result = await dbVerify(vc);
    expect(result.error, String(result.error)).toBeUndefined();
    expect(result.verified).toBe(true);

    const altered = structuredClone(vc);
    (altered.credentialSubject as { name: string }).name = 'OtherClaim';
    expect((await dbVerify(altered)).verified).toBe(false);
    expect(refused).toEqual([]);
  });

  it('verifies a record countersigned by POST /sign, and refuses it altered or signed by another key', async () => {
    const res = await postSign(svc, credentialFor(svc, YUSUF, { now: new Date() }), YUSUF.identifier);
    expect(res.status).toBe(201);
    const record = await res.json();
    expect(record.issuer).toEqual({ id: svc.key.controller, name: AGENCY_NAME });
    // Our own vocabulary right after VC 2.0's (issue #14), resolved by the offline loader below.
    expect(record['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', IKRAR_CONTEXT_URL]);
    expect((await verifyPledge(record)).verified).toBe(true);
    const result = await dbVerify(record);
    expect(result.error, String(result.error)).toBeUndefined();
    expect(result.verified).toBe(true);

    const altered = structuredClone(record);
    altered.credentialSubject.signer.position = 'Bupati Jembrana';
    expect((await dbVerify(altered)).verified).toBe(false);
    // The same content under a key that is not the one its verificationMethod names.
    const { proof, ...unsigned } = record;
    const forged = await signPledge(unsigned, generateKeyPair(), { created: proof.created });
    (forged.proof as { verificationMethod: string }).verificationMethod = proof.verificationMethod;
    expect((await dbVerify(forged)).verified).toBe(false);
    expect(refused).toEqual([]);
  });
});
