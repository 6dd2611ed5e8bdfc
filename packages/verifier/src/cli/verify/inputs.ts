/**
 * The command's side of reading inputs: names on the command line become {@link InputSpec}s
 * (directories walked for `.jsonl`, `.json` and `.pdf`, sorted), and each is opened as a byte
 * stream and handed to the library's one reader (`read-inputs.ts`, shared with browsers), which
 * makes the jobs. Only the file system is here.
 *
 * @module
 * @example
 * ```ts
 * const specs = await expandInputs(['exports/', '-'], t);
 * for (const s of specs) await feedSpec(s, ctx, process.stdin);
 * ```
 */
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { InputUnreadableError } from '../../errors.js';
import { feedInput, feedJsonl, feedSniffed, inputKind, type FeedContext, type InputKind } from '../../read-inputs.js';
import type { Lang } from './messages.js';
import { MESSAGES } from './messages.js';
import { feedRanges, RangeReadError, type RangePlan, type RangeSink } from './ranges.js';
import type { Slabs } from './slabs.js';

export { MAX_DOCUMENT_BYTES, MAX_LINE_BYTES } from '../../read-inputs.js';

/** One input: standard input, or a file of a known type. */
export type InputSpec =
  | { readonly kind: 'stdin'; readonly name: string }
  | { readonly kind: InputKind; readonly name: string; readonly path: string };

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && inputKind(p)) out.push(p);
  }
}

function unreadable(name: string, err: unknown): InputUnreadableError {
  return new InputUnreadableError(
    { id: MESSAGES.id.unreadable(name), en: MESSAGES.en.unreadable(name) },
    { cause: err },
  );
}

/**
 * Checks every input exists before any work starts (a missing one is a usage/I/O error, exit 2).
 * @param args - paths, directories, `-`
 * @param lang - for messages
 * @returns the inputs in order (directories expanded, sorted)
 * @throws {InputUnreadableError} `ERR_INPUT_UNREADABLE` for a missing or unreadable path
 * @example await expandInputs(['a.jsonl'], 'id')
 */
export async function expandInputs(args: readonly string[], lang: Lang): Promise<InputSpec[]> {
  void lang; // messages are bilingual objects
  const specs: InputSpec[] = [];
  for (const a of args) {
    if (a === '-') {
      specs.push({ kind: 'stdin', name: '-' });
      continue;
    }
    let st;
    try {
      st = await stat(a);
    } catch (err) {
      const code = (err as { code?: string }).code;
      const m =
        code === 'ENOENT'
          ? { id: MESSAGES.id.notFound(a), en: MESSAGES.en.notFound(a) }
          : { id: MESSAGES.id.unreadable(a), en: MESSAGES.en.unreadable(a) };
      throw new InputUnreadableError(m, { cause: err });
    }
    if (st.isDirectory()) {
      const files: string[] = [];
      try {
        await walk(a, files);
      } catch (err) {
        throw unreadable(a, err);
      }
      for (const f of files) specs.push({ kind: inputKind(f) as InputKind, name: f, path: f });
    } else {
      // An explicitly named file of another extension is read as JSONL (one record per line).
      specs.push({ kind: inputKind(a) ?? 'jsonl', name: a, path: a });
    }
  }
  return specs;
}

async function* streamFile(p: string, name: string): AsyncGenerator<Uint8Array> {
  const s = createReadStream(p, { highWaterMark: 512 * 1024 });
  try {
    for await (const chunk of s) yield chunk as Buffer;
  } catch (err) {
    throw unreadable(name, err);
  } finally {
    s.destroy();
  }
}

async function* readWhole(p: string, name: string): AsyncGenerator<Uint8Array> {
  try {
    yield await readFile(p);
  } catch (err) {
    throw unreadable(name, err);
  }
}

/**
 * Bytes `[from, to)` of a JSONL file (all of it by default) as runs of complete lines, each read
 * into a shared slab (see `slabs.ts`): the part of a line a read ends in is moved to the start of
 * the next slab, so every run ends with a newline and one read makes one job. A line longer than
 * a slab comes as copies of its parts (the reader carries them, as from any stream), the last
 * line without a newline as a copy.
 */
