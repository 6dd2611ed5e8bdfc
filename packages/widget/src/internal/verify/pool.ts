/**
 * A `JobSink` for the verifier library's reader, on Web Workers: as many as asked
 * (`navigator.hardwareConcurrency` by default), jobs to the least busy one, outcomes handed on
 * strictly in submission order (so line numbers, "first signing" for duplicates and progress are
 * deterministic), at most three jobs per worker in flight (the reader waits: a 500 MB file never
 * sits in memory). With no worker (`file://` pages, a CSP that forbids them) the jobs run in this
 * thread with the same runner.
 *
 * @module
 * @example
 * ```ts
 * const pool = await createWorkerPool(init, 4, makeWorker, (outcomes) => report(outcomes));
 * await feedBlob(file, { sink: pool, counts }); await pool.drain(); pool.close();
 * ```
 */
import type { Job, JobSink, RecordOutcome } from '@ikrar/verifier';
import { createBrowserRunner, type FromWorker, type VerifyInit } from './worker-main.js';

/** The pool: a `JobSink` that also drains and closes. */
export interface WorkerPool extends JobSink {
  /** Workers actually started (0: this thread). */
  readonly workers: number;
  /** Resolves when everything submitted has been emitted. */
  drain(): Promise<void>;
  close(): void;
}

type Unit = { outcomes?: RecordOutcome[]; local?: () => RecordOutcome[] };

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
  let seq = 0;
  let next = 0;
  const done = new Map<number, Unit>();
  let failure: Error | undefined;
  let waiters: (() => void)[] = [];
  const wake = (): void => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  const flush = (): void => {
    for (;;) {
      const u = done.get(next);
      if (!u || (!u.outcomes && !u.local)) break;
      done.delete(next);
      next++;
      const outcomes = u.outcomes ?? (u.local as () => RecordOutcome[])();
      if (outcomes.length) emit(outcomes);
    }
    wake();
  };
  const threads: Worker[] = [];
  const pending: number[] = [];
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
  for (const w of await Promise.all(started)) {
    if (!w) continue;
    const index = threads.length;
    pending.push(0);
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      pending[index] = (pending[index] as number) - 1;
      if (m.error !== undefined || !m.outcomes) failure ??= new Error(m.error ?? 'worker failed');
      else done.set(m.seq, { outcomes: m.outcomes });
      flush();
    };
    w.onerror = (e) => {
      e.preventDefault();
      failure ??= new Error(e.message || 'worker failed');
      wake();
    };
    threads.push(w);
  }
  let inline: ((job: Job) => Promise<RecordOutcome[]>) | undefined;
  const maxInFlight = Math.max(3, threads.length * 3);
  const room = (): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (failure || seq - next < maxInFlight) resolve();
        else waiters.push(check);
      };
      check();
    });
  return {
    workers: threads.length,
    nextSeq: () => seq++,
    async submit(job, options) {
      if (failure) throw failure;
      if (threads.length === 0 || options?.inline) {
        inline ??= createBrowserRunner(init);
        done.set(job.seq, { outcomes: await inline(job) });
        flush();
      } else {
        let best = 0;
        for (let i = 1; i < threads.length; i++) if ((pending[i] as number) < (pending[best] as number)) best = i;
        pending[best] = (pending[best] as number) + 1;
        const d = job.kind === 'lines' ? job.data : undefined;
        const whole = d && options?.transfer && d.byteOffset === 0 && d.byteLength === d.buffer.byteLength;
        (threads[best] as Worker).postMessage({ job }, whole ? [d.buffer as ArrayBuffer] : []);
      }
      await room();
      if (failure) throw failure;
    },
    local(s, make) {
      done.set(s, { local: make });
      flush();
    },
    async drain() {
      for (;;) {
        if (failure) throw failure;
        if (next >= seq) return;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    close() {
      for (const t of threads) t.terminate();
    },
  };
}
