// Every fast path (libsodium, node:crypto) behind the strict checks gives the verdict of the noble
// reference (core's verifyEd25519, zip215: false) on every Wycheproof vector and every forgery here.
import { readFileSync } from 'node:fs';
import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, verifyEd25519 } from '@ikrar/core/crypto';
import { describe, expect, it } from 'vitest';
import { nodeCryptoVerify, sodiumVerify } from '../src/cli/verify/engines.js';
import { createStrictVerifier, type StrictVerifyStats } from '../src/strict-signature.js';
import { wycheproofPath } from './helpers.js';

ed.hashes.sha512 = sha512;

const sodiumRaw = sodiumVerify();
if (!sodiumRaw) console.warn('[sodium] sodium-native is not installed: the libsodium path is not tested');
const nodeStats: StrictVerifyStats = { nativeAccepted: 0, referenceChecks: 0, refusedEarly: 0 };
const paths: [string, (s: Uint8Array, m: Uint8Array, p: Uint8Array) => boolean][] = [
  ['node:crypto', createStrictVerifier(nodeCryptoVerify(), nodeStats)],
  ...(sodiumRaw
    ? [
        ['libsodium', createStrictVerifier(sodiumRaw)] as [
          string,
          (s: Uint8Array, m: Uint8Array, p: Uint8Array) => boolean,
        ],
      ]
    : []),
];

function reference(sig: Uint8Array, msg: Uint8Array, pub: Uint8Array): boolean {
  return verifyEd25519(sig, msg, pub);
}

function expectSame(label: string, sig: Uint8Array, msg: Uint8Array, pub: Uint8Array): boolean {
  const want = reference(sig, msg, pub);
  for (const [name, verify] of paths) expect(verify(sig, msg, pub), `${name}: ${label}`).toBe(want);
  return want;
}

