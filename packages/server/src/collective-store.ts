/**
 * Where the collective *pakta integritas* of each event lives: one row per event holding the
 * document with the proofs made so far (RFC 8785 canonical text) and a version number. Every
 * change is a compare-and-swap on that version (`UPDATE … WHERE version = ?`), so two
 * representatives signing at the same moment, on one SQLite file or on several service instances
 * sharing one PostgreSQL, never lose a proof: the one whose swap fails reads again and retries.
 * A revoked document is retired (kept, with its record id) when the event gets a new one, so the
 * exports still hold it and an auditor sees it revoked.
 *
 * @module
 * @example
 * ```ts
 * const store = await createCollectiveStore(db);
 * const row = await store.get(eventId); // { document, version } or null
 * await store.swap(eventId, row.version, withMyProof); // false: someone else changed it first
 * ```
 */
import {
  canonicalize,
  collectiveProgress,
  parseJson,
  type CollectiveCredential,
  type SignedCollective,
} from '@ikrar/core';
import type { SqlDatabase } from './database.js';
import { migrate, type Migration } from './migrate.js';

/** The collective store's schema (namespace `ikrar_collective`). New versions are appended. */
export const COLLECTIVE_STORE_MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'collective documents',
    sql: `CREATE TABLE ikrar_collectives (
  event_id   TEXT PRIMARY KEY,
  version    INTEGER NOT NULL,
  document   TEXT NOT NULL,
  updated_at TEXT NOT NULL
);`,
  },
  {
    version: 2,
    name: 'retired collective documents',
    sql: `CREATE TABLE ikrar_collectives_retired (
  record_id  TEXT PRIMARY KEY,
  event_id   TEXT NOT NULL,
  document   TEXT NOT NULL,
  retired_at TEXT NOT NULL
);
CREATE INDEX ikrar_collectives_retired_event ON ikrar_collectives_retired (event_id, retired_at);`,
  },
]);

/** A stored collective document and the version a swap must name. */
export interface StoredCollective {
  document: CollectiveCredential | SignedCollective;
  version: number;
}

/** The collective store. */
export interface CollectiveStore {
  readonly db: SqlDatabase;
  /** The event's document, or null when it has none. */
  get(eventId: string): Promise<StoredCollective | null>;
  /** Stores a first document for the event. @returns false when it already has one */
  create(eventId: string, document: CollectiveCredential): Promise<boolean>;
  /** Replaces the document if it is still at `version`. @returns whether it was replaced */
  swap(eventId: string, version: number, document: CollectiveCredential | SignedCollective): Promise<boolean>;
  /**
   * Replaces the document if it is still at `version`, keeping the one it replaces among the
   * event's retired documents (a revoked record stays, under its own id).
   * @returns whether it was replaced
   */
  retire(eventId: string, version: number, document: CollectiveCredential): Promise<boolean>;
  /** The event's retired documents, oldest first. */
  retired(eventId: string): Promise<(CollectiveCredential | SignedCollective)[]>;
  /** Every countersigned document of an event, retired ones first, as canonical JSON text. */
  lines(eventId: string): AsyncIterable<string>;
}

interface Row {
  version: number | string;
  document: string;
}

/**
 * Opens the store on a database, applying its migrations.
 *
 * @param db - from `openDatabase`
 * @returns the store
 * @throws {ServerError} `ERR_SCHEMA_TOO_NEW` when the database is newer than this code
 */
export async function createCollectiveStore(db: SqlDatabase): Promise<CollectiveStore> {
  await migrate(db, 'ikrar_collective', COLLECTIVE_STORE_MIGRATIONS);
  const now = (): string => new Date().toISOString();
  const get = async (eventId: string): Promise<StoredCollective | null> => {
    const [row] = await db.query<Row>('SELECT version, document FROM ikrar_collectives WHERE event_id = ?', [eventId]);
    if (!row) return null;
    return { version: Number(row.version), document: parseJson(row.document) as unknown as SignedCollective };
  };
  const retiredRows = (eventId: string) =>
    db.query<{ document: string }>(
      'SELECT document FROM ikrar_collectives_retired WHERE event_id = ? ORDER BY retired_at, record_id',
      [eventId],
    );
  return {
    db,
    get,
    create: async (eventId, document) =>
      (
        await db.run(
          'INSERT INTO ikrar_collectives (event_id, version, document, updated_at) VALUES (?, 1, ?, ?) ON CONFLICT DO NOTHING',
          [eventId, canonicalize(document), now()],
        )
      ).changes === 1,
    swap: async (eventId, version, document) =>
      (
        await db.run(
          'UPDATE ikrar_collectives SET document = ?, version = version + 1, updated_at = ? WHERE event_id = ? AND version = ?',
          [canonicalize(document), now(), eventId, version],
        )
      ).changes === 1,
    retire: async (eventId, version, document) =>
      db.transaction(async (tx) => {
        const [old] = await tx.query<Row>(
          'SELECT version, document FROM ikrar_collectives WHERE event_id = ? AND version = ?',
          [eventId, version],
        );
        if (!old) return false;
        const recordId = (parseJson(old.document) as unknown as { id: string }).id;
        // A concurrent retire of the same version inserts the same row: nothing to add.
        await tx.run(
          'INSERT INTO ikrar_collectives_retired (record_id, event_id, document, retired_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
          [recordId, eventId, old.document, now()],
        );
        const { changes } = await tx.run(
          'UPDATE ikrar_collectives SET document = ?, version = version + 1, updated_at = ? WHERE event_id = ? AND version = ?',
          [canonicalize(document), now(), eventId, version],
        );
        return changes === 1;
      }),
    retired: async (eventId) =>
      (await retiredRows(eventId)).map((r) => parseJson(r.document) as unknown as SignedCollective),
    lines: async function* (eventId) {
      for (const r of await retiredRows(eventId)) {
        if (collectiveProgress(parseJson(r.document) as unknown as SignedCollective).countersigned) yield r.document;
      }
      const row = await get(eventId);
      if (row && collectiveProgress(row.document).countersigned) yield canonicalize(row.document);
    },
  };
}
