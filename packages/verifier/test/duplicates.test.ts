// The compact duplicate table is exact: same person twice is found, different people never collide;
// identifiers read digit by digit agree with the same identifiers written with spaces (property).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDuplicateTracker, verdictMessage, type RecordOutcome } from '../src/index.js';

function outcome(
  identifier: string,
  id: string,
  eventKey = 'did:key:z6Mk…\u0000Pilkada 2024\u00002024-10-07',
): RecordOutcome {
  return { result: { verdict: 'valid', valid: true, message: verdictMessage('valid'), id }, identifier, eventKey };
}

describe('createDuplicateTracker', () => {
  it('flags the second signing of a person for an event, not the same record met again', () => {
    const d = createDuplicateTracker();
    expect(d.check(outcome('199001012015031001', 'urn:uuid:1')).result.verdict).toBe('valid');
    expect(d.check(outcome('199001012015031001', 'urn:uuid:1')).result.verdict).toBe('valid');
    expect(d.check(outcome('1990 0101 2015 03 1 001', 'urn:uuid:2')).result.verdict).toBe('duplicate');
    expect(d.check(outcome('199001012015031001', 'urn:uuid:3', 'other event')).result.verdict).toBe('valid');
  });

  it('keeps leading zeros, lengths and non-digit identifiers apart', () => {
    const d = createDuplicateTracker();
    for (const id of ['0123', '123', '00123', 'PEG-0123', 'PEG-123', '1234567890123456789']) {
      expect(d.check(outcome(id, `urn:uuid:${id}`)).result.verdict, id).toBe('valid');
    }
    expect(d.check(outcome('PEG-0123', 'urn:uuid:x')).result.verdict).toBe('duplicate');
    expect(d.check(outcome('0123', 'urn:uuid:y')).result.verdict).toBe('duplicate');
    expect(d.check(outcome('1234567890123456789', 'urn:uuid:z')).result.verdict).toBe('duplicate');
  });

  it('200,000 distinct NIPs never collide, and each is found again (the table grows)', () => {
    const d = createDuplicateTracker();
    const nip = (i: number): string => `19${String(i).padStart(16, '0')}`;
    for (let i = 0; i < 200_000; i++) expect(d.check(outcome(nip(i), `a${i}`)).result.valid).toBe(true);
    let dupes = 0;
    for (let i = 0; i < 200_000; i += 7) if (!d.check(outcome(nip(i), `b${i}`)).result.valid) dupes++;
    expect(dupes).toBe(Math.ceil(200_000 / 7));
  });

  it('gives the verdicts of a plain map of (event, identifier without spaces) (property)', () => {
    const digitsArb = fc.string({ unit: fc.constantFrom('0', '1', '9'), minLength: 1, maxLength: 20 });
    const identifierArb = fc.oneof(
      digitsArb,
      fc.tuple(digitsArb, fc.constantFrom(' ', '\t', '\u00a0', '  '), digitsArb).map(([a, s, b]) => a + s + b),
      fc.constantFrom('PEG-01', '٣', '1e3', '0x1', ''),
    );
    const itemArb = fc.record({
      identifier: identifierArb,
      id: fc.option(fc.constantFrom('urn:uuid:a', 'urn:uuid:b', 'urn:uuid:c'), { nil: undefined }),
      event: fc.constantFrom('e1', 'e2'),
      valid: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 40 }), (items) => {
        const d = createDuplicateTracker();
        const first = new Map<string, string | undefined>();
        for (const it of items) {
          const o: RecordOutcome = {
            result: {
              verdict: it.valid ? 'valid' : 'invalid-signature',
              valid: it.valid,
              message: verdictMessage(it.valid ? 'valid' : 'invalid-signature'),
              ...(it.id !== undefined && { id: it.id }),
            },
            identifier: it.identifier,
            eventKey: it.event,
          };
          let want = it.valid ? 'valid' : 'invalid-signature';
          if (it.valid) {
            const key = `${it.event}|${it.identifier.replace(/\s+/g, '')}`;
            if (!first.has(key)) first.set(key, it.id ?? '');
            else if (!(first.get(key) === (it.id ?? '') && it.id !== undefined)) want = 'duplicate';
          }
          expect(d.check(o).result.verdict, JSON.stringify(it)).toBe(want);
        }
      }),
      { numRuns: 500 },
    );
  });
});
