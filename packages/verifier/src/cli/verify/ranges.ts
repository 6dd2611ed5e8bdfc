/**
 * A regular JSONL file read by the workers themselves: the main thread only plans byte ranges
 * cut at line ends (one small read near each planned cut), and each worker reads its range into
 * a buffer of its own and runs the same job loop on it as on any run of complete lines. The
 * main thread no longer reads, copies or counts the file's bytes.
 *
 * - Ranges come from one `fstat` at open: bytes appended while the run goes on are not read;
 *   a file that became shorter than its range is `ERR_INPUT_UNREADABLE` (a short read), and so
 *   is a path that names another file by the time a worker opens it (replaced by a rename: its
 *   bytes at the planned offsets would be parts of other lines).
 * - Line numbers: a worker numbers its range's lines from `firstLine` (1 for the range at the
 *   file's start, so a BOM is dropped there only; 2 elsewhere) and says how many lines the
 *   range holds; the main thread, which emits in order, adds the lines before it
 *   ({@link createLineCursor}).
 * - A line too long for a range (a range would pass {@link MAX_RANGE_BYTES}) ends the planning:
 *   once every earlier range is emitted, the rest of the file is read by the library's JSONL
 *   reader (`feedJsonl`) from that line on, which skips a line over `MAX_LINE_BYTES` and
 *   verifies a huge one in the main thread, as for any stream. Every file ends with that reader
 *   (on no bytes, usually), which gives an input without records its `ERR_EMPTY_INPUT`.
 *
 * @module
 * @example
 * ```ts
 * await feedRanges(path, name, size, { sink: pool, counts, drain: pool.drain, nextLine: pool.nextLine, tail });
 * ```
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Job } from '../../jobs.js';
import type { FeedContext, JobSink } from '../../read-inputs.js';

/** A job naming a byte range of a file; the worker reads it ({@link createRangeReader}). */
export interface RangeJob {
  readonly seq: number;
  readonly kind: 'range';
  readonly file: string;
  readonly path: string;
  /** The file planned (device and inode, from the planner's `fstat`): a worker reads no other. */
  readonly identity: string;
  /** First byte of the range (a line's start). */
  readonly start: number;
  /** End of the range, exclusive (after a newline, or the file's size as planned). */
  readonly end: number;
  /** Number of the range's first line as the worker counts (see {@link createLineCursor}). */
  readonly firstLine: number;
}

/** What a worker says of a range it ran, beside its outcomes. */
export interface RangeAnswer {
  /** Newlines in the range: the lines before the next range. */
  readonly lines: number;
  readonly firstLine: number;
  /** The range starts the file. */
  readonly fromStart: boolean;
}

/** Bytes a range is planned to (a job: ~320 records of 3.3 KB, as the 1 MiB reads before). */
export const RANGE_BYTES: number = 1024 * 1024;
/** Longest range; a line that would make one longer is read by the stream reader. */
export const MAX_RANGE_BYTES: number = 4 * 1024 * 1024;
/** Bytes read per look for a line's end near a planned cut. */
const WINDOW_BYTES = 16 * 1024;

/** A range's read came short (the file shrank): the pool reports `ERR_INPUT_UNREADABLE`. */
export const SHORT_READ = 'ERR_INPUT_UNREADABLE';

/** How {@link feedRanges} plans (the defaults; tests use small ones). */
export interface RangePlan {
  readonly rangeBytes?: number;
  readonly maxRangeBytes?: number;
  readonly windowBytes?: number;
}

/** A sink that takes range jobs too (the command's pool). */
export interface RangeSink extends JobSink {
  submit(job: Job | RangeJob, options?: { inline?: boolean; transfer?: boolean }): Promise<void>;
}

/** What planning needs beside a reader's context. */
export interface RangeContext extends FeedContext {
  readonly sink: RangeSink;
  /** Resolves when every unit submitted so far has been emitted. */
  drain(): Promise<void>;
  /** After a drain: the number of the next line of the file being read. */
  nextLine(): number;
  /**
   * Reads bytes `[from, to)` of the file with the library's JSONL reader, its lines numbered
   * from `firstLine` (the caller's stream reader).
   */
  tail(from: number, to: number, firstLine: number): Promise<void>;
}

/** An error of the file system reading a range (the caller names the file). */
export class RangeReadError extends Error {
  readonly code = SHORT_READ;
}

/** A file's device and inode, as one text (either may pass 2^53). */
function identityOf(fd: number): string {
  const st = fstatSync(fd, { bigint: true });
  return `${st.dev}:${st.ino}`;
}

/** `f()`, its file system error as a {@link RangeReadError}. */
function fsCall<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    throw new RangeReadError(String((err as Error)?.message ?? err), { cause: err });
  }
}

