/**
 * Reading inputs, in one place for `ikrar-verify` and for browsers (`<ikrar-verifikasi>`): turns
 * byte streams into {@link Job}s for a {@link JobSink} (the command's worker-thread pool, a page's
 * Web Worker pool, or an in-thread runner). `.jsonl` is streamed in complete-line runs (constant
 * memory; a line longer than the limit is skipped, not buffered, and reported as malformed),
 * `.json` documents are read whole (one record or an array), `.pdf` files give their embedded
 * record, a stream of unknown type (standard input) is sniffed. Also the texts beside the records:
 * a trust store, status list credentials. No `node:` import: bytes come as `Uint8Array` chunks from
 * any async iterable or a Web `ReadableStream` (`File.stream()`).
 *
 * @module
 * @example
 * ```ts
 * import { feedBlob } from '@ikrar/verifier';
 * for (const file of input.files) await feedBlob(file, { sink, counts });
 * ```
 */
import { isIkrarError, parseJson } from '@ikrar/core';
import type { Reason } from '@ikrar/core/errors';
import { StatusListInvalidError, TrustStoreInvalidError, type VerifierMessage } from './errors.js';
import { createLineScanner } from './internal/canonical-line.js';
import { MAX_RECORD_CHARS } from './internal/limits.js';
import { malformedOutcome } from './internal/outcome.js';
import type { Job } from './jobs.js';
import { recordFromPdf } from './pdf-record.js';
import type { StatusListInput, StatusLists } from './status-lists.js';
import type { StrictVerify } from './strict-signature.js';
import { parseTrustStore, type TrustStore } from './trust-store.js';
import type { RecordReason } from './verdicts.js';
import type { RecordOutcome } from './verify-record.js';

/** Longest line kept in memory, in bytes; a longer one is skipped and reported. */
export const MAX_LINE_BYTES: number = MAX_RECORD_CHARS;
/** Largest `.json` document or `.pdf` read whole, in bytes. */
export const MAX_DOCUMENT_BYTES: number = 64 * 1024 * 1024;
/** Default of {@link FeedContext.maxJobBytes}. */
export const DEFAULT_MAX_JOB_BYTES: number = 4 * 1024 * 1024;
/** Records per job for `.json` arrays. */
const TEXTS_PER_JOB = 256;

/**
 * Where jobs go. Outcomes must be emitted in sequence order: a job or a local unit holds its
 * place by its `seq`.
 */
export interface JobSink {
  /** Next sequence number, for a job or a local unit. */
  nextSeq(): number;
  /**
   * Queues a job; resolves once there is room for another (backpressure). `inline`: a job larger
   * than {@link FeedContext.maxJobBytes}, to run in the sink's own thread. `transfer`: the buffer
   * behind the job's bytes (made here, or an owned chunk) is the job's alone: the sink may move
   * it to a worker (the bytes may be a view of part of it).
   */
  submit(job: Job, options?: { inline?: boolean; transfer?: boolean }): Promise<void>;
  /** Queues outcomes computed when all earlier units have been emitted. */
  local(seq: number, make: () => RecordOutcome[]): void;
}

/** What feeding needs. */
export interface FeedContext {
  readonly sink: JobSink;
  /** Outcomes emitted per input name, filled by the caller's emitter: an input with none is `ERR_EMPTY_INPUT`. */
  readonly counts: ReadonlyMap<string, number>;
  /** Jobs larger than this are submitted `inline`. Default {@link DEFAULT_MAX_JOB_BYTES}. */
  readonly maxJobBytes?: number;
  /**
   * The chunks are fresh buffers that nothing else holds (a file read stream's), so a job may
   * carry a chunk's own buffer and the sink may move it to a worker instead of copying it.
   * Default `false`: chunks are only read.
   */
  readonly ownChunks?: boolean;
  /**
   * Number of a JSONL stream's first line. Default 1; more when the stream is the rest of a
   * file from one of its lines on (a byte order mark is dropped only on line 1).
   */
  readonly firstLine?: number;
}