async function* readLineRuns(
  p: string,
  name: string,
  slabs: Slabs,
  from = 0,
  to = Infinity,
): AsyncGenerator<Uint8Array> {
  let fh: FileHandle;
  try {
    fh = await open(p, 'r');
  } catch (err) {
    throw unreadable(name, err);
  }
  let slab = slabs.take();
  let have = 0;
  let pos = from;
  const whole = from === 0 && to === Infinity;
  try {
    for (;;) {
      let n: number;
      try {
        const want = Math.min(slab.length - have, to - pos);
        // A whole input is read on from where it is (a pipe named on the command line has no
        // positions); a part of a regular file from its offset.
        n = want > 0 ? (await fh.read(slab, have, want, whole ? null : pos)).bytesRead : 0;
      } catch (err) {
        throw unreadable(name, err);
      }
      pos += n;
      if (n === 0) {
        if (have) yield new Uint8Array(slab.subarray(0, have));
        return;
      }
      const end = have + n;
      const last = slab.lastIndexOf(10, end - 1);
      if (last < 0) {
        have = end;
        if (end < slab.length) continue;
        yield new Uint8Array(slab);
        have = 0;
        continue;
      }
      yield slab.subarray(0, last + 1);
      const next = slabs.take();
      slab.copy(next, 0, last + 1, end);
      have = end - last - 1;
      slabs.release(slab.buffer);
      slab = next;
    }
  } finally {
    slabs.release(slab.buffer);
    await fh.close();
  }
}

async function* noChunks(): AsyncGenerator<Uint8Array> {}

/** The pool's side of reading a regular JSONL file by ranges in the workers (`ranges.ts`). */
export interface RangeFeed {
  readonly sink: RangeSink;
  drain(): Promise<void>;
  nextLine(): number;
  /** Range sizes (tests). */
  readonly plan?: RangePlan;
}

/**
 * Feeds one input to the pool through the library's reader.
 * @param spec - from {@link expandInputs}
 * @param ctx - sink (the pool), counts, and the slabs JSONL files are read into (without them,
 *   a file is read in fresh 512 KiB buffers that jobs carry to the workers)
 * @param stdin - standard input stream, or a function that gives it (called only for `-`: Node
 *   makes `process.stdin`, a stream and its handle, when it is first read)
 * @returns when everything has been submitted
 * @throws {InputUnreadableError} when a file cannot be read
 * @example await feedSpec(spec, { sink: pool, counts }, () => process.stdin)
 */
export async function feedSpec(
  spec: InputSpec,
  ctx: FeedContext & { readonly slabs?: Slabs; readonly ranges?: RangeFeed },
  stdin: AsyncIterable<Uint8Array> | (() => AsyncIterable<Uint8Array>),
): Promise<void> {
  if (spec.kind === 'stdin') return feedSniffed(typeof stdin === 'function' ? stdin() : stdin, spec.name, ctx);
  let size: number;
  let regular: boolean;
  try {
    const st = await stat(spec.path);
    size = st.size;
    regular = st.isFile();
  } catch (err) {
    throw unreadable(spec.name, err);
  }
  const slabs = ctx.slabs;
  const ranges = ctx.ranges;
  if (spec.kind === 'jsonl' && slabs && ranges && regular) {
    // The workers read the file; what is left after the ranges (nothing, or the rest from a
    // line too long for one) goes through the stream reader, which also checks for no records.
    const tail = (from: number, to: number, firstLine: number): Promise<void> =>
      feedJsonl(from < to ? readLineRuns(spec.path, spec.name, slabs, from, to) : noChunks(), spec.name, {
        ...ctx,
        ownChunks: true,
        firstLine,
      });
    try {
      return await feedRanges(
        spec.path,
        spec.name,
        { ...ctx, sink: ranges.sink, drain: ranges.drain, nextLine: ranges.nextLine, tail },
        ranges.plan,
      );
    } catch (err) {
      throw err instanceof RangeReadError ? unreadable(spec.name, err.cause) : err;
    }
  }
  if (spec.kind === 'jsonl' && slabs)
    return feedInput('jsonl', spec.name, size, () => readLineRuns(spec.path, spec.name, slabs), {
      ...ctx,
      ownChunks: true,
    });
  if (spec.kind === 'jsonl')
    // A file stream's chunks are fresh buffers: jobs may carry them to workers without a copy.
    return feedInput('jsonl', spec.name, size, () => streamFile(spec.path, spec.name), { ...ctx, ownChunks: true });
  // A document is read whole (the reader refuses one over its limit by `size` first), in one
  // Buffer: no copy to join chunks, and searches in it are memchr.
  return feedInput(spec.kind, spec.name, size, () => readWhole(spec.path, spec.name), ctx);
}
