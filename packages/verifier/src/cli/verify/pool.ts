/**
 * Runs jobs on worker threads (or in this thread with zero workers) and hands their outcomes
 * back strictly in submission order, whatever order the workers finish in, so line numbers,
 * "first signing" for duplicates and the streamed output are deterministic. At most
 * `2 × workers` jobs are not yet emitted: the reader waits, so memory stays flat whatever the
 * input size. The scheduling is the library's `createOrderedPool` (the same as
 * `<ikrar-verifikasi>`'s Web Workers); this is its Node adapter: worker threads with small heaps,
 * jobs read from shared slabs (held until answered), answers unpacked when their turn comes.
 *
 * @module
 * @example
 * ```ts
 * const pool = createPool(init, 2, (outcomes) => report(outcomes));
 * await pool.submit(job); await pool.drain(); await pool.close();
 * ```
 */
import { Worker } from 'node:worker_threads';
import { InputUnreadableError } from '../../errors.js';
import type { OutcomeFields } from '../../internal/outcome.js';
import { type PackedOutcomes, unpackOutcomes } from '../../internal/pack-outcomes.js';
import { createOrderedPool } from '../../ordered-pool.js';
import type { RecordOutcome } from '../../verify-record.js';
import type { Job, RunInit } from './jobs.js';
import { MESSAGES } from './messages.js';
import { createLineCursor, type RangeAnswer, type RangeJob, SHORT_READ } from './ranges.js';
import type { Slabs } from './slabs.js';

/** Old-generation limit of a worker; jobs larger than {@link MAX_WORKER_JOB_BYTES} run inline. */
const WORKER_OLD_SPACE_MB = 40;
/**
 * Jobs per worker not yet emitted (each holds its bytes until answered, and its answer waits in
 * this thread for its turn). With 3, waiting answers survived the main thread's scavenges and its
 * young generation grew from 8 to 15-20 MB at 3-4 workers; 2 keeps every worker busy on 2 cores at
 * the same CPU per record (issue #17, 100k, --jobs 4: peak RSS 158.7 -> 152.6 MB; README).
 */
const JOBS_PER_WORKER = 2;
/** Largest job sent to a worker, in bytes (a normal job is one 1 MiB read of complete lines). */
export const MAX_WORKER_JOB_BYTES: number = 4 * 1024 * 1024;

/** The pool; see {@link createPool}. */
export interface Pool {
  /** Next sequence number, for a job or a local unit. */
  nextSeq(): number;
  /**
   * Queues a job; resolves once there is room for another. `inline` runs it in this thread:
   * for the rare huge record, so that worker heaps can stay small. `transfer`: the buffer
   * behind the job's bytes is the caller's own, and is moved to the worker (unusable here after).
   */
  submit(job: Job | RangeJob, options?: { inline?: boolean; transfer?: boolean }): Promise<void>;
  /** Queues outcomes computed when all earlier units have been emitted. */
  local(seq: number, make: () => RecordOutcome[]): void;
  /** Resolves when everything submitted has been emitted. */
  drain(): Promise<void>;
  close(): Promise<void>;
  /** After a drain: the number of the line after the last range job emitted (`ranges.ts`). */
  nextLine(): number;
  /** Kernel ids of the worker threads that told theirs (with `IKRAR_VERIFY_STATS`). */
  threadIds(): number[];
}

/** A worker's message: a job's answer, or its thread id. */
export interface Answer {
  readonly seq: number;
  readonly file?: string;
  readonly packed?: PackedOutcomes;
  readonly range?: RangeAnswer;
  readonly error?: string;
  readonly code?: string;
  readonly tid?: number;
}

/** The error of a job a worker could not run: a range it could not read is the file's. */
export function jobError(m: Answer, file: string | undefined): Error {
  if (m.code === SHORT_READ && file !== undefined)
    return new InputUnreadableError(
      { id: MESSAGES.id.unreadable(file), en: MESSAGES.en.unreadable(file) },
      { cause: new Error(m.error) },
    );
  return new Error(m.error ?? 'worker failed');
}