/** The type of an input file by its name, or `null` for another extension. */
export type InputKind = 'jsonl' | 'json' | 'pdf';

/** Messages for inputs that hold no record, in both languages. */
export const INPUT_MESSAGES: {
  readonly emptyFile: VerifierMessage;
  readonly tooLarge: VerifierMessage;
  readonly badUtf8: VerifierMessage;
} = {
  emptyFile: { id: 'Berkas kosong.', en: 'The file is empty.' },
  tooLarge: { id: 'Baris atau berkas terlalu besar.', en: 'The line or file is too large.' },
  badUtf8: { id: 'Teks bukan UTF-8 yang sah.', en: 'The text is not valid UTF-8.' },
};

/**
 * The input type of a file name: `.jsonl`/`.ndjson`, `.json`, `.pdf` (any case).
 * @param name - a file name or path
 * @returns the kind, or `null`
 * @example inputKind('ekspor.JSONL') // 'jsonl'
 */
export function inputKind(name: string): InputKind | null {
  const dot = name.lastIndexOf('.');
  const ext = dot < 0 || /[/\\]/.test(name.slice(dot)) ? '' : name.slice(dot).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (ext === '.pdf') return 'pdf';
  return null;
}

/**
 * Joins byte chunks into one new buffer (owned by the caller).
 * @param parts - chunks
 * @returns their concatenation
 * @example concatBytes([a, b]).length === a.length + b.length
 */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The chunks of a Web `ReadableStream` (or any async iterable) as an async iterable; the reader
 * is released (the stream cancelled) when the loop stops early.
 * @param stream - `File.stream()`, a `fetch` body, or an async iterable
 * @returns the chunks
 * @example for await (const c of chunksOf(file.stream())) n += c.length;
 */
