// The compact duplicate table is exact: same person twice is found, different people never collide.
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
});