/**
 * Starts the workers.
 * @param init - run settings for each worker
 * @param workers - thread count; 0 runs jobs in this thread
 * @param emit - receives outcomes in order; may return a promise (output backpressure)
 * @param slabs - the shared read buffers: a job whose bytes are in one holds it until answered
 * @param taken - offered, when a worker's answer has its turn, the answer's leading valid records
 *   (in order, before `emit` gets the rest): one it takes gets no outcome object (`unpackOutcomes`)
 * @returns a {@link Pool}
 * @example createPool(init, 2, emit, createSlabs(512 * 1024))
 */
export function createPool(
  init: RunInit,
  workers: number,
  emit: (outcomes: RecordOutcome[]) => void | Promise<void>,
  slabs?: Slabs,
  taken?: (file: string, f: OutcomeFields, eventKey: string | undefined) => boolean,
): Pool {
  // The file of each range job, by sequence number, for an error reading it.
  const files = new Map<number, string>();
  // The slab each job in a worker reads from, by sequence number, released when it answers.
  const reading = new Map<number, ArrayBufferLike>();
  const answered = (s: number): void => {
    const b = reading.get(s);
    if (b === undefined) return;
    reading.delete(s);
    slabs?.release(b);
  };

  const threads: Worker[] = [];
  const tids: number[] = [];
  // The verify walk on this thread only for a job run inline (`--jobs 0`, a record too large for a
  // worker, a .json or .pdf input): loaded then, so a run whose records all go to workers never
  // loads it here.
  let inlineRunner: Promise<(job: Job) => Promise<RecordOutcome[]>> | undefined;
  // Line numbers of range jobs: the worker's are its range's; the lines before it are added as
  // its outcomes are emitted (in order).
  const cursor = createLineCursor();
  const core = createOrderedPool<Job | RangeJob, RecordOutcome>({
    workers,
    perWorker: JOBS_PER_WORKER,
    inline: (job) =>
      job.kind === 'range'
        ? Promise.reject(new Error('a range job runs in a worker'))
        : (inlineRunner ??= import('./jobs.js').then((m) => m.createNodeJobRunner(init))).then((run) => run(job)),
    emit,
    send(index, job, options) {
      if (job.kind === 'range') {
        files.set(job.seq, job.file);
        (threads[index] as Worker).postMessage(job);
        return;
      }
      // A buffer the caller owns outright is moved, not copied (a view of part of it keeps its
      // offsets): the worker allocates nothing for it.
      const d = job.kind === 'lines' ? job.data : undefined;
      const movable = d !== undefined && options?.transfer === true && d.buffer instanceof ArrayBuffer;
      if (d !== undefined && slabs && !movable) {
        slabs.hold(d.buffer);
        reading.set(job.seq, d.buffer);
      }
      (threads[index] as Worker).postMessage(job, movable ? [d.buffer as ArrayBuffer] : []);
    },
  });
  for (let i = 0; i < workers; i++) {
    // Small heaps keep peak RSS flat: V8 otherwise lets each isolate grow lazily towards its
    // default limit before collecting. Huge records are verified inline in the main thread. A
    // 16 MB young generation saves about 7% CPU in scavenges but took peak RSS at 1M records to
    // 295-298 MB, too close to the 300 MB goal; 8 MB keeps the margin.
    const w = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: init,
      resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB },
    });
    const index = i;
    w.on('message', (m: Answer) => {
      if (m.tid !== undefined) {
        tids.push(m.tid);
        return;
      }
      answered(m.seq);
      const { packed, file, range } = m;
      const take = taken && ((f: OutcomeFields, key: string | undefined) => taken(file as string, f, key));
      core.answer(
        index,
        m.seq,
        m.error !== undefined || !packed
          ? jobError(m, files.get(m.seq))
          : range
            ? () => unpackOutcomes(packed, file as string, cursor.place(range), take)
            : () => unpackOutcomes(packed, file as string, 0, take),
      );
      files.delete(m.seq);
    });
    w.on('error', (err) => core.fail(err));
    threads.push(w);
  }

  return {
    nextSeq: core.nextSeq,
    submit: core.submit,
    local: core.local,
    drain: core.drain,
    nextLine: cursor.next,
    async close() {
      await Promise.all(threads.map((t) => t.terminate()));
    },
    threadIds: () => [...tids],
  };
}
