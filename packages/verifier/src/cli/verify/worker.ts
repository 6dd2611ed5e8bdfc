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
import { createNodeJobRunner as createJobRunner, type Job, type RunInit } from './jobs.js';

const run = createJobRunner(workerData as RunInit);
const port = parentPort;
if (port) {
  port.on('message', (job: Job) => {
    run(job).then(
      (outcomes) => port.postMessage({ seq: job.seq, outcomes }),
      (err: unknown) => port.postMessage({ seq: job.seq, error: String((err as Error)?.message ?? err) }),
    );
  });
}
