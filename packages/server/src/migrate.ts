/**
 * Versioned schema migrations for both dialects, kept in one `schema_migrations` table by
 * namespace (the record store uses `ikrar`; a host keeps its own tables under its own name).
 * Start-up migrates; a database newer than the code is refused; several instances starting at
 * once on one PostgreSQL migrate one after the other (an advisory lock held for the transaction).
 *
 * @module
 * @example
 * ```ts
 * await migrate(db, 'portal', [
 *   { version: 1, name: 'sessions', sql: 'CREATE TABLE portal_sessions (id TEXT PRIMARY KEY, expires_at TEXT NOT NULL)' },
 * ]);
 * ```
 */
import type { SqlDatabase } from './database.js';
import { ServerError } from './errors.js';

/** One schema step. `sql` is a script (several statements allowed), the same or per dialect. */
export interface Migration {
  /** 1, 2, 3, … in order; never renumber one that has shipped. */
  version: number;
  name: string;
  sql: { sqlite: string; postgres: string } | string;
}

const TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  namespace  TEXT NOT NULL,
  version    INTEGER NOT NULL,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  PRIMARY KEY (namespace, version)
)`;

function checkList(namespace: string, migrations: readonly Migration[]): void {
  if (typeof namespace !== 'string' || !/^[a-z][a-z0-9_]{0,62}$/.test(namespace)) {
    throw new TypeError(`"namespace" expected lower-case letters, digits and _, got ${JSON.stringify(namespace)}`);
  }
  migrations.forEach((m, i) => {
    if (m.version !== i + 1 || typeof m.name !== 'string') {
      throw new ServerError('ERR_MIGRATION_INVALID', { namespace, path: `migrations[${i}]` });
    }
  });
}

/**
 * Applies the migrations of `namespace` that the database has not seen, in one transaction.
 *
 * @param db - the database
 * @param namespace - whose tables (`[a-z][a-z0-9_]*`)
 * @param migrations - versions 1…n in order
 * @returns once the schema is at version n
 * @throws {ServerError} `ERR_SCHEMA_TOO_NEW` when the database has a version above n;
 *   `ERR_MIGRATION_INVALID` when the list is not 1…n
 */
export async function migrate(db: SqlDatabase, namespace: string, migrations: readonly Migration[]): Promise<void> {
  checkList(namespace, migrations);
  await db.transaction(async (tx) => {
    if (tx.dialect === 'postgres') {
      // One migrator at a time per database; CREATE TABLE IF NOT EXISTS itself races on PostgreSQL.
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('ikrar:schema_migrations'))");
    }
    await tx.exec(TABLE);
    const [row] = await tx.query<{ v: number | null }>(
      'SELECT MAX(version) AS v FROM schema_migrations WHERE namespace = ?',
      [namespace],
    );
    const current = Number(row?.v ?? 0);
    if (current > migrations.length) {
      throw new ServerError('ERR_SCHEMA_TOO_NEW', { namespace, found: current, known: migrations.length });
    }
    for (const m of migrations.slice(current)) {
      await tx.exec(typeof m.sql === 'string' ? m.sql : m.sql[tx.dialect]);
      await tx.run('INSERT INTO schema_migrations (namespace, version, name, applied_at) VALUES (?, ?, ?, ?)', [
        namespace,
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
    }
  });
}
