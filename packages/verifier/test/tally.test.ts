// createTally, the one tally of `ikrar-verify` and `<ikrar-verifikasi>`: whatever the outcomes and
// however they are cut into units, it gives the results, report and per-input counts of the
// duplicate check, report and count applied one record at a time (property); and the counts the
// reader reads for ERR_EMPTY_INPUT are right between units.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDuplicateTracker, createReport, verdictMessage, VERDICTS, type RecordOutcome } from '../src/index.js';
import type { RecordResult } from '../src/verify-record.js';
import { createTally } from '../src/tally.js';
import { createFields, type OutcomeFields } from '../src/internal/outcome.js';
import { createPacker, unpackOutcomes } from '../src/internal/pack-outcomes.js';

const EVENT = 'did:key:z6Mk…\u0000Pilkada 2024\u00002024-10-07';

function outcome(o: {
  file?: string;
  line: number;
  identifier?: string;
  id?: string;
  verdict: (typeof VERDICTS)[number];
  day?: string;
  event?: string;
}): RecordOutcome {
  const result: RecordResult = {
    ...(o.file !== undefined && { source: { file: o.file, line: o.line } }),
    ...(o.id !== undefined && { id: o.id }),
    ...(o.day !== undefined && { signedAt: `${o.day}T08:00:00+08:00` }),
    verdict: o.verdict,
    valid: o.verdict === 'valid',
    message: verdictMessage(o.verdict),
  };
  return {
    result,
    ...(o.identifier !== undefined && { identifier: o.identifier }),
    ...(o.event !== undefined && { eventKey: o.event }),
  };
}

const ROSTER = [
  { name: 'A', employeeType: 'PNS', identifier: '199001012015031001', workUnit: 'Dinas A' },
  { name: 'B', employeeType: 'PNS', identifier: '199001012015031002', workUnit: 'Dinas B' },
  { name: 'C', employeeType: 'PNS', identifier: '5101011505901000', workUnit: 'Dinas A' },
] as const;

const outcomeArb = fc.record({
  file: fc.option(fc.constantFrom('a.jsonl', 'b.json', 'c.pdf'), { nil: undefined }),
  identifier: fc.option(
    fc.constantFrom('199001012015031001', '199001012015031002', '1990 0101 2015 03 1 001', '5101011505901000', 'PEG-1'),
    { nil: undefined },
  ),
  id: fc.option(fc.constantFrom('urn:uuid:1', 'urn:uuid:2', 'urn:uuid:3'), { nil: undefined }),
  // Mostly valid: the duplicate check only looks at valid records.
  verdict: fc.oneof(fc.constant('valid' as const), fc.constantFrom(...VERDICTS.filter((v) => v !== 'duplicate'))),
  day: fc.option(fc.constantFrom('2024-10-07', '2024-10-08'), { nil: undefined }),
  event: fc.option(fc.constantFrom(EVENT, 'other event'), { nil: undefined }),
});

