/**
 * Worker thread of `ikrar-verify`: receives the run settings once, then jobs, and answers each
 * with its outcomes. One per CPU core by default.
 *
 * @module
 * @example
 * ```ts
 * new Worker(new URL('./worker.js', import.meta.url), { workerData: init });
 * ```
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createNodePackedRunner, type Job, type RunInit } from './jobs.js';
import type { RangeJob } from './ranges.js';
import { ownThreadId } from './thread-cpu.js';

const run = createNodePackedRunner(workerData as RunInit);
const port = parentPort;
if (port) {
  // For the benchmark's CPU split: the main thread tells this thread's time from its own.
  if (process.env.IKRAR_VERIFY_STATS) port.postMessage({ tid: ownThreadId() });
  port.on('message', (job: Job | RangeJob) => {
    run(job).then(
      ({ packed, range }) => port.postMessage({ seq: job.seq, file: job.file, packed, range }),
      (err: unknown) =>
        port.postMessage({
          seq: job.seq,
          error: String((err as Error)?.message ?? err),
          code: (err as { code?: unknown })?.code,
        }),
    );
  });
}
