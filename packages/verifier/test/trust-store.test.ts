// trustAt reads an entry's window with core's timestampMillis (the parser of `created` too), on
// every call; a verifier reads its store's windows once (createTrustDecider, owned by the
// verifier, no module state). The reference below is trustAt as it was first written: every call
// parses the entry's times with Date.parse. fast-check holds them equal over random windows and
// `created` values, at the edges (created equal to a bound, one millisecond either side, the same
// instant in another offset), over stores changed after use, structured clones (what a worker
// gets) and hand-made stores whose times are not texts; and the decider equal to trustAt.
import { generateKeyPair, timestampMillis } from '@ikrar/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTrustStore, trustAt, type TrustDecision, type TrustStore, type TrustedIssuer } from '../src/index.js';
import { createTrustDecider } from '../src/trust-store.js';

/** trustAt before this change, kept as the reference. */
function reference(store: TrustStore, issuer: string, created: string): TrustDecision {
  const t = Date.parse(created); // the inputs below are all valid; trustAt's own check is tested apart
  const entry = store.issuers.find((e) => e.id === issuer);
  if (!entry) return { status: 'untrusted' };
  if (entry.revokedAt !== null && Date.parse(entry.revokedAt) <= t) return { status: 'revoked', entry };
  if (entry.validFrom !== null && t < Date.parse(entry.validFrom)) return { status: 'not-yet-valid', entry };
  if (entry.validUntil !== null && t >= Date.parse(entry.validUntil)) return { status: 'expired', entry };
  return { status: 'trusted', entry };
}

const DIDS = [generateKeyPair().controller, generateKeyPair().controller, generateKeyPair().controller];
const BASE = Date.parse('2024-10-07T00:00:00Z');
const OFFSETS = ['Z', '+07:00', '+08:00', '+09:00', '-05:30'];

/** An instant as RFC 3339 in an offset, to the second or the millisecond. */
function format(ms: number, offset: string): string {
  const minutes =
    offset === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
  const local = new Date(ms + minutes * 60_000).toISOString();
  const text = ms % 1000 === 0 ? local.slice(0, 19) : local.slice(0, 23);
  return text + offset;
}

/** Instants near each other, so that `created` often meets a bound. */
const instant = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map((h) => BASE + h * 3_600_000),
  fc.integer({ min: -5 * 3_600_000, max: 5 * 3_600_000 }).map((d) => BASE + d),
);
const time = fc.tuple(instant, fc.constantFrom(...OFFSETS)).map(([ms, o]) => format(ms, o));
const bound = fc.option(time, { nil: null, freq: 3 });
const entry = fc.record({ validFrom: bound, validUntil: bound, revokedAt: bound });
const storeJson = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...DIDS), entry), { selector: ([id]) => id, maxLength: 3 })
  .map((list) => ({
    issuers: list
      // parseTrustStore refuses validUntil <= validFrom: keep such a pair out.
      .filter(([, e]) => !(e.validFrom && e.validUntil && Date.parse(e.validUntil) <= Date.parse(e.validFrom)))
      .map(([id, e]) => ({ id, ...e })),
  }));

/** `created` values at every bound of the store: the bound itself, a millisecond either side, another offset. */
function edges(store: TrustStore): string[] {
  const out: string[] = [];
  for (const e of store.issuers) {
    for (const b of [e.validFrom, e.validUntil, e.revokedAt]) {
      if (b === null) continue;
      const ms = Date.parse(b);
      out.push(b, format(ms - 1, '+08:00'), format(ms + 1, 'Z'), format(ms, '-05:30'));
    }
  }
  return out;
}

function expectSame(store: TrustStore, issuer: string, created: string): void {
  const got = trustAt(store, issuer, created);
  const want = reference(store, issuer, created);
  expect(got.status, `${issuer} at ${created}`).toBe(want.status);
  expect(got.entry).toBe(want.entry);
}

