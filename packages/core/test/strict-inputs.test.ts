// Our own strictness cases: small-order keys and R, S + L, and JSON/canonicalization refusals.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ed from '@noble/ed25519';
import {
  CanonicalizationError,
  JsonInvalidError,
  KeyInvalidError,
  canonicalize,
  generateKeyPair,
  multibaseToPublicKey,
  parseJson,
  publicKeyToMultibase,
} from '../src/index.js';
import {
  bytesToHex,
  hexToBytes,
  isSmallOrderEncoding,
  isStrictPublicKey,
  isStrictPublicKeyEncoding,
  isStrictSignatureEncoding,
  signEd25519,
  verifyEd25519,
} from '../src/crypto.js';
import { fromLe, le } from './fixtures/ed25519-forgeries.js';

const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const IDENTITY = hexToBytes('0100000000000000000000000000000000000000000000000000000000000000');

const numberToBytesLE = le;
const bytesToNumberLE = fromLe;

describe('strict Ed25519', () => {
  it('the torsion blocklist holds 8 distinct small-order points', () => {
    const seen = new Set<string>();
    let q = ed.Point.fromHex('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05');
    for (let i = 0; i < 8; i++) {
      expect(q.isSmallOrder()).toBe(true);
      expect(isSmallOrderEncoding(q.toBytes())).toBe(true);
      seen.add(bytesToHex(q.toBytes()));
      q = q.add(ed.Point.fromHex('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05'));
    }
    expect(seen.size).toBe(8);
    expect(isSmallOrderEncoding(generateKeyPair().publicKey)).toBe(false);
  });

  it('byte-level key checks plus point decompression refuse exactly what isStrictPublicKey refuses', () => {
    const decompresses = (b: Uint8Array): boolean => {
      try {
        ed.Point.fromBytes(b, false);
        return true;
      } catch {
        return false;
      }
    };
    const P = 2n ** 255n - 19n;
    const cases: Uint8Array[] = [IDENTITY, new Uint8Array(32), numberToBytesLE(P, 32), numberToBytesLE(P + 1n, 32)];
    let q = ed.Point.ZERO;
    const t = ed.Point.fromHex('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05');
    for (let i = 0; i < 8; i++) {
      const enc = q.toBytes();
      cases.push(
        enc,
        Uint8Array.from(enc, (b, j) => (j === 31 ? b ^ 0x80 : b)),
      );
      // A large-order key plus a torsion component (mixed order) is a usable key for both.
      cases.push(ed.Point.fromBytes(generateKeyPair().publicKey).add(q).toBytes());
      q = q.add(t);
    }
    for (let i = 0; i < 300; i++) cases.push(i % 3 === 0 ? generateKeyPair().publicKey : ed.utils.randomSecretKey());
    for (const c of cases) {
      expect(isStrictPublicKeyEncoding(c) && decompresses(c), bytesToHex(c)).toBe(isStrictPublicKey(c));
    }
    expect(isStrictPublicKeyEncoding(new Uint8Array(31))).toBe(false);
  });

  it('byte-level S < L and y < p agree with the BigInt definitions, at the edges and at random', () => {
    const P = 2n ** 255n - 19n;
    const small = new Set(
      Array.from({ length: 8 }, (_, i) => {
        let q = ed.Point.ZERO;
        for (let j = 0; j < i; j++)
          q = q.add(ed.Point.fromHex('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05'));
        return bytesToNumberLE(q.toBytes()) & ((1n << 255n) - 1n);
      }),
    );
    const refSig = (sig: Uint8Array): boolean => {
      const y = bytesToNumberLE(sig.subarray(0, 32)) & ((1n << 255n) - 1n);
      return bytesToNumberLE(sig.subarray(32)) < L && y < P && !small.has(y);
    };
    const refKey = (pub: Uint8Array): boolean => {
      const y = bytesToNumberLE(pub) & ((1n << 255n) - 1n);
      return y < P && !small.has(y);
    };
    const edge = [0n, 1n, L - 1n, L, L + 1n, P - 1n, P, P + 1n, P + 18n, 2n ** 255n - 1n, 2n ** 256n - 1n];
    const num = fc.oneof(
      fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
      fc.constantFrom(...edge),
      fc.constantFrom(...edge).map((n) => n ^ (1n << 255n)),
    );
    fc.assert(
      fc.property(num, num, (r, sv) => {
        const sig = new Uint8Array(64);
        sig.set(numberToBytesLE(r, 32), 0);
        sig.set(numberToBytesLE(sv, 32), 32);
        expect(isStrictSignatureEncoding(sig)).toBe(refSig(sig));
        expect(isStrictPublicKeyEncoding(sig.subarray(0, 32))).toBe(refKey(sig.subarray(0, 32)));
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects the identity key with R = identity and S = 0 (verifies any message under lax checks)', () => {
    const sig = new Uint8Array(64);
    sig.set(IDENTITY, 0);
    for (const msg of [new Uint8Array(), new TextEncoder().encode('Saya berikrar')]) {
      // The cofactored equation alone holds: that is why the small-order checks exist.
      expect(ed.verify(sig, msg, IDENTITY, { zip215: true })).toBe(true);
      expect(verifyEd25519(sig, msg, IDENTITY)).toBe(false);
    }
    expect(isStrictPublicKey(IDENTITY)).toBe(false);
    expect(() => publicKeyToMultibase(IDENTITY)).toThrow(KeyInvalidError);
  });

  it('rejects every small-order public key, and every small-order R under a good key', () => {
    const key = generateKeyPair();
    const msg = new TextEncoder().encode('x');
    const good = signEd25519(msg, key.secretKey);
    let q = ed.Point.ZERO;
    const t = ed.Point.fromHex('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05');
    for (let i = 0; i < 8; i++) {
      const enc = q.toBytes();
      expect(isStrictPublicKey(enc), `torsion point ${i} as key`).toBe(false);
      const sig = good.slice();
      sig.set(enc, 0);
      expect(isStrictSignatureEncoding(sig), `torsion point ${i} as R`).toBe(false);
      expect(verifyEd25519(sig, msg, key.publicKey)).toBe(false);
      q = q.add(t);
    }
  });

  it('rejects S + L (malleability) though the equation holds', () => {
    const key = generateKeyPair();
    const msg = new TextEncoder().encode('pakta integritas');
    const sig = signEd25519(msg, key.secretKey);
    expect(verifyEd25519(sig, msg, key.publicKey)).toBe(true);
    const s = bytesToNumberLE(sig.subarray(32));
    const mall = sig.slice();
    mall.set(numberToBytesLE(s + L, 32), 32);
    expect(isStrictSignatureEncoding(mall)).toBe(false);
    expect(verifyEd25519(mall, msg, key.publicKey)).toBe(false);
  });

  it('rejects a non-canonical R (y >= p) and wrong lengths, returning false', () => {
    const key = generateKeyPair();
    const msg = new Uint8Array([1]);
    const sig = signEd25519(msg, key.secretKey);
    const nonCanonical = sig.slice();
    nonCanonical.set(hexToBytes('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'), 0);
    expect(verifyEd25519(nonCanonical, msg, key.publicKey)).toBe(false);
    expect(verifyEd25519(sig.subarray(0, 63), msg, key.publicKey)).toBe(false);
    expect(verifyEd25519(sig, msg, key.publicKey.subarray(0, 31))).toBe(false);
  });

  it('throws TypeError naming the argument for non-bytes', () => {
    expect(() => verifyEd25519('ab' as unknown as Uint8Array, new Uint8Array(), new Uint8Array(32))).toThrow(
      /"signature" expected Uint8Array, got string/,
    );
  });

  it('refuses a Multikey with the wrong codec', () => {
    let err: unknown;
    try {
      multibaseToPublicKey('z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KeyInvalidError);
    expect((err as KeyInvalidError).code).toBe('ERR_KEY_INVALID');
    expect((err as KeyInvalidError).messages.id).toMatch(/Multikey Ed25519/);
  });
});

describe('strict JSON', () => {
  const cases: [string, string, string][] = [
    ['duplicate key', '{"a":1,"a":2}', 'duplicate-key'],
    ['duplicate key spelled with an escape', '{"a":1,"\\u0061":2}', 'duplicate-key'],
    ['nested duplicate key', '{"x":{"b":1,"c":[{"d":1,"d":1}]}}', 'duplicate-key'],
    ['lone high surrogate (escaped)', '{"a":"\\ud800"}', 'lone-surrogate'],
    ['lone low surrogate in a key', '{"\\udc00":1}', 'lone-surrogate'],
    ['__proto__ key', '{"__proto__":{"admin":true}}', 'proto-key'],
    ['__proto__ key spelled with an escape', '{"__proto\\u005f_":1}', 'proto-key'],
    ['number overflowing to Infinity', '{"n":1e400}', 'non-finite-number'],
    ['trailing comma', '{"a":1,}', 'syntax'],
    ['single quotes', "{'a':1}", 'syntax'],
    ['truncated', '{"a":[1,2', 'syntax'],
    ['garbage after the value', '{"a":1} x', 'syntax'],
    ['empty input', '', 'syntax'],
    ['leading zero', '[01]', 'syntax'],
    ['raw control character in a string', '["a\u0001"]', 'syntax'],
  ];
  for (const [name, text, reason] of cases) {
    it(`refuses ${name} with ERR_JSON_INVALID / ${reason}`, () => {
      let err: unknown;
      try {
        parseJson(text);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(JsonInvalidError);
      expect((err as JsonInvalidError).code).toBe('ERR_JSON_INVALID');
      expect((err as JsonInvalidError).reason).toBe(reason);
      expect((err as JsonInvalidError).messages.en.length).toBeGreaterThan(10);
      expect((err as JsonInvalidError).messages.id.length).toBeGreaterThan(10);
    });
  }

  it('refuses nesting 100,000 deep without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parseJson(deep)).toThrow(expect.objectContaining({ code: 'ERR_JSON_INVALID', reason: 'too-deep' }));
  });

  it('refuses input over the size limit', () => {
    expect(() => parseJson('"' + 'a'.repeat(100) + '"', { maxLength: 50 })).toThrow(
      expect.objectContaining({ reason: 'too-large' }),
    );
  });

  it('accepts well-formed JSON, surrogate pairs and escapes included', () => {
    expect(parseJson('{"a":"\\ud83d\\ude00 😀","b":[1,-0.5e-3,true,false,null],"c":{}}')).toEqual({
      a: '😀 😀',
      b: [1, -0.0005, true, false, null],
      c: {},
    });
  });
});

describe('canonicalize refusals', () => {
  const bad: [string, unknown][] = [
    ['NaN', { n: NaN }],
    ['Infinity', [Infinity]],
    ['lone surrogate string', { s: '\ud800' }],
    ['__proto__ own key', JSON.parse('{"__proto__":1}')],
    ['undefined', undefined],
    ['a function', { f: () => 1 }],
    ['a Date instance', { d: new Date(0) }],
  ];
  for (const [name, value] of bad) {
    it(`refuses ${name} with ERR_CANONICALIZATION_FAILED`, () => {
      let err: unknown;
      try {
        canonicalize(value);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(CanonicalizationError);
      expect((err as CanonicalizationError).code).toBe('ERR_CANONICALIZATION_FAILED');
    });
  }
});
