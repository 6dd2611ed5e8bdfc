// `.json` documents and standard input read as one document (read-inputs.ts): each is parsed
// once, and each record reaches the verifier as the text `JSON.stringify` gives of it, which for a
// record already in RFC 8785 form is its own text in the file, sliced, not serialized again.
// Property: whatever the document's layout (compact, pretty-printed, a BOM, whitespace, records
// in canonical form or not, escapes), the texts handed on are exactly the texts of parsing the
// document and serializing each record, so verdicts are those of that path.
import fc from 'fast-check';
import { generateKeyPair, parseJson, type SignedPledge } from '@ikrar/core';
import { canonicalize } from '@ikrar/core/crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { feedDocument, feedSniffed, type Job, type JobSink, type RecordOutcome } from '../src/index.js';
import { makeRecord } from './helpers.js';

let records: SignedPledge[];

beforeAll(async () => {
  const agency = generateKeyPair();
  records = [
    await makeRecord({ agency, name: 'Ni Luh Putu Ayu Séntana' }),
    await makeRecord({ agency, employee: generateKeyPair() }),
    await makeRecord({ agency, name: 'Budi "Bud" \\ Santoso' }),
  ];
});
afterEach(() => vi.restoreAllMocks());

/** A sink that keeps what it is given: the texts of jobs with their indices, and local outcomes. */
function keepingSink(): {
  sink: JobSink;
  counts: Map<string, number>;
  texts: [number | null, string][];
  local: RecordOutcome[];
} {
  const texts: [number | null, string][] = [];
  const local: RecordOutcome[] = [];
  let seq = 0;
  const sink: JobSink = {
    nextSeq: () => seq++,
    async submit(job: Job) {
      if (job.kind !== 'texts') throw new Error('a document gives texts');
      job.texts.forEach((t, i) => texts.push([job.indices[i] ?? null, t]));
    },
    local(_s, make) {
      local.push(...make());
    },
  };
  return { sink, counts: new Map(), texts, local };
}

/** The texts of the path that parses the document and serializes each record. */
function serialized(text: string): [number | null, string][] {
  const doc = parseJson(text.replace(/^\ufeff/, ''));
  return Array.isArray(doc) ? doc.map((r, i) => [i, JSON.stringify(r)]) : [[null, JSON.stringify(doc)]];
}

// Ways a record can be written: its own canonical line, pretty-printed, keys reordered, escaped.
const layoutArb = fc.constantFrom('canonical', 'pretty', 'reordered', 'escaped', 'spaced');
function write(r: SignedPledge, layout: string): string {
  const line = canonicalize(r);
  if (layout === 'pretty') return JSON.stringify(r, null, 2);
  if (layout === 'reordered') return JSON.stringify(Object.fromEntries(Object.entries(r).reverse()));
  if (layout === 'escaped') return line.replace(/a/, '\\u0061');
  if (layout === 'spaced') return line.replace(/,/g, ', ');
  return line;
}

describe('JSON documents are parsed once', () => {
  it('hands on the texts of parse-and-serialize, for any layout (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: 2 }), layoutArb), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('', ' ', '\n', '\r\n\t '),
        async (items, array, bom, gap) => {
          const parts = items.map(([k, layout]) => write(records[k] as SignedPledge, layout));
          const body = array ? `[${gap}${parts.join(`${gap},${gap}`)}${gap}]` : (parts[0] as string);
          const text = `${bom ? '\ufeff' : ''}${gap}${body}${gap}`;
          const s = keepingSink();
          await feedDocument(new TextEncoder().encode(text), 'a.json', s);
          expect(s.local).toEqual([]);
          expect(s.texts).toEqual(serialized(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('slices records in canonical form instead of serializing them (JSON.stringify is not called)', async () => {
    const text = `[\n${records.map((r) => canonicalize(r)).join(',\n')}\n]\n`;
    const stringify = vi.spyOn(JSON, 'stringify');
    const s = keepingSink();
    await feedDocument(new TextEncoder().encode(text), 'a.json', s);
    expect(stringify).not.toHaveBeenCalled();
    stringify.mockRestore();
    expect(s.texts).toEqual(serialized(text));
  });

  it('parses a document on standard input once (it was parsed twice)', async () => {
    const text = JSON.stringify(records, null, 2);
    const parse = vi.spyOn(JSON, 'parse');
    const s = keepingSink();
    await feedSniffed(
      (async function* () {
        yield new TextEncoder().encode(text);
      })(),
      '-',
      s,
    );
    expect(parse.mock.calls.filter(([t]) => t === text)).toHaveLength(1);
    parse.mockRestore();
    expect(s.texts).toEqual(serialized(text));
  });

  it('keeps the errors of a bad document, as the file’s', async () => {
    const cases: [string, string][] = [
      ['[{"a":1,"a":2}]', 'ERR_JSON_INVALID:duplicate-key'],
      ['[{"a":1} {"b":2}]', 'ERR_JSON_INVALID:syntax'],
      ['[]', 'ERR_EMPTY_INPUT:'],
      [' \n', 'ERR_EMPTY_INPUT:'],
    ];
    for (const [text, want] of cases) {
      const s = keepingSink();
      await feedDocument(new TextEncoder().encode(text), 'a.json', s);
      expect(s.texts).toEqual([]);
      expect(s.local.map((o) => `${o.result.reason?.code}:${o.result.reason?.detail ?? ''}`)).toEqual([want]);
      expect(s.local[0]?.result.source).toEqual({ file: 'a.json' });
    }
    const s = keepingSink();
    await feedDocument(new Uint8Array([0x5b, 0xff, 0x5d]), 'a.json', s);
    expect(s.local.map((o) => [o.result.reason?.code, o.result.message.en])).toEqual([
      ['ERR_UTF8_INVALID', 'The text is not valid UTF-8.'],
    ]);
  });
});
