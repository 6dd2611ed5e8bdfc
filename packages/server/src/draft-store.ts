/**
 * Drafts: what the agency puts in a credential before the employee signs it with their own key.
 * An employee's own proof covers the whole credential, so the agency cannot add a
 * `credentialStatus` or presence `evidence` afterwards; instead it reserves them first. A draft is
 * a server-chosen record `id`, a `credentialStatus` entry (a random free index of a status list,
 * per the Bitstring Status List Recommendation's privacy advice) and the agency's `evidence`,
 * bound to one employee and one event, valid for `ttlMs`.
 *
 * - Reserving again (same employee, same event) answers the same draft until it expires; two
 *   reservations at once get one draft (a unique index on the open draft of an employee and event).
 * - `POST /sign` takes a credential with a draft's `id` only from that employee for that event,
 *   before it expires, with exactly the reserved entry and evidence, and claims it (one statement:
 *   an expired draft cannot be claimed, a claimed one is never reclaimed).
 * - Abandoned drafts are reclaimed: each reservation deletes up to 100 expired, unclaimed drafts
 *   and frees their status entries (never one that was revoked), so an index that no record carries
 *   goes back to the free ones. A draft claimed by a signing that then failed before the record was
 *   stored keeps its index for the same employee's retry.
 *
 * @module
 * @example
 * ```ts
 * const drafts = await createDraftStore(db, { statusLists, ttlMs: 10 * 60_000 });
 * const service = createIkrarService({ ...options, statusLists, drafts });
 * // the widget: POST <endpoint>/draft, sign { ...credential, ...draft } with its key, POST <endpoint>
 * ```
 */
import { canonicalize, formatTimestamp, type ApelPresenceEvidence, type IndonesianTimeZone } from '@ikrar/core';
import type { BitstringStatusListEntry } from '@ikrar/core/status';
import type { SqlDatabase } from './database.js';
import { ServerError } from './errors.js';
import { migrate, type Migration } from './migrate.js';
import type { StatusListStore } from './status-list-store.js';

/** The drafts' schema (namespace `ikrar_drafts`). New versions are appended, never edited. */
export const DRAFT_MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'drafts',
    sql: `CREATE TABLE ikrar_drafts (
  id         TEXT PRIMARY KEY,
  event_id   TEXT NOT NULL,
  identifier TEXT NOT NULL,
  draft      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  claimed_at TEXT
);
CREATE UNIQUE INDEX ikrar_drafts_open ON ikrar_drafts (event_id, identifier) WHERE claimed_at IS NULL;
CREATE INDEX ikrar_drafts_expiry ON ikrar_drafts (expires_at) WHERE claimed_at IS NULL;`,
  },
]);

/** What the agency reserved for one employee's credential. */
export interface Draft {
  /** The record's `urn:uuid:` id, chosen by the service. */
  id: string;
  /** The record's status entry (with status lists). */
  credentialStatus?: BitstringStatusListEntry;
  /** The agency's own statements (presence at the apel). */
  evidence?: ApelPresenceEvidence[];
}

/** A draft as the service answers it: with when it expires. */
export interface ReservedDraft extends Draft {
  /** RFC 3339, in the event's zone. */
  expires: string;
}

/** Whose draft, and when. */
export interface DraftOwner {
  eventId: string;
  identifier: string;
  now: Date;
}

/** Options of {@link createDraftStore}. */
export interface DraftStoreOptions {
  /** The status lists the entries are drawn from; without it a draft holds only the id and evidence. */
  statusLists?: StatusListStore;
  /** How long a draft stays valid, in milliseconds. Default 600,000 (10 minutes). */
  ttlMs?: number;
}

/** The store. */
export interface DraftStore {
  readonly ttlMs: number;
  /**
   * The employee's open draft for the event, or a new one (`evidence` is asked only then).
   * @returns the draft and whether it is new
   */
  reserve(
    owner: DraftOwner & { timeZone: IndonesianTimeZone },
    evidence?: () => Promise<ApelPresenceEvidence[] | undefined> | ApelPresenceEvidence[] | undefined,
  ): Promise<{ draft: ReservedDraft; created: boolean }>;
  /**
   * The draft a posted credential names by its `id`, checked against its owner, or `undefined`
   * when the id is no draft (the credential is then checked as before: a posted
   * `credentialStatus` or `evidence` stays `ERR_FIELD_UNKNOWN`).
   * @throws {ServerError} `ERR_DRAFT_NOT_YOURS`, `ERR_DRAFT_EXPIRED`
   */
  match(body: unknown, owner: DraftOwner): Promise<Draft | undefined>;
  /**
   * Claims a matched draft just before the agency signs it (idempotent for its owner).
   * @throws {ServerError} `ERR_DRAFT_EXPIRED` when it expired (or was reclaimed) meanwhile
   */
  claim(id: string, now: Date): Promise<void>;
  /** Deletes up to `limit` expired unclaimed drafts and frees their status entries. @returns how many */
  reclaim(now: Date, limit?: number): Promise<number>;
}

