// The WebCrypto-first path (@ikrar/core/webcrypto) against the synchronous noble one: the same
// verdict on every Wycheproof case and every forgery, the same credentials, the same signatures
// (Ed25519 is deterministic) and the same record verdicts; and the same again with noble loaded
// as the fallback (no Ed25519 in crypto.subtle, then no crypto.subtle at all).
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createPledge,
  createSigner,
  digestSignatureStrokes,
  generateKeyPair,
  signPledge,
  verifyPledge,
  type SignatureStrokes,
} from '../src/index.js';
import { digestJson, hexToBytes, sha256, toMultibase58, verifyEd25519 } from '../src/crypto.js';
import {
  createPledgeAsync,
  digestJsonAsync,
  digestSignatureStrokesAsync,
  generateSigner,
  generateWebCryptoSigner,
  hasNativeEd25519,
  sha256Async,
  signPledgeAsync,
  verifyEd25519Async,
  verifyPledgeAsync,
} from '../src/webcrypto.js';
import { forgeryCases } from './fixtures/ed25519-forgeries.js';
import { agencyRecord, chainedRecord, pledgeInput } from './fixtures/make-record.js';
import { vectorJson } from './vectors.js';

interface WycheproofFile {
  testGroups: { publicKey: { pk: string }; tests: { tcId: number; comment: string; msg: string; sig: string }[] }[];
}

const realSubtle = globalThis.crypto.subtle;
/** A crypto.subtle without Ed25519 (an older browser): SHA-256 works, Ed25519 is refused. */
const noEd25519 = new Proxy(realSubtle, {
  get(target, prop) {
    const v = Reflect.get(target, prop, target) as unknown;
    if (typeof v !== 'function') return v;
    return (...args: unknown[]) => {
      const alg = args.find((x) => x === 'Ed25519' || (x as { name?: string })?.name === 'Ed25519');
      if (alg !== undefined) return Promise.reject(new DOMException('Unrecognized algorithm', 'NotSupportedError'));
      return (v as (...a: unknown[]) => unknown).apply(target, args);
    };
  },
});
const ENGINES: [string, SubtleCrypto | undefined][] = [
  ['WebCrypto', realSubtle],
  ['fallback: no Ed25519 in crypto.subtle', noEd25519],
  ['fallback: no crypto.subtle (plain http)', undefined],
];
const nodeCrypto = globalThis.crypto;
function useSubtle(subtle: SubtleCrypto | undefined): void {
  vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => nodeCrypto.getRandomValues(a), subtle });
}
afterEach(() => {
  vi.unstubAllGlobals();
  expect(globalThis.crypto).toBe(nodeCrypto);
});

