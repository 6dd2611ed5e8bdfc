// The library's one input reader (read-inputs.ts), fed Web streams as a browser gives them
// (`File.stream()`): however the bytes are chunked, the same verdicts on the same lines as one read;
// JSON, PDF-less garbage, empty and too-long inputs give malformed verdicts with stable reasons;
// trust store and status list texts fail with their codes.
import fc from 'fast-check';
import { generateKeyPair, type SignedPledge } from '@ikrar/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chunksOf,
  createJobRunner,
  createRecordVerifier,
  feedBlob,
  feedJsonl,
  inputKind,
  MAX_LINE_BYTES,
  parseTrustStore,
  readStatusLists,
  readTrustStore,
  type Job,
  type JobSink,
  type RecordOutcome,
  type RecordVerifier,
} from '../src/index.js';
import { makeRecord, trustFor } from './helpers.js';

const agency = generateKeyPair();
let good: SignedPledge;
let verifier: RecordVerifier;

beforeAll(async () => {
  good = await makeRecord({ agency });
  verifier = createRecordVerifier({ trustStore: parseTrustStore(trustFor(agency)) });
});

/**
 * A sink that runs jobs in this thread and emits in sequence order, as the pools do. `move`: a
 * job that may be moved is moved as a worker pool moves it (its buffer detached here), so a
 * reader that kept using a moved buffer would fail.
 */
function inlineSink(move = false): {
  sink: JobSink;
  counts: Map<string, number>;
  done: () => Promise<RecordOutcome[]>;
} {
  const run = createJobRunner(verifier);
  const units = new Map<number, Promise<RecordOutcome[]> | (() => RecordOutcome[])>();
  const counts = new Map<string, number>();
  let seq = 0;
  const sink: JobSink = {
    nextSeq: () => seq++,
    async submit(job: Job, options) {
      if (move && options?.transfer && job.kind === 'lines') {
        const buffer = job.data.buffer as ArrayBuffer;
        const moved = structuredClone(job, { transfer: [buffer] });
        expect(buffer.byteLength).toBe(0); // detached: the reader must not touch it again
        units.set(job.seq, run(moved));
      } else units.set(job.seq, run(job));
    },
    local(s, make) {
      units.set(s, make);
    },
  };
  const done = async (): Promise<RecordOutcome[]> => {
    const out: RecordOutcome[] = [];
    for (let i = 0; i < seq; i++) {
      const u = units.get(i);
      const got = typeof u === 'function' ? u() : await u;
      for (const o of got ?? []) {
        const f = o.result.source?.file;
        if (f !== undefined) counts.set(f, (counts.get(f) ?? 0) + 1);
        out.push(o);
      }
    }
    return out;
  };
  return { sink, counts, done };
}

function streamOf(bytes: Uint8Array, cuts: readonly number[]): ReadableStream<Uint8Array> {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let prev = 0;
  for (const c of [...at, bytes.length]) {
    parts.push(bytes.slice(prev, c));
    prev = c;
  }
  return new ReadableStream({
    pull(controller) {
      const p = parts.shift();
      if (p) controller.enqueue(p);
      else controller.close();
    },
  });
}

// The structured reason as `code` or `code:detail`, to compare many outcomes in one line each.
const why = (o: RecordOutcome): string =>
  o.result.reason ? [o.result.reason.code, o.result.reason.detail].filter(Boolean).join(':') : '';
const brief = (o: RecordOutcome): string => `${o.result.source?.line ?? '-'}:${o.result.verdict}:${why(o)}`;

