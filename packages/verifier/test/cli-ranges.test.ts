// A regular JSONL file read by the workers in byte ranges the main thread plans (cli/verify/ranges.ts):
// the range jobs (run here with the worker's own runner), the line numbers the main thread adds as
// it emits, and the stream reader that takes over after a line too long for a range, give exactly
// the outcomes of the library's reader fed the whole file at once: for random files (random line
// lengths, lines longer than a range or than the planner's limit, blank lines, CRLF, a BOM, bad
// UTF-8, no final newline), random range sizes and job lag. A file that grows after planning is
// read as planned; one that shrinks, or is replaced by another file, is ERR_INPUT_UNREADABLE, never a
// hang, a crash or lines of two files mixed.
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { generateKeyPair } from '@ikrar/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedSpec, type RangeFeed } from '../src/cli/verify/inputs.js';
import { createNodePackedRunner, type RunInit } from '../src/cli/verify/jobs.js';
import { jobError } from '../src/cli/verify/pool.js';
import { createLineCursor, createRangeReader, type RangeJob, type RangePlan } from '../src/cli/verify/ranges.js';
import { createSlabs } from '../src/cli/verify/slabs.js';
import { unpackOutcomes } from '../src/internal/pack-outcomes.js';
import {
  createJobRunner,
  createRecordVerifier,
  feedJsonl,
  parseTrustStore,
  type Job,
  type RecordOutcome,
} from '../src/index.js';
import { makeRecord, trustFor } from './helpers.js';

const agency = generateKeyPair();
let init: RunInit;
let record: string;
/** The record's length in bytes. */
let L: number;
const dir = mkdtempSync(path.join(tmpdir(), 'ikrar-ranges-'));

