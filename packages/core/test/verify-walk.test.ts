// The verification walk is written once and driven synchronously while the provider answers
// synchronously, on promises from the first promise on (issue #17, "the verify path at its
// floor"). Whatever mix of values and promises the provider and resolver give, and whether they
// throw or reject, the verdict is the same.
import { describe, expect, it } from 'vitest';
import { NOBLE_PROVIDER } from '../src/noble-provider.js';
import type { CryptoProvider } from '../src/types.js';
import { verifyPledge } from '../src/verify-pledge.js';
import { verifyRecord } from '../src/internal/verify-record.js';
import { canonicalizeToBytes } from '../src/canonicalize.js';
import { agencyRecord, chainedRecord } from './fixtures/make-record.js';

const later = <T>(v: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(v), 0));

/** The same functions, each answering through a promise (as WebCrypto does). */
const ASYNC: CryptoProvider = {
  sha256: (b) => later(NOBLE_PROVIDER.sha256(b) as Uint8Array),
  verify: (s, m, k) => later(NOBLE_PROVIDER.verify(s, m, k) as boolean),
  isStrictPublicKey: (k) => later(NOBLE_PROVIDER.isStrictPublicKey(k) as boolean),
};
/** Hashing synchronous, the signature check through a promise. */
const MIXED: CryptoProvider = { ...NOBLE_PROVIDER, verify: ASYNC.verify };
const PROVIDERS: [string, CryptoProvider][] = [
  ['sync', NOBLE_PROVIDER],
  ['async', ASYNC],
  ['mixed', MIXED],
];

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

async function cases(): Promise<[string, Record<string, unknown>][]> {
  const { record: single } = await agencyRecord();
  const { record: chained } = await chainedRecord();
  const out: [string, Record<string, unknown>][] = [];
  for (const [name, rec] of [
    ['single', single],
    ['chained', chained],
  ] as const) {
    const base = clone(rec) as unknown as Record<string, unknown>;
    out.push([`${name} valid`, base]);
    const sig = clone(base);
    const proofs = (Array.isArray(sig.proof) ? sig.proof : [sig.proof]) as Record<string, unknown>[];
    const last = proofs[proofs.length - 1] as Record<string, unknown>;
    const pv = last.proofValue as string;
    last.proofValue = pv.slice(0, 10) + (pv[10] === 'A' ? 'B' : 'A') + pv.slice(11);
    out.push([`${name} signature changed`, sig]);
    const doc = clone(base);
    (doc.credentialSubject as { signer: { name: string } }).signer.name += ' X';
    out.push([`${name} document changed`, doc]);
    const text = clone(base);
    (text.credentialSubject as { pledge: { title: string } }).pledge.title += '.';
    out.push([`${name} pledge text changed`, text]);
  }
  return out;
}

