import { describe, expect, it } from 'vitest';
import {
  canonicalize,
  createSigner,
  keyPairFromSecretKey,
  multibaseToPublicKey,
  multibaseToSecretKey,
  verifyPledge,
} from '../src/index.js';
import { bytesToHex, createProof, sha256, utf8ToBytes } from '../src/crypto.js';
import { vectorJson, vectorText } from './vectors.js';

const dir = 'w3c-vc-di-eddsa';

describe('W3C VC DI EdDSA eddsa-jcs-2022 test vector', () => {
  const keys = () => vectorJson<{ publicKeyMultibase: string; privateKeyMultibase: string }>(`${dir}/keyPair.json`);

  it('imports the Multikey pair (secret derives the public key)', () => {
    const k = keys();
    const pair = keyPairFromSecretKey(multibaseToSecretKey(k.privateKeyMultibase));
    expect(bytesToHex(pair.publicKey)).toBe(bytesToHex(multibaseToPublicKey(k.publicKeyMultibase)));
    expect(pair.controller).toBe(`did:key:${k.publicKeyMultibase}`);
  });

  it('canonical document and its hash match byte for byte', () => {
    const unsigned = vectorJson<Record<string, unknown>>(`${dir}/unsigned.json`);
    expect(canonicalize(unsigned)).toBe(vectorText(`${dir}/eddsa-jcs-2022/canonDocJCS.txt`).trim());
    expect(bytesToHex(sha256(utf8ToBytes(canonicalize(unsigned))))).toBe(
      vectorText(`${dir}/eddsa-jcs-2022/docHashJCS.txt`).trim(),
    );
  });

  it('canonical proof options and their hash match byte for byte', () => {
    const config = vectorJson<Record<string, unknown>>(`${dir}/eddsa-jcs-2022/proofConfigJCS.json`);
    expect(canonicalize(config)).toBe(vectorText(`${dir}/eddsa-jcs-2022/proofCanonJCS.txt`).trim());
    expect(bytesToHex(sha256(utf8ToBytes(canonicalize(config))))).toBe(
      vectorText(`${dir}/eddsa-jcs-2022/proofHashJCS.txt`).trim(),
    );
  });

  it('our signing code reproduces the proofValue byte for byte', async () => {
    const k = keys();
    const unsigned = vectorJson<Record<string, unknown>>(`${dir}/unsigned.json`);
    const config = vectorJson<Record<string, string>>(`${dir}/eddsa-jcs-2022/proofConfigJCS.json`);
    const signer = createSigner(keyPairFromSecretKey(multibaseToSecretKey(k.privateKeyMultibase)));
    expect(signer.id).toBe(config.verificationMethod);
    const proof = await createProof(unsigned, signer, { created: config.created });
    expect(proof.proofValue).toBe(vectorText(`${dir}/eddsa-jcs-2022/sigBTC58JCS.txt`).trim());
    const signed = vectorJson<Record<string, unknown>>(`${dir}/eddsa-jcs-2022/signedJCS.json`);
    expect(canonicalize({ ...unsigned, proof })).toBe(canonicalize(signed));
  });

  for (const variant of ['eddsa-jcs-2022', 'eddsa-jcs-2022-legacy-no-proof-context']) {
    it(`verifies the signed vector (${variant})`, async () => {
      const signed = vectorJson(`${dir}/${variant}/signedJCS.json`);
      const result = await verifyPledge(signed, { requireIssuerProof: false });
      expect(result.code).toBeUndefined();
      expect(result.verified).toBe(true);
    });

    it(`rejects the signed vector with one character changed (${variant})`, async () => {
      const signed = vectorJson<Record<string, unknown>>(`${dir}/${variant}/signedJCS.json`);
      const tampered = { ...signed, name: 'Alumni Credentiak' };
      const result = await verifyPledge(tampered, { requireIssuerProof: false });
      expect(result.verified).toBe(false);
      expect(result.code).toBe('ERR_SIGNATURE_INVALID');
    });
  }
});
