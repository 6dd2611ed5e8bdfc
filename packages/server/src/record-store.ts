/**
 * Where countersigned records live: one row per record, at most one per employee and event
 * (a `UNIQUE` constraint, so two service instances on one PostgreSQL never store an employee
 * twice), stored in RFC 8785 canonical form so exports are canonical lines. On SQLite, records
 * that arrive together are written in one transaction (group commit); every `put` resolves only
 * after its transaction is on disk.
 *
 * @module
 * @example
 * ```ts
 * const store = await createRecordStore(await openDatabase('sqlite:data/ikrar.sqlite'));
 * const { record, created } = await store.put({ eventId: 'pilkada-2024', identifier: nip, record: signed });
 * ```
 */
import { canonicalize, type SignedPledge } from '@ikrar/core';
import type { SqlDatabase } from './database.js';
import { ServerError } from './errors.js';
import { batchWriterOf, type BatchOutcome, type BatchStatement, type BatchWriter } from './internal/sqlite-writer.js';
import { migrate, type Migration } from './migrate.js';

/** The record store's schema (namespace `ikrar`). New versions are appended, never edited. */
export const RECORD_STORE_MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'records',
    sql: `CREATE TABLE ikrar_records (
  id         TEXT PRIMARY KEY,
  event_id   TEXT NOT NULL,
  identifier TEXT NOT NULL,
  signed_at  TEXT NOT NULL,
  stored_at  TEXT NOT NULL,
  record     TEXT NOT NULL,
  UNIQUE (event_id, identifier)
);
CREATE INDEX ikrar_records_event_time ON ikrar_records (event_id, signed_at, id);`,
  },
  {
    // Revocation (status lists): a revoked record stays, and its employee may sign the event
    // again, so "one per employee and event" holds only for records not revoked (a partial
    // unique index; SQLite cannot drop a table constraint, hence the copy).
    version: 2,
    name: 'records-revocable',
    sql: `CREATE TABLE ikrar_records_v2 (
  id         TEXT PRIMARY KEY,
  event_id   TEXT NOT NULL,
  identifier TEXT NOT NULL,
  signed_at  TEXT NOT NULL,
  stored_at  TEXT NOT NULL,
  record     TEXT NOT NULL,
  revoked_at TEXT
);
INSERT INTO ikrar_records_v2 (id, event_id, identifier, signed_at, stored_at, record)
  SELECT id, event_id, identifier, signed_at, stored_at, record FROM ikrar_records;
DROP TABLE ikrar_records;
ALTER TABLE ikrar_records_v2 RENAME TO ikrar_records;
CREATE UNIQUE INDEX ikrar_records_current ON ikrar_records (event_id, identifier) WHERE revoked_at IS NULL;
CREATE INDEX ikrar_records_event_time ON ikrar_records (event_id, signed_at, id);`,
  },
]);

/** What {@link RecordStore.put} stores. */
export interface PutRecordInput {
  /** The host's id of the event. */
  eventId: string;
  /** The signer's identifier (NIP, NI PPPK, NIK) as on the roster. */
  identifier: string;
  /** The countersigned record. */
  record: SignedPledge;
}

/** One row of {@link RecordStore.list}: no record body, no personal data beyond the identifier. */
export interface RecordSummary {
  id: string;
  identifier: string;
  /** UTC ISO time of the final proof. */
  signedAt: string;
}

/** The record store. */
export interface RecordStore {
  readonly db: SqlDatabase;
  /**
   * Stores a record unless this employee already has one for this event.
   * @returns the stored record (the earlier one on a replay) and whether it is new
   * @throws {ServerError} `ERR_ID_TAKEN` when another employee's record has the same id
   */
  put(input: PutRecordInput): Promise<{ record: SignedPledge; created: boolean }>;
  /** A record by its `urn:uuid:` id, or null. */
  get(id: string): Promise<SignedPledge | null>;
  /** This employee's record for this event that is not revoked, or null. */
  find(eventId: string, identifier: string): Promise<SignedPledge | null>;
  /**
   * Marks a record revoked (its status list bit is set elsewhere): it stays stored and listed,
   * and its employee may sign the event again. `tx`: inside the caller's transaction.
   * @returns whether a record was marked now
   */
  markRevoked(id: string, tx?: SqlDatabase): Promise<boolean>;
  /** A page of an event's records by signing time (`after`: the last id of the previous page). */
  list(eventId: string, page?: { after?: string; limit?: number }): Promise<RecordSummary[]>;
  /** How many records an event has. */
  count(eventId: string): Promise<number>;
  /** Every record of an event as canonical JSON text, by signing time, read page by page. */
  lines(eventId: string, pageSize?: number): AsyncIterable<string>;
}

