/**
 * Where the collective *pakta integritas* of each event lives: one row per event holding the
 * document with the proofs made so far (RFC 8785 canonical text) and a version number. Every
 * change is a compare-and-swap on that version (`UPDATE … WHERE version = ?`), so two
 * representatives signing at the same moment, on one SQLite file or on several service instances
 * sharing one PostgreSQL, never lose a proof: the one whose swap fails reads again and retries.
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
  /** Every countersigned document of an event (zero or one) as canonical JSON text. */
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
    lines: async function* (eventId) {
      const row = await get(eventId);
      if (row && collectiveProgress(row.document).countersigned) yield canonicalize(row.document);
    },
  };
}