interface DraftRow {
  id: string;
  event_id: string;
  identifier: string;
  draft: string;
  expires_at: string;
  claimed_at: string | null;
}

const COLUMNS = 'id, event_id, identifier, draft, expires_at, claimed_at';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Migrates namespace `ikrar_drafts` and returns the store.
 * @param db - the service's database (the status lists' one)
 * @param options - status lists, time to live
 * @returns the store
 */
export async function createDraftStore(db: SqlDatabase, options: DraftStoreOptions = {}): Promise<DraftStore> {
  const ttlMs = options.ttlMs ?? 600_000;
  if (!Number.isSafeInteger(ttlMs) || ttlMs < 1000) throw new RangeError(`"ttlMs" expected >= 1000, got ${ttlMs}`);
  const lists = options.statusLists;
  await migrate(db, 'ikrar_drafts', DRAFT_MIGRATIONS);

  const openDraft = async (owner: DraftOwner): Promise<DraftRow | undefined> =>
    (
      await db.query<DraftRow>(
        `SELECT ${COLUMNS} FROM ikrar_drafts WHERE event_id = ? AND identifier = ? AND claimed_at IS NULL`,
        [owner.eventId, owner.identifier],
      )
    )[0];
  const answer = (row: DraftRow, zone: IndonesianTimeZone): ReservedDraft => ({
    ...(JSON.parse(row.draft) as Draft),
    expires: formatTimestamp(new Date(row.expires_at), zone),
  });
  /** Deletes one unclaimed draft and frees its entry, in one transaction. */
  const drop = (id: string): Promise<boolean> =>
    db.transaction(async (tx) => {
      const { changes } = await tx.run('DELETE FROM ikrar_drafts WHERE id = ? AND claimed_at IS NULL', [id]);
      if (changes === 1 && lists) await lists.release(id, tx);
      return changes === 1;
    });

  const store: DraftStore = {
    ttlMs,
    async reserve(owner, evidence) {
      await store.reclaim(owner.now);
      let open = await openDraft(owner);
      if (open && open.expires_at <= owner.now.toISOString()) {
        await drop(open.id);
        open = await openDraft(owner);
      }
      if (open) return { draft: answer(open, owner.timeZone), created: false };
      const id = `urn:uuid:${crypto.randomUUID()}`;
      const ev = await evidence?.();
      const credentialStatus = lists ? await lists.allocate(id) : undefined;
      const draft: Draft = { id, ...(credentialStatus && { credentialStatus }), ...(ev && { evidence: ev }) };
      const { changes } = await db.run(
        'INSERT INTO ikrar_drafts (id, event_id, identifier, draft, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        [
          id,
          owner.eventId,
          owner.identifier,
          canonicalize(draft),
          owner.now.toISOString(),
          new Date(owner.now.getTime() + ttlMs).toISOString(),
        ],
      );
      if (changes === 1) return { draft: answer((await openDraft(owner)) as DraftRow, owner.timeZone), created: true };
      // Another request of the same employee reserved at the same moment: theirs stands, ours is freed.
      if (lists) await db.transaction((tx) => lists.release(id, tx));
      const winner = await openDraft(owner);
      if (!winner) throw new ServerError('ERR_DRAFT_EXPIRED');
      return { draft: answer(winner, owner.timeZone), created: false };
    },
    async match(body, owner) {
      if (!isObject(body) || typeof body.id !== 'string') return undefined;
      const [row] = await db.query<DraftRow>(`SELECT ${COLUMNS} FROM ikrar_drafts WHERE id = ?`, [body.id]);
      if (!row) return undefined;
      if (row.event_id !== owner.eventId || row.identifier !== owner.identifier) {
        throw new ServerError('ERR_DRAFT_NOT_YOURS');
      }
      if (row.claimed_at === null && row.expires_at <= owner.now.toISOString()) {
        throw new ServerError('ERR_DRAFT_EXPIRED');
      }
      return JSON.parse(row.draft) as Draft;
    },
    async claim(id, now) {
      const at = now.toISOString();
      const { changes } = await db.run(
        'UPDATE ikrar_drafts SET claimed_at = COALESCE(claimed_at, ?) WHERE id = ? AND (claimed_at IS NOT NULL OR expires_at > ?)',
        [at, id, at],
      );
      if (changes !== 1) throw new ServerError('ERR_DRAFT_EXPIRED');
    },
    async reclaim(now, limit = 100) {
      const expired = await db.query<{ id: string }>(
        'SELECT id FROM ikrar_drafts WHERE claimed_at IS NULL AND expires_at <= ? ORDER BY expires_at LIMIT ?',
        [now.toISOString(), limit],
      );
      let n = 0;
      for (const { id } of expired) if (await drop(id)) n++;
      return n;
    },
  };
  return store;
}
