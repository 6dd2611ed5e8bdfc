// parseJson's fast path (JSON.parse + key count + walk) must accept exactly what the strict
// scanner accepts, give the same value, and leave every refusal to the scanner's precise error.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonInvalidError, parseJson } from '../src/index.js';
import { parseJsonFast } from '../src/internal/json-fast.js';
import { scanJson } from '../src/internal/json-scan.js';

type Outcome = { value: unknown } | { reason: string; position: number | undefined };

function oracle(text: string, maxDepth: number): Outcome {
  try {
    scanJson(text, maxDepth);
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    const err = e as JsonInvalidError;
    return { reason: err.reason, position: err.position };
  }
}

function actual(text: string, maxDepth: number): Outcome {
  try {
    return { value: parseJson(text, { maxDepth }) };
  } catch (e) {
    expect(e).toBeInstanceOf(JsonInvalidError);
    const err = e as JsonInvalidError;
    return { reason: err.reason, position: err.position };
  }
}

// Texts near the edge: valid JSON, then one of the changes the strict parser exists for.
const mutation = fc.constantFrom(
  (t: string) => t,
  (t: string) => t.replace(/\{"/, '{"a":1,"a":2,"'),
  (t: string) => t.replace(/\{"([^"]*)":/, '{"$1":0,"$1":'),
  (t: string) => t.replace(/\{/, '{"__proto__":{"x":1},'),
  (t: string) => t.replace(/\{/, '{"\\u005f_proto__":1,'),
  (t: string) => t.replace(/"/, '"\\ud800'),
  (t: string) => t.replace(/"/, '"\\udc00\\ud800'),
  (t: string) => t.replace(/"/, '"\uD83D'),
  (t: string) => t.replace(/\d+/, '1' + '0'.repeat(400)),
  (t: string) => t.replace(/\d+/, '1e400'),
  (t: string) => '['.repeat(70) + t + ']'.repeat(70),
  (t: string) => t.replace(/"/, '"\\"'),
  (t: string) => t.replace(/"/, '"\\\\'),
  (t: string) => t.slice(0, -1),
  (t: string) => t + ' x',
  (t: string) => t.replace(/,/, ',,'),
  (t: string) => t.replace(/:/, ' \n\t:'),
);

describe('parseJson fast path', () => {
  it('agrees with the strict scanner on valid and mutated JSON (value, or reason and position)', () => {
    fc.assert(
      fc.property(
        fc.json({ depthSize: 'medium' }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(3, 64),
        (json, changes, maxDepth) => {
          const text = changes.reduce((t, f) => f(t), json);
          const expected = oracle(text, maxDepth);
          expect(actual(text, maxDepth)).toEqual(expected);
          // The fast path declines only what the scanner refuses: it never hides a valid text.
          if (parseJsonFast(text, maxDepth) === undefined) expect(expected).toHaveProperty('reason');
        },
      ),
      { numRuns: 3000 },
    );
    // Each refusal builds an error with a stack trace under vitest's source maps (about 5 ms a run
    // here): a loaded 2-core machine needs more than the default 30 s, and fewer runs would test less.
  }, 180_000);

  it('agrees on arbitrary strings, full Unicode included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const expected = oracle(text, 64);
        expect(actual(text, 64)).toEqual(expected);
        if (parseJsonFast(text, 64) === undefined) expect(expected).toHaveProperty('reason');
      }),
      { numRuns: 2000 },
    );
  }, 180_000);

  it('takes the fast path on clean records and declines on each refusal', () => {
    expect(parseJsonFast('{"a":[1,{"b":"c\\"d"}],"e":"\\\\"}', 64)).toEqual({
      value: { a: [1, { b: 'c"d' }], e: '\\' },
    });
    for (const bad of [
      '{"a":1,"a":2}',
      '{"x":{"k":1,"k":1}}',
      '{"__proto__":1}',
      '["\\ud800"]',
      '{"\\udc00":1}',
      '[1e999]',
      `[${'1'.repeat(400)}]`,
      '[[[1]]]',
      '{"a":',
      '"',
    ]) {
      expect(parseJsonFast(bad, 2), bad).toBeUndefined();
    }
  });

  it('a polluted Object.prototype cannot hide a duplicate key', () => {
    const proto = Object.prototype as Record<string, unknown>;
    Object.defineProperty(proto, 'polluted', { value: 1, enumerable: true, configurable: true, writable: true });
    try {
      expect(() => parseJson('{"a":1,"a":2}')).toThrow(JsonInvalidError);
    } finally {
      delete proto.polluted;
    }
  });

  it('a document nested 100,000 deep is refused as too deep, without a stack overflow', () => {
    for (const text of [
      '['.repeat(100_000) + ']'.repeat(100_000),
      '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000),
    ]) {
      expect(() => parseJson(text)).toThrow(expect.objectContaining({ reason: 'too-deep' }));
    }
  });
});