describe('@ikrar/core/webcrypto', () => {
  it('Node 20+ has Ed25519 in crypto.subtle: a genuine signature is checked natively', async () => {
    expect(await hasNativeEd25519()).toBe(true);
    let calls = 0;
    const counting = new Proxy(realSubtle, {
      get(target, prop) {
        const v = Reflect.get(target, prop, target) as unknown;
        if (prop === 'verify') calls++;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    useSubtle(counting as SubtleCrypto);
    const [c] = forgeryCases();
    expect(await verifyEd25519Async(c!.signature, c!.message, c!.publicKey)).toBe(true);
    expect(calls).toBe(1);
  });

  for (const [engine, subtle] of ENGINES) {
    describe(engine, () => {
      it('verifyEd25519Async gives the verdict of verifyEd25519 on every Wycheproof case', async () => {
        useSubtle(subtle);
        const file = vectorJson<WycheproofFile>('wycheproof-ed25519.json');
        let n = 0;
        for (const [gi, g] of file.testGroups.entries()) {
          const pub = hexToBytes(g.publicKey.pk);
          for (const v of g.tests) {
            const [sig, msg] = [hexToBytes(v.sig), hexToBytes(v.msg)];
            expect(await verifyEd25519Async(sig, msg, pub), `(${gi}/${v.tcId}): ${v.comment}`).toBe(
              verifyEd25519(sig, msg, pub),
            );
            n++;
          }
        }
        expect(n).toBe(151);
      });

      it('verifyEd25519Async gives the verdict of verifyEd25519 on every forgery', async () => {
        useSubtle(subtle);
        const cases = forgeryCases();
        expect(cases.length).toBeGreaterThan(70);
        const accepted: string[] = [];
        for (const c of cases) {
          const want = verifyEd25519(c.signature, c.message, c.publicKey);
          expect(await verifyEd25519Async(c.signature, c.message, c.publicKey), c.name).toBe(want);
          if (want) accepted.push(c.name);
        }
        // The reference accepts the genuine signature and the mixed-order ones (cofactored
        // equation); the native engine refuses the latter and the reference confirms them.
        expect(accepted).toContain('genuine signature');
        expect(accepted.filter((n) => n.startsWith('mixed-order')).length).toBeGreaterThan(0);
        expect(accepted.some((n) => /identity|small-order|S \+ L|S = L|non-canonical|off-curve/.test(n))).toBe(false);
      });

      it('generateSigner gives a working signer (WebCrypto where it has Ed25519, else noble)', async () => {
        useSubtle(subtle);
        const signer = await generateSigner();
        expect(signer.controller).toMatch(/^did:key:z6Mk/);
        const record = await signPledgeAsync(createPledge(pledgeInput(generateKeyPair())), signer);
        expect((await verifyPledgeAsync(record, { requireIssuerProof: false })).verified).toBe(true);
        expect((await verifyPledge(record, { requireIssuerProof: false })).verified).toBe(true);
      });

      it('a key pair signs through noble loaded on demand, with signEd25519’s argument checks', async () => {
        useSubtle(subtle);
        const keyPair = generateKeyPair();
        const credential = createPledge(pledgeInput(keyPair));
        const options = {
          created: '2024-10-07T08:16:00+08:00',
          proofId: 'urn:uuid:0b6f3c2e-5d1a-4c8e-9f7a-2b3c4d5e6f70',
        };
        const record = await signPledgeAsync(credential, keyPair, options);
        expect(record).toEqual(await signPledge(credential, createSigner(keyPair), options));
        expect((await verifyPledgeAsync(record, { requireIssuerProof: false })).verified).toBe(true);
        const short = { ...keyPair, secretKey: keyPair.secretKey.subarray(0, 31) };
        const err = await signPledgeAsync(credential, short).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(RangeError);
        expect((err as Error).message).toBe('"secretKey" expected 32 bytes, got 31');
      });

      it('SHA-256 and digests match the synchronous ones', async () => {
        useSubtle(subtle);
        await fc.assert(
          fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (b) => {
            expect(await sha256Async(b)).toEqual(sha256(b));
          }),
          { numRuns: 50 },
        );
        const value = { b: [1, 'dua', { tiga: true }], a: null };
        expect(await digestJsonAsync(value)).toBe(digestJson(value));
      });

      it('createPledgeAsync and signPledgeAsync make the very credential and signature of the sync ones', async () => {
        useSubtle(subtle);
        const agency = generateKeyPair();
        const input = pledgeInput(agency, { id: 'urn:uuid:5b1f6a1e-6c3d-4b7e-9a51-0d2c7f1e8a90' });
        const credential = await createPledgeAsync(input);
        expect(JSON.stringify(credential)).toBe(JSON.stringify(createPledge(input)));
        const options = {
          created: '2024-10-07T08:16:00+08:00',
          proofId: 'urn:uuid:0c0ffee0-0000-4000-8000-000000000001',
        };
        const a = await signPledgeAsync(credential, agency, options);
        expect(JSON.stringify(a)).toBe(JSON.stringify(await signPledge(credential, agency, options)));
        expect((await verifyPledge(a)).verified).toBe(true);
      });

      it('verifyPledgeAsync gives verifyPledge\u2019s result on genuine, chained and tampered records', async () => {
        useSubtle(subtle);
        const { record } = await agencyRecord();
        const chained = (await chainedRecord()).record;
        const tampered = structuredClone(record);
        tampered.credentialSubject.signer.name = 'Orang Lain';
        const digest = structuredClone(record);
        digest.credentialSubject.pledge.points[0] = 'diubah';
        const wrongKey = structuredClone(record);
        const other = generateKeyPair();
        (wrongKey.proof as { verificationMethod: string }).verificationMethod = other.id;
        const smallOrder = structuredClone(record);
        const identity = toMultibase58(Uint8Array.from({ length: 34 }, (_, i) => [0xed, 0x01, 1][i] ?? 0));
        (smallOrder.proof as { verificationMethod: string }).verificationMethod = `did:key:${identity}#${identity}`;
        expect((await verifyPledge(smallOrder)).code).toBe('ERR_KEY_INVALID');
        for (const r of [record, chained, tampered, digest, wrongKey, smallOrder, { proof: 1 }, null]) {
          const sync = await verifyPledge(r);
          const async_ = await verifyPledgeAsync(r);
          expect(async_).toEqual(sync);
        }
        expect((await verifyPledgeAsync(record)).verified).toBe(true);
        expect((await verifyPledgeAsync(tampered)).code).toBe('ERR_SIGNATURE_INVALID');
      });

      it('digestSignatureStrokesAsync equals digestSignatureStrokes, and refuses the same drawings', async () => {
        useSubtle(subtle);
        const point = fc.record({
          x: fc.double({ min: -10, max: 1000, noNaN: true }),
          y: fc.double({ min: -10, max: 400, noNaN: true }),
        });
        await fc.assert(
          fc.asyncProperty(
            fc.record({
              width: fc.double({ min: 1, max: 2000, noNaN: true }),
              height: fc.double({ min: 1, max: 800, noNaN: true }),
              strokes: fc.array(fc.array(point, { minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 5 }),
            }),
            async (d) => {
              expect(await digestSignatureStrokesAsync(d)).toBe(digestSignatureStrokes(d));
            },
          ),
          { numRuns: 40 },
        );
        const bad: unknown[] = [
          null,
          { width: 0, height: 1, strokes: [[{ x: 1, y: 1 }]] },
          { width: 1, height: 1, strokes: [] },
          { width: 1, height: 1, strokes: [[]] },
          { width: 1, height: 1, strokes: [[{ x: Number.NaN, y: 1 }]] },
          { width: 1, height: 1, strokes: Array.from({ length: 201 }, () => [{ x: 1, y: 1 }]) },
        ];
        for (const d of bad) {
          const sync = (() => {
            try {
              digestSignatureStrokes(d as SignatureStrokes);
              return null;
            } catch (e) {
              return e as { code: string; path: string; message: string };
            }
          })();
          const err = await digestSignatureStrokesAsync(d as SignatureStrokes).then(
            () => null,
            (e: unknown) => e as { code: string; path: string; message: string },
          );
          expect(err?.code).toBe('ERR_RECORD_INVALID');
          expect([err?.code, err?.path, err?.message]).toEqual([sync?.code, sync?.path, sync?.message]);
        }
      });
    });
  }

  it('a WebCrypto signer signs through signPledgeAsync; the record verifies on both paths', async () => {
    const signer = await generateWebCryptoSigner();
    expect(signer).not.toBeNull();
    const agency = generateKeyPair();
    const record = await signPledgeAsync(await createPledgeAsync(pledgeInput(agency)), signer!);
    const result = await verifyPledgeAsync(record, { requireIssuerProof: false });
    expect(result.verified).toBe(true);
    expect(await verifyPledge(record, { requireIssuerProof: false })).toEqual(result);
  });

  it('signPledgeAsync refuses a signer whose signature does not verify under its own key', async () => {
    const real = generateKeyPair();
    const other = generateKeyPair();
    const liar = {
      id: real.id,
      controller: real.controller,
      publicKey: real.publicKey,
      sign: () => new Uint8Array(64),
    };
    await expect(signPledgeAsync(createPledge(pledgeInput(other)), liar)).rejects.toMatchObject({
      code: 'ERR_SIGNATURE_INVALID',
    });
  });

  it('a caller-supplied SHA-256 (hash option) is the one used, and the records are the same bytes', async () => {
    const agency = generateKeyPair();
    const input = pledgeInput(agency, { id: 'urn:uuid:5b1f6a1e-6c3d-4b7e-9a51-0d2c7f1e8a90' });
    const seen: number[] = [];
    const counting = (bytes: Uint8Array): Uint8Array => {
      seen.push(bytes.length);
      return sha256(bytes);
    };
    const credential = createPledge({ ...input, hash: counting });
    expect(seen).toHaveLength(1); // the pledge digest
    expect(JSON.stringify(credential)).toBe(JSON.stringify(createPledge(input)));
    expect(JSON.stringify(await createPledgeAsync({ ...input, hash: counting }))).toBe(JSON.stringify(credential));
    expect(seen).toHaveLength(2);
    const options = { created: '2024-10-07T08:16:00+08:00', proofId: 'urn:uuid:0c0ffee0-0000-4000-8000-000000000001' };
    const plain = JSON.stringify(await signPledge(credential, agency, options));
    expect(JSON.stringify(await signPledge(credential, agency, { ...options, hash: counting }))).toBe(plain);
    expect(seen).toHaveLength(4); // proof configuration and document
    expect(JSON.stringify(await signPledgeAsync(credential, agency, { ...options, hash: counting }))).toBe(plain);
    expect(seen).toHaveLength(6);
    // A wrong hash is really used: its signature covers other bytes and the record does not verify.
    const zeros = (): Uint8Array => new Uint8Array(32);
    const wrong = await signPledge(credential, agency, { ...options, hash: zeros });
    expect(JSON.stringify(wrong)).not.toBe(plain);
    const result = await verifyPledge(wrong);
    expect(result.verified).toBe(false);
    expect(result.code).toBe('ERR_SIGNATURE_INVALID');
  });

  it('throws TypeError naming the argument for non-bytes', async () => {
    await expect(
      verifyEd25519Async('ab' as unknown as Uint8Array, new Uint8Array(), new Uint8Array(32)),
    ).rejects.toThrow(/"signature" expected Uint8Array, got string/);
    await expect(sha256Async([1] as unknown as Uint8Array)).rejects.toThrow(/"bytes" expected Uint8Array/);
  });
});

describe('W3C VC DI EdDSA eddsa-jcs-2022 vectors through verifyPledgeAsync', () => {
  for (const variant of ['eddsa-jcs-2022', 'eddsa-jcs-2022-legacy-no-proof-context']) {
    it(`verifies the signed vector and rejects it with one character changed (${variant})`, async () => {
      const signed = vectorJson<Record<string, unknown>>(`w3c-vc-di-eddsa/${variant}/signedJCS.json`);
      const ok = await verifyPledgeAsync(signed, { requireIssuerProof: false });
      expect(ok.code).toBeUndefined();
      expect(ok).toEqual(await verifyPledge(signed, { requireIssuerProof: false }));
      const tampered = { ...signed, name: 'Alumni Credentiak' };
      const bad = await verifyPledgeAsync(tampered, { requireIssuerProof: false });
      expect(bad.code).toBe('ERR_SIGNATURE_INVALID');
    });
  }
});
