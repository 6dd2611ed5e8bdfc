/**
 * A `JobSink` for the verifier library's reader, on Web Workers: as many as asked
 * (`navigator.hardwareConcurrency` by default), jobs to the least busy one, outcomes handed on
 * strictly in submission order (so line numbers, "first signing" for duplicates and progress are
 * deterministic), at most three jobs per worker in flight (the reader waits: a 500 MB file never
 * sits in memory). With no worker (`file://` pages, a CSP that forbids them) the jobs run in this
 * thread with the same runner. The scheduling is the verifier library's `createOrderedPool` (the
 * same as `ikrar-verify`'s worker threads); this is its Web Worker adapter.
 *
 * @module
 * @example
 * ```ts
 * const pool = await createWorkerPool(init, 4, makeWorker, (outcomes) => report(outcomes));
 * await feedBlob(file, { sink: pool, counts }); await pool.drain(); pool.close();
 * ```
 */
import type { Job, JobSink, RecordOutcome } from '@ikrar/verifier';
import { createOrderedPool } from '@ikrar/verifier/ordered-pool';
import { createBrowserRunner, type FromWorker, type VerifyInit } from './worker-main.js';

/** The pool: a `JobSink` that also drains and closes. */
export interface WorkerPool extends JobSink {
  /** Workers actually started (0: this thread). */
  readonly workers: number;
  /** Resolves when everything submitted has been emitted. */
  drain(): Promise<void>;
  close(): void;
}

/**
 * Starts the workers and waits until each is ready (those that fail to start are left out; none: this thread).
 * @param init - trust store and status lists, sent once to each worker
 * @param count - workers wanted
 * @param makeWorker - starts one worker, or `null` to verify in this thread
 * @param emit - receives outcomes in order
 * @returns the pool
 */
export async function createWorkerPool(
  init: VerifyInit,
  count: number,
  makeWorker: (() => Worker) | null,
  emit: (outcomes: RecordOutcome[]) => void,
): Promise<WorkerPool> {
  const started: Promise<Worker | null>[] = [];
  for (let i = 0; makeWorker && i < count; i++) {
    let w: Worker;
    try {
      w = makeWorker();
    } catch {
      break; // a CSP without worker-src, or no Worker at all
    }
    // A worker that cannot load (file://, blocked) reports an error instead of "ready": left out.
    started.push(
      new Promise<Worker | null>((resolve) => {
        const timer = setTimeout(() => {
          w.terminate();
          resolve(null);
        }, 10_000);
        w.onmessage = () => {
          clearTimeout(timer);
          resolve(w);
        };
        w.onerror = (e) => {
          e.preventDefault();
          clearTimeout(timer);
          w.terminate();
          resolve(null);
        };
        w.postMessage({ init });
      }),
    );
  }
  const threads = (await Promise.all(started)).filter((w): w is Worker => w !== null);
  let inline: ((job: Job) => Promise<RecordOutcome[]>) | undefined;
  const core = createOrderedPool<Job, RecordOutcome>({
    workers: threads.length,
    inline: (job) => (inline ??= createBrowserRunner(init))(job),
    emit,
    send(index, job, options) {
      // Only a buffer the job's bytes fill whole is moved; a view of part of one is copied.
      const d = job.kind === 'lines' ? job.data : undefined;
      const whole = d && options?.transfer && d.byteOffset === 0 && d.byteLength === d.buffer.byteLength;
      (threads[index] as Worker).postMessage({ job }, whole ? [d.buffer as ArrayBuffer] : []);
    },
  });
  threads.forEach((w, index) => {
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      core.answer(
        index,
        m.seq,
        m.error !== undefined || !m.outcomes ? new Error(m.error ?? 'worker failed') : m.outcomes,
      );
    };
    w.onerror = (e) => {
      e.preventDefault();
      core.fail(new Error(e.message || 'worker failed'));
    };
  });
  return {
    workers: threads.length,
    nextSeq: core.nextSeq,
    submit: core.submit,
    local: core.local,
    drain: core.drain,
    close() {
      for (const t of threads) t.terminate();
    },
  };
}
