/**
 * A second SQLite connection on a worker thread that writes batches of statements, each batch in
 * one transaction. With `synchronous=FULL` a commit waits for the disk (fsync), and better-sqlite3
 * waits on the calling thread: on the service's thread that stalls every request for the length
 * of the flush. Here the flush blocks only the worker, while the service keeps checking and
 * signing the next requests (which then form the next batch). A batch's promise resolves after its
 * COMMIT returned, so a record is on disk before anyone is answered.
 *
 * File databases only (a `:memory:` database cannot be shared between connections).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** One statement of a batch; `ifUnchanged` runs when it wrote no row, and its first row is returned. */
export interface BatchStatement {
  sql: string;
  params: unknown[];
  ifUnchanged?: { sql: string; params: unknown[] };
}

/** What one statement did, or why it failed (the others of its batch still run). */
export type BatchOutcome = { changes: number; row?: Record<string, unknown> } | { error: Error };

interface WireError {
  name: string;
  message: string;
  code?: string;
}

export interface BatchWriter {
  /** Runs the statements in one transaction; resolves once it is committed. */
  write(statements: BatchStatement[]): Promise<BatchOutcome[]>;
  /** Waits for the batches in flight, then stops the worker. */
  close(): Promise<void>;
}

// CommonJS, evaluated by the worker: no separate file to find in dist/ or in src/ under tests.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
const cache = new Map();
const prepare = (sql) => {
  let s = cache.get(sql);
  if (!s) { s = db.prepare(sql); cache.set(sql, s); }
  return s;
};
const errorOf = (e) => ({ name: String(e && e.name), message: String(e && e.message), code: e && typeof e.code === 'string' ? e.code : undefined });
parentPort.on('message', ({ id, statements }) => {
  if (statements === null) { db.close(); parentPort.postMessage({ id, closed: true }); return; }
  try {
    db.exec('BEGIN IMMEDIATE');
    const outcomes = [];
    try {
      for (const st of statements) {
        try {
          const { changes } = prepare(st.sql).run(...st.params);
          if (changes === 0 && st.ifUnchanged) outcomes.push({ changes, row: prepare(st.ifUnchanged.sql).get(...st.ifUnchanged.params) });
          else outcomes.push({ changes });
        } catch (e) {
          outcomes.push({ error: errorOf(e) });
        }
      }
      db.exec('COMMIT');
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
    parentPort.postMessage({ id, outcomes });
  } catch (e) {
    parentPort.postMessage({ id, error: errorOf(e) });
  }
});
`;

function toError(e: WireError): Error {
  const err = new Error(e.message) as Error & { code?: string };
  err.name = e.name;
  if (e.code !== undefined) err.code = e.code;
  return err;
}

/**
 * Starts the writer for a database file. The worker is referenced only while a batch is in flight,
 * so an idle writer never keeps the process alive.
 */
export function startBatchWriter(file: string, options: { busyTimeoutMs: number }): BatchWriter {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      file,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      busyTimeoutMs: options.busyTimeoutMs,
    },
  });
  worker.unref();
  let nextId = 0;
  let failed: Error | null = null;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const settle = (): void => {
    if (pending.size === 0) worker.unref();
  };
  type WireOutcome = { changes: number; row?: Record<string, unknown> } | { error: WireError };
  worker.on('message', (m: { id: number; outcomes?: WireOutcome[]; error?: WireError }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    settle();
    if (m.error) p.reject(toError(m.error));
    else p.resolve((m.outcomes ?? []).map((o) => ('error' in o ? { error: toError(o.error) } : o)));
  });
  const failAll = (err: Error): void => {
    failed = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('error', (err) => failAll(err));
  worker.on('exit', () => failAll(failed ?? new Error('The SQLite writer thread stopped.')));
  const send = <T>(statements: BatchStatement[] | null): Promise<T> => {
    if (failed) return Promise.reject(failed);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ id, statements });
    });
  };
  let closing: Promise<void> | null = null;
  return {
    write: (statements) => send<BatchOutcome[]>(statements),
    close: () =>
      (closing ??= (async () => {
        if (!failed) await send<unknown>(null).catch(() => undefined);
        await worker.terminate();
      })()),
  };
}

const writers = new WeakMap<object, () => BatchWriter>();

/** Gives a database its writer (started on first use). */
export function registerBatchWriter(db: object, writer: () => BatchWriter): void {
  writers.set(db, writer);
}

/** The writer of a database, or undefined (PostgreSQL, `:memory:`). */
export function batchWriterOf(db: object): BatchWriter | undefined {
  return writers.get(db)?.();
}
