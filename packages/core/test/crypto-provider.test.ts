// One crypto seam (issue #17): create, sign and verify run one plan through any provider, and
// every provider gives the same credential, the same record and the same verdict.
import { createHash, verify as nodeVerify, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createPledge,
  createPledgeAsync,
  generateKeyPair,
  signPledge,
  signPledgeAsync,
  verifyPledge,
  verifyPledgeAsync,
} from '../src/index.js';
import {
  createCryptoProvider,
  NOBLE_PROVIDER,
  strictVerifier,
  WEBCRYPTO_PROVIDER,
  type CryptoProvider,
  type StrictVerifyStats,
} from '../src/crypto.js';
import { agencyRecord, pledgeInput } from './fixtures/make-record.js';

const nodeSha256 = (bytes: Uint8Array): Uint8Array => createHash('sha256').update(bytes).digest();
const SPKI_ED25519 = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);
const nodeNative = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean =>
  nodeVerify(
    null,
    message,
    createPublicKey({ key: Buffer.concat([SPKI_ED25519, publicKey]), format: 'der', type: 'spki' }),
    signature,
  );

function providers(stats: StrictVerifyStats): [string, CryptoProvider][] {
  return [
    ['webcrypto', WEBCRYPTO_PROVIDER],
    ['noble', NOBLE_PROVIDER],
    ['node', createCryptoProvider({ sha256: nodeSha256, verify: strictVerifier(nodeNative, stats) })],
  ];
}

describe('one crypto seam', () => {
  it('every provider creates and signs the same bytes, and the old names are the same functions', async () => {
    expect(signPledgeAsync).toBe(signPledge);
    expect(verifyPledgeAsync).toBe(verifyPledge);
    const agency = generateKeyPair();
    const input = pledgeInput(agency, { id: 'urn:uuid:7d1f6a1e-6c3d-4b7e-9a51-0d2c7f1e8a91' });
    const plain = JSON.stringify(createPledge(input));
    const options = { created: '2024-10-07T08:16:00+08:00', proofId: 'urn:uuid:0c0ffee0-0000-4000-8000-000000000002' };
    const signed = JSON.stringify(await signPledge(JSON.parse(plain), agency, options));
    const stats: StrictVerifyStats = { nativeAccepted: 0, referenceChecks: 0, refusedEarly: 0 };
    for (const [name, crypto] of providers(stats)) {
      expect(JSON.stringify(await createPledgeAsync({ ...input, crypto })), name).toBe(plain);
      expect(JSON.stringify(await signPledge(JSON.parse(plain), agency, { ...options, crypto })), name).toBe(signed);
    }
    // The node provider's strict verify checked the self-check natively.
    expect(stats.nativeAccepted).toBeGreaterThan(0);
  });

  it('every provider gives the same verdict on a genuine record and on each tampered copy', async () => {
    const { record } = await agencyRecord();
    const tampered: unknown[] = [record];
    const a = structuredClone(record) as unknown as { credentialSubject: { signer: { name: string } } };
    a.credentialSubject.signer.name = 'Mallory';
    const b = structuredClone(record) as unknown as { credentialSubject: { pledge: { points: string[] } } };
    b.credentialSubject.pledge.points[0] = 'Saya tidak berjanji.';
    const c = structuredClone(record) as unknown as { proof: { proofValue: string } };
    c.proof.proofValue = `${c.proof.proofValue.slice(0, -2)}11`;
    tampered.push(a, b, c);
    const stats: StrictVerifyStats = { nativeAccepted: 0, referenceChecks: 0, refusedEarly: 0 };
    for (const doc of tampered) {
      const verdicts = new Set<string>();
      for (const [, crypto] of providers(stats)) {
        const r = await verifyPledge(doc, { crypto });
        verdicts.add(`${r.verified} ${r.code ?? ''}`);
      }
      expect([...verdicts]).toHaveLength(1);
    }
    expect((await verifyPledge(record, { crypto: NOBLE_PROVIDER })).verified).toBe(true);
    expect((await verifyPledge(a, { crypto: NOBLE_PROVIDER })).code).toBe('ERR_SIGNATURE_INVALID');
  });

  it('a provider part given by the old options replaces that part only', async () => {
    const { record } = await agencyRecord();
    const seen: number[] = [];
    const counting = (bytes: Uint8Array): Uint8Array => {
      seen.push(bytes.length);
      return nodeSha256(bytes);
    };
    const r = await verifyPledge(record, { crypto: NOBLE_PROVIDER, sha256: counting });
    expect(r.verified).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(2); // proof configuration and document, at least
    const no = await verifyPledge(record, { crypto: NOBLE_PROVIDER, verifySignature: () => false });
    expect([no.verified, no.code]).toEqual([false, 'ERR_SIGNATURE_INVALID']);
  });
});