describe('read-inputs: the one reader for the command and browsers', () => {
  it('gives the same verdicts on the same lines however a Web stream is chunked (property)', async () => {
    const bad = JSON.stringify({ ...good, id: 'urn:uuid:00000000-0000-4000-8000-000000000000' });
    const lines = [JSON.stringify(good), '', bad, '{"not":', JSON.stringify(good) + '\r', '  '];
    const bytes = new TextEncoder().encode(lines.join('\n') + '\n' + JSON.stringify(good));
    const one = inlineSink();
    await feedJsonl(
      (async function* () {
        yield bytes;
      })(),
      'a.jsonl',
      one,
    );
    const expected = (await one.done()).map(brief);
    expect(expected).toEqual([
      '1:valid:',
      '3:invalid-signature:ERR_SIGNATURE_INVALID',
      '4:malformed:ERR_JSON_INVALID:syntax',
      '5:valid:',
      '7:valid:',
    ]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (cuts) => {
        const s = inlineSink();
        const file = { name: 'a.jsonl', size: bytes.length, stream: () => streamOf(bytes, cuts) };
        await feedBlob(file, s);
        expect((await s.done()).map(brief)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
    // Chunks the reader owns (a file stream's): whole reads travel with their jobs, moved, not
    // copied; the line cut across two reads and the tail are copied first. Same verdicts.
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (cuts) => {
        const s = inlineSink(true);
        await feedJsonl(chunksOf(streamOf(bytes, cuts)), 'a.jsonl', { ...s, ownChunks: true });
        expect((await s.done()).map(brief)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('reads .json documents (a record, an array) and reports empty and bad ones as malformed', async () => {
    const s = inlineSink();
    const enc = (t: string) => new Blob([t]);
    const file = (name: string, text: string) => Object.assign(enc(text), { name });
    await feedBlob(file('one.json', JSON.stringify(good, null, 2)), s);
    await feedBlob(file('many.json', JSON.stringify([good, good])), s);
    await feedBlob(file('empty.json', '  \n'), s);
    await feedBlob(file('empty.jsonl', ''), s);
    await feedBlob(file('dup.json', '{"a":1,"a":2}'), s);
    await feedBlob(file('bad.pdf', 'not a pdf'), s);
    const got = (await s.done()).map(
      (o) => `${o.result.source?.file}#${o.result.source?.index ?? ''}:${o.result.verdict}:${why(o)}`,
    );
    expect(got).toEqual([
      'one.json#:valid:',
      'many.json#0:valid:',
      'many.json#1:valid:',
      'empty.json#:malformed:ERR_EMPTY_INPUT',
      'empty.jsonl#:malformed:ERR_EMPTY_INPUT',
      'dup.json#:malformed:ERR_JSON_INVALID:duplicate-key',
      'bad.pdf#:malformed:ERR_PDF_INVALID',
    ]);
  });

  it('skips a line longer than the limit without buffering it, and counts lines on', async () => {
    const s = inlineSink();
    const big = new Uint8Array(MAX_LINE_BYTES + 10).fill(0x61);
    const chunks = async function* () {
      yield new TextEncoder().encode(JSON.stringify(good) + '\n');
      for (let i = 0; i < big.length; i += 1 << 20) yield big.subarray(i, i + (1 << 20));
      yield new TextEncoder().encode('\n' + JSON.stringify(good) + '\n');
    };
    await feedJsonl(chunks(), 'big.jsonl', s);
    expect((await s.done()).map(brief)).toEqual(['1:valid:', '2:malformed:ERR_LINE_TOO_LONG', '3:valid:']);
  });

  it('names input kinds by extension', () => {
    expect(['a.JSONL', 'b.ndjson', 'c.json', 'd.Pdf', 'e.csv', 'dir.json/f', 'noext'].map(inputKind)).toEqual([
      'jsonl',
      'jsonl',
      'json',
      'pdf',
      null,
      null,
      null,
    ]);
  });

  it('refuses a trust store or status list that is not JSON with its code, in both languages', async () => {
    expect(() => readTrustStore('{"issuers":[],"issuers":[]}')).toThrow(
      expect.objectContaining({ code: 'ERR_TRUST_STORE_INVALID' }),
    );
    try {
      readTrustStore('{');
      expect.unreachable();
    } catch (err) {
      const e = err as { code: string; messages: { id: string; en: string } };
      expect(e.code).toBe('ERR_TRUST_STORE_INVALID');
      expect(e.messages.id).toMatch(/^Daftar kepercayaan bukan JSON yang sah/);
      expect(e.messages.en).toMatch(/^Trust store is not valid JSON/);
    }
    expect(readTrustStore(JSON.stringify(trustFor(agency))).issuers[0]?.id).toBe(agency.controller);
    await expect(readStatusLists([{ name: 's.json', text: '[1,' }], parseTrustStore(trustFor(agency)))).rejects.toThrow(
      expect.objectContaining({
        code: 'ERR_STATUS_LIST_INVALID',
        message: expect.stringMatching(/s\.json is not valid JSON/),
      }),
    );
  });
});
