/**
 * The one scheduling algorithm of a verification pool, written once for `ikrar-verify`'s worker
 * threads and `<ikrar-verifikasi>`'s Web Workers (it knows neither: no `node:worker_threads`, no
 * DOM). Jobs go to the least busy worker (records vary in cost: chained records carry two proofs);
 * at most three jobs per worker are submitted and not yet emitted (the reader waits, so a 500 MB
 * file never sits in memory, and a slow job at the head holds the reader back too); outcomes are
 * emitted strictly in submission order, whatever order the workers answer in, so line numbers,
 * "first signing" for duplicates and progress are deterministic. The first failure (a worker's
 * error, a job it could not run, an emit that threw) is thrown by every later `submit` and by
 * `drain`.
 *
 * The platform's adapter starts the workers, sends each job (`send`), and reports each answer
 * (`answer`) or a worker's crash (`fail`).
 *
 * @module
 * @example
 * ```ts
 * const pool = createOrderedPool({ workers: 2, send: (i, job) => threads[i].postMessage(job), inline: run, emit: report });
 * threads[i].onmessage = (e) => pool.answer(i, e.data.seq, e.data.outcomes);
 * await pool.submit(job); await pool.drain();
 * ```
 */

/** How a job is submitted; see {@link OrderedPool.submit}. */
export interface SubmitOptions {
  /** Run it in this thread (no worker, or a job too large for a worker's heap). */
  readonly inline?: boolean;
  /** The buffer behind the job's bytes is the caller's own: the adapter may move it to the worker. */
  readonly transfer?: boolean;
}

/** What the platform gives the pool; see {@link createOrderedPool}. */
export interface OrderedPoolOptions<J extends { readonly seq: number }, T> {
  /** Workers to spread jobs over (indices 0 to `workers - 1`); 0: every job runs inline. */
  readonly workers: number;
  /** Jobs per worker submitted and not yet emitted before `submit` waits. Default 3. */
  readonly perWorker?: number;
  /** Sends a job to worker `index`; its answer comes back through {@link OrderedPool.answer}. */
  send(index: number, job: J, options: SubmitOptions | undefined): void;
  /** Runs a job in this thread. */
  inline(job: J): Promise<T[]>;
  /** Receives outcomes in submission order; a promise holds the next emission back (output backpressure). */
  emit(outcomes: T[]): void | Promise<void>;
}

/** A pool's scheduler; see {@link createOrderedPool}. */
export interface OrderedPool<J extends { readonly seq: number }, T> {
  /** Next sequence number, for a job or a local unit. */
  nextSeq(): number;
  /** Queues a job (numbered by {@link OrderedPool.nextSeq}); resolves once there is room for another. */
  submit(job: J, options?: SubmitOptions): Promise<void>;
  /** Queues outcomes computed when all earlier units have been emitted. */
  local(seq: number, make: () => T[]): void;
  /**
   * Worker `index` answered job `seq`: its outcomes, a function that makes them when their turn
   * comes (so unpacked objects live briefly), or the error it could not run the job with.
   */
  answer(index: number, seq: number, result: T[] | (() => T[]) | Error): void;
  /** A worker failed outright (it crashed, or could not load). */
  fail(error: Error): void;
  /** Resolves when everything submitted has been emitted; rejects with the first failure. */
  drain(): Promise<void>;
}

/**
 * Creates the scheduler of a pool.
 * @param options - worker count, how to send a job, the inline runner and the emitter
 * @returns an {@link OrderedPool}
 * @example createOrderedPool({ workers: 0, send: () => {}, inline: run, emit: (o) => void out.push(...o) })
 */
export function createOrderedPool<J extends { readonly seq: number }, T>(
  options: OrderedPoolOptions<J, T>,
): OrderedPool<J, T> {
  const { workers, send, inline, emit } = options;
  const maxInFlight = Math.max(1, workers) * (options.perWorker ?? 3);
  const pending: number[] = Array.from({ length: workers }, () => 0);
  const done = new Map<number, T[] | (() => T[])>();
  let seq = 0;
  let next = 0;
  /** Jobs submitted and not yet answered (a failed one counts as answered). */
  let running = 0;
  let failure: Error | undefined;
  /** An emit's promise is pending: the emitting loop resumes when it settles. */
  let emitting: Promise<void> | undefined;
  let waiters: (() => void)[] = [];
  const wake = (): void => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  const failWith = (err: unknown): void => {
    failure ??= err instanceof Error ? err : new Error(String(err));
    wake();
  };

  // Emits every unit whose turn has come, synchronously while `emit` returns nothing; nothing
  // after a failure.
  const flush = (): void => {
    if (emitting || failure) return; // the loop resumes when that emit settles
    try {
      for (;;) {
        const unit = done.get(next);
        if (unit === undefined) break;
        done.delete(next);
        next++;
        const outcomes = typeof unit === 'function' ? unit() : unit;
        if (outcomes.length === 0) continue;
        const r = emit(outcomes);
        if (r && typeof r.then === 'function') {
          emitting = r.then(
            () => {
              emitting = undefined;
              flush();
            },
            (err: unknown) => {
              emitting = undefined;
              failWith(err);
            },
          );
          return;
        }
      }
    } catch (err) {
      failWith(err);
      return;
    }
    wake();
  };

  const room = (): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => {
        // What is not yet emitted counts, not only what is running: a slow job at the head
        // holds the reader back, or finished jobs would pile up behind it.
        if (failure || seq - next < maxInFlight) resolve();
        else waiters.push(check);
      };
      check();
    });

  return {
    nextSeq: () => seq++,
    async submit(job, opts) {
      if (failure) throw failure;
      running++;
      if (workers === 0 || opts?.inline) {
        let outcomes: T[];
        try {
          outcomes = await inline(job);
        } catch (err) {
          running--;
          failWith(err);
          throw err;
        }
        running--;
        done.set(job.seq, outcomes);
        flush();
      } else {
        let best = 0;
        for (let i = 1; i < workers; i++) if ((pending[i] as number) < (pending[best] as number)) best = i;
        pending[best] = (pending[best] as number) + 1;
        try {
          send(best, job, opts);
        } catch (err) {
          pending[best] = (pending[best] as number) - 1;
          running--;
          throw err;
        }
      }
      await room();
      if (failure) throw failure;
    },
    local(s, make) {
      done.set(s, make);
      flush();
    },
    answer(index, s, result) {
      pending[index] = (pending[index] as number) - 1;
      running--;
      if (result instanceof Error) {
        failWith(result);
        return;
      }
      done.set(s, result);
      flush();
    },
    fail: failWith,
    async drain() {
      for (;;) {
        if (failure) throw failure;
        if (next >= seq && running === 0 && !emitting) return;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}
