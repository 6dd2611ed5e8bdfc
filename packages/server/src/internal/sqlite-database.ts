/**
 * The SQLite implementation of `SqlDatabase` on `better-sqlite3`: WAL, `synchronous=FULL` (a
 * commit is on disk before its promise resolves), foreign keys on, prepared statements cached.
 * better-sqlite3 is synchronous on one connection, so transactions are serialized by a FIFO lock:
 * a statement outside a transaction waits for the open one to finish instead of joining it.
 */
import Database from 'better-sqlite3';
import type { OpenDatabaseOptions, SqlDatabase } from '../database.js';
import { Mutex } from './mutex.js';
import { registerBatchWriter, startBatchWriter, type BatchWriter } from './sqlite-writer.js';

type Statement = Database.Statement<unknown[], unknown>;

function bindable(params: readonly unknown[]): unknown[] {
  return params.map((v) =>
    v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v instanceof Date ? v.toISOString() : v,
  );
}

/** Opens `file` (`:memory:` for a private in-memory database). */
export function openSqlite(file: string, options: OpenDatabaseOptions): SqlDatabase {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const busyTimeoutMs = Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000));
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const cache = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      if (cache.size >= 500) cache.delete(cache.keys().next().value as string);
      cache.set(sql, s);
    }
    return s;
  };
  const lock = new Mutex();
  let savepoints = 0;

  const direct = (): SqlDatabase => {
    const tx: SqlDatabase = {
      dialect: 'sqlite',
      query: async <T>(sql: string, params: readonly unknown[] = []) => {
        const s = prepare(sql);
        if (s.reader) return s.all(...bindable(params)) as T[];
        s.run(...bindable(params));
        return [];
      },
      run: async (sql, params = []) => {
        const s = prepare(sql);
        if (s.reader) return { changes: s.all(...bindable(params)).length };
        return { changes: s.run(...bindable(params)).changes };
      },
      exec: async (sql) => void db.exec(sql),
      transaction: async (fn) => {
        const name = `sp${++savepoints}`;
        db.exec(`SAVEPOINT ${name}`);
        try {
          const result = await fn(tx);
          db.exec(`RELEASE ${name}`);
          return result;
        } catch (err) {
          db.exec(`ROLLBACK TO ${name}`);
          db.exec(`RELEASE ${name}`);
          throw err;
        }
      },
      close: async () => {
        throw new Error('close() inside a transaction');
      },
    };
    return tx;
  };
  const inner = direct();

  let writer: BatchWriter | undefined;
  const outer: SqlDatabase = {
    dialect: 'sqlite',
    query: (sql, params) => lock.run(() => inner.query(sql, params)),
    run: (sql, params) => lock.run(() => inner.run(sql, params)),
    exec: (sql) => lock.run(() => inner.exec(sql)),
    transaction: (fn) =>
      lock.run(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(inner);
          db.exec('COMMIT');
          return result;
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw err;
        }
      }),
    close: () =>
      lock.run(async () => {
        await writer?.close();
        db.close();
      }),
  };
  // The record store's group commit writes through a second connection on a worker thread.
  if (!db.memory) {
    registerBatchWriter(outer, () => {
      if (!writer) {
        const w = startBatchWriter(db.name, { busyTimeoutMs });
        writer = {
          write: (statements) =>
            w.write(
              statements.map((s) => ({
                sql: s.sql,
                params: bindable(s.params),
                ...(s.ifUnchanged && {
                  ifUnchanged: { sql: s.ifUnchanged.sql, params: bindable(s.ifUnchanged.params) },
                }),
              })),
            ),
          close: () => w.close(),
        };
      }
      return writer;
    });
  }
  return outer;
}
