/**
 * The command's job runner: the library's `createJobRunner` (one for worker threads and the
 * browser) with a native Ed25519 engine behind the strict checks and OpenSSL's SHA-256.
 *
 * @module
 * @example
 * ```ts
 * const run = createNodeJobRunner(init);
 * const outcomes = await run({ seq: 0, kind: 'lines', file: 'a.jsonl', firstLine: 1, data });
 * ```
 */
import { createPacker, type PackedOutcomes } from '../../internal/pack-outcomes.js';
import { createJobLoop } from '../../internal/run-job.js';
import { createJobRunner, MAX_RECORD_CHARS, type Job } from '../../jobs.js';
import type { StatusLists } from '../../status-lists.js';
import type { TrustStore } from '../../trust-store.js';
import { createRecordVerifier, type RecordOutcome, type RecordVerifier } from '../../verify-record.js';
import { loadEngine, nodeSha256, type EngineName } from './engines.js';
import { createRangeReader, type RangeAnswer, type RangeJob } from './ranges.js';

export { MAX_RECORD_CHARS, type Job };

/** What every worker is told once. */
export interface RunInit {
  readonly trustStore: TrustStore;
  readonly before?: string;
  readonly engine: 'auto' | EngineName;
  readonly reveal: boolean;
  /** Lists verified and decoded once in the main thread; each worker gets a copy of the bits. */
  readonly statusLists?: StatusLists;
  readonly requireStatus?: boolean;
}

/**
 * The thread's record verifier.
 * @param init - trust store, deadline, engine, reveal
 * @returns the verifier, with a native engine when there is one
 */
function createNodeVerifier(init: RunInit): RecordVerifier {
  const engine = loadEngine(init.engine) ?? loadEngine('node');
  return createRecordVerifier({
    trustStore: init.trustStore,
    ...(init.before !== undefined && { before: init.before }),
    ...(engine?.verify && { verifySignature: engine.verify }),
    // OpenSSL's SHA-256 is several times faster than the pure-JS default on 3 KB records.
    ...(engine?.verify && { sha256: nodeSha256 }),
    reveal: init.reveal,
    maxLength: MAX_RECORD_CHARS,
    ...(init.statusLists && { statusLists: init.statusLists }),
    ...(init.requireStatus && { requireStatus: true }),
  });
}

// The runner finds lines with `indexOf(10)`: on a Buffer view that is memchr, on a plain
// Uint8Array (what a worker receives) a byte-by-byte loop about ten times slower.
const withBuffer = (job: Job): Job =>
  job.kind === 'lines' && !Buffer.isBuffer(job.data)
    ? { ...job, data: Buffer.from(job.data.buffer, job.data.byteOffset, job.data.length) }
    : job;

/**
 * Builds the job runner of one thread.
 * @param init - trust store, deadline, engine, reveal
 * @returns a function from a job to its outcomes, in order
 * @example createNodeJobRunner(init)(job)
 */
export function createNodeJobRunner(init: RunInit): (job: Job) => Promise<RecordOutcome[]> {
  const run = createJobRunner(createNodeVerifier(init));
  return (job) => run(withBuffer(job));
}

/**
 * Builds a worker's runner: each job's outcomes packed as they are concluded (no outcome object
 * for the usual record), for the trip to the main thread (`unpackOutcomes`). A range job's bytes
 * are read here (`ranges.ts`) and run as the lines they are; its answer says how many lines.
 * @param init - trust store, deadline, engine, reveal
 * @returns a function from a job to its packed outcomes, in order
 * @example createNodePackedRunner(init)(job)
 */
export function createNodePackedRunner(
  init: RunInit,
): (job: Job | RangeJob) => Promise<{ packed: PackedOutcomes; range?: RangeAnswer }> {
  const loop = createJobLoop(createNodeVerifier(init));
  let ranges: ReturnType<typeof createRangeReader> | undefined;
  return async (job) => {
    // One per job: a worker's jobs overlap (each awaits its records' verification).
    const packer = createPacker(job.file);
    if (job.kind !== 'range') {
      await loop(withBuffer(job), packer);
      return { packed: packer.take() };
    }
    const { data, answer } = (ranges ??= createRangeReader()).read(job);
    try {
      await loop({ seq: job.seq, kind: 'lines', file: job.file, firstLine: job.firstLine, data }, packer);
    } finally {
      ranges.release(data);
    }
    return { packed: packer.take(), range: answer };
  };
}
