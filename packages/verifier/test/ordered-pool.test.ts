// The pools' one scheduler (ordered-pool.ts), driven as the CLI's worker threads and the widget's Web
// Workers drive it, with simulated workers that answer in a random order: outcomes come out in
// submission order, each job goes to the least busy worker, never more than three jobs a worker
// submitted and not yet emitted, the first failure (an error answer, a crash, an inline job or an
// emit that throws) reaches the producer and drain and nothing is emitted after it, and an emit's promise holds the next one back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOrderedPool, type OrderedPool } from '../src/ordered-pool.js';

type TestJob = { readonly seq: number; readonly size: number };
type Step = { readonly kind: 'job' | 'inline' | 'local'; readonly size: number };

const outcomesOf = (seq: number, size: number): number[] => Array.from({ length: size }, (_, i) => seq * 10 + i);
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** What a failure does: a worker answers a job with an error, a worker crashes, or an inline job rejects. */
type Fault = { readonly at: number; readonly how: 'answer' | 'crash' | 'emit' };

interface RunResult {
  readonly emitted: number[];
  readonly expected: number[];
  readonly error?: unknown;
  readonly injected?: Error;
}

/**
 * Feeds `steps` to a pool of `workers` simulated workers, answering jobs in the order `picks` says.
 * Checks, as it goes, the least-busy rule, the per-worker bound and the in-flight bound.
 */
async function run(
  workers: number,
  steps: readonly Step[],
  picks: readonly number[],
  options: { asyncEmit: boolean; lazy: readonly boolean[]; fault?: Fault },
): Promise<RunResult> {
  const bound = Math.max(1, workers) * 3;
  const sent: { index: number; job: TestJob }[] = [];
  const pending = Array.from({ length: workers }, () => 0);
  const emitted: number[] = [];
  const expected: number[] = [];
  const notEmitted = new Set<number>(); // jobs submitted, not yet emitted
  let emitBusy = false;
  let injected: Error | undefined;
  const fault = options.fault;
  const started = (job: TestJob): void => {
    notEmitted.add(job.seq);
    expect(notEmitted.size).toBeLessThanOrEqual(bound);
  };
  const p: OrderedPool<TestJob, number> = createOrderedPool<TestJob, number>({
    workers,
    send(index, job) {
      // The least busy worker, the first of equals.
      expect(pending[index]).toBe(Math.min(...pending));
      expect(pending.indexOf(Math.min(...pending))).toBe(index);
      pending[index] = (pending[index] as number) + 1;
      expect(pending[index]).toBeLessThanOrEqual(3);
      started(job);
      sent.push({ index, job });
    },
    async inline(job) {
      started(job);
      await tick();
      if (fault?.how === 'answer' && fault.at === job.seq) throw (injected = new Error(`inline ${job.seq} failed`));
      return outcomesOf(job.seq, job.size);
    },
    emit(outcomes) {
      expect(emitBusy).toBe(false); // an emit's promise holds the next one back
      const seq = Math.floor((outcomes[0] as number) / 10);
      if (fault?.how === 'emit' && fault.at === seq) throw (injected = new Error(`emit ${seq} failed`));
      emitted.push(...outcomes);
      notEmitted.delete(seq);
      if (!options.asyncEmit) return;
      emitBusy = true;
      return tick().then(() => {
        emitBusy = false;
      });
    },
  });
  let settled = false;
  let error: unknown;
  const done = (async () => {
    for (const step of steps) {
      const seq = p.nextSeq();
      expected.push(...outcomesOf(seq, step.size));
      if (step.kind === 'local') p.local(seq, () => outcomesOf(seq, step.size));
      else await p.submit({ seq, size: step.size }, { inline: step.kind === 'inline' });
    }
    await p.drain();
  })().then(
    () => {
      settled = true;
    },
    (err: unknown) => {
      error = err;
      settled = true;
    },
  );
  for (let k = 0; !settled; k++) {
    await tick();
    if (sent.length === 0) continue;
    const [{ index, job }] = sent.splice((picks[k % picks.length] as number) % sent.length, 1) as [
      { index: number; job: TestJob },
    ];
    pending[index] = (pending[index] as number) - 1;
    if (fault?.at === job.seq && fault.how === 'answer') {
      p.answer(index, job.seq, (injected = new Error(`job ${job.seq} failed`)));
    } else if (fault?.at === job.seq && fault.how === 'crash') {
      p.fail((injected = new Error(`worker ${index} crashed`)));
    } else {
      const outcomes = outcomesOf(job.seq, job.size);
      p.answer(index, job.seq, options.lazy[k % options.lazy.length] ? () => outcomes : outcomes);
    }
  }
  await done;
  return { emitted, expected, error, ...(injected && { injected }) };
}

