/**
 * Read buffers shared with the worker threads. A JSONL file is read into fixed slabs of shared
 * memory (`SharedArrayBuffer`), and a job is a view of a run of complete lines in one: the worker
 * reads the lines where they are (no copy, no transfer), and the slab is read into again once
 * every job that holds it has been answered. A fresh buffer per read would cost a large
 * allocation, its page faults and its release on the worker every 160 records or so.
 *
 * The reader holds the slab it takes until it has read past it; each job holds its slab from
 * `submit` until its outcomes arrive (the pool calls {@link Slabs.hold} and {@link Slabs.release}).
 * A slab nobody holds is taken again. Backpressure (at most three jobs per worker not yet
 * emitted) bounds how many there are.
 *
 * @module
 * @example
 * ```ts
 * const slabs = createSlabs(512 * 1024);
 * const slab = slabs.take(); // a Buffer over shared memory, held by the reader
 * slabs.hold(slab.buffer); // a job's
 * slabs.release(slab.buffer); // the reader's; the job's when it is answered
 * ```
 */

/** The slabs of one run; see {@link createSlabs}. */
export interface Slabs {
  /** Size of each slab, in bytes. */
  readonly size: number;
  /** A slab nobody holds, or a new one, held once (by the caller, who releases it when done). */
  take(): Buffer;
  /** One more holder of the slab behind `buffer` (a no-op for memory that is not a slab). */
  hold(buffer: ArrayBufferLike): void;
  /** One holder fewer: the slab is taken again when none is left. */
  release(buffer: ArrayBufferLike): void;
}

/**
 * Creates an empty set of slabs.
 * @param size - bytes per slab
 * @returns a {@link Slabs}
 * @example createSlabs(512 * 1024).take().length // 524288
 */
export function createSlabs(size: number): Slabs {
  const held = new Map<ArrayBufferLike, { readonly slab: Buffer; holders: number }>();
  const free: Buffer[] = [];
  return {
    size,
    take() {
      const slab = free.pop() ?? Buffer.from(new SharedArrayBuffer(size));
      held.set(slab.buffer, { slab, holders: 1 });
      return slab;
    },
    hold(buffer) {
      const h = held.get(buffer);
      if (h) h.holders++;
    },
    release(buffer) {
      const h = held.get(buffer);
      if (!h || --h.holders > 0) return;
      held.delete(buffer);
      free.push(h.slab);
    },
  };
}
