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
import { BAD_UTF8_MESSAGE, malformedOutcome, type RecordOutcome, type RecordVerifier } from './verify-record.js';

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

/** Longest record text a runner parses (UTF-16 code units), as core's parseJson default. */
export const MAX_RECORD_CHARS: number = 16 * 1024 * 1024;

/**
 * Builds the job runner of one thread (or worker).
 * @param verifier - the thread's record verifier (its engine, trust store, status lists)
 * @returns a function from a job to its outcomes, in order
 * @example createJobRunner(createRecordVerifier({ trustStore }))(job)
 */
export function createJobRunner(verifier: RecordVerifier): (job: Job) => Promise<RecordOutcome[]> {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  return async (job) => {
    const out: RecordOutcome[] = [];
    if (job.kind === 'texts') {
      for (let i = 0; i < job.texts.length; i++) {
        const index = job.indices[i];
        const source = index === null || index === undefined ? { file: job.file } : { file: job.file, index };
        out.push(await verifier.verifyText(job.texts[i] as string, source));
      }
      return out;
    }
    // Each line is validated and decoded on its own: a read of mostly Latin-1 text with one
    // Indonesian name in it would otherwise become one two-byte string of the whole read.
    const data = job.data;
    let line = job.firstLine;
    for (let start = 0; start <= data.length;) {
      let end = data.indexOf(10, start);
      if (end < 0) end = data.length;
      const n = line++;
      const bytes = data.subarray(start, end);
      start = end + 1;
      // A record line as written (`{…}`: no BOM, no CR, not blank): the verifier decodes it, and
      // reads a canonical one from its bytes.
      if (bytes[0] === 0x7b && bytes[bytes.length - 1] === 0x7d) {
        out.push(await verifier.verifyLine(bytes, { file: job.file, line: n }));
        continue;
      }
      let s: string;
      try {
        s = strict.decode(bytes);
      } catch {
        out.push(malformedOutcome({ code: 'ERR_UTF8_INVALID' }, { file: job.file, line: n }, BAD_UTF8_MESSAGE));
        continue;
      }
      if (n === 1 && s.charCodeAt(0) === 0xfeff) s = s.slice(1); // a UTF-8 BOM some editors write
      if (s.endsWith('\r')) s = s.slice(0, -1);
      if (s.trim() === '') continue; // blank lines are not records
      out.push(await verifier.verifyText(s, { file: job.file, line: n }));
    }
    return out;
  };
}
