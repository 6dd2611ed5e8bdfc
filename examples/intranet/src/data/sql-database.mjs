// @ts-check
/**
 * The portal's database until @ikrar/server lands (same interface as its `openDatabase` and
 * `migrate`, so the switch is an import): SQLite through better-sqlite3 in WAL mode with
 * synchronous=FULL, so a record is on disk before anyone is told it is stored. better-sqlite3 is
 * synchronous; an async transaction holds a queue so nothing else runs inside it.
 * @module
 */
import Database from 'better-sqlite3';

/** @typedef {import('../types.js').SqlDatabase} SqlDatabase */
/** @typedef {import('../types.js').Migration} Migration */

const RAW = Symbol('raw');

/**
 * Opens `sqlite:/path/file.db`.
 * @param {string} url
 * @returns {SqlDatabase}
 */
export function openDatabase(url) {
  if (!url.startsWith('sqlite:')) {
    throw new Error(`Only sqlite: URLs until @ikrar/server lands (got ${url.split(':')[0]}:)`);
  }
  const db = new Database(url.slice('sqlite:'.length));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  /** @type {Map<string, import('better-sqlite3').Statement>} */
  const statements = new Map();
  /** @param {string} sql */
  const prepare = (sql) => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  /** @type {SqlDatabase} */
  const inside = {
    dialect: 'sqlite',
    query: async (sql, params = []) => /** @type {any[]} */ (prepare(sql).all(...params)),
    run: async (sql, params = []) => ({ changes: prepare(sql).run(...params).changes }),
    transaction: async (fn) => fn(inside),
    close: async () => {},
  };
  /** @type {Promise<unknown>} */
  let queue = Promise.resolve();
  /**
   * @template T
   * @param {() => Promise<T>} fn
   * @returns {Promise<T>}
   */
  const exclusive = (fn) => {
    const p = queue.then(fn);
    queue = p.catch(() => {});
    return p;
  };
  const outside = {
    dialect: /** @type {const} */ ('sqlite'),
    /** @type {SqlDatabase['query']} */
    query: (sql, params) => exclusive(() => inside.query(sql, params)),
    /** @type {SqlDatabase['run']} */
    run: (sql, params) => exclusive(() => inside.run(sql, params)),
    /** @type {SqlDatabase['transaction']} */
    transaction: (fn) =>
      exclusive(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const value = await fn(inside);
          db.exec('COMMIT');
          return value;
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw err;
        }
      }),
    close: () => exclusive(async () => void db.close()),
    [RAW]: db,
  };
  return outside;
}

/**
 * Applies the migrations of `namespace` not yet applied, in order, each in a transaction;
 * refuses a database whose schema is newer than the code.
 * @param {SqlDatabase} database
 * @param {string} namespace
 * @param {Migration[]} migrations
 */
export async function migrate(database, namespace, migrations) {
  const db = /** @type {import('better-sqlite3').Database} */ (/** @type {any} */ (database)[RAW]);
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (namespace TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (namespace, version))',
  );
  const done = new Set(
    /** @type {{ version: number }[]} */ (
      db.prepare('SELECT version FROM schema_migrations WHERE namespace = ?').all(namespace)
    ).map((r) => r.version),
  );
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const newest = Math.max(0, ...done);
  if (newest > known) {
    throw new Error(
      `The database's ${namespace} schema is version ${newest}, newer than this code knows (${known}) / ` +
        `Skema ${namespace} di basis data lebih baru (${newest}) daripada yang dikenal kode ini (${known})`,
    );
  }
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    const sql = typeof m.sql === 'string' ? m.sql : m.sql.sqlite;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (namespace, version, name, applied_at) VALUES (?, ?, ?, ?)').run(
        namespace,
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
  }
}