const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const le = (n: bigint, len = 32): Uint8Array => {
  const out = new Uint8Array(len);
  for (let i = 0; i < len; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
};
const fromLe = (b: Uint8Array): bigint => b.reduceRight((acc, x) => (acc << 8n) | BigInt(x), 0n);
const torsion = (() => {
  const t = ed.Point.fromHex('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05');
  const out: InstanceType<typeof ed.Point>[] = [];
  let q = ed.Point.ZERO;
  for (let i = 0; i < 8; i++) {
    out.push(q);
    q = q.add(t);
  }
  return out;
})();

describe('strict fast paths: there is at least one to test', () => {
  it('node:crypto is always present', () => expect(paths.length).toBeGreaterThanOrEqual(1));
});

describe('Wycheproof Ed25519: every path agrees with the reference', () => {
  const file = JSON.parse(readFileSync(wycheproofPath(), 'utf8')) as {
    testGroups: {
      publicKey: { pk: string };
      tests: { tcId: number; comment: string; msg: string; sig: string; result: string; flags: string[] }[];
    }[];
  };
  let count = 0;
  file.testGroups.forEach((g, gi) => {
    for (const v of g.tests) {
      count++;
      it(`(${gi}/${v.tcId}, ${v.result}): ${v.comment || v.flags.join(',')}`, () => {
        const got = expectSame(`tc ${v.tcId}`, hexToBytes(v.sig), hexToBytes(v.msg), hexToBytes(g.publicKey.pk));
        expect(got).toBe(v.result === 'valid');
      });
    }
  });
  it('covers all 151 cases', () => expect(count).toBe(151));
});

describe('forgeries', () => {
  const seed = hexToBytes('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
  const pub = ed.getPublicKey(seed);
  const msg = new TextEncoder().encode('Ikrar Netralitas ASN');
  const sig = ed.sign(msg, seed);

  it('a genuine signature verifies on every path', () => {
    expect(expectSame('genuine', sig, msg, pub)).toBe(true);
  });

  it('small-order public keys are refused with any R and S', () => {
    for (const [i, a] of torsion.entries()) {
      const A = a.toBytes();
      for (const [j, r] of torsion.entries()) {
        const forged = new Uint8Array(64);
        forged.set(r.toBytes(), 0); // S = 0
        expect(expectSame(`A=T${i} R=T${j} S=0`, forged, msg, A)).toBe(false);
        forged.set(le(1n), 32);
        expect(expectSame(`A=T${i} R=T${j} S=1`, forged, msg, A)).toBe(false);
      }
    }
  });

  it('the identity key with R = identity and S = 0 verifies nothing (plain OpenSSL accepts it)', () => {
    const identity = ed.Point.ZERO.toBytes();
    const forged = new Uint8Array(64);
    forged.set(identity, 0);
    for (const m of [msg, new Uint8Array(0), new Uint8Array(64).fill(0xff)]) {
      expect(expectSame('identity forgery', forged, m, identity)).toBe(false);
    }
  });

  it('S + L (malleated signature) is refused', () => {
    const s = fromLe(sig.subarray(32));
    const forged = sig.slice();
    forged.set(le(s + L), 32);
    expect(expectSame('S + L', forged, msg, pub)).toBe(false);
  });

  it('a small-order R with a genuine key is refused', () => {
    for (const [j, r] of torsion.entries()) {
      const forged = sig.slice();
      forged.set(r.toBytes(), 0);
      expect(expectSame(`R=T${j}`, forged, msg, pub)).toBe(false);
    }
  });

  it('every flipped bit of signature, key or message gives the reference verdict', () => {
    for (let bit = 0; bit < 512; bit++) {
      const s = sig.slice();
      s[bit >> 3] = (s[bit >> 3] as number) ^ (1 << (bit & 7));
      expectSame(`sig bit ${bit}`, s, msg, pub);
    }
    for (let bit = 0; bit < 256; bit++) {
      const p = pub.slice();
      p[bit >> 3] = (p[bit >> 3] as number) ^ (1 << (bit & 7));
      expectSame(`pub bit ${bit}`, sig, msg, p);
    }
    for (let bit = 0; bit < msg.length * 8; bit++) {
      const m = msg.slice();
      m[bit >> 3] = (m[bit >> 3] as number) ^ (1 << (bit & 7));
      expect(expectSame(`msg bit ${bit}`, sig, m, pub)).toBe(false);
    }
  });

  it('a mixed-order key (A + torsion) gets the cofactored reference verdict, not the native one', () => {
    // Signed honestly with the scalar a, published as A' = aB + T: the cofactored equation holds,
    // the cofactorless one natives use fails unless k·T = 0. The reference fallback keeps them equal.
    const { scalar } = ed.utils.getExtendedPublicKey(seed);
    const Aprime = ed.Point.BASE.multiply(scalar)
      .add(torsion[1] as InstanceType<typeof ed.Point>)
      .toBytes();
    let disagreements = 0;
    for (let n = 0; n < 16; n++) {
      const m = new TextEncoder().encode(`pesan ${n}`);
      const r = fromLe(sha512(new Uint8Array([...seed, ...m]))) % L;
      const R = ed.Point.BASE.multiply(r).toBytes();
      const k = fromLe(sha512(new Uint8Array([...R, ...Aprime, ...m]))) % L;
      const S = (r + k * scalar) % L;
      const forged = new Uint8Array([...R, ...le(S)]);
      const want = expectSame(`mixed-order key, message ${n}`, forged, m, Aprime);
      expect(want).toBe(true);
      if (!nodeCryptoVerify()(forged, m, Aprime)) disagreements++;
    }
    // Most of these need the fallback: the raw native answer differs from the reference.
    expect(disagreements).toBeGreaterThan(0);
    expect(nodeStats.referenceChecks).toBeGreaterThan(0);
  });

  it('wrong lengths are refused, wrong types throw the reference TypeError', () => {
    for (const [, verify] of paths) {
      expect(verify(sig.subarray(0, 63), msg, pub)).toBe(false);
      expect(verify(sig, msg, pub.subarray(0, 31))).toBe(false);
      expect(() => verify('x' as never, msg, pub)).toThrow(TypeError);
    }
  });

  it('hex round trip sanity for the fixtures above', () => {
    expect(bytesToHex(pub)).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
  });
});