describe('createTally', () => {
  it('equals the duplicate check, report and count applied per record, however the units are cut (property)', () => {
    fc.assert(
      fc.property(
        fc.array(outcomeArb, { maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }),
        fc.boolean(),
        (items, cuts, withRoster) => {
          const outcomes = items.map((o, i) => outcome({ ...o, line: i + 1 }));
          const options = withRoster ? { roster: ROSTER, maxFailures: 5 } : { maxFailures: 5 };
          // The model: one record at a time.
          const dupes = createDuplicateTracker();
          const report = createReport(options);
          const counts = new Map<string, number>();
          const expected: RecordResult[] = [];
          for (const o of outcomes) {
            const final = dupes.check(o);
            report.add(final);
            const f = final.result.source?.file;
            if (f !== undefined) counts.set(f, (counts.get(f) ?? 0) + 1);
            expected.push(final.result);
          }
          // The tally, in units of random sizes.
          const tally = createTally(options);
          const got: RecordResult[] = [];
          let at = 0;
          for (let k = 0; at < outcomes.length; k++) {
            const n = cuts[k % cuts.length] as number;
            tally.add(outcomes.slice(at, at + n), got);
            at += n;
          }
          expect(got).toEqual(expected);
          expect(tally.finish()).toEqual(report.finish());
          expect([...tally.counts].sort()).toEqual([...counts].sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('appends to the caller’s array, keeps the same result objects, and turns a second signing into duplicate', () => {
    const tally = createTally();
    const first = outcome({
      file: 'a.jsonl',
      line: 1,
      identifier: '199001012015031001',
      id: 'urn:uuid:1',
      verdict: 'valid',
      event: EVENT,
    });
    const again = outcome({
      file: 'a.jsonl',
      line: 2,
      identifier: '199001012015031001',
      id: 'urn:uuid:1',
      verdict: 'valid',
      event: EVENT,
    });
    const second = outcome({
      file: 'a.jsonl',
      line: 3,
      identifier: '1990 0101 2015 03 1 001',
      id: 'urn:uuid:2',
      verdict: 'valid',
      event: EVENT,
    });
    const into: RecordResult[] = [];
    tally.add([first, again], into);
    tally.add([second], into);
    expect(into).toHaveLength(3);
    expect(into[0]).toBe(first.result);
    expect(into[1]).toBe(again.result);
    expect(into[2]).toMatchObject({ verdict: 'duplicate', valid: false, message: verdictMessage('duplicate') });
    expect(second.result.verdict).toBe('valid'); // the outcome itself is not changed
    const r = tally.finish();
    expect(r.summary).toMatchObject({ total: 3, valid: 2, duplicate: 1 });
    expect(r.failures).toEqual([into[2]]);
  });

  it('counts records per input as units arrive (what the reader reads for ERR_EMPTY_INPUT)', () => {
    const tally = createTally();
    const into: RecordResult[] = [];
    expect(tally.counts.get('a.jsonl')).toBeUndefined();
    tally.add(
      [
        outcome({ file: 'a.jsonl', line: 1, verdict: 'malformed' }),
        outcome({ file: 'a.jsonl', line: 2, verdict: 'valid' }),
      ],
      into,
    );
    expect(tally.counts.get('a.jsonl')).toBe(2);
    // A unit may hold records of several inputs and records without a source.
    tally.add(
      [
        outcome({ file: 'a.jsonl', line: 3, verdict: 'valid' }),
        outcome({ line: 0, verdict: 'malformed' }),
        outcome({ file: 'b.json', line: 1, verdict: 'valid' }),
        outcome({ file: 'a.jsonl', line: 4, verdict: 'valid' }),
      ],
      into,
    );
    expect(Object.fromEntries(tally.counts)).toEqual({ 'a.jsonl': 4, 'b.json': 1 });
    tally.add([], into);
    expect(Object.fromEntries(tally.counts)).toEqual({ 'a.jsonl': 4, 'b.json': 1 });
    expect(tally.finish().summary.total).toBe(6);
  });

  it('addValid with unpackOutcomes taking the leading valid records gives what add gives with every outcome (property)', () => {
    // The command's text output: a worker's answer, packed, is unpacked with the tally taking its
    // leading valid records from their fields; the rest are outcomes for add. Against the model
    // (every outcome added), over answers of random records and sizes sharing one tally.
    const few = <T>(...v: T[]) => fc.constantFrom(...v);
    const fieldsArb = fc.record({
      verdict: fc.oneof(
        { weight: 4, arbitrary: fc.constant('valid' as const) },
        { weight: 1, arbitrary: fc.constantFrom(...VERDICTS.filter((v) => v !== 'duplicate' && v !== 'valid')) },
      ),
      reason: fc.option(fc.constant('ERR_SIGNATURE_INVALID' as const), { nil: undefined, freq: 8 }),
      id: fc.option(few('urn:uuid:1', 'urn:uuid:2', 'urn:uuid:3'), { nil: undefined, freq: 6 }),
      issuer: fc.option(few('did:key:z6MkA', 'did:key:z6MkB'), { nil: undefined, freq: 8 }),
      signedAt: fc.option(few('2024-10-07T08:00:00+08:00', '2024-10-08T08:00:00+07:00', 'x'), { nil: undefined }),
      unmasked: fc.option(few('199001012015031001', '1990 0101 2015 03 1 001', '5101011505901000', 'PEG-1'), {
        nil: undefined,
        freq: 6,
      }),
      eventName: fc.option(few('Pilkada 2024', 'Pemilu'), { nil: undefined }),
      eventDate: fc.option(few('2024-11-27'), { nil: undefined }),
    });
    const pack = (items: readonly (typeof fieldsArb extends fc.Arbitrary<infer T> ? T : never)[], first: number) => {
      const packer = createPacker('a.jsonl');
      items.forEach((g, i) => {
        const f: OutcomeFields = Object.assign(createFields(), g, {
          hasSigner: g.unmasked !== undefined,
          identifier: g.unmasked === undefined ? undefined : `**${g.unmasked.slice(-4)}`,
          hasEvent: g.eventName !== undefined || g.eventDate !== undefined,
        });
        packer.at(first + i, undefined);
        packer.conclude(f);
      });
      return packer.take();
    };
    fc.assert(
      fc.property(
        fc.array(fc.array(fieldsArb, { maxLength: 12 }), { maxLength: 6 }),
        fc.boolean(),
        (answers, withRoster) => {
          const options = withRoster ? { roster: ROSTER, maxFailures: 3 } : { maxFailures: 3 };
          const model = createTally(options);
          const tally = createTally(options);
          let line = 1;
          for (const items of answers) {
            const all: RecordResult[] = [];
            model.add(unpackOutcomes(pack(items, line), 'a.jsonl'), all);
            const rest = unpackOutcomes(pack(items, line), 'a.jsonl', 0, (f, key) =>
              tally.addValid('a.jsonl', f.id, f.signedAt, f.unmasked, key),
            );
            const got: RecordResult[] = [];
            tally.add(rest, got);
            // What was taken is the leading run of the model's results, all valid; the rest the same.
            const taken = all.length - got.length;
            expect(all.slice(0, taken).every((r) => r.verdict === 'valid')).toBe(true);
            expect(got).toEqual(all.slice(taken));
            expect(tally.counts.get('a.jsonl')).toBe(model.counts.get('a.jsonl'));
            line += items.length;
          }
          expect(tally.finish()).toEqual(model.finish());
        },
      ),
      { numRuns: 500 },
    );
  });
});
