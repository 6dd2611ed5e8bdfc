/**
 * One verification run in the page, loaded on first use: sorts the chosen or dropped files
 * (records, trust store, roster CSV, status list credentials), reads the trust store, roster and
 * status lists with the verifier library, streams every record file through its one reader
 * (`feedBlob`, `File.stream()`) into a Web Worker pool, and tallies the outcomes (duplicate check,
 * report, records per file) with the library's `createTally`, the same as `ikrar-verify`'s.
 *
 * @module
 * @example
 * ```ts
 * const { report } = await runVerification({ records, trustText }, { workers: 4, makeWorker, onProgress });
 * ```
 */
import {
  feedBlob,
  parseRoster,
  readStatusLists,
  readTrustStore,
  formatReason,
  formatSource,
  type BlobInput,
  type RecordResult,
  type VerificationReport,
} from '@ikrar/verifier';
import { createTally } from '@ikrar/verifier/tally';
import { createWorkerPool } from './pool.js';

/** Files sorted by role. */
export interface SortedFiles {
  readonly records: File[];
  readonly trust?: File;
  readonly roster?: File;
  readonly status: File[];
}

/** What a run reads. */
export interface RunInputs {
  readonly records: readonly BlobInput[];
  readonly trustText: string;
  readonly rosterText?: string;
  readonly status?: readonly { readonly name: string; readonly text: string }[];
}

/** How a run goes. */
export interface RunOptions {
  readonly workers: number;
  /** Starts one worker; `null` verifies in this thread. */
  readonly makeWorker: (() => Worker) | null;
  /** Records verified so far (called at most every 100 ms, and at the end). */
  readonly onProgress?: (seen: number) => void;
}

/** The outcome of a run. */
export interface RunResult {
  readonly report: VerificationReport;
  /** Every record's result, in input order. */
  readonly results: readonly RecordResult[];
  /** Workers used (0: the page's thread). */
  readonly workers: number;
}

const SNIFF_BYTES = 8 * 1024 * 1024;

/**
 * Sorts files by role: `.csv` is the roster; a small `.json` with `issuers` is the trust store,
 * one typed `BitstringStatusListCredential` (or an array of them) a status list; the rest records.
 * @param files - chosen or dropped files
 * @returns the files by role (a later trust store or roster replaces an earlier one)
 */
export async function sortFiles(files: readonly File[]): Promise<SortedFiles> {
  const records: File[] = [];
  const status: File[] = [];
  let trust: File | undefined;
  let roster: File | undefined;
  for (const f of files) {
    const name = f.name.toLowerCase();
    if (name.endsWith('.csv')) {
      roster = f;
      continue;
    }
    if (name.endsWith('.json') && f.size <= SNIFF_BYTES) {
      let doc: unknown;
      try {
        doc = JSON.parse(await f.text());
      } catch {
        doc = undefined;
      }
      const first = Array.isArray(doc) ? doc[0] : doc;
      if (doc && !Array.isArray(doc) && Array.isArray((doc as { issuers?: unknown }).issuers)) {
        trust = f;
        continue;
      }
      const type = (first as { type?: unknown } | undefined)?.type;
      if (Array.isArray(type) && type.includes('BitstringStatusListCredential')) {
        status.push(f);
        continue;
      }
    }
    records.push(f);
  }
  return { records, status, ...(trust && { trust }), ...(roster && { roster }) };
}

/**
 * Verifies every record.
 * @param inputs - record files and the texts beside them
 * @param options - workers and progress
 * @returns the report and every result
 * @throws the library's `TrustStoreInvalidError`, `RosterInvalidError`, `StatusListInvalidError`
 */
export async function runVerification(inputs: RunInputs, options: RunOptions): Promise<RunResult> {
  const trustStore = readTrustStore(inputs.trustText);
  const roster = inputs.rosterText !== undefined ? parseRoster(inputs.rosterText) : undefined;
  const statusLists =
    inputs.status && inputs.status.length > 0 ? await readStatusLists(inputs.status, trustStore) : undefined;
  const tally = createTally({ ...(roster && { roster }) });
  const results: RecordResult[] = [];
  let last = 0;
  const pool = await createWorkerPool(
    { trustStore, ...(statusLists && { statusLists }) },
    options.workers,
    options.makeWorker,
    (outcomes) => {
      tally.add(outcomes, results);
      const now = Date.now();
      if (now - last > 100) {
        last = now;
        options.onProgress?.(results.length);
      }
    },
  );
  try {
    for (const file of inputs.records) await feedBlob(file, { sink: pool, counts: tally.counts });
    await pool.drain();
  } finally {
    pool.close();
  }
  options.onProgress?.(results.length);
  return { report: tally.finish(), results, workers: pool.workers };
}

/**
 * The results as `ikrar-verify --json` writes them: `results`, `summary`, `failuresOmitted`, `timeline`, `coverage`.
 * @param run - a finished run
 * @returns JSON text
 */
export function resultsJson(run: RunResult): string {
  const r = run.report;
  return JSON.stringify({
    results: run.results,
    summary: r.summary,
    failuresOmitted: r.failuresOmitted,
    timeline: r.timeline,
    ...(r.coverage && { coverage: r.coverage }),
  });
}

// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe.
const cell = (v: unknown): string => {
  let s = v === undefined || v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * One CSV row per record (identifiers masked as in the results).
 * @param run - a finished run
 * @returns CSV text with a header row
 */
export function resultsCsv(run: RunResult): string {
  const head = ['source', 'verdict', 'reason', 'id', 'issuer', 'signed_at', 'name', 'identifier', 'work_unit', 'event'];
  const rows = run.results.map((r) =>
    [
      formatSource(r),
      r.verdict,
      r.reason && formatReason(r.reason),
      r.id,
      r.issuer,
      r.signedAt,
      r.signer?.name ?? r.representatives?.map((p) => p.name).join('; '),
      r.signer?.identifier,
      r.signer?.workUnit,
      r.event?.name,
    ]
      .map(cell)
      .join(','),
  );
  return [head.join(','), ...rows].join('\r\n') + '\r\n';
}

export { VERDICTS, verdictMessage } from '@ikrar/verifier';
export { formatReason, formatSource } from '@ikrar/verifier';
