/**
 * The body of a verification Web Worker: told the trust store and the verified status lists once,
 * then runs jobs with the verifier library's `createJobRunner`, Ed25519 through WebCrypto with
 * noble as fallback behind the same strict checks (core's `verifyEd25519Async`). The same code
 * runs in the page's thread when no worker can be started (`file://`, a CSP without workers).
 *
 * @module
 * @example
 * ```ts
 * startVerifyWorker(self as unknown as DedicatedWorkerGlobalScope);
 * ```
 */
import { verifyEd25519Async } from '@ikrar/core/crypto';
import {
  createJobRunner,
  createRecordVerifier,
  MAX_RECORD_CHARS,
  type Job,
  type RecordOutcome,
  type StatusLists,
  type TrustStore,
} from '@ikrar/verifier';

/** What a worker is told once. Plain data (structured-cloneable). */
export interface VerifyInit {
  readonly trustStore: TrustStore;
  readonly statusLists?: StatusLists;
}

/** A message to a worker. */
export type ToWorker = { readonly init: VerifyInit } | { readonly job: Job };
/** A worker's answer to a job (`seq` -1: ready after init). */
export type FromWorker = { readonly seq: number; readonly outcomes?: RecordOutcome[]; readonly error?: string };

/**
 * The job runner of one thread.
 * @param init - trust store and status lists
 * @returns job → outcomes
 */
export function createBrowserRunner(init: VerifyInit): (job: Job) => Promise<RecordOutcome[]> {
  return createJobRunner(
    createRecordVerifier({
      trustStore: init.trustStore,
      verifySignature: verifyEd25519Async,
      maxLength: MAX_RECORD_CHARS,
      ...(init.statusLists && { statusLists: init.statusLists }),
    }),
  );
}

/**
 * Answers jobs in a worker scope.
 * @param scope - the worker's global scope
 */
export function startVerifyWorker(scope: {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(m: FromWorker): void;
}): void {
  let run: ((job: Job) => Promise<RecordOutcome[]>) | undefined;
  scope.onmessage = (e) => {
    const m = e.data;
    if ('init' in m) {
      run = createBrowserRunner(m.init);
      scope.postMessage({ seq: -1 }); // ready
      return;
    }
    const seq = m.job.seq;
    if (!run) {
      scope.postMessage({ seq, error: 'not initialised' });
      return;
    }
    run(m.job).then(
      (outcomes) => scope.postMessage({ seq, outcomes }),
      (err: unknown) => scope.postMessage({ seq, error: String((err as Error)?.message ?? err) }),
    );
  };
}
