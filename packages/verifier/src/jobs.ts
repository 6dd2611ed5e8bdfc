/**
 * The unit of work of a batch verification: a run of JSONL bytes (complete lines) or a list of
 * record texts. The input reader (`read-inputs.ts`) makes jobs; a runner made here turns a job
 * into outcomes, in order. `ikrar-verify`'s worker threads and `<ikrar-verifikasi>`'s Web Workers
 * run the same runner, so every path gives the same verdicts and line numbers.
 *
 * @module
 * @example
 * ```ts
 * const run = createJobRunner(createRecordVerifier({ trustStore }));
 * const outcomes = await run({ seq: 0, kind: 'lines', file: 'a.jsonl', firstLine: 1, data });
 * ```
 */
import { collectOutcomes } from './internal/outcome.js';
import { createJobLoop } from './internal/run-job.js';
import type { RecordOutcome, RecordVerifier } from './verify-record.js';

/** A job: JSONL bytes holding complete lines, or separate record texts. Plain data (structured-cloneable). */
export type Job =
  | {
      readonly seq: number;
      readonly kind: 'lines';
      readonly file: string;
      readonly firstLine: number;
      readonly data: Uint8Array;
    }
  | {
      readonly seq: number;
      readonly kind: 'texts';
      readonly file: string;
      readonly texts: readonly string[];
      /** Position in a JSON array, or `null` for a lone record. */
      readonly indices: readonly (number | null)[];
    };

export { MAX_RECORD_CHARS } from './internal/limits.js';

/**
 * Builds the job runner of one thread (or worker).
 * @param verifier - the thread's record verifier (its engine, trust store, status lists)
 * @returns a function from a job to its outcomes, in order
 * @example createJobRunner(createRecordVerifier({ trustStore }))(job)
 */
export function createJobRunner(verifier: RecordVerifier): (job: Job) => Promise<RecordOutcome[]> {
  const loop = createJobLoop(verifier);
  return async (job) => {
    const sink = collectOutcomes(job.file);
    await loop(job, sink);
    return sink.outcomes;
  };
}
