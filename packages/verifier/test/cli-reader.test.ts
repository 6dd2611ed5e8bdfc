// The command's JSONL reader (cli/verify/inputs.ts with slabs.ts): a file read into shared slabs
// that jobs hold until answered gives the same verdicts on the same lines as the library's reader
// fed the whole file at once, whatever the slab size (lines across slab ends, lines longer than a
// slab, blank lines, CRLF, a BOM, no final newline), even when jobs are run late: a slab is never
// read into while a job holds it, and slabs are reused.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { generateKeyPair } from '@ikrar/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedSpec } from '../src/cli/verify/inputs.js';
import { createSlabs, type Slabs } from '../src/cli/verify/slabs.js';
import {
  createJobRunner,
  createRecordVerifier,
  feedJsonl,
  parseTrustStore,
  type Job,
  type JobSink,
  type RecordOutcome,
  type RecordVerifier,
} from '../src/index.js';
import { makeRecord, trustFor } from './helpers.js';

const agency = generateKeyPair();
let verifier: RecordVerifier;
let record: string;
const dir = mkdtempSync(path.join(tmpdir(), 'ikrar-reader-'));

beforeAll(async () => {
  verifier = createRecordVerifier({ trustStore: parseTrustStore(trustFor(agency)) });
  record = JSON.stringify(await makeRecord({ agency, name: 'Ni Luh Putu Ayu Séntana' }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A sink like the pool: a job whose bytes are in a slab holds it until it is run, and jobs are
 * run `lag` submissions late (as a busy worker would read them), then emitted in order.
 */
function lateSink(slabs: Slabs | undefined, lag: number) {
  const run = createJobRunner(verifier);
  const units = new Map<number, RecordOutcome[] | (() => RecordOutcome[])>();
  const waiting: Job[] = [];
  const counts = new Map<string, number>();
  let seq = 0;
  const runOne = async (job: Job): Promise<void> => {
    units.set(job.seq, await run(job));
    if (job.kind === 'lines') slabs?.release(job.data.buffer);
  };
  const sink: JobSink = {
    nextSeq: () => seq++,
    async submit(job) {
      if (job.kind === 'lines' && !(job.data.buffer instanceof ArrayBuffer)) slabs?.hold(job.data.buffer);
      waiting.push(job);
      while (waiting.length > lag) await runOne(waiting.shift() as Job);
    },
    local(s, make) {
      units.set(s, make);
    },
  };
  const done = async (): Promise<string[]> => {
    while (waiting.length) await runOne(waiting.shift() as Job);
    const out: string[] = [];
    for (let i = 0; i < seq; i++) {
      const u = units.get(i);
      for (const o of (typeof u === 'function' ? u() : u) ?? []) {
        const f = o.result.source?.file;
        if (f !== undefined) counts.set(f, (counts.get(f) ?? 0) + 1);
        out.push(`${o.result.source?.line}:${o.result.verdict}:${o.result.reason?.code ?? ''}`);
      }
    }
    return out;
  };
  return { sink, counts, done };
}

// Lines of every kind the reader must keep apart: records, garbage, blanks, CRLF, long ones.
const lineArb = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant('RECORD'),
    fc.constant(''),
    fc.constant('{"a":1}'),
    fc.constant('RECORD\r'),
    fc.string({ maxLength: 40 }),
    fc.integer({ min: 1, max: 900 }).map((n) => `{"x":"${'é'.repeat(n)}"}`),
  );

describe('ikrar-verify reads JSONL files into shared slabs', () => {
  it('gives the verdicts and line numbers of one whole read, for any slab size and job lag (property)', async () => {
    let file = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineArb(), { minLength: 1, maxLength: 14 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 4 }),
        async (lines, bom, finalNewline, size, lag) => {
          const text =
            (bom ? '\ufeff' : '') +
            lines.map((l) => l.replace('RECORD', record)).join('\n') +
            (finalNewline ? '\n' : '');
          const bytes = new TextEncoder().encode(text);
          const p = path.join(dir, `f${file++}.jsonl`);
          writeFileSync(p, bytes);
          const whole = lateSink(undefined, 0);
          await feedJsonl(
            (async function* () {
              yield bytes;
            })(),
            p,
            whole,
          );
          const slabs = createSlabs(size);
          const read = lateSink(slabs, lag);
          await feedSpec({ kind: 'jsonl', name: p, path: p }, { ...read, slabs }, (async function* () {})());
          expect(await read.done()).toEqual(await whole.done());
          expect(read.counts).toEqual(whole.counts);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reuses its slabs: a 1 MB file in 4 KiB slabs needs only as many as jobs wait', async () => {
    const p = path.join(dir, 'many.jsonl');
    writeFileSync(p, `${'{"a":1}\n'.repeat(131_072)}`);
    let made = 0;
    const base = createSlabs(4096);
    const slabs: Slabs = {
      size: base.size,
      take: () => {
        const s = base.take();
        if (!seen.has(s.buffer)) {
          seen.add(s.buffer);
          made++;
        }
        return s;
      },
      hold: base.hold,
      release: base.release,
    };
    const seen = new Set<ArrayBufferLike>();
    const read = lateSink(slabs, 3);
    await feedSpec({ kind: 'jsonl', name: p, path: p }, { ...read, slabs }, (async function* () {})());
    const out = await read.done();
    expect(out.length).toBe(131_072);
    expect(out[131_071]).toBe('131072:malformed:ERR_RECORD_INVALID');
    // The reader's slab, the next one, and one per waiting job.
    expect(made).toBeLessThanOrEqual(6);
  });
});
