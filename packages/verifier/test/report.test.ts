// The report's counts: the timeline (valid records per day of signing) is the count a plain map
// gives, whatever order the days come in and however often the report is read meanwhile.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReport, verdictMessage, type RecordOutcome } from '../src/index.js';

describe('createReport', () => {
  it('counts valid records per day as a plain map does (property)', () => {
    const at = fc.option(
      fc.constantFrom(
        '2024-10-07T08:00:00+07:00',
        '2024-10-07T23:59:59Z',
        '2024-10-08T01:00:00+08:00',
        '2024-10-0',
        'x',
      ),
      { nil: undefined },
    );
    const item = fc.record({ signedAt: at, valid: fc.boolean(), read: fc.boolean() });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), (items) => {
        const report = createReport();
        const want = new Map<string, number>();
        for (const it of items) {
          const verdict = it.valid ? 'valid' : 'altered-text';
          const o: RecordOutcome = {
            result: {
              verdict,
              valid: it.valid,
              message: verdictMessage(verdict),
              ...(it.signedAt !== undefined && { signedAt: it.signedAt }),
            },
          };
          report.add(o);
          if (it.valid && it.signedAt) {
            const day = it.signedAt.slice(0, 10);
            want.set(day, (want.get(day) ?? 0) + 1);
          }
          if (it.read) report.finish();
        }
        const timeline = [...want].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([date, count]) => ({ date, count }));
        const r = report.finish();
        expect(r.timeline).toEqual(timeline);
        expect(r.summary.total).toBe(items.length);
        expect(r.summary.valid).toBe(items.filter((i) => i.valid).length);
      }),
      { numRuns: 500 },
    );
  });
});