export async function* chunksOf(
  stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array, void, undefined> {
  if (!('getReader' in stream)) {
    yield* stream;
    return;
  }
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) {
        done = true;
        return;
      }
      yield r.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

function countNewlines(b: Uint8Array): number {
  let n = 0;
  let i = b.indexOf(10);
  while (i >= 0) {
    n++;
    i = b.indexOf(10, i + 1);
  }
  return n;
}

function localMalformed(
  ctx: FeedContext,
  reason: RecordReason,
  source: { file: string; line?: number },
  message?: VerifierMessage,
): void {
  ctx.sink.local(ctx.sink.nextSeq(), () => [malformedOutcome(reason, source, message)]);
}

/** An empty input is not "all valid": DESIGN.md makes it a malformed verdict. */
function checkEmpty(ctx: FeedContext, name: string): void {
  ctx.sink.local(ctx.sink.nextSeq(), (): RecordOutcome[] =>
    (ctx.counts.get(name) ?? 0) === 0
      ? [malformedOutcome({ code: 'ERR_EMPTY_INPUT' }, { file: name }, INPUT_MESSAGES.emptyFile)]
      : [],
  );
}

/**
 * Feeds a JSONL stream in runs of complete lines (each chunk's whole lines become one job).
 * @param chunks - the bytes
 * @param name - the input's name, for sources
 * @param ctx - sink and counts
 * @returns when everything has been submitted
 * @example await feedJsonl(chunksOf(file.stream()), file.name, ctx)
 */
export async function feedJsonl(chunks: AsyncIterable<Uint8Array>, name: string, ctx: FeedContext): Promise<void> {
  const maxJob = ctx.maxJobBytes ?? DEFAULT_MAX_JOB_BYTES;
  let line = ctx.firstLine ?? 1;
  let carry: Uint8Array[] = [];
  let carryLen = 0;
  let skipping = false;
  // `owned`: the buffer behind `data` is ours alone (made here, or a chunk given with `ownChunks`),
  // so the sink may move it.
  const submit = async (data: Uint8Array, owned: boolean): Promise<void> => {
    const lines = countNewlines(data);
    await ctx.sink.submit(
      { seq: ctx.sink.nextSeq(), kind: 'lines', file: name, firstLine: line, data },
      { inline: data.length > maxJob, transfer: owned },
    );
    line += lines;
  };
  for await (const chunk of chunks) {
    let start = 0;
    if (skipping) {
      const nl = chunk.indexOf(10);
      if (nl < 0) continue;
      skipping = false;
      localMalformed(ctx, { code: 'ERR_LINE_TOO_LONG' }, { file: name, line }, INPUT_MESSAGES.tooLarge);
      line++;
      start = nl + 1;
    }
    const last = chunk.lastIndexOf(10);
    if (last < start) {
      carry.push(chunk.subarray(start));
      carryLen += chunk.length - start;
      if (carryLen > MAX_LINE_BYTES) {
        carry = [];
        carryLen = 0;
        skipping = true;
      }
      continue;
    }
    // The line begun in earlier chunks, completed: the only bytes copied (no copy of the whole read).
    if (carryLen) {
      const nl = chunk.indexOf(10, start);
      await submit(concatBytes([...carry, chunk.subarray(start, nl + 1)]), true);
      start = nl + 1;
    }
    const own =
      ctx.ownChunks === true &&
      chunk.byteOffset === 0 &&
      chunk.byteLength === chunk.buffer.byteLength &&
      chunk.buffer instanceof ArrayBuffer;
    // The tail is kept apart (copied when the chunk's buffer may move away with its job; not
    // with `slice`, which is a view on a Node Buffer).
    const tail = chunk.subarray(last + 1);
    carry = tail.length ? [own ? new Uint8Array(tail) : tail] : [];
    carryLen = chunk.length - (last + 1);
    if (last + 1 > start) await submit(chunk.subarray(start, last + 1), own);
  }
  if (skipping) localMalformed(ctx, { code: 'ERR_LINE_TOO_LONG' }, { file: name, line }, INPUT_MESSAGES.tooLarge);
  else if (carryLen) await submit(concatBytes(carry), true);
  checkEmpty(ctx, name);
}

/** Where the document's value is, in its bytes: the value, or (for an array) each element. */
function valueSpans(b: Uint8Array, array: boolean): number[] {
  const ws = (c: number | undefined): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0; // a BOM, as the decoder drops it
  while (ws(b[i])) i++;
  if (!array) {
    let end = b.length;
    while (end > i && ws(b[end - 1])) end--;
    return [i, end];
  }
  const spans: number[] = [];
  i++; // [
  for (;;) {
    while (ws(b[i])) i++;
    if (b[i] === 0x5d || i >= b.length) return spans;
    const start = i;
    let depth = 0;
    while (i < b.length) {
      const c = b[i] as number;
      if (c === 0x22) {
        for (i++; b[i] !== 0x22; i++) if (b[i] === 0x5c) i++;
        i++;
        if (depth === 0) break;
      } else if (c === 0x7b || c === 0x5b) {
        depth++;
        i++;
      } else if (c === 0x7d || c === 0x5d) {
        if (depth === 0) break;
        depth--;
        i++;
        if (depth === 0) break;
      } else if (depth === 0 && (c === 0x2c || ws(c))) break;
      else i++;
    }
    spans.push(start, i);
    while (ws(b[i])) i++;
    if (b[i] === 0x2c) i++;
  }
}

/**
 * Feeds one JSON document: a record, or an array of records. The document is parsed once, here
 * (its errors are the file's); a record already in its RFC 8785 form (as core writes records)
 * goes to the verifier as the text it is in the file, any other as `JSON.stringify` writes it:
 * the same text either way, without serializing it again.
 * @param bytes - the whole document
 * @param name - the input's name
 * @param ctx - sink and counts
 * @returns when everything has been submitted
 * @example await feedDocument(bytes, 'rekaman.json', ctx)
 */
export async function feedDocument(bytes: Uint8Array, name: string, ctx: FeedContext): Promise<void> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return localMalformed(ctx, { code: 'ERR_UTF8_INVALID' }, { file: name }, INPUT_MESSAGES.badUtf8);
  }
  return feedDecoded(bytes, text, undefined, name, ctx);
}

