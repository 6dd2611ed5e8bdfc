// The fast path of verifyLine (issue #17): a line already in RFC 8785 form is read with one
// JSON.parse and each proof's document hashed as slices of the line. It must give exactly the
// verdicts of the full path (verifyText: strict parse, serialize, hash) on every line, canonical
// or not: mutated lines (whitespace, key order, escapes, number forms, duplicate keys,
// `__proto__`, unicode, changed bytes) and the forgeries of the other tests.
import fc from 'fast-check';
import { generateKeyPair, signPledge, type SignedPledge } from '@ikrar/core';
import { canonicalize, canonicalizeToBytes, proofsOf, securedInput } from '@ikrar/core/crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRecordVerifier, createStrictVerifier, parseTrustStore, type RecordVerifier } from '../src/index.js';
import { nodeCryptoVerify, nodeSha256 } from '../src/cli/verify/engines.js';
import { createLineScanner, createSlicer } from '../src/internal/canonical-line.js';
import { alterText, makeRecord, trustFor } from './helpers.js';

const agency = generateKeyPair();
const employee = generateKeyPair();
const stranger = generateKeyPair();
const utf8 = new TextEncoder();
let lines: string[] = [];
let verifier: RecordVerifier;
const scan = createLineScanner(64);
const slicer = createSlicer();
const securedSlices = slicer.slice;

beforeAll(async () => {
  const records: SignedPledge[] = [
    await makeRecord({ agency }),
    await makeRecord({ agency, employee, name: 'Ñoman Wayan Śāstri 🙏' }),
    await makeRecord({ agency: stranger }),
    await alterText(await makeRecord({ agency }), agency),
  ];
  // A set of proofs where the agency's names the employee's (chained) and one where both are final.
  lines = records.map((r) => canonicalize(r));
  verifier = createRecordVerifier({
    trustStore: parseTrustStore(trustFor(agency)),
    verifySignature: createStrictVerifier(nodeCryptoVerify()),
    sha256: nodeSha256,
  });
});

/** Both paths on one line's bytes: verifyLine (fast when canonical) and verifyText on its text. */
async function bothPaths(bytes: Uint8Array): Promise<[unknown, unknown]> {
  const fast = await verifier.verifyLine(bytes, { line: 1 });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Not UTF-8: no text to give the full path; the verdict says so.
    return [fast.result.reason, { code: 'ERR_UTF8_INVALID' }];
  }
  return [fast, await verifier.verifyText(text, { line: 1 })];
}

