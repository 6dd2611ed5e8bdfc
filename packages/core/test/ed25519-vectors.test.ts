// Wycheproof Ed25519 (C2SP), read in place from ../shared/vectors/ (see ./vectors.ts): nothing of
// the vector file is copied here. Every case goes through our strict verification primitive.
import { describe, expect, it } from 'vitest';
import { hexToBytes, isStrictPublicKey, verifyEd25519 } from '../src/crypto.js';
import { vectorJson } from './vectors.js';

interface WycheproofFile {
  numberOfTests: number;
  testGroups: {
    publicKey: { pk: string };
    tests: { tcId: number; comment: string; msg: string; sig: string; result: 'valid' | 'invalid'; flags: string[] }[];
  }[];
}

describe('Wycheproof Ed25519 (C2SP)', () => {
  const file = vectorJson<WycheproofFile>('wycheproof-ed25519.json');
  let count = 0;
  file.testGroups.forEach((g, gi) => {
    for (const v of g.tests) {
      count++;
      it(`(${gi}/${v.tcId}, ${v.result}): ${v.comment || v.flags.join(',')}`, () => {
        const pub = hexToBytes(g.publicKey.pk);
        const sig = hexToBytes(v.sig);
        const msg = hexToBytes(v.msg);
        expect(verifyEd25519(sig, msg, pub)).toBe(v.result === 'valid');
      });
    }
  });
  it('covers all 151 cases', () => {
    expect(count).toBe(151);
    expect(file.numberOfTests).toBe(151);
  });
  it('every group key is a usable public key', () => {
    for (const g of file.testGroups) expect(isStrictPublicKey(hexToBytes(g.publicKey.pk))).toBe(true);
  });
});