/** {@link feedDocument} after its decoding; `parsed`: the document, when the caller parsed `text`. */
async function feedDecoded(
  bytes: Uint8Array,
  text: string,
  parsed: { readonly doc: unknown } | undefined,
  name: string,
  ctx: FeedContext,
): Promise<void> {
  const maxJob = ctx.maxJobBytes ?? DEFAULT_MAX_JOB_BYTES;
  if (text.trim() === '')
    return localMalformed(ctx, { code: 'ERR_EMPTY_INPUT' }, { file: name }, INPUT_MESSAGES.emptyFile);
  let doc: unknown;
  if (parsed) doc = parsed.doc;
  else {
    try {
      doc = parseJson(text, { maxLength: MAX_DOCUMENT_BYTES });
    } catch (err) {
      if (isIkrarError(err) && err.code === 'ERR_JSON_INVALID') {
        return localMalformed(ctx, { code: 'ERR_JSON_INVALID', detail: err.reason }, { file: name }, err.messages);
      }
      return localMalformed(ctx, { code: 'ERR_JSON_INVALID' }, { file: name });
    }
  }
  const array = Array.isArray(doc);
  const values: readonly unknown[] = array ? (doc as unknown[]) : [doc];
  if (array && values.length === 0)
    return localMalformed(ctx, { code: 'ERR_EMPTY_INPUT' }, { file: name }, INPUT_MESSAGES.emptyFile);
  // The document is valid JSON: its values are found by brackets and quotes alone.
  const spans = valueSpans(bytes, array);
  const scan = createLineScanner(64);
  const utf8 = new TextDecoder();
  const textOf = (i: number): string => {
    const at = spans.length === values.length * 2 ? bytes.subarray(spans[2 * i], spans[2 * i + 1]) : undefined;
    return at && scan(at) ? utf8.decode(at) : JSON.stringify(values[i]);
  };
  if (!array) {
    await ctx.sink.submit({ seq: ctx.sink.nextSeq(), kind: 'texts', file: name, texts: [textOf(0)], indices: [null] });
    return;
  }
  for (let i = 0; i < values.length; i += TEXTS_PER_JOB) {
    const texts: string[] = [];
    const indices: number[] = [];
    let size = 0;
    for (let j = i; j < Math.min(values.length, i + TEXTS_PER_JOB); j++) {
      const t = textOf(j);
      texts.push(t);
      indices.push(j);
      size += t.length;
    }
    await ctx.sink.submit(
      { seq: ctx.sink.nextSeq(), kind: 'texts', file: name, texts, indices },
      { inline: size > maxJob },
    );
  }
}

/**
 * Feeds the record embedded in an Ikrar PDF certificate (`@ikrar/core/pdf`, loaded on the first PDF).
 * @param bytes - the whole PDF
 * @param name - the input's name
 * @param ctx - sink and counts
 * @returns when the record has been submitted (or a malformed verdict queued)
 * @example await feedPdf(bytes, 'sertifikat.pdf', ctx)
 */
export async function feedPdf(bytes: Uint8Array, name: string, ctx: FeedContext): Promise<void> {
  if (bytes.length === 0)
    return localMalformed(ctx, { code: 'ERR_EMPTY_INPUT' }, { file: name }, INPUT_MESSAGES.emptyFile);
  const got = await recordFromPdf(bytes);
  if ('reason' in got) return localMalformed(ctx, got.reason, { file: name }, got.message);
  // The embedded text as it is: the job's verifier parses it, once (its JSON errors are the record's).
  const text = got.text;
  await ctx.sink.submit(
    { seq: ctx.sink.nextSeq(), kind: 'texts', file: name, texts: [text], indices: [null] },
    { inline: text.length > (ctx.maxJobBytes ?? DEFAULT_MAX_JOB_BYTES) },
  );
}

