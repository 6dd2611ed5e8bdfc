/**
 * What a verification run does with every record's outcome, in input order, written once for
 * `ikrar-verify` and `<ikrar-verifikasi>`: the duplicate check (the second signing of one person
 * for one event becomes `duplicate`), the report (counts, failures, timeline, roster coverage),
 * and the number of records per input, which the reader reads to give an input with none its
 * `ERR_EMPTY_INPUT` verdict (`FeedContext.counts`). No `node:` import, no DOM.
 *
 * Per record it allocates nothing of its own (a duplicate's new result aside): the outcome's
 * result is appended as it is, and a unit's records (one job: one input) are counted per run of
 * one input name, not with a map update per record.
 *
 * @module
 * @example
 * ```ts
 * import { createTally } from '@ikrar/verifier/tally';
 * const tally = createTally({ roster });
 * const pool = createPool(init, 2, (outcomes) => tally.add(outcomes, results));
 * for (const f of files) await feedBlob(f, { sink: pool, counts: tally.counts });
 * const report = tally.finish();
 * ```
 */
import { createDuplicateTracker } from './duplicates.js';
import { createReport, type ReportOptions, type VerificationReport } from './report.js';
import type { RecordOutcome, RecordResult } from './verify-record.js';

/** A run's tally; see {@link createTally}. */
export interface Tally {
  /** Records added so far per input name (`source.file`): a reader's `FeedContext.counts`. */
  readonly counts: ReadonlyMap<string, number>;
  /**
   * Adds one unit's outcomes, in input order: each through the duplicate check, into the report
   * and the count of its input; each record's final result is appended to `into`.
   * @param outcomes - the outcomes of one job or local unit, as the pool emits them
   * @param into - receives the final results (the caller's output batch, or every result of the run)
   */
  add(outcomes: readonly RecordOutcome[], into: RecordResult[]): void;
  /**
   * Adds the next record, a valid one, from its fields alone (no outcome object: the command's
   * main thread, whose output shows no valid result), as {@link Tally.add} would add its outcome
   * with no result to show.
   * @param file - its input (`source.file`)
   * @param id - `RecordResult.id`
   * @param signedAt - `RecordResult.signedAt`
   * @param identifier - `RecordOutcome.identifier`
   * @param eventKey - `RecordOutcome.eventKey`
   * @returns `false`, having added nothing, when it is a second signing: the caller then adds its
   *   outcome with {@link Tally.add}, which makes it `duplicate`
   */
  addValid(
    file: string,
    id: string | undefined,
    signedAt: string | undefined,
    identifier: string | undefined,
    eventKey: string | undefined,
  ): boolean;
  /** The report so far (see `createReport`). */
  finish(): VerificationReport;
}

/**
 * Starts the tally of one run.
 * @param options - the report's options: roster, reveal, failure cap
 * @returns a {@link Tally}
 * @example const tally = createTally(); tally.add(outcomes, results); tally.finish().summary
 */
export function createTally(options: ReportOptions = {}): Tally {
  const report = createReport(options);
  const dupes = createDuplicateTracker();
  const counts = new Map<string, number>();
  return {
    counts,
    add(outcomes, into) {
      // A unit's outcomes come from one input: counted once per run of one file name.
      let file: string | undefined;
      let run = 0;
      for (const o of outcomes) {
        const final = dupes.check(o);
        report.add(final);
        const f = final.result.source?.file;
        if (f !== file) {
          if (file !== undefined) counts.set(file, (counts.get(file) ?? 0) + run);
          file = f;
          run = 0;
        }
        run++;
        into.push(final.result);
      }
      if (file !== undefined) counts.set(file, (counts.get(file) ?? 0) + run);
    },
    addValid(file, id, signedAt, identifier, eventKey) {
      if (identifier !== undefined && eventKey !== undefined && dupes.isDuplicate(identifier, eventKey, id))
        return false;
      report.addValid(signedAt, identifier);
      counts.set(file, (counts.get(file) ?? 0) + 1);
      return true;
    },
    finish: () => report.finish(),
  };
}
