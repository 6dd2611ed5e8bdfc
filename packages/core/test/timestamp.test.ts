// parseTimestamp and timestampMillis read RFC 3339 by hand (no regular expression, no Date.parse).
// The reference below is the reader they replace (a regular expression, calendar checks, then
// Date.parse); fast-check holds the two equal on valid timestamps, on each field pushed out of
// range, on mutated texts and on arbitrary strings: the same accept set and the same instant.
// One difference, on purpose: a fraction is read to the millisecond from its first three digits
// (RFC 3339 §5.6, ECMAScript's `.sss`), in every engine. V8's Date.parse reads a fraction of ten
// or more digits from its first non-zero digit ('.0123456789' as 123 ms, not 12), so the
// reference takes the instant of the text with its fraction cut to three digits (see the case).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, parseTimestamp, timestampMillis } from '../src/index.js';

/** Days in a month, as the previous reader computed them (independent of the module's `daysInMonth`). */
function referenceDays(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The previous reader, kept here as the reference. */
function reference(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = RFC3339.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > referenceDays(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  const offset = m[8] as string;
  if (offset !== 'Z') {
    if (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4, 6)) > 59) return null;
  }
  const t = Date.parse(text.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(t) ? null : t;
}

function expectSame(text: unknown): void {
  const want = reference(text);
  const got = parseTimestamp(text);
  const label = JSON.stringify(text);
  expect(got === null ? null : got.getTime(), label).toBe(want);
  const ms = timestampMillis(text);
  expect(Number.isNaN(ms) ? null : ms, label).toBe(want);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Field values mostly in range, sometimes just out of it (day 29-31, hour 24, minute 60 …). */
const fields = fc.record({
  year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 1, 4, 100, 400, 1900, 2000, 2024, 2100, 9999)),
  month: fc.integer({ min: 0, max: 13 }),
  day: fc.integer({ min: 0, max: 32 }),
  hour: fc.integer({ min: 0, max: 25 }),
  minute: fc.integer({ min: 0, max: 61 }),
  second: fc.integer({ min: 0, max: 61 }),
  fraction: fc.option(fc.stringMatching(/^[0-9]{0,25}$/), { nil: undefined }),
  offset: fc.oneof(
    fc.constant('Z'),
    fc.constantFrom('+07:00', '+08:00', '+09:00', '-00:00', '+00:00', '+23:59', '-23:59', '+24:00', '-12:60'),
    fc
      .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
      .map(([s, h, m]) => `${s}${pad(h, 2)}:${pad(m, 2)}`),
  ),
});

const timestamp = fields.map(
  (f) =>
    `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}T${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}` +
    (f.fraction === undefined ? '' : `.${f.fraction}`) +
    f.offset,
);

/** A timestamp with one character replaced, removed or inserted. */
const mutated = fc
  .tuple(
    timestamp,
    fc.nat(),
    fc.constantFrom('replace', 'remove', 'insert'),
    fc.oneof(
      fc.constantFrom('0', '9', ':', '-', '+', '.', 'T', 't', 'Z', 'z', ' ', '\n', '٣', '１', '/'),
      fc.string({ minLength: 1, maxLength: 1 }),
    ),
  )
  .map(([t, at, how, c]) => {
    const i = at % (t.length + 1);
    if (how === 'insert') return t.slice(0, i) + c + t.slice(i);
    if (how === 'remove') return t.slice(0, i) + t.slice(i + 1);
    return t.slice(0, i) + c + t.slice(i + 1);
  });

describe('RFC 3339 timestamps read by hand give the instants of the regular expression and Date.parse', () => {
  it('fixed cases: zones, leap years, fractions, offsets, bad calendars', () => {
    const cases = [
      '2024-10-07T08:15:00+08:00',
      '2024-10-07T08:15:00Z',
      '1970-01-01T07:00:00+07:00',
      '2024-02-29T00:00:00Z',
      '2023-02-29T00:00:00Z',
      '2000-02-29T12:00:00+09:00',
      '1900-02-29T12:00:00+09:00',
      '0000-02-29T00:00:00Z',
      '0000-01-01T00:00:00+23:59',
      '9999-12-31T23:59:59.999-23:59',
      '2024-01-01T00:00:00.1Z',
      '2024-01-01T00:00:00.12Z',
      '2024-01-01T00:00:00.123456789Z',
      '2024-01-01T00:00:00.Z',
      '2024-01-01T00:00:60Z',
      '2024-01-01T24:00:00Z',
      '2024-04-31T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '2024-00-01T00:00:00Z',
      '2024-01-00T00:00:00Z',
      '2024-01-01T00:00:00+24:00',
      '2024-01-01T00:00:00+07:60',
      '2024-01-01T00:00:00+0700',
      '2024-01-01T00:00:00',
      '2024-01-01t00:00:00Z',
      '2024-01-01T00:00:00z',
      '2024-01-01 00:00:00Z',
      '2024-01-01T00:00:00Z ',
      '2024-01-01T00:00:00Z\n',
      ' 2024-01-01T00:00:00Z',
      '+02024-01-01T00:00:00Z',
      '2024-1-01T00:00:00Z',
      '２０２４-01-01T00:00:00Z',
      '',
    ];
    for (const c of cases) expectSame(c);
    for (const v of [undefined, null, 0, 1728260160000, new Date(0), {}, ['2024-01-01T00:00:00Z']]) expectSame(v);
    expect(timestampMillis('1970-01-01T07:00:00+07:00')).toBe(0);
    for (let year = 0; year <= 2400; year++) {
      for (let month = 1; month <= 12; month++) expect(daysInMonth(year, month)).toBe(referenceDays(year, month));
    }
    // The fraction to the millisecond, whatever its length (V8's Date.parse says 123 here).
    expect(timestampMillis('1970-01-01T00:00:00.0123456789Z')).toBe(12);
    expect(timestampMillis('1970-01-01T00:00:00.0001000000Z')).toBe(0);
    expect(timestampMillis('1970-01-01T00:00:00.9999Z')).toBe(999);
    expect(timestampMillis('1970-01-01T00:00:00.5Z')).toBe(500);
    expect(parseTimestamp('2024-10-07T08:15:00+08:00')?.toISOString()).toBe('2024-10-07T00:15:00.000Z');
  });

  it('fast-check: generated timestamps, fields in and just out of range', () => {
    fc.assert(
      fc.property(timestamp, (t) => expectSame(t)),
      { numRuns: 5000 },
    );
  });

  it('fast-check: timestamps with one character replaced, removed or inserted', () => {
    fc.assert(
      fc.property(mutated, (t) => expectSame(t)),
      { numRuns: 5000 },
    );
  });

  it('fast-check: any string, and any instant formatted by toISOString', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (t) => expectSame(t)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.date({ noInvalidDate: true, min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z') }),
        (d) => expectSame(d.toISOString()),
      ),
      { numRuns: 2000 },
    );
  });
});