interface Row {
  id: string;
  identifier: string;
  signed_at: string;
  record: string;
}

function signedAtOf(record: SignedPledge): string {
  const proofs = Array.isArray(record.proof) ? record.proof : [record.proof];
  const created = proofs[proofs.length - 1]?.created;
  const t = created ? new Date(created) : new Date(NaN);
  return Number.isNaN(t.getTime()) ? new Date().toISOString() : t.toISOString();
}

const INSERT =
  'INSERT INTO ikrar_records (id, event_id, identifier, signed_at, stored_at, record) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING';
const FIND = 'SELECT record FROM ikrar_records WHERE event_id = ? AND identifier = ? AND revoked_at IS NULL';

function insertParams({ eventId, identifier, record }: PutRecordInput): unknown[] {
  return [record.id, eventId, identifier, signedAtOf(record), new Date().toISOString(), canonicalize(record)];
}

/** The answer of a put from what the insert did and, when it wrote nothing, the employee's record. */
function putResult(
  input: PutRecordInput,
  changes: number,
  existing: { record: string } | undefined,
): { record: SignedPledge; created: boolean } {
  if (changes === 1) return { record: input.record, created: true };
  if (!existing) throw new ServerError('ERR_ID_TAKEN');
  return { record: JSON.parse(existing.record) as SignedPledge, created: false };
}

async function putOne(tx: SqlDatabase, input: PutRecordInput): Promise<{ record: SignedPledge; created: boolean }> {
  const { changes } = await tx.run(INSERT, insertParams(input));
  const existing =
    changes === 1 ? undefined : (await tx.query<{ record: string }>(FIND, [input.eventId, input.identifier]))[0];
  return putResult(input, changes, existing);
}

interface Pending {
  input: PutRecordInput;
  resolve: (v: { record: SignedPledge; created: boolean }) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit on the database's writer thread: puts that arrive while a batch is being committed
 * form the next batch, and one batch is in flight at a time (SQLite has one writer anyway).
 */
function groupCommitOnWriter(
  writer: BatchWriter,
): (input: PutRecordInput) => Promise<{ record: SignedPledge; created: boolean }> {
  let queue: Pending[] = [];
  let scheduled = false;
  let busy = false;
  const flush = async (): Promise<void> => {
    scheduled = false;
    if (busy || queue.length === 0) return;
    busy = true;
    const batch = queue;
    queue = [];
    try {
      const statements: BatchStatement[] = [];
      const written: Pending[] = [];
      for (const p of batch) {
        try {
          statements.push({
            sql: INSERT,
            params: insertParams(p.input),
            ifUnchanged: { sql: FIND, params: [p.input.eventId, p.input.identifier] },
          });
          written.push(p);
        } catch (err) {
          p.reject(err); // canonicalization: nothing to write for this one
        }
      }
      let outcomes: BatchOutcome[];
      try {
        outcomes = statements.length > 0 ? await writer.write(statements) : [];
      } catch (err) {
        for (const p of written) p.reject(err);
        return;
      }
      written.forEach((p, i) => {
        const o = outcomes[i] as BatchOutcome;
        try {
          if ('error' in o) throw o.error;
          p.resolve(putResult(p.input, o.changes, o.row as { record: string } | undefined));
        } catch (err) {
          p.reject(err);
        }
      });
    } finally {
      busy = false;
      if (queue.length > 0) void flush();
    }
  };
  return (input) =>
    new Promise((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (!scheduled && !busy) {
        scheduled = true;
        setImmediate(() => void flush());
      }
    });
}

/** Writes puts that arrive in the same turn of the event loop in one SQLite transaction. */
function groupCommit(db: SqlDatabase): (input: PutRecordInput) => Promise<{ record: SignedPledge; created: boolean }> {
  const writer = batchWriterOf(db);
  if (writer) return groupCommitOnWriter(writer);
  let queue: Pending[] = [];
  let scheduled = false;
  const flush = async (): Promise<void> => {
    scheduled = false;
    const batch = queue;
    queue = [];
    const results: ({ ok: { record: SignedPledge; created: boolean } } | { err: unknown })[] = [];
    try {
      await db.transaction(async (tx) => {
        for (const p of batch) {
          try {
            results.push({ ok: await putOne(tx, p.input) });
          } catch (err) {
            // ERR_ID_TAKEN: nothing was written for this one; the others go on.
            results.push({ err });
          }
        }
      });
    } catch (err) {
      for (const p of batch) p.reject(err);
      return;
    }
    batch.forEach((p, i) => {
      const r = results[i] as { ok: { record: SignedPledge; created: boolean } } | { err: unknown };
      if ('ok' in r) p.resolve(r.ok);
      else p.reject(r.err);
    });
  };
  return (input) =>
    new Promise((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => void flush());
      }
    });
}

