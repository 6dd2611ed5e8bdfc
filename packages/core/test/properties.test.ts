// fast-check properties: sign-then-verify holds, any single change breaks it, canonicalization
// ignores key order and is idempotent.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import jcs from 'canonicalize';
import {
  canonicalize,
  createPledge,
  generateKeyPair,
  keyPairFromSecretKey,
  parseJson,
  signPledge,
  verifyPledge,
  type SignedPledge,
} from '../src/index.js';
import { signEd25519, verifyEd25519 } from '../src/crypto.js';
import { chainedRecord, pledgeInput } from './fixtures/make-record.js';

const seed = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('Ed25519 properties', () => {
  it('sign then verify is true', () => {
    fc.assert(
      fc.property(seed, fc.uint8Array({ maxLength: 256 }), (sk, msg) => {
        const key = keyPairFromSecretKey(sk);
        return verifyEd25519(signEd25519(msg, sk), msg, key.publicKey);
      }),
      { numRuns: 60 },
    );
  });

  it('changing any one bit of message, key or signature makes it false', () => {
    fc.assert(
      fc.property(
        seed,
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.nat(),
        fc.nat(7),
        fc.constantFrom('msg', 'sig', 'key'),
        (sk, msg, at, bit, what) => {
          const key = keyPairFromSecretKey(sk);
          const sig = signEd25519(msg, sk);
          const m = msg.slice();
          const s = sig.slice();
          const k = key.publicKey.slice();
          const target = what === 'msg' ? m : what === 'sig' ? s : k;
          target[at % target.length]! ^= 1 << bit;
          return verifyEd25519(s, m, k) === false;
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** Every leaf path of a JSON value, as key lists. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...prefix, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  }
  return [prefix];
}

function mutateAt(record: SignedPledge, p: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(record) as unknown as Record<string | number, unknown>;
  let node = copy;
  for (const k of p.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = p[p.length - 1] as string | number;
  const old = node[last];
  node[last] =
    replacement !== undefined && replacement !== old
      ? replacement
      : typeof old === 'string'
        ? old + 'x'
        : typeof old === 'number'
          ? old + 1
          : typeof old === 'boolean'
            ? !old
            : 'x';
  return copy;
}

describe('record properties', () => {
  it('any signed record verifies, whatever the signer data', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .string({ minLength: 1, maxLength: 60 })
          .filter((s) => s.trim() !== '' && !/[\u0000-\u001f\u007f]/.test(s) && !/[\uD800-\uDFFF]/.test(s)),
        fc.constantFrom('WIB', 'WITA', 'WIT') as fc.Arbitrary<'WIB' | 'WITA' | 'WIT'>,
        fc.constantFrom('id', 'en') as fc.Arbitrary<'id' | 'en'>,
        async (name, zone, language) => {
          const agency = generateKeyPair();
          const input = pledgeInput(agency);
          const c = createPledge({ ...input, language, timeZone: zone, signer: { ...input.signer, name } });
          const signed = await signPledge(c, agency);
          const viaText = parseJson(JSON.stringify(signed));
          return (await verifyPledge(viaText)).verified;
        },
      ),
      { numRuns: 30 },
    );
  });

  it('changing any single field of a signed chained record makes it fail', async () => {
    const { record } = await chainedRecord();
    const paths = leafPaths(record);
    expect(paths.length).toBeGreaterThan(40);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.option(fc.oneof(fc.string(), fc.integer(), fc.boolean())),
        async (p, repl) => {
          const result = await verifyPledge(mutateAt(record, p, repl ?? undefined));
          return result.verified === false;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('every leaf of a chained record is covered (exhaustive single-field changes)', async () => {
    const { record } = await chainedRecord();
    for (const p of leafPaths(record)) {
      const result = await verifyPledge(mutateAt(record, p, undefined));
      expect(result.verified, `changing ${p.join('.')}`).toBe(false);
    }
  });
});

describe('canonicalization properties', () => {
  const shuffle = (v: unknown, rnd: () => number): unknown => {
    if (Array.isArray(v)) return v.map((x) => shuffle(x, rnd));
    if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v).sort(() => rnd() - 0.5);
      return Object.fromEntries(entries.map(([k, x]) => [k, shuffle(x, rnd)]));
    }
    return v;
  };
  const json = fc.jsonValue().filter((v) => !JSON.stringify(v).includes('__proto__'));

  it('ignores key order', () => {
    fc.assert(
      fc.property(json, fc.integer(), (v, s) => {
        let x = s;
        const rnd = () => (x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
        return canonicalize(shuffle(v, rnd)) === canonicalize(v);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the canonicalize package's text, in any key order (also sorted: the JSON.stringify path)", () => {
    // Keys that sort differently by UTF-16 unit and by code point, integer-like keys (which JS
    // objects enumerate first), and full-Unicode strings.
    const key = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('1', '10', '9', '\u{1F600}', '\uFB01', 'a', 'A'),
    );
    const tree = fc
      .letrec((tie) => ({
        value: fc.oneof(
          { depthSize: 'small' },
          fc.string({ unit: 'binary' }),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
          fc.array(tie('value'), { maxLength: 4 }),
          fc.dictionary(key, tie('value'), { maxKeys: 6 }),
        ),
      }))
      .value.filter((v) => !JSON.stringify(v).includes('__proto__'));
    const sortKeys = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(sortKeys);
      if (typeof v === 'object' && v !== null) {
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
        return out;
      }
      return v;
    };
    fc.assert(
      fc.property(tree, (v) => {
        expect(canonicalize(v)).toBe(jcs(v));
        expect(canonicalize(sortKeys(v))).toBe(jcs(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent and parses back to an equal value', () => {
    fc.assert(
      fc.property(json, (v) => {
        const once = canonicalize(v);
        const again = canonicalize(parseJson(once, { maxDepth: 1000 }));
        return once === again;
      }),
      { numRuns: 300 },
    );
  });
});

describe('verifyPledge never throws', () => {
  it('on any JSON value, or a real record with any field replaced by any JSON value', async () => {
    const { record } = await chainedRecord();
    const paths = leafPaths(record).concat([
      ['proof'],
      ['credentialSubject'],
      ['@context'],
      ['issuer'],
      ['proof', 0],
      ['proof', 1, 'previousProof'],
    ]);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(...paths), async (value, p) => {
        const whole = await verifyPledge(value);
        const copy = structuredClone(record) as unknown as Record<string | number, unknown>;
        let node = copy;
        for (const k of p.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
        const original = JSON.stringify(node[p[p.length - 1] as string | number]);
        node[p[p.length - 1] as string | number] = value;
        const part = await verifyPledge(copy);
        // Only putting back the very same value may keep the record valid.
        return (
          whole.verified === false &&
          typeof whole.code === 'string' &&
          (part.verified === false || JSON.stringify(value) === original)
        );
      }),
      { numRuns: 300 },
    );
  });
});