/**
 * The newline-terminated end of the line holding byte `at`, searching at most up to `limit`.
 * @returns the offset after that newline; `size` if the file ends first; -1 past `limit`
 */
function lineEnd(fd: number, at: number, limit: number, size: number, window: Buffer): number {
  for (let pos = at; pos < size;) {
    if (pos >= limit) return -1;
    const want = Math.min(window.length, size - pos);
    const n = readSync(fd, window, 0, want, pos);
    if (n === 0) return size; // shorter than at open: the worker's read will say so
    const nl = window.indexOf(10);
    if (nl >= 0 && nl < n) return pos + nl + 1;
    pos += n;
  }
  return size;
}

/**
 * Plans a regular file's ranges and submits them, then reads what is left (nothing, or the rest
 * from a line too long for a range) with the stream reader.
 * @param path - the file
 * @param name - its name in sources
 * @param ctx - the pool as sink, counts, drain, the stream reader
 * @param plan - range sizes (defaults {@link RANGE_BYTES}, {@link MAX_RANGE_BYTES})
 * @returns when everything has been submitted
 * @throws whatever opening or reading the file throws (the caller names it)
 */
export async function feedRanges(path: string, name: string, ctx: RangeContext, plan: RangePlan = {}): Promise<void> {
  const rangeBytes = plan.rangeBytes ?? RANGE_BYTES;
  const maxRange = Math.max(rangeBytes, plan.maxRangeBytes ?? MAX_RANGE_BYTES);
  const window = Buffer.allocUnsafe(plan.windowBytes ?? WINDOW_BYTES);
  const fd = fsCall(() => openSync(path, 'r'));
  let pos = 0;
  let size: number;
  let identity: string;
  try {
    size = fsCall(() => fstatSync(fd).size);
    identity = fsCall(() => identityOf(fd));
    while (pos < size) {
      const at = pos;
      const end =
        at + rangeBytes >= size ? size : fsCall(() => lineEnd(fd, at + rangeBytes - 1, at + maxRange, size, window));
      if (end < 0 || end - pos > maxRange) break;
      await ctx.sink.submit({
        seq: ctx.sink.nextSeq(),
        kind: 'range',
        file: name,
        path,
        identity,
        start: pos,
        end,
        firstLine: pos === 0 ? 1 : 2,
      });
      pos = end;
    }
  } finally {
    closeSync(fd);
  }
  let firstLine = 1;
  if (pos > 0 && pos < size) {
    await ctx.drain();
    firstLine = ctx.nextLine();
  }
  await ctx.tail(pos, size, firstLine);
}

/**
 * The main thread's line count of the ranged file being emitted: a worker's line numbers are
 * its range's, this adds the lines of the ranges before.
 * @returns the cursor
 */
export function createLineCursor(): {
  /** @returns what to add to the range's line numbers (call in emission order) */
  place(answer: RangeAnswer): number;
  /** The number of the line after the last range placed. */
  next(): number;
} {
  let line = 1;
  return {
    place(a) {
      if (a.fromStart) line = 1;
      const delta = line - a.firstLine;
      line += a.lines;
      return delta;
    },
    next: () => line,
  };
}

function countNewlines(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * A worker's range reader: each range read with `pread` into a buffer kept for the next range
 * (a few when jobs overlap), from a descriptor opened for the job.
 * @returns `read` (the range's bytes and its answer) and `release` (the buffer is free again)
 */
export function createRangeReader(): {
  read(job: RangeJob): { data: Buffer; answer: RangeAnswer };
  release(data: Buffer): void;
} {
  const free: Buffer[] = [];
  return {
    read(job) {
      const len = job.end - job.start;
      let buf = free.pop();
      if (buf === undefined || buf.length < len)
        buf = Buffer.allocUnsafeSlow(Math.max(len, RANGE_BYTES + WINDOW_BYTES));
      const fd = fsCall(() => openSync(job.path, 'r'));
      let got = 0;
      try {
        if (fsCall(() => identityOf(fd)) !== job.identity)
          throw new RangeReadError(`${job.path} is no longer the file planned (replaced during the run)`);
        while (got < len) {
          const at = got;
          const n = fsCall(() => readSync(fd, buf, at, len - at, job.start + at));
          if (n === 0) break;
          got += n;
        }
      } finally {
        closeSync(fd);
      }
      if (got < len) throw new RangeReadError(`short read: ${got} of ${len} bytes at ${job.start}`);
      const data = buf.subarray(0, len);
      return { data, answer: { lines: countNewlines(data), firstLine: job.firstLine, fromStart: job.start === 0 } };
    },
    release(data) {
      // `allocUnsafeSlow`: the buffer is its memory's only view, whole from offset 0.
      free.push(Buffer.from(data.buffer as ArrayBuffer));
    },
  };
}