/**
 * Migrates namespace `ikrar` and returns the store.
 * @param db - an open database
 * @returns the store
 * @throws {ServerError} `ERR_SCHEMA_TOO_NEW` when the database is newer than this code
 */
export async function createRecordStore(db: SqlDatabase): Promise<RecordStore> {
  await migrate(db, 'ikrar', RECORD_STORE_MIGRATIONS);
  const put =
    db.dialect === 'sqlite' ? groupCommit(db) : (input: PutRecordInput) => db.transaction((tx) => putOne(tx, input));
  const parse = (row: { record: string } | undefined): SignedPledge | null =>
    row ? (JSON.parse(row.record) as SignedPledge) : null;
  const page = async (eventId: string, after: string | undefined, limit: number, body: boolean): Promise<Row[]> => {
    const cols = body ? 'r.id, r.identifier, r.signed_at, r.record' : 'r.id, r.identifier, r.signed_at';
    return after
      ? db.query<Row>(
          `SELECT ${cols} FROM ikrar_records r, ikrar_records a
           WHERE a.id = ? AND r.event_id = ? AND (r.signed_at > a.signed_at OR (r.signed_at = a.signed_at AND r.id > a.id))
           ORDER BY r.signed_at, r.id LIMIT ?`,
          [after, eventId, limit],
        )
      : db.query<Row>(`SELECT ${cols} FROM ikrar_records r WHERE r.event_id = ? ORDER BY r.signed_at, r.id LIMIT ?`, [
          eventId,
          limit,
        ]);
  };
  const clamp = (n: number | undefined, d: number): number => Math.min(Math.max(Math.floor(n ?? d), 1), 10_000);
  return {
    db,
    put: (input) => {
      if (typeof input?.eventId !== 'string' || typeof input.identifier !== 'string' || !input.record) {
        throw new TypeError('"input" expected { eventId: string, identifier: string, record }');
      }
      return put(input);
    },
    get: async (id) => parse((await db.query<Row>('SELECT record FROM ikrar_records WHERE id = ?', [id]))[0]),
    find: async (eventId, identifier) => parse((await db.query<Row>(FIND, [eventId, identifier]))[0]),
    markRevoked: async (id, tx) => {
      const { changes } = await (tx ?? db).run(
        'UPDATE ikrar_records SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
        [new Date().toISOString(), id],
      );
      return changes === 1;
    },
    list: async (eventId, p = {}) =>
      (await page(eventId, p.after, clamp(p.limit, 100), false)).map((r) => ({
        id: r.id,
        identifier: r.identifier,
        signedAt: r.signed_at,
      })),
    count: async (eventId) => {
      const [row] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM ikrar_records WHERE event_id = ?', [
        eventId,
      ]);
      return Number(row?.n ?? 0);
    },
    lines: async function* (eventId, pageSize) {
      let after: string | undefined;
      for (;;) {
        const rows = await page(eventId, after, clamp(pageSize, 500), true);
        for (const r of rows) yield r.record;
        if (rows.length === 0) return;
        after = (rows[rows.length - 1] as Row).id;
      }
    },
  };
}
