/**
 * One SQL adapter, two real implementations: SQLite (`better-sqlite3`, the embedded default) and
 * PostgreSQL (`pg`). Statements use `?` placeholders in both dialects (translated to `$1, $2, …`
 * for PostgreSQL). The record store and a host's own tables go through it.
 *
 * @module
 * @example
 * ```ts
 * import { openDatabase } from '@ikrar/server';
 * const db = await openDatabase(process.env.DATABASE_URL ?? 'sqlite:data/ikrar.sqlite');
 * const rows = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM ikrar_records WHERE event_id = ?', ['pilkada-2024']);
 * ```
 */
import { ServerError } from './errors.js';

/** The SQL dialect behind a {@link SqlDatabase}. */
export type SqlDialect = 'sqlite' | 'postgres';

/** A database connection (SQLite) or pool (PostgreSQL). */
export interface SqlDatabase {
  readonly dialect: SqlDialect;
  /** Rows of a statement; `?` placeholders. PostgreSQL `bigint` (`COUNT(*)`) comes back as a number. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement; `changes` is the number of rows it wrote. */
  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. On
   * SQLite it takes the write lock at the start (`BEGIN IMMEDIATE`) and other statements wait for it.
   */
  transaction<T>(fn: (tx: SqlDatabase) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** PostgreSQL pool size. Default 10. */
  maxConnections?: number;
  /** SQLite: milliseconds to wait for another process's write lock. Default 5000. */
  busyTimeoutMs?: number;
}

/**
 * Opens a database by URL: `sqlite:/path/file.db`, `sqlite:relative/file.db`, `sqlite::memory:`,
 * or `postgres://user@host:port/db` (also `postgresql://`). SQLite runs in WAL mode with
 * `synchronous=FULL` and foreign keys on: a write is on disk when its promise resolves.
 *
 * @param url - where the database is
 * @param options - pool size, lock wait
 * @returns the open database
 * @throws {ServerError} `ERR_DATABASE_URL` for any other URL
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<SqlDatabase> {
  if (typeof url !== 'string') throw new TypeError(`"url" expected string, got ${typeof url}`);
  if (url.startsWith('sqlite:')) {
    const { openSqlite } = await import('./internal/sqlite-database.js');
    return openSqlite(url.slice('sqlite:'.length), options);
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { openPostgres } = await import('./internal/postgres-database.js');
    return openPostgres(url, options);
  }
  throw new ServerError('ERR_DATABASE_URL');
}