/** A run: workers, what the producer submits, the order the workers answer in, how emit and answers behave. */
const scenario = fc.record({
  workers: fc.integer({ min: 0, max: 4 }),
  steps: fc.array(
    fc.record({
      kind: fc.constantFrom<Step['kind']>('job', 'job', 'job', 'inline', 'local'),
      size: fc.integer({ min: 1, max: 3 }),
    }),
    { maxLength: 50 },
  ),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
  asyncEmit: fc.boolean(),
  lazy: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
});
const fault = fc.record({ at: fc.nat({ max: 49 }), how: fc.constantFrom<Fault['how']>('answer', 'crash', 'emit') });

describe('createOrderedPool', () => {
  it('emits in submission order whatever order workers answer in, least busy first, within the bounds', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (sc) => {
        const r = await run(sc.workers, sc.steps, sc.picks, sc);
        expect(r.error).toBeUndefined();
        expect(r.emitted).toEqual(r.expected);
      }),
      { numRuns: 300 },
    );
  });

  it('hands the first failure to the producer and drain; what was emitted is a prefix in order', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, fault, async (sc, f) => {
        const r = await run(sc.workers, sc.steps, sc.picks, { ...sc, fault: f });
        expect(r.emitted).toEqual(r.expected.slice(0, r.emitted.length));
        if (r.injected) {
          expect(r.error).toBe(r.injected);
          expect(r.emitted.length).toBeLessThan(r.expected.length);
        } else {
          // The fault's job was a local unit, beyond the steps, or (a crash) an inline job.
          expect(r.error).toBeUndefined();
          expect(r.emitted).toEqual(r.expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a slow job at the head holds the reader back: later answers do not let more in', async () => {
    const sent: TestJob[] = [];
    const emitted: number[] = [];
    const pool = createOrderedPool<TestJob, number>({
      workers: 2,
      send: (_, job) => void sent.push(job),
      inline: () => Promise.reject(new Error('not inline')),
      emit: (o) => void emitted.push(...o),
    });
    const submitted: number[] = [];
    const producer = (async () => {
      for (let i = 0; i < 10; i++) {
        const seq = pool.nextSeq();
        await pool.submit({ seq, size: 1 });
        submitted.push(seq);
      }
    })();
    await tick();
    expect(sent.map((j) => j.seq)).toEqual([0, 1, 2, 3, 4, 5]); // 2 workers × 3
    expect(submitted).toEqual([0, 1, 2, 3, 4]); // the sixth waits for room
    for (const job of sent.slice(1)) pool.answer(job.seq % 2, job.seq, outcomesOf(job.seq, 1));
    await tick();
    expect(emitted).toEqual([]);
    expect(sent).toHaveLength(6); // still held by job 0
    pool.answer(0, 0, outcomesOf(0, 1));
    await tick();
    expect(emitted).toEqual([0, 10, 20, 30, 40, 50]);
    expect(sent).toHaveLength(10);
    for (const job of sent.slice(6)) pool.answer(job.seq % 2, job.seq, outcomesOf(job.seq, 1));
    await producer;
    await pool.drain();
    expect(emitted).toHaveLength(10);
  });

  it('skips units with no outcomes, runs lazy units when their turn comes, and throws on submit after a failure', async () => {
    const made: number[] = [];
    const emitted: number[][] = [];
    const sent: TestJob[] = [];
    const pool = createOrderedPool<TestJob, number>({
      workers: 2,
      send: (_, job) => void sent.push(job),
      inline: (job) => Promise.resolve(outcomesOf(job.seq, job.size)),
      emit: (o) => void emitted.push(o),
    });
    await pool.submit({ seq: pool.nextSeq(), size: 1 });
    pool.local(pool.nextSeq(), () => (made.push(1), []));
    await pool.submit({ seq: pool.nextSeq(), size: 0 }, { inline: true });
    pool.local(pool.nextSeq(), () => (made.push(3), [30]));
    expect(made).toEqual([]); // job 0 is not answered yet
    pool.answer(0, 0, () => (made.push(0), [0]));
    expect(made).toEqual([0, 1, 3]);
    expect(emitted).toEqual([[0], [30]]);
    await pool.drain();
    const crash = new Error('worker crashed');
    await pool.submit({ seq: pool.nextSeq(), size: 1 });
    pool.fail(crash);
    pool.answer(0, 4, [40]); // answered after the crash: not emitted
    expect(emitted).toEqual([[0], [30]]);
    await expect(pool.submit({ seq: pool.nextSeq(), size: 1 })).rejects.toBe(crash);
    await expect(pool.drain()).rejects.toBe(crash);
  });
});
