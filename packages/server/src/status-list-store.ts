/**
 * The agency's W3C Bitstring Status Lists: an index for every countersigned record, drawn at
 * random from the free ones (so an index says nothing of when or in which order people signed),
 * revocation, and the signed `BitstringStatusListCredential` each list is served as.
 *
 * Each revocation, in one transaction: lock the list's row (`SELECT … FOR UPDATE` on PostgreSQL;
 * SQLite's `BEGIN IMMEDIATE` takes the write lock), mark the entry, rebuild the list from every
 * revoked entry, sign it, store it. Two revocations at once on one list, from one instance or
 * several on one PostgreSQL, therefore both land, the later one signing a list that holds both;
 * and the served credential is always the stored one, so a list is published only after it is
 * stored (a failed signature rolls the revocation back).
 *
 * @module
 * @example
 * ```ts
 * const lists = await createStatusListStore(db, { signer, issuer: { id: signer.controller }, baseUrl: 'https://dinas.example/status' });
 * const credentialStatus = await lists.allocate(record.id); // before signing
 * await lists.revoke(record.id, { reason: 'ditandatangani orang lain' });
 * ```
 */
import { canonicalize, type Signer } from '@ikrar/core';
import { sha256Async } from '@ikrar/core/crypto';
import {
  STATUS_LIST_MIN_LENGTH,
  createStatusEntry,
  createStatusList,
  issueStatusListCredential,
  setStatus,
  type BitstringStatusListEntry,
} from '@ikrar/core/status';
import type { SqlDatabase } from './database.js';
import { migrate, type Migration } from './migrate.js';

/** The status lists' schema (namespace `ikrar_status`). New versions are appended, never edited. */
export const STATUS_LIST_MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'status-lists',
    sql: `CREATE TABLE ikrar_status_lists (
  id         INTEGER PRIMARY KEY,
  length     INTEGER NOT NULL,
  allocated  INTEGER NOT NULL,
  version    INTEGER NOT NULL,
  credential TEXT NOT NULL,
  etag       TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE ikrar_status_entries (
  list_id    INTEGER NOT NULL,
  idx        INTEGER NOT NULL,
  record_id  TEXT NOT NULL UNIQUE,
  revoked_at TEXT,
  reason     TEXT,
  PRIMARY KEY (list_id, idx)
);`,
  },
]);

/** Options of {@link createStatusListStore}. */
export interface StatusListStoreOptions {
  /** The agency key that signs the lists (the one that countersigns the records). */
  signer: Signer;
  /** The issuer the lists name: the records' issuer. */
  issuer: { id: string; name?: string };
  /** Absolute URL the lists are served under: list `n` is `<baseUrl>/<n>`. */
  baseUrl: string;
  /** Entries per list. Default 131,072 (the Recommendation's minimum). */
  length?: number;
  /** A new list is opened once this share of a list is given out. Default 0.5. */
  fill?: number;
  /** Milliseconds a verifier may cache a list (`ttl`, and `Cache-Control: max-age`). Default 300,000. */
  ttlMs?: number;
  /** The clock. Default `() => new Date()`. */
  clock?: () => Date;
}

/** A record's status. */
export interface RecordStatusInfo {
  entry: BitstringStatusListEntry;
  /** When it was revoked (UTC ISO), or null. */
  revokedAt: string | null;
  reason: string | null;
}

/** What {@link StatusListStore.credential} serves. */
export interface ServedStatusList {
  /** The signed credential as canonical JSON. */
  text: string;
  /** A strong ETag (quoted). */
  etag: string;
  version: number;
}

/** The store. */
export interface StatusListStore {
  /** Milliseconds a verifier may cache a list. */
  readonly ttlMs: number;
  /** The entry of a record: a random free index, given once (a second call answers the same). */
  allocate(recordId: string): Promise<BitstringStatusListEntry>;
  /**
   * Revokes a record and publishes its list re-signed, in one transaction (with `also`, the
   * caller's own statements). Revoking twice changes nothing.
   * @returns the status, and whether this call revoked it; `null` when the record has no entry
   */
  revoke(
    recordId: string,
    options?: { reason?: string; also?: (tx: SqlDatabase) => Promise<void> },
  ): Promise<(RecordStatusInfo & { newlyRevoked: boolean }) | null>;
  /**
   * Frees the entry of a record that was never countersigned (an abandoned draft): its index goes
   * back to the free ones. A revoked entry is never freed. `tx`: inside the caller's transaction.
   * @returns whether an entry was freed
   */
  release(recordId: string, tx?: SqlDatabase): Promise<boolean>;
  /** A record's status, or null. */
  status(recordId: string): Promise<RecordStatusInfo | null>;
  /** The signed credential of list `id` as stored, or null. */
  credential(id: number): Promise<ServedStatusList | null>;
}