beforeAll(async () => {
  init = { trustStore: parseTrustStore(trustFor(agency)), engine: 'node', reveal: false };
  record = JSON.stringify(await makeRecord({ agency, name: 'Ni Luh Putu Ayu Séntana' }));
  L = Buffer.byteLength(record);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const show = (outcomes: readonly RecordOutcome[]): string[] =>
  outcomes.map((o) => JSON.stringify([o.result, o.identifier, o.eventKey]));

/** The library's reader on the whole file at once, run in this thread. */
async function wholeRead(bytes: Uint8Array, name: string): Promise<string[]> {
  const run = createJobRunner(createRecordVerifier({ trustStore: init.trustStore }));
  const units = new Map<number, RecordOutcome[] | (() => RecordOutcome[])>();
  const counts = new Map<string, number>();
  let seq = 0;
  await feedJsonl(
    (async function* () {
      yield bytes;
    })(),
    name,
    {
      sink: {
        nextSeq: () => seq++,
        async submit(job) {
          units.set(job.seq, await run(job));
        },
        local(s, make) {
          units.set(s, make);
        },
      },
      counts,
    },
  );
  const out: RecordOutcome[] = [];
  for (let i = 0; i < seq; i++) {
    const u = units.get(i) as RecordOutcome[] | (() => RecordOutcome[]);
    const os = typeof u === 'function' ? u() : u;
    counts.set(name, (counts.get(name) ?? 0) + os.length);
    out.push(...os);
  }
  return show(out);
}

/**
 * The command's path with its pool played here: range and line jobs run by the worker's runner
 * `lag` submissions late, answers unpacked in order with the pool's line cursor.
 */
function rangedRun(lag: number) {
  const run = createNodePackedRunner(init);
  const cursor = createLineCursor();
  const slabs = createSlabs(4096);
  const units = new Map<number, RecordOutcome[] | (() => RecordOutcome[])>();
  const waiting: (Job | RangeJob)[] = [];
  const counts = new Map<string, number>();
  const emitted: RecordOutcome[] = [];
  let seq = 0;
  let next = 0;
  const flush = (): void => {
    for (let u = units.get(next); u !== undefined; u = units.get(next)) {
      units.delete(next++);
      const os = typeof u === 'function' ? u() : u;
      for (const o of os) {
        const f = o.result.source?.file as string;
        counts.set(f, (counts.get(f) ?? 0) + 1);
      }
      emitted.push(...os);
    }
  };
  const runOne = async (job: Job | RangeJob): Promise<void> => {
    const { packed, range } = await run(job);
    if (job.kind === 'lines' && !(job.data.buffer instanceof ArrayBuffer)) slabs.release(job.data.buffer);
    units.set(
      job.seq,
      range ? () => unpackOutcomes(packed, job.file, cursor.place(range)) : () => unpackOutcomes(packed, job.file),
    );
    flush();
  };
  const drain = async (): Promise<void> => {
    while (waiting.length) await runOne(waiting.shift() as Job | RangeJob);
    flush();
  };
  const sink: RangeFeed['sink'] = {
    nextSeq: () => seq++,
    async submit(job) {
      if (job.kind === 'lines' && !(job.data.buffer instanceof ArrayBuffer)) slabs.hold(job.data.buffer);
      waiting.push(job);
      while (waiting.length > lag) await runOne(waiting.shift() as Job | RangeJob);
    },
    local(s, make) {
      units.set(s, make);
      flush();
    },
  };
  const feed = (p: string, plan: RangePlan): Promise<void> =>
    feedSpec(
      { kind: 'jsonl', name: p, path: p },
      { sink, counts, slabs, ranges: { sink, drain, nextLine: cursor.next, plan } },
      (async function* () {})(),
    );
  return { feed, drain, emitted, counts };
}

// Lines of every kind, some longer than a range or than the planner's longest range.
const lineArb = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant('RECORD'),
    fc.constant('RECORD'),
    fc.constant(''),
    fc.constant('  '),
    fc.constant('{"a":1}'),
    fc.constant('RECORD\r'),
    fc.constant('BAD'),
    fc.string({ maxLength: 40 }),
    fc.integer({ min: 1, max: 3000 }).map((n) => `{"x":"${'é'.repeat(n)}"}`),
  );

/** The range jobs the planner submits for a file, ranges of one record (`rangeBytes` L), not run. */
async function planOnly(p: string): Promise<RangeJob[]> {
  const jobs: RangeJob[] = [];
  let seq = 0;
  const ctxSink: RangeFeed['sink'] = {
    nextSeq: () => seq++,
    async submit(job) {
      if (job.kind === 'range') jobs.push(job);
    },
    local() {},
  };
  await feedSpec(
    { kind: 'jsonl', name: p, path: p },
    {
      sink: ctxSink,
      counts: new Map(),
      slabs: createSlabs(4096),
      ranges: { sink: ctxSink, drain: async () => {}, nextLine: () => 1, plan: { rangeBytes: L } },
    },
    (async function* () {})(),
  );
  return jobs;
}

describe('ikrar-verify reads regular JSONL files in ranges, in its workers', () => {
  it('gives the outcomes of one whole read, for random files, range sizes and job lag (property)', async () => {
    let file = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineArb(), { minLength: 0, maxLength: 16 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 4000 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 3 }),
        async (lines, bom, finalNewline, rangeBytes, maxTimes, windowBytes, lag) => {
          const parts = lines.map((l) => new TextEncoder().encode(l.replace('RECORD', record)));
          const text = parts.map((p, i) => (lines[i] === 'BAD' ? new Uint8Array([0xc3, 0x28, 0x7b, 0x7d]) : p));
          const joined: number[] = bom ? [0xef, 0xbb, 0xbf] : [];
          text.forEach((p, i) => {
            if (i > 0) joined.push(10);
            joined.push(...p);
          });
          if (finalNewline && text.length) joined.push(10);
          const bytes = new Uint8Array(joined);
          const p = path.join(dir, `f${file++}.jsonl`);
          writeFileSync(p, bytes);
          const r = rangedRun(lag);
          await r.feed(p, { rangeBytes, maxRangeBytes: rangeBytes * maxTimes, windowBytes });
          await r.drain();
          expect(show(r.emitted)).toEqual(await wholeRead(bytes, p));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('several files in one run, the same file twice: each numbered from its first line', async () => {
    const a = path.join(dir, 'a.jsonl');
    const b = path.join(dir, 'b.jsonl');
    const lines = Array.from({ length: 9 }, (_, i) => (i % 3 === 1 ? '' : record));
    writeFileSync(a, `\ufeff${lines.join('\r\n')}\n`);
    writeFileSync(b, lines.join('\n'));
    const r = rangedRun(2);
    for (const f of [a, b, a]) await r.feed(f, { rangeBytes: 2 * L, windowBytes: 64 });
    await r.drain();
    const whole = [
      ...(await wholeRead(new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\n`), a)),
      ...(await wholeRead(new TextEncoder().encode(lines.join('\n')), b)),
      ...(await wholeRead(new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\n`), a)),
    ];
    expect(show(r.emitted)).toEqual(whole);
    expect(r.emitted.map((o) => o.result.source?.line)).toEqual([1, 3, 4, 6, 7, 9, 1, 3, 4, 6, 7, 9, 1, 3, 4, 6, 7, 9]);
    expect(r.counts.get(a)).toBe(12);
  });

  it('a line over MAX_LINE_BYTES after ranges: skipped as ERR_LINE_TOO_LONG on its line, the next verified', async () => {
    const p = path.join(dir, 'long.jsonl');
    const long = `{"x":"${'a'.repeat(17 * 1024 * 1024)}"}`;
    const text = `${record}\n\n${record}\n${long}\n${record}\n`;
    writeFileSync(p, text);
    const r = rangedRun(1);
    await r.feed(p, { rangeBytes: L + 10, maxRangeBytes: 4 * L, windowBytes: 512 });
    await r.drain();
    const got = r.emitted.map((o) => `${o.result.source?.line}:${o.result.verdict}:${o.result.reason?.code ?? ''}`);
    expect(got).toEqual(['1:valid:', '3:valid:', '4:malformed:ERR_LINE_TOO_LONG', '5:valid:']);
  });

  it('a pipe named as a file (no offsets) is read as a stream, as before', async () => {
    const src = path.join(dir, 'src.jsonl');
    const fifo = path.join(dir, 'pipe.jsonl');
    const text = `\ufeff${record}\n\nnot json\n${record}\r\n${record}`;
    writeFileSync(src, text);
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', src, fifo], { stdio: 'ignore' });
    const written = new Promise((resolve) => writer.on('close', resolve));
    const r = rangedRun(1);
    await r.feed(fifo, { rangeBytes: 64 });
    await r.drain();
    expect(await written).toBe(0);
    expect(show(r.emitted)).toEqual(await wholeRead(new TextEncoder().encode(text), fifo));
    expect(r.emitted.map((o) => `${o.result.source?.line}:${o.result.verdict}`)).toEqual([
      '1:valid',
      '3:malformed',
      '4:valid',
      '5:valid',
    ]);
  });

  it('an empty file and a file of blank lines are ERR_EMPTY_INPUT', async () => {
    const e = path.join(dir, 'empty.jsonl');
    const b = path.join(dir, 'blank.jsonl');
    writeFileSync(e, '');
    writeFileSync(b, '\n \r\n\n');
    const r = rangedRun(0);
    await r.feed(e, { rangeBytes: 2 });
    await r.feed(b, { rangeBytes: 2 });
    await r.drain();
    expect(r.emitted.map((o) => `${o.result.source?.file}:${o.result.reason?.code}`)).toEqual([
      `${e}:ERR_EMPTY_INPUT`,
      `${b}:ERR_EMPTY_INPUT`,
    ]);
  });

  it('a file replaced after planning (a rename over it) is ERR_INPUT_UNREADABLE, not read at the old offsets', async () => {
    const p = path.join(dir, 'replaced.jsonl');
    writeFileSync(p, `${record}\n${record}\n${record}\n`);
    const jobs = await planOnly(p);
    expect(jobs).toHaveLength(3);
    const run = createNodePackedRunner(init);
    const first = await run(jobs[0] as RangeJob);
    expect(unpackOutcomes(first.packed, p, 0).map((o) => o.result.verdict)).toEqual(['valid']);
    // An export rewritten in place by a rename: as long as the planned file, other lines.
    const other = path.join(dir, 'replaced.jsonl.new');
    writeFileSync(other, `${'x'.repeat(L - 1)}\n`.repeat(3));
    renameSync(other, p);
    let err: unknown;
    try {
      createRangeReader().read(jobs[1] as RangeJob);
    } catch (e) {
      err = e;
    }
    expect((err as { code: string }).code).toBe('ERR_INPUT_UNREADABLE');
    expect((err as Error).message).toBe(`${p} is no longer the file planned (replaced during the run)`);
    await expect(run(jobs[2] as RangeJob)).rejects.toMatchObject({ code: 'ERR_INPUT_UNREADABLE' });
  });

  it('bytes appended after planning are not read; a file cut short is ERR_INPUT_UNREADABLE in both languages', async () => {
    const p = path.join(dir, 'grow.jsonl');
    const text = `${record}\n${record}\n${record}\n`;
    writeFileSync(p, text);
    const jobs = await planOnly(p);
    expect(jobs.map((j) => [j.start, j.end])).toEqual([
      [0, L + 1],
      [L + 1, 2 * L + 2],
      [2 * L + 2, 3 * L + 3],
    ]);
    appendFileSync(p, `${record}\nnot json\n`);
    const run = createNodePackedRunner(init);
    const answers = [];
    for (const j of jobs) answers.push(await run(j));
    const cursor = createLineCursor();
    const outcomes = answers.flatMap((a) => unpackOutcomes(a.packed, p, cursor.place(a.range as never)));
    expect(outcomes.map((o) => `${o.result.source?.line}:${o.result.verdict}`)).toEqual([
      '1:valid',
      '2:valid',
      '3:valid',
    ]);

    truncateSync(p, L + 5);
    const reader = createRangeReader();
    let err: unknown;
    try {
      reader.read(jobs[1] as RangeJob);
    } catch (e) {
      err = e;
    }
    expect((err as { code: string }).code).toBe('ERR_INPUT_UNREADABLE');
    expect((err as Error).message).toMatch(/^short read: \d+ of \d+ bytes at \d+$/);
    await expect(run(jobs[2] as RangeJob)).rejects.toMatchObject({ code: 'ERR_INPUT_UNREADABLE' });
    // The pool's error for the answer, as the command prints it.
    const e = jobError({ seq: 1, error: (err as Error).message, code: 'ERR_INPUT_UNREADABLE' }, p);
    expect(e).toMatchObject({
      code: 'ERR_INPUT_UNREADABLE',
      messages: { id: `Berkas tidak dapat dibaca: ${p}`, en: `File cannot be read: ${p}` },
    });
    // Any other failure stays the worker's.
    const other = jobError({ seq: 1, error: 'boom' }, p);
    expect(other).not.toHaveProperty('code');
    expect(other.message).toBe('boom');
  });
});