/**
 * Feeds a stream of unknown type (standard input): JSONL, or one JSON document when its first
 * non-blank line is not a whole JSON value (a pretty-printed document, gathered up to
 * {@link MAX_DOCUMENT_BYTES}; if it is not one JSON value after all, it is read as JSONL).
 * @param chunks - the bytes
 * @param name - the input's name (`-` for standard input)
 * @param ctx - sink and counts
 * @returns when everything has been submitted
 * @example await feedSniffed(process.stdin, '-', ctx)
 */
export async function feedSniffed(chunks: AsyncIterable<Uint8Array>, name: string, ctx: FeedContext): Promise<void> {
  const it = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLen = 0;
  let ended = false;
  const utf8 = new TextDecoder();
  // Read until the first non-blank line is complete.
  let firstLine: string | null = null;
  while (firstLine === null) {
    const r = await it.next();
    if (r.done) {
      ended = true;
      break;
    }
    head.push(r.value);
    headLen += r.value.length;
    const all = concatBytes(head);
    let from = 0;
    for (;;) {
      const nl = all.indexOf(10, from);
      if (nl < 0) break;
      const l = utf8.decode(all.subarray(from, nl)).trim();
      if (l !== '') {
        firstLine = l;
        break;
      }
      from = nl + 1;
    }
    if (headLen > MAX_LINE_BYTES) break;
  }
  let documentMode = false;
  if (firstLine !== null) {
    try {
      JSON.parse(firstLine);
    } catch {
      documentMode = true;
    }
  } else documentMode = ended; // everything arrived without a newline: one document (or garbage)
  const rest = async function* (): AsyncGenerator<Uint8Array> {
    for (const h of head) yield h;
    if (ended) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  };
  if (!documentMode) return feedJsonl(rest(), name, ctx);
  const parts: Uint8Array[] = [];
  let len = 0;
  const source = rest();
  for await (const c of source) {
    parts.push(c);
    len += c.length;
    if (len > MAX_DOCUMENT_BYTES) {
      const more = async function* (): AsyncGenerator<Uint8Array> {
        yield* parts;
        yield* source;
      };
      return feedJsonl(more(), name, ctx);
    }
  }
  const all = concatBytes(parts);
  let strict: string | undefined;
  try {
    strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(all);
  } catch {
    strict = undefined; // not UTF-8: a document or blank text is malformed as a whole, below
  }
  const text = strict ?? utf8.decode(all);
  let parsed: { doc: unknown } | undefined;
  try {
    parsed = { doc: parseJson(text, { maxLength: MAX_DOCUMENT_BYTES }) };
  } catch {
    parsed = undefined;
  }
  // A document is read once: the value parsed here is the one verified.
  if (strict !== undefined && (parsed || text.trim() === '')) return feedDecoded(all, text, parsed, name, ctx);
  if (parsed || text.trim() === '') return feedDocument(all, name, ctx);
  const once = async function* (): AsyncGenerator<Uint8Array> {
    yield all;
  };
  return feedJsonl(once(), name, ctx);
}

/** A file as browsers give it (`File`), or anything with a name, a size and a byte stream. */
export interface BlobInput {
  readonly name: string;
  readonly size: number;
  stream(): ReadableStream<Uint8Array>;
}

/**
 * Feeds one whole input by its kind: JSONL streamed, JSON and PDF read whole (at most
 * {@link MAX_DOCUMENT_BYTES}; larger is an `ERR_INPUT_TOO_LARGE` malformed verdict).
 * @param kind - from {@link inputKind}; another extension is read as JSONL
 * @param name - the input's name
 * @param size - its size in bytes, when known
 * @param open - opens its bytes
 * @param ctx - sink and counts
 * @returns when everything has been submitted
 * @throws whatever `open` or the stream throws (the caller turns it into its own error)
 * @example await feedInput('json', 'a.json', 120, () => chunksOf(file.stream()), ctx)
 */