interface EntryRow {
  list_id: number;
  idx: number;
  revoked_at: string | null;
  reason: string | null;
}

function randomIndex(max: number): number {
  const limit = 2 ** 32 - (2 ** 32 % max);
  const buf = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buf);
    if ((buf[0] as number) < limit) return (buf[0] as number) % max;
  }
}

/**
 * Migrates namespace `ikrar_status` and returns the store.
 * @param db - the service's database
 * @param options - signer, issuer, base URL, list length
 * @returns the store
 */
export async function createStatusListStore(
  db: SqlDatabase,
  options: StatusListStoreOptions,
): Promise<StatusListStore> {
  const length = options.length ?? STATUS_LIST_MIN_LENGTH;
  const fill = options.fill ?? 0.5;
  const ttlMs = options.ttlMs ?? 300_000;
  const clock = options.clock ?? (() => new Date());
  const base = options.baseUrl.replace(/\/+$/, '');
  if (!/^https?:\/\/\S+$/.test(base)) throw new TypeError(`"baseUrl" expected an http(s) URL, got ${base}`);
  createStatusList(length); // checks the length
  await migrate(db, 'ikrar_status', STATUS_LIST_MIGRATIONS);
  const url = (id: number): string => `${base}/${id}`;
  const entryOf = (row: Pick<EntryRow, 'list_id' | 'idx'>): BitstringStatusListEntry =>
    createStatusEntry(url(Number(row.list_id)), Number(row.idx));
  const forUpdate = db.dialect === 'postgres' ? ' FOR UPDATE' : '';

  /** Signs list `id` with every revoked bit and stores it; in the caller's transaction. */
  async function publish(tx: SqlDatabase, id: number, listLength: number, version: number): Promise<void> {
    const bits = createStatusList(listLength);
    const rows = await tx.query<{ idx: number }>(
      'SELECT idx FROM ikrar_status_entries WHERE list_id = ? AND revoked_at IS NOT NULL',
      [id],
    );
    for (const r of rows) setStatus(bits, Number(r.idx), true);
    const now = clock();
    const credential = await issueStatusListCredential(
      { id: url(id), issuer: options.issuer, list: bits, ttl: ttlMs },
      options.signer,
      { created: now },
    );
    const text = canonicalize(credential);
    const digest = await sha256Async(new TextEncoder().encode(text));
    const etag = `"${version}-${Buffer.from(digest.subarray(0, 12)).toString('base64url')}"`;
    await tx.run('UPDATE ikrar_status_lists SET credential = ?, etag = ?, version = ?, updated_at = ? WHERE id = ?', [
      text,
      etag,
      version,
      now.toISOString(),
      id,
    ]);
  }

  async function openList(tx: SqlDatabase): Promise<{ id: number; length: number }> {
    const [last] = await tx.query<{ id: number; length: number; allocated: number }>(
      'SELECT id, length, allocated FROM ikrar_status_lists ORDER BY id DESC LIMIT 1',
    );
    if (last && Number(last.allocated) < Number(last.length) * fill) {
      return { id: Number(last.id), length: Number(last.length) };
    }
    const id = last ? Number(last.id) + 1 : 1;
    // Another instance opening the same list makes this INSERT fail; the caller retries.
    await tx.run(
      'INSERT INTO ikrar_status_lists (id, length, allocated, version, credential, etag, updated_at) VALUES (?, ?, 0, 0, ?, ?, ?)',
      [id, length, '', '', clock().toISOString()],
    );
    await publish(tx, id, length, 1);
    return { id, length };
  }

  async function allocateOnce(recordId: string): Promise<BitstringStatusListEntry> {
    return db.transaction(async (tx) => {
      const [had] = await tx.query<EntryRow>('SELECT list_id, idx FROM ikrar_status_entries WHERE record_id = ?', [
        recordId,
      ]);
      if (had) return entryOf(had);
      const list = await openList(tx);
      // Rejection sampling: uniform over the free indexes; the primary key refuses a taken one.
      for (let tries = 0; tries < 64; tries++) {
        const idx = randomIndex(list.length);
        const { changes } = await tx.run(
          'INSERT INTO ikrar_status_entries (list_id, idx, record_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
          [list.id, idx, recordId],
        );
        if (changes === 1) {
          await tx.run('UPDATE ikrar_status_lists SET allocated = allocated + 1 WHERE id = ?', [list.id]);
          return entryOf({ list_id: list.id, idx });
        }
        const [same] = await tx.query<EntryRow>('SELECT list_id, idx FROM ikrar_status_entries WHERE record_id = ?', [
          recordId,
        ]);
        if (same) return entryOf(same);
      }
      throw new Error('no free status list index after 64 draws');
    });
  }

  return {
    ttlMs,
    async allocate(recordId) {
      if (typeof recordId !== 'string' || recordId === '') throw new TypeError('"recordId" expected a string');
      try {
        return await allocateOnce(recordId);
      } catch (err) {
        // Two instances opened the same new list at once: the list exists now; draw again.
        return allocateOnce(recordId).catch(() => Promise.reject(err));
      }
    },
    async revoke(recordId, opts = {}) {
      return db.transaction(async (tx) => {
        const [found] = await tx.query<EntryRow>(
          'SELECT list_id, idx, revoked_at, reason FROM ikrar_status_entries WHERE record_id = ?',
          [recordId],
        );
        if (!found) return null;
        const [list] = await tx.query<{ length: number; version: number }>(
          `SELECT length, version FROM ikrar_status_lists WHERE id = ?${forUpdate}`,
          [found.list_id],
        );
        const [row] = await tx.query<EntryRow>(
          'SELECT list_id, idx, revoked_at, reason FROM ikrar_status_entries WHERE record_id = ?',
          [recordId],
        );
        const current = row as EntryRow;
        if (current.revoked_at !== null) {
          return {
            entry: entryOf(current),
            revokedAt: current.revoked_at,
            reason: current.reason,
            newlyRevoked: false,
          };
        }
        const at = clock().toISOString();
        const reason = opts.reason ?? null;
        await tx.run('UPDATE ikrar_status_entries SET revoked_at = ?, reason = ? WHERE record_id = ?', [
          at,
          reason,
          recordId,
        ]);
        if (opts.also) await opts.also(tx);
        await publish(tx, Number(current.list_id), Number(list?.length), Number(list?.version) + 1);
        return { entry: entryOf(current), revokedAt: at, reason, newlyRevoked: true };
      });
    },
    async release(recordId, tx) {
      const free = async (t: SqlDatabase): Promise<boolean> => {
        const [row] = await t.query<EntryRow>(
          'SELECT list_id, idx FROM ikrar_status_entries WHERE record_id = ? AND revoked_at IS NULL',
          [recordId],
        );
        if (!row) return false;
        const { changes } = await t.run('DELETE FROM ikrar_status_entries WHERE record_id = ? AND revoked_at IS NULL', [
          recordId,
        ]);
        if (changes !== 1) return false;
        await t.run('UPDATE ikrar_status_lists SET allocated = allocated - 1 WHERE id = ?', [row.list_id]);
        return true;
      };
      return tx ? free(tx) : db.transaction(free);
    },
    async status(recordId) {
      const [row] = await db.query<EntryRow>(
        'SELECT list_id, idx, revoked_at, reason FROM ikrar_status_entries WHERE record_id = ?',
        [recordId],
      );
      return row ? { entry: entryOf(row), revokedAt: row.revoked_at, reason: row.reason } : null;
    },
    async credential(id) {
      if (!Number.isSafeInteger(id) || id < 1) return null;
      const [row] = await db.query<{ credential: string; etag: string; version: number }>(
        'SELECT credential, etag, version FROM ikrar_status_lists WHERE id = ?',
        [id],
      );
      return row && row.credential ? { text: row.credential, etag: row.etag, version: Number(row.version) } : null;
    },
  };
}