/** Text mutations of a canonical line, each kind a way a line can fail to be canonical (or stay so). */
const MUTATIONS: ((line: string, at: number, pick: number) => string)[] = [
  // whitespace after a structural character
  (l, at) => {
    const i = nth(l, /[,:{[]/g, at);
    return i < 0 ? l : l.slice(0, i + 1) + [' ', '\n', '\t', '\r'][at % 4] + l.slice(i + 1);
  },
  // two members of an object swapped (key order)
  (l) => {
    const rec = JSON.parse(l) as Record<string, unknown>;
    const keys = Object.keys(rec);
    const swapped: Record<string, unknown> = {};
    for (const k of [keys[1], keys[0], ...keys.slice(2)] as string[]) swapped[k] = rec[k];
    return JSON.stringify(swapped);
  },
  // a letter written as an escape, or a slash escaped
  (l, at, pick) => {
    const i = nth(l, /[A-Za-z/]/g, at);
    if (i < 0) return l;
    const c = l[i] as string;
    const esc =
      c === '/'
        ? '\\/'
        : pick % 2
          ? `\\u00${c.charCodeAt(0).toString(16)}`
          : `\\u00${c.charCodeAt(0).toString(16).toUpperCase()}`;
    return l.slice(0, i) + esc + l.slice(i + 1);
  },
  // number forms of the same value, and other values
  (l, at, pick) => {
    const i = nth(l, /[0-9]/g, at);
    if (i < 0 || /[0-9"]/.test(l[i - 1] ?? '')) return l;
    const forms = ['1.0', '1e0', '-0', '01', '1E0', '0.5', '-1', '123456789012345678', '2'];
    let j = i;
    while (/[0-9]/.test(l[j] ?? '')) j++;
    return l.slice(0, i) + forms[pick % forms.length] + l.slice(j);
  },
  // a duplicate member, first or last
  (l, _at, pick) => {
    const rec = JSON.parse(l) as Record<string, unknown>;
    const keys = Object.keys(rec);
    const k = keys[pick % keys.length] as string;
    const member = `${JSON.stringify(k)}:${JSON.stringify(rec[k])}`;
    return pick % 2 ? `{${member},${l.slice(1)}` : `${l.slice(0, -1)},${member}}`;
  },
  // a __proto__ member, at the top or inside the subject
  (l, _at, pick) =>
    pick % 2
      ? `{"__proto__":{"x":1},${l.slice(1)}`
      : l.replace('"credentialSubject":{', '"credentialSubject":{"__proto__":null,'),
  // unicode: a letter replaced by a non-ASCII one, raw or escaped, or a non-ASCII key
  (l, at, pick) => {
    const i = nth(l, /[a-z]/g, at);
    if (i < 0) return l;
    const sub = ['é', '\\u00e9', '😀', '\\ud83d\\ude00', '\\ud83d', '\u2028', '\u007f'][pick % 7] as string;
    return pick % 9 === 8 ? `{"é":1,${l.slice(1)}` : l.slice(0, i) + sub + l.slice(i + 1);
  },
  // a raw control character in place of a letter, mostly inside a string (not JSON: the scanner
  // does not look for it, JSON.parse refuses the line)
  (l, at, pick) => {
    const i = nth(l, /[a-z]/g, at);
    return i < 0 ? l : l.slice(0, i) + String.fromCharCode(pick % 0x20) + l.slice(i + 1);
  },
  // one character changed anywhere (signature, document, structure)
  (l, at, pick) => {
    const i = at % l.length;
    const c = String.fromCharCode(0x20 + (pick % 95));
    return l.slice(0, i) + c + l.slice(i + 1);
  },
  // the proof set changed: a proof dropped, a scalar added, made a single object
  (l, _at, pick) => {
    const rec = JSON.parse(l) as Record<string, unknown>;
    const proofs = proofsOf(rec);
    const forms = [proofs[0], [...proofs, 5], proofs.slice(1), ['x', ...proofs], proofs.reverse(), {}, []];
    rec.proof = forms[pick % forms.length];
    try {
      return pick % 2 ? canonicalize(rec) : JSON.stringify(rec);
    } catch {
      return JSON.stringify(rec); // not I-JSON (an earlier step added __proto__)
    }
  },
];

function nth(s: string, re: RegExp, k: number): number {
  const all = [...s.matchAll(re)].map((m) => m.index as number);
  return all.length ? (all[k % all.length] as number) : -1;
}

describe('verifyLine: canonical lines hashed from slices', () => {
  it('the fixture lines are canonical and take the fast path (the property below is not vacuous)', () => {
    for (const l of lines) {
      const b = utf8.encode(l);
      const shape = scan(b);
      expect(shape, l.slice(0, 80)).not.toBeNull();
      expect(shape?.valueStart).toBeGreaterThan(0);
    }
  });

  it('gives the verdicts of the full path on genuine, forged, altered and untrusted lines', async () => {
    const verdicts: string[] = [];
    for (const l of lines) {
      const [fast, full] = await bothPaths(utf8.encode(l));
      expect(fast).toEqual(full);
      verdicts.push((fast as { result: { verdict: string } }).result.verdict);
    }
    expect(verdicts).toEqual(['valid', 'valid', 'untrusted-issuer', 'altered-text']);
  });

  it('the slices are the bytes core serializes: the record without proofs, or with the proofs a proof names', () => {
    // Each output is also checked again after all the others were made: outputs share chunks,
    // never bytes. Lines as the CLI hands them too (views of a SharedArrayBuffer at every
    // alignment), a line longer than a chunk, and enough lines that the chunk fills and is
    // replaced while a line's copy is in the old one.
    const big = JSON.parse(lines[0] as string) as Record<string, unknown>;
    big.zz = 'x'.repeat(70_000);
    const texts = [...lines, canonicalize(big)];
    const placed: [string, Uint8Array][] = [];
    for (let round = 0; round < 3; round++) {
      for (const [i, l] of texts.entries()) {
        const bytes = utf8.encode(l);
        const shared = new Uint8Array(new SharedArrayBuffer(bytes.length + 16));
        const offset = (i + round * 3) % 8;
        shared.set(bytes, offset);
        placed.push([l, bytes], [l, shared.subarray(offset, offset + bytes.length)]);
      }
    }
    // Bytes compared as hex text: the same check as toEqual, without vitest's element-by-element
    // deep equality, which took this test to 30-70 s on a loaded machine.
    const hex = (b: Uint8Array | undefined): string | undefined =>
      b === undefined ? undefined : Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
    const made: [Uint8Array | undefined, Uint8Array][] = [];
    for (const [l, b] of placed) {
      const shape = scan(b);
      const rec = JSON.parse(l) as Record<string, unknown>;
      expect(canonicalize(rec)).toBe(l);
      const proofs = proofsOf(rec);
      for (const p of proofs as Record<string, unknown>[]) {
        const prev = p.previousProof as string | string[] | undefined;
        const input = securedInput(rec, prev, proofs) as Record<string, unknown>;
        const named = prev === undefined ? undefined : (input.proof as unknown[]);
        const own = securedSlices(b, shape!, rec.proof, named);
        expect(hex(own)).toBe(hex(canonicalizeToBytes(input)));
        // Any proof set, named in any order.
        const all = securedSlices(b, shape!, rec.proof, [...proofs].reverse());
        expect(hex(all)).toBe(hex(canonicalizeToBytes({ ...rec, proof: [...proofs].reverse() })));
        // The proof configuration: the proof less its proofValue (eddsa-jcs-2022 §3.3.2).
        const { proofValue: _pv, ...config } = p;
        void _pv;
        const cfg = slicer.config(b, shape!, rec.proof, p);
        expect(hex(cfg)).toBe(hex(canonicalizeToBytes(config)));
        made.push(
          [own, canonicalizeToBytes(input)],
          [all, canonicalizeToBytes({ ...rec, proof: [...proofs].reverse() })],
          [cfg, canonicalizeToBytes(config)],
        );
      }
    }
    for (const [out, expected] of made) expect(hex(out)).toBe(hex(expected));
  });

  it('property: on mutated lines the fast path and the full path agree', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(lines.length - 1),
        fc.array(fc.tuple(fc.nat(MUTATIONS.length - 1), fc.nat(100_000), fc.nat(1000)), { minLength: 1, maxLength: 3 }),
        async (which, steps) => {
          let l = lines[which] as string;
          for (const [kind, at, pick] of steps) {
            try {
              l = (MUTATIONS[kind] as (typeof MUTATIONS)[number])(l, at, pick);
            } catch {
              // a mutation that parses the line does nothing to a line that no longer parses
            }
          }
          const [fast, full] = await bothPaths(utf8.encode(l));
          expect(fast).toEqual(full);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('property: a proof configuration cut from a canonical line is the canonical proof less its proofValue', () => {
    // Proof objects with members before, after and around proofValue (or none), proofValue first,
    // last or alone, of any JSON type, and proofValue keys nested inside a proof; as one object or
    // an array (with other elements mixed in). A configuration is cut exactly when the proof's own
    // proofValue is a string, and is then canonicalizeToBytes of the proof without it.
    const key = fc.constantFrom('@context', 'created', 'id', 'proofPurpose', 'proofValu', 'proofValuf', 'type', 'zz');
    const nested = fc.dictionary(fc.constantFrom('proofValue', 'a', 'z'), fc.jsonValue({ maxDepth: 1 }));
    const member = fc.oneof(fc.jsonValue({ maxDepth: 2 }), nested);
    const proof = fc.record(
      {
        rest: fc.dictionary(key, member, { maxKeys: 5 }),
        value: fc.option(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.jsonValue({ maxDepth: 1 })), {
          nil: undefined,
        }),
      },
      { requiredKeys: ['rest'] },
    );
    const other = fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }));
    const list = fc.oneof(
      proof.map((p) => [p]),
      fc.array(proof, { minLength: 1, maxLength: 3 }),
      fc.array(fc.oneof(proof, other), { minLength: 1, maxLength: 3 }),
    );
    fc.assert(
      fc.property(
        fc.oneof(proof, list),
        fc.dictionary(fc.constantFrom('@context', 'issuer', 'type', 'zz'), fc.jsonValue({ maxDepth: 1 })),
        (given, doc) => {
          const toProof = (q: unknown): unknown => {
            if (typeof q !== 'object' || q === null || Array.isArray(q) || !('rest' in q)) return q;
            const { rest, value } = q as { rest: Record<string, unknown>; value?: unknown };
            return value === undefined ? { ...rest } : { ...rest, proofValue: value };
          };
          const rec = { ...doc, proof: Array.isArray(given) ? given.map(toProof) : toProof(given) };
          let text: string;
          try {
            text = canonicalize(rec);
          } catch {
            return; // not I-JSON
          }
          const b = utf8.encode(text);
          const shape = scan(b);
          if (!shape) return;
          const parsed = JSON.parse(text) as Record<string, unknown>;
          const proofs = proofsOf(parsed);
          const objectsOnly = proofs.every((q) => typeof q === 'object' && q !== null && !Array.isArray(q));
          for (const q of proofs) {
            if (typeof q !== 'object' || q === null || Array.isArray(q)) continue;
            const got = slicer.config(b, shape, parsed.proof, q);
            const { proofValue, ...config } = q as Record<string, unknown>;
            if (typeof proofValue === 'string' && objectsOnly) expect(got).toEqual(canonicalizeToBytes(config));
            else expect(got).toBeUndefined();
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('property: whenever the scanner accepts a JSON text, canonicalizing its parse gives it back', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.boolean(), (value, canonical) => {
        let text: string;
        try {
          text = canonical ? canonicalize(value) : JSON.stringify(value);
        } catch {
          return; // not I-JSON (e.g. __proto__): nothing to compare
        }
        const shape = scan(utf8.encode(text));
        if (shape) expect(canonicalize(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('bytes that are not UTF-8 are malformed, ERR_UTF8_INVALID, with the message in both languages', async () => {
    const b = utf8.encode(lines[0] as string);
    b[40] = 0xff;
    const { result } = await verifier.verifyLine(b, { file: 'a.jsonl', line: 3 });
    expect([result.verdict, result.reason]).toEqual(['malformed', { code: 'ERR_UTF8_INVALID' }]);
    expect(result.message).toEqual({ id: 'Teks bukan UTF-8 yang sah.', en: 'The text is not valid UTF-8.' });
    expect(result.source).toEqual({ file: 'a.jsonl', line: 3 });
  });

  it('overlapping calls, with an asynchronous signature check, give the outcomes of calls one at a time', async () => {
    // Walks interleave: a record's later proofs are planned after the next line was read, and
    // the slices of one record must never be another's.
    const strict = createStrictVerifier(nodeCryptoVerify());
    const overlapping = createRecordVerifier({
      trustStore: parseTrustStore(trustFor(agency)),
      verifySignature: async (s: Uint8Array, m: Uint8Array, k: Uint8Array) => strict(s, m, k),
      sha256: nodeSha256,
    });
    // And a record whose two proofs are both final (neither names the other): its second proof's
    // document is the line without proofs, asked for after the first proof's check awaited.
    const { proof: _p, ...doc } = (await makeRecord({ agency, employee })) as SignedPledge & { proof: unknown };
    void _p;
    const created = '2024-10-07T08:05:00+08:00';
    const both = {
      ...doc,
      proof: [
        ...proofsOf((await signPledge(doc as never, employee, { created })) as unknown as Record<string, unknown>),
        ...proofsOf((await signPledge(doc as never, agency, { created })) as unknown as Record<string, unknown>),
      ],
    };
    const all = [...lines, canonicalize(both), ...lines, canonicalize(both), ...lines];
    const together = await Promise.all(all.map((l, i) => overlapping.verifyLine(utf8.encode(l), { line: i + 1 })));
    const oneByOne: unknown[] = [];
    for (const [i, l] of all.entries()) oneByOne.push(await verifier.verifyText(l, { line: i + 1 }));
    expect(together).toEqual(oneByOne);
    expect(together.map((o) => o.result.verdict).slice(0, 5)).toEqual([
      'valid',
      'valid',
      'untrusted-issuer',
      'altered-text',
      'valid',
    ]);
  });

  it('a raw control character in a string passes the scanner, but JSON.parse refuses it: the full path decides', async () => {
    const l = lines[0] as string;
    for (const ch of ['\u0000', '\u0001', '\t', '\n', '\u001f']) {
      const bad = l.replace('"Ikrar Netralitas', `"Ikrar${ch}Netralitas`);
      expect(bad).not.toBe(l);
      const b = utf8.encode(bad);
      expect(scan(b)).not.toBeNull();
      const [fast, full] = await bothPaths(b);
      expect(fast).toEqual(full);
      const { result } = fast as { result: { verdict: string; reason: { code: string } } };
      expect([result.verdict, result.reason.code]).toEqual(['malformed', 'ERR_JSON_INVALID']);
    }
  });

  it('a non-canonical line is still read strictly: a duplicate key is ERR_JSON_INVALID duplicate-key on both paths', async () => {
    const l = lines[0] as string;
    const dup = `{"id":"urn:x",${l.slice(1)}`;
    const { result } = await verifier.verifyLine(utf8.encode(dup));
    expect([result.verdict, result.reason]).toEqual([
      'malformed',
      { code: 'ERR_JSON_INVALID', detail: 'duplicate-key' },
    ]);
  });
});