describe('the verification walk', () => {
  it('gives one verdict whether the provider answers with values, promises or a mix', async () => {
    for (const [label, record] of await cases()) {
      const sync = await verifyPledge(record, { crypto: NOBLE_PROVIDER });
      expect(sync.verified, label).toBe(label.endsWith('valid'));
      for (const [name, crypto] of PROVIDERS) {
        expect(await verifyPledge(record, { crypto }), `${label} (${name})`).toEqual(sync);
      }
    }
  });

  it('finishes without a promise when the provider and resolver are synchronous, and awaits when one is not', async () => {
    const { record } = await chainedRecord();
    const sync = verifyRecord(record, { crypto: NOBLE_PROVIDER });
    expect(sync instanceof Promise).toBe(false);
    expect((sync as { verified: boolean }).verified).toBe(true);
    const mixed = verifyRecord(record, { crypto: MIXED });
    expect(mixed instanceof Promise).toBe(true);
    expect(await mixed).toEqual(sync);
  });

  it('a check that throws and one that rejects give the same verdict, as do a throwing and a rejecting resolver', async () => {
    const { agency, record } = await agencyRecord();
    const vm = (record.proof as { verificationMethod: string }).verificationMethod;
    const throws = {
      ...NOBLE_PROVIDER,
      verify: (): boolean => {
        throw new Error('engine down');
      },
    };
    const rejects = { ...NOBLE_PROVIDER, verify: (): Promise<boolean> => Promise.reject(new Error('engine down')) };
    const a = await verifyPledge(record, { crypto: throws });
    const b = await verifyPledge(record, { crypto: rejects });
    expect([a.verified, a.code, a.message?.en]).toEqual([
      false,
      'ERR_SIGNATURE_INVALID',
      'The signature does not match the record.',
    ]);
    expect(b).toEqual(a);
    // A did:web method: the key comes from the resolver only.
    const web = clone(record) as unknown as { proof: { verificationMethod: string } };
    web.proof.verificationMethod = 'did:web:example.go.id#key-1';
    const viaThrow = await verifyPledge(web, {
      crypto: NOBLE_PROVIDER,
      resolveKey: () => {
        throw new Error('offline');
      },
    });
    const viaReject = await verifyPledge(web, {
      crypto: NOBLE_PROVIDER,
      resolveKey: () => Promise.reject(new Error('offline')),
    });
    expect([viaThrow.code, viaThrow.message?.id]).toEqual([
      'ERR_KEY_UNRESOLVED',
      'Kunci penanda tangan tidak dapat ditemukan.',
    ]);
    expect(viaReject).toEqual(viaThrow);
    // The right key through a promise: the signature (made for the did:key method) no longer
    // covers the changed method, so it is refused as a bad signature, the same either way.
    const found = await verifyPledge(web, { crypto: NOBLE_PROVIDER, resolveKey: () => later(agency.publicKey) });
    const foundSync = await verifyPledge(web, { crypto: NOBLE_PROVIDER, resolveKey: () => agency.publicKey });
    expect([found.code]).toEqual(['ERR_SIGNATURE_INVALID']);
    expect(found).toEqual(foundSync);
    expect(vm.startsWith('did:key:')).toBe(true);
  });

  it("a caller that holds a proof configuration's canonical bytes (proofConfigBytes) gets the verdicts of serializing, and its bytes are the ones verified", async () => {
    const configOf = (proof: object): Uint8Array => {
      const { proofValue: _pv, ...config } = proof as Record<string, unknown>;
      void _pv;
      return canonicalizeToBytes(config);
    };
    for (const [label, record] of await cases()) {
      const asked: object[] = [];
      const plain = await verifyPledge(record, { crypto: NOBLE_PROVIDER });
      // The true bytes, or none (undefined: serialized), give the same result.
      const held = await verifyPledge(record, {
        crypto: NOBLE_PROVIDER,
        proofConfigBytes: (rec, proof) => {
          expect(rec).toBe(record);
          asked.push(proof);
          return configOf(proof);
        },
      });
      expect(held, label).toEqual(plain);
      expect(await verifyPledge(record, { crypto: NOBLE_PROVIDER, proofConfigBytes: () => undefined })).toEqual(plain);
      // Other bytes are what gets hashed: every proof that would verify now fails on its signature.
      const wrong = await verifyPledge(record, {
        crypto: NOBLE_PROVIDER,
        proofConfigBytes: (_rec, proof) => configOf({ ...proof, created: '2024-10-07T08:00:01+08:00' }),
      });
      expect([wrong.verified, wrong.code, wrong.message?.en], label).toEqual([
        false,
        'ERR_SIGNATURE_INVALID',
        'The signature does not match the record.',
      ]);
      expect(wrong.proofs.every((p) => !p.verified)).toBe(true);
      // Asked once for each proof, in order, with the record's own proof objects.
      expect(asked, label).toEqual(Array.isArray(record.proof) ? record.proof : [record.proof]);
      (Array.isArray(record.proof) ? record.proof : [record.proof]).forEach((p, i) => expect(asked[i]).toBe(p));
    }
  });
});