export async function feedInput(
  kind: InputKind | null,
  name: string,
  size: number | undefined,
  open: () => AsyncIterable<Uint8Array>,
  ctx: FeedContext,
): Promise<void> {
  if (kind === null || kind === 'jsonl') return feedJsonl(open(), name, ctx);
  if (size !== undefined && size > MAX_DOCUMENT_BYTES) {
    return localMalformed(ctx, { code: 'ERR_INPUT_TOO_LARGE' }, { file: name }, INPUT_MESSAGES.tooLarge);
  }
  const parts: Uint8Array[] = [];
  let len = 0;
  for await (const c of open()) {
    parts.push(c);
    len += c.length;
    if (len > MAX_DOCUMENT_BYTES) {
      return localMalformed(ctx, { code: 'ERR_INPUT_TOO_LARGE' }, { file: name }, INPUT_MESSAGES.tooLarge);
    }
  }
  const bytes = parts.length === 1 ? (parts[0] as Uint8Array) : concatBytes(parts);
  if (kind === 'json') return feedDocument(bytes, name, ctx);
  return feedPdf(bytes, name, ctx);
}

/**
 * Feeds a browser `File` (or any {@link BlobInput}) by its extension, streamed with `stream()`.
 * @param file - the file
 * @param ctx - sink and counts
 * @returns when everything has been submitted
 * @example for (const f of input.files) await feedBlob(f, ctx)
 */
export function feedBlob(file: BlobInput, ctx: FeedContext): Promise<void> {
  return feedInput(inputKind(file.name), file.name, file.size, () => chunksOf(file.stream()), ctx);
}

function parseOrThrow(text: string, fail: (m: VerifierMessage, reason: Reason) => Error): unknown {
  try {
    return parseJson(text);
  } catch (err) {
    if (isIkrarError(err)) {
      throw fail(
        err.messages,
        err.code === 'ERR_JSON_INVALID' ? { code: err.code, detail: err.reason } : { code: err.code },
      );
    }
    throw fail({ id: String(err), en: String(err) }, { code: 'ERR_JSON_INVALID' });
  }
}

/**
 * Reads a trust store from its JSON text (strict JSON: duplicate keys refused).
 * @param text - the text of `trust.json`
 * @returns the trust store
 * @throws {TrustStoreInvalidError} `ERR_TRUST_STORE_INVALID` for bad JSON or a bad store
 * @example readTrustStore(await file.text())
 */
export function readTrustStore(text: string): TrustStore {
  const json = parseOrThrow(
    text,
    (m) =>
      new TrustStoreInvalidError('$', {
        id: `Daftar kepercayaan bukan JSON yang sah: ${m.id}`,
        en: `Trust store is not valid JSON: ${m.en}`,
      }),
  );
  return parseTrustStore(json);
}

/**
 * Reads saved status list credentials (each text one credential or an array of them), verifies
 * them against the trust store and decodes each list once (`loadStatusLists`).
 * @param files - each file's name and text
 * @param trustStore - the trust store
 * @param verifySignature - the run's strict signature check
 * @returns the lists by `id`
 * @throws {StatusListInvalidError} `ERR_STATUS_LIST_INVALID` for bad JSON or a list that cannot be used
 * @example await readStatusLists([{ name: 'status-1.json', text }], trustStore)
 */
export async function readStatusLists(
  files: readonly { readonly name: string; readonly text: string }[],
  trustStore: TrustStore,
  verifySignature?: StrictVerify,
): Promise<StatusLists> {
  const inputs: StatusListInput[] = [];
  for (const { name, text } of files) {
    const json = parseOrThrow(
      text,
      (m, reason) =>
        new StatusListInvalidError(name, reason, {
          id: `Daftar status ${name} bukan JSON yang sah: ${m.id}`,
          en: `Status list ${name} is not valid JSON: ${m.en}`,
        }),
    );
    if (Array.isArray(json)) json.forEach((credential, i) => inputs.push({ credential, source: `${name}[${i}]` }));
    else inputs.push({ credential: json, source: name });
  }
  // Loaded here: the status lists' checks (core's status and crypto) only for a run that has lists.
  const { loadStatusLists } = await import('./status-lists.js');
  return loadStatusLists(inputs, { trustStore, ...(verifySignature && { verifySignature }) });
}