describe('trustAt reads each window once and decides as it did', () => {
  it('fast-check: random stores and created values, the edges of every window, twice each', () => {
    fc.assert(
      fc.property(storeJson, fc.array(time, { maxLength: 8 }), (json, times) => {
        const store = parseTrustStore(json);
        for (const created of [...times, ...edges(store)]) {
          for (const id of DIDS) {
            expectSame(store, id, created);
            expectSame(store, id, created); // a second time: from the window read the first
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('fast-check: a store changed in place after use, and its structured clone, are judged by their texts', () => {
    fc.assert(
      fc.property(storeJson, entry, fc.array(time, { minLength: 1, maxLength: 6 }), (json, next, times) => {
        const store = parseTrustStore(json);
        const all = [...times, ...edges(store)];
        for (const created of all) for (const id of DIDS) expectSame(store, id, created);
        // The same entry objects, with other times (a caller that did not keep the store immutable).
        for (const e of store.issuers as Mutable<TrustedIssuer>[]) Object.assign(e, next);
        for (const created of [...all, ...edges(store)]) for (const id of DIDS) expectSame(store, id, created);
        const clone = structuredClone(store);
        for (const created of [...all, ...edges(clone)]) for (const id of DIDS) expectSame(clone, id, created);
      }),
      { numRuns: 300 },
    );
  });

  it('a hand-made store with Date objects as times: read on every call, so a Date changed in place counts', () => {
    const from = new Date('2024-10-07T08:00:00+08:00');
    const store = { issuers: [{ id: DIDS[0] as string, validFrom: from, validUntil: null, revokedAt: null }] };
    const s = store as unknown as TrustStore;
    // Date.parse of a Date reads its string form, to the second, as the old code did.
    expect(trustAt(s, DIDS[0] as string, '2024-10-07T08:00:00+08:00').status).toBe('trusted');
    expect(trustAt(s, DIDS[0] as string, '2024-10-07T07:59:59+08:00').status).toBe('not-yet-valid');
    from.setTime(Date.parse('2024-10-07T09:00:00+08:00'));
    expect(trustAt(s, DIDS[0] as string, '2024-10-07T08:00:00+08:00').status).toBe('not-yet-valid');
    expect(trustAt(s, DIDS[0] as string, '2024-10-07T08:00:00+08:00')).toEqual(
      reference(s, DIDS[0] as string, '2024-10-07T08:00:00+08:00'),
    );
  });

  it('fixed cases: the bounds themselves, null bounds, an unknown issuer, a created that is not a time', () => {
    const id = DIDS[0] as string;
    const store = parseTrustStore({
      issuers: [
        {
          id,
          validFrom: '2024-10-07T08:00:00+08:00',
          validUntil: '2024-10-08T00:00:00Z',
          revokedAt: '2024-10-07T12:00:00+07:00',
        },
      ],
    });
    expect(trustAt(store, id, '2024-10-07T00:00:00Z').status).toBe('trusted'); // validFrom is inclusive
    expect(trustAt(store, id, '2024-10-06T23:59:59.999Z').status).toBe('not-yet-valid');
    expect(trustAt(store, id, '2024-10-07T04:59:59.999Z').status).toBe('trusted');
    expect(trustAt(store, id, '2024-10-07T05:00:00Z').status).toBe('revoked'); // revokedAt: at or after
    expect(trustAt(store, DIDS[1] as string, '2024-10-07T05:00:00Z')).toEqual({ status: 'untrusted' });
    const open = parseTrustStore({
      issuers: [{ id, validFrom: null, validUntil: '2024-10-08T00:00:00Z', revokedAt: null }],
    });
    expect(trustAt(open, id, '1970-01-01T00:00:00Z').status).toBe('trusted');
    expect(trustAt(open, id, '2024-10-08T07:00:00+07:00').status).toBe('expired'); // validUntil is exclusive
    expect(() => trustAt(open, id, '2024-10-08')).toThrow(
      new RangeError('"created" expected an RFC 3339 time with an offset, got "2024-10-08"'),
    );
  });
});

describe("a verifier's trust decider (the store's windows read once, by core's timestampMillis)", () => {
  it('fast-check: decides as trustAt over random stores, created values and the edges of every window', () => {
    fc.assert(
      fc.property(storeJson, fc.array(time, { maxLength: 8 }), (json, times) => {
        const store = parseTrustStore(json);
        const decide = createTrustDecider(store);
        for (const created of [...times, ...edges(store)]) {
          for (const id of DIDS) {
            expect(decide(id, timestampMillis(created)), `${id} at ${created}`).toBe(
              trustAt(store, id, created).status,
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads a fraction of ten or more digits as created is read: its first three digits (Date.parse read .0123456789 as 123 ms)', () => {
    const id = DIDS[0] as string;
    const store = parseTrustStore({
      issuers: [
        {
          id,
          validFrom: '2024-10-07T00:00:00.0123456789Z',
          validUntil: '2024-10-07T08:00:00.9999999999+08:00',
          revokedAt: null,
        },
      ],
    });
    const decide = createTrustDecider(store);
    const cases: [string, string][] = [
      ['2024-10-07T00:00:00.011Z', 'not-yet-valid'],
      ['2024-10-07T00:00:00.012Z', 'trusted'], // validFrom is 12 ms past the second, inclusive
      ['2024-10-07T07:00:00.0129999999+07:00', 'trusted'],
      ['2024-10-07T00:00:00.998Z', 'trusted'],
      ['2024-10-07T00:00:00.999Z', 'expired'], // validUntil is 999 ms past the second, exclusive
      ['2024-10-07T00:00:00.99999999999Z', 'expired'],
    ];
    for (const [created, status] of cases) {
      expect(trustAt(store, id, created).status, created).toBe(status);
      expect(decide(id, timestampMillis(created)), created).toBe(status);
    }
    expect(Date.parse('2024-10-07T00:00:00.0123456789Z') % 1000).not.toBe(12); // why one parser matters
  });

  it('refuses a store made by hand whose time is not an RFC 3339 time, instead of reading it as no bound', () => {
    const id = DIDS[0] as string;
    const store = {
      issuers: [{ id, validFrom: null, validUntil: '2024-10-08', revokedAt: null }],
    } as unknown as TrustStore;
    const error = new RangeError(
      `"validUntil" of ${id} expected an RFC 3339 time with an offset, or null, got 2024-10-08`,
    );
    expect(() => createTrustDecider(store)).toThrow(error);
    expect(() => trustAt(store, id, '2024-10-07T00:00:00Z')).toThrow(error);
    expect(trustAt(store, DIDS[1] as string, '2024-10-07T00:00:00Z')).toEqual({ status: 'untrusted' });
    expect(() => createTrustDecider(parseTrustStore({ issuers: [] }))('x', NaN)).toThrow(
      new RangeError('"t" expected the epoch milliseconds of an RFC 3339 time, got NaN'),
    );
  });
});

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
