/**
 * Verifies records from any iterable or async iterable (a file read line by line, a dropped file
 * in a browser, a database cursor) and yields one result per record, in input order, with the
 * duplicate check applied. Items are JSON text (parsed strictly) or already-parsed records.
 *
 * @module
 * @example
 * ```ts
 * import { verifyRecords, parseTrustStore } from '@ikrar/verifier';
 * for await (const r of verifyRecords(lines, { trustStore })) if (!r.valid) console.log(r.source?.line, r.verdict);
 * ```
 */
import { createDuplicateTracker } from './duplicates.js';
import {
  createRecordVerifier,
  type RecordResult,
  type RecordSource,
  type RecordVerifierOptions,
  type RecordOutcome,
} from './verify-record.js';

/** One input item: JSON text, a parsed record, or either with its source. */
export type RecordInput =
  | string
  | { readonly text: string; readonly source?: RecordSource }
  | { readonly record: unknown; readonly source?: RecordSource };

/** Options of {@link verifyRecords}. */
export interface VerifyRecordsOptions extends RecordVerifierOptions {
  /** Check for the same person signing the same event twice. Default `true`. */
  readonly duplicates?: boolean;
  /** Called with each outcome before it is yielded (for a `createReport` builder). */
  readonly onOutcome?: (outcome: RecordOutcome) => void;
}

/**
 * Verifies each item and yields its result.
 *
 * @param items - JSON strings (a string item gets `source.line` = its 1-based position) or
 *   `{ text | record, source }` objects
 * @param options - trust store and the options of `createRecordVerifier`
 * @returns an async generator of {@link RecordResult}
 * @throws RangeError when `options.before` is not a time
 * @example for await (const r of verifyRecords(['{…}'], { trustStore })) console.log(r.verdict);
 */
export async function* verifyRecords(
  items: Iterable<RecordInput> | AsyncIterable<RecordInput>,
  options: VerifyRecordsOptions,
): AsyncGenerator<RecordResult, void, undefined> {
  const verifier = createRecordVerifier(options);
  const dupes = options.duplicates === false ? undefined : createDuplicateTracker();
  let n = 0;
  for await (const item of items) {
    n++;
    let outcome: RecordOutcome;
    if (typeof item === 'string') outcome = await verifier.verifyText(item, { line: n });
    else if ('text' in item) outcome = await verifier.verifyText(item.text, item.source ?? { line: n });
    else outcome = await verifier.verify(item.record, item.source ?? { index: n - 1 });
    if (dupes) outcome = dupes.check(outcome);
    options.onOutcome?.(outcome);
    yield outcome.result;
  }
}
