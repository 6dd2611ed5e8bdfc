/**
 * The collective *pakta integritas* of an event, as a service: the agency names N representatives
 * from its roster (Klaten: three); each of them, signed in as themselves, signs the same
 * credential with their own key (a proof set, Data Integrity 1.0 §2.1.1), in any order, at their
 * own pace; once every one has signed, the agency countersigns (a chain onto the set, §2.1.2),
 * by default at once, or when an administrator asks (`countersign`).
 *
 * The service takes only the representative's proof from the client. It checks the proof is for
 * their own slot (`proofId`), made now (the clock tolerance of single pledges), by a `did:key` of
 * their own, and that the document with it verifies (`verifyPledge`, issuer proof not yet
 * required); then it stores it with a compare-and-swap, so two representatives signing at the
 * same moment both land. A retry with the same proof answers the stored document; a second,
 * different proof from the same representative is refused (`ERR_REPRESENTATIVE_SIGNED`).
 *
 * With `statusLists`, the document carries a `credentialStatus` like every countersigned record:
 * the entry (a random free index) is reserved when the representatives are named, before anyone
 * signs, so every proof covers it. Naming them again before anyone has signed keeps the record id
 * and its entry. A revoked document (the VC-API's `POST /credentials/status`, or {@link
 * CollectiveService.revoke}) takes no more signatures (`ERR_COLLECTIVE_REVOKED`); naming the
 * representatives again then starts a new record under a new id and entry, and the revoked one
 * stays, retired, in the exports.
 *
 * @module
 * @example
 * ```ts
 * const collective = createCollectiveService({ store: await createCollectiveStore(db), signer: key,
 *   agency: { name: 'Pemerintah Kabupaten Klaten' } });
 * await collective.configure(event, [rep1, rep2, rep3]);
 * await collective.sign(event.id, rep2.identifier, proofMadeInTheirBrowser);
 * ```
 */
import {
  IkrarError,
  canonicalize,
  collectiveProgress,
  countersignCollective,
  createCollectivePledge,
  parseTimestamp,
  representativesOf,
  verifyPledge,
  type CollectiveCredential,
  type CollectiveProgress,
  type IndonesianTimeZone,
  type PledgeLanguage,
  type PledgeTemplate,
  type SignedCollective,
  type Signer,
} from '@ikrar/core';
import { proofsOf } from '@ikrar/core/crypto';
import type { BitstringStatusListEntry } from '@ikrar/core/status';
import type { AgencyKey } from './agency-key.js';
import type { ClockTolerance, Employee } from './check-credential.js';
import type { CollectiveStore } from './collective-store.js';
import { ServerError } from './errors.js';
import { signerOf } from './internal/roster-signer.js';
import { nodeSha256 } from './internal/sha256.js';
import type { SqlDatabase } from './database.js';
import type { RecordStatusInfo, StatusListStore } from './status-list-store.js';

/** The event a collective document is for. */
export interface CollectiveEvent {
  id: string;
  name: string;
  place?: string | null;
  /** `YYYY-MM-DD`. */
  date?: string | null;
  timeZone: IndonesianTimeZone;
  language?: PledgeLanguage;
}

/** Options of {@link createCollectiveService}. */
export interface CollectiveServiceOptions {
  store: CollectiveStore;
  /** The agency key (`loadOrCreateAgencyKey`) or a host signer. */
  signer: AgencyKey | Signer;
  agency: { name: string };
  /** Default `() => new Date()`. */
  clock?: () => Date;
  /** How far a representative's proof time may be from the clock (as for single pledges). */
  tolerance?: Partial<ClockTolerance>;
  /** Countersign as soon as the last representative signs. Default `true`. */
  autoCountersign?: boolean;
  /**
   * The agency's status lists (`createStatusListStore`, the ones its single records use): the
   * document then carries a `credentialStatus`, reserved when the representatives are named.
   */
  statusLists?: StatusListStore;
}

/** A collective document and who has signed it. */
export interface CollectiveState {
  document: CollectiveCredential | SignedCollective;
  progress: CollectiveProgress;
  /** With `statusLists`: the record's status entry, and when and why it was revoked (else null). */
  status?: RecordStatusInfo | null;
}

/** The answer of {@link CollectiveService.revoke}. */
export interface CollectiveRevocation extends RecordStatusInfo {
  /** The revoked record's id. */
  recordId: string;
  /** false: it was already revoked (nothing changed). */
  newlyRevoked: boolean;
}

/** The answer of {@link CollectiveService.sign} and {@link CollectiveService.countersign}. */
export interface CollectiveChange extends CollectiveState {
  /** false: nothing new (a retry, or already countersigned). */
  created: boolean;
}

/** The collective service. */
export interface CollectiveService {
  /**
   * Names the event's representatives (replacing an earlier list while nobody has signed).
   * @throws {ServerError} `ERR_COLLECTIVE_STARTED`, `ERR_RECORD_INVALID`
   */
  configure(
    event: CollectiveEvent,
    representatives: readonly Employee[],
    options?: { template?: string | PledgeTemplate },
  ): Promise<CollectiveState>;
  /** The event's document and progress, or null. */
  get(eventId: string): Promise<CollectiveState | null>;
  /** The index of `identifier` among the representatives, or -1. */
  indexOf(state: CollectiveState, identifier: string): number;
  /**
   * Adds a representative's proof.
   * @throws {ServerError} `ERR_COLLECTIVE_NOT_CONFIGURED`, `ERR_NOT_REPRESENTATIVE`,
   *   `ERR_REPRESENTATIVE_SIGNED`, `ERR_SIGNATURE_INVALID`, `ERR_TIME_INVALID`
   */
  sign(eventId: string, identifier: string, proof: unknown): Promise<CollectiveChange>;
  /**
   * The agency's countersignature onto the whole set.
   * @throws {ServerError} `ERR_COLLECTIVE_NOT_CONFIGURED`, `ERR_COUNTERSIGNATURE_INCOMPLETE`
   */
  countersign(eventId: string): Promise<CollectiveChange>;
  /**
   * Revokes the event's current document (its status list bit set, the list re-signed), in one
   * transaction with `also` (the host's audit entry, given the record id; called only when this
   * call revokes it). Revoking twice changes nothing.
   * @returns the revocation, or null when the document has no status entry
   * @throws {ServerError} `ERR_COLLECTIVE_NOT_CONFIGURED`
   */
  revoke(
    eventId: string,
    options?: { reason?: string; also?: (tx: SqlDatabase, recordId: string) => Promise<void> },
  ): Promise<CollectiveRevocation | null>;
  /** The event's earlier documents, revoked and replaced, oldest first (with their status). */
  retired(eventId: string): Promise<CollectiveState[]>;
  /** The event's countersigned records (the retired ones, then the current one) as canonical JSON text, for exports. */
  lines(eventId: string): AsyncIterable<string>;
}

/** Compare-and-swap rounds before giving up (each loses only to another request's success). */
const ATTEMPTS = 50;

function isAgencyKey(s: AgencyKey | Signer): s is AgencyKey {
  return 'signer' in s && Array.isArray((s as AgencyKey).keys);
}

/** The document's proofs, by core's one reading of `proof` (absent, one, or a set). */
const proofsIn = (document: CollectiveCredential | SignedCollective): Record<string, unknown>[] =>
  proofsOf(document as unknown as Record<string, unknown>) as Record<string, unknown>[];

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Builds the collective service over its store.
 * @param options - store, agency signer and name, clock, tolerance, auto countersigning
 * @returns the service
 */
export function createCollectiveService(options: CollectiveServiceOptions): CollectiveService {
  const { store } = options;
  const signer = isAgencyKey(options.signer) ? options.signer.signer : options.signer;
  const agency = { id: signer.controller, name: options.agency.name };
  const clock = options.clock ?? (() => new Date());
  const pastMs = options.tolerance?.pastMs ?? 15 * 60_000;
  const futureMs = options.tolerance?.futureMs ?? 2 * 60_000;
  const auto = options.autoCountersign ?? true;
  const lists = options.statusLists;
  const statusOf = async (document: CollectiveCredential | SignedCollective): Promise<RecordStatusInfo | null> =>
    lists ? lists.status(document.id) : null;
  const stateOf = async (
    document: CollectiveCredential | SignedCollective,
    status?: RecordStatusInfo | null,
  ): Promise<CollectiveState> => ({
    document,
    progress: collectiveProgress(document),
    ...(lists && { status: status === undefined ? await statusOf(document) : status }),
  });
  /** The event's current document; a revoked one takes no more proofs. */
  const load = async (eventId: string) => {
    const row = await store.get(eventId);
    if (!row) throw new ServerError('ERR_COLLECTIVE_NOT_CONFIGURED');
    const status = await statusOf(row.document);
    if (status?.revokedAt) throw new ServerError('ERR_COLLECTIVE_REVOKED');
    return { ...row, status };
  };

  const countersign = async (eventId: string): Promise<CollectiveChange> => {
    for (let i = 0; i < ATTEMPTS; i++) {
      const row = await load(eventId);
      const state = await stateOf(row.document, row.status);
      if (state.progress.countersigned) return { ...state, created: false };
      if (!state.progress.complete) {
        throw new ServerError('ERR_COUNTERSIGNATURE_INCOMPLETE', {
          pending: state.progress.pending.length,
          total: state.progress.representatives.length,
        });
      }
      const record = await countersignCollective(row.document as SignedCollective, signer, { created: clock() });
      if (await store.swap(eventId, row.version, record))
        return { ...(await stateOf(record, row.status)), created: true };
    }
    throw new ServerError('ERR_INTERNAL');
  };

  return {
    configure: async (event, people, opts = {}) => {
      const build = (id: string, credentialStatus: BitstringStatusListEntry | undefined): CollectiveCredential => {
        try {
          return createCollectivePledge({
            template: opts.template ?? 'pakta-integritas-skb-2022',
            language: event.language ?? 'id',
            issuer: agency,
            event: {
              name: event.name,
              ...(event.place && { place: event.place }),
              ...(event.date && { date: event.date }),
            },
            representatives: people.map((e) => signerOf(e)),
            timeZone: event.timeZone,
            now: clock(),
            id,
            ...(credentialStatus && { credentialStatus }),
          });
        } catch (err) {
          if (!(err instanceof IkrarError)) throw err;
          const path = (err as { path?: unknown }).path;
          throw new ServerError(
            'ERR_RECORD_INVALID',
            { path: typeof path === 'string' ? path : 'credentialSubject.representatives' },
            { cause: err },
          );
        }
      };
      // Checked before any status entry is reserved: a refused list reserves nothing.
      const freshId = `urn:uuid:${crypto.randomUUID()}`;
      build(freshId, undefined);
      for (let i = 0; i < ATTEMPTS; i++) {
        const row = await store.get(event.id);
        const status = row ? await statusOf(row.document) : null;
        const revoked = Boolean(status?.revokedAt);
        if (row && !revoked && proofsIn(row.document).length > 0) throw new ServerError('ERR_COLLECTIVE_STARTED');
        // Nobody has signed: the same record, under its id and status entry, with the new list.
        const id = row && !revoked ? row.document.id : freshId;
        const entry = lists ? await lists.allocate(id) : undefined;
        const document = build(id, entry);
        const stored = !row
          ? await store.create(event.id, document)
          : revoked
            ? await store.retire(event.id, row.version, document)
            : await store.swap(event.id, row.version, document);
        if (stored)
          return stateOf(
            document,
            lists && { entry: entry as BitstringStatusListEntry, revokedAt: null, reason: null },
          );
        // Someone else changed it first: a fresh id's entry goes back to the free ones.
        if (lists && id === freshId) await lists.release(freshId);
      }
      throw new ServerError('ERR_INTERNAL');
    },

    get: async (eventId) => {
      const row = await store.get(eventId);
      return row && stateOf(row.document);
    },

    revoke: async (eventId, opts = {}) => {
      const row = await store.get(eventId);
      if (!row) throw new ServerError('ERR_COLLECTIVE_NOT_CONFIGURED');
      const id = row.document.id;
      const { also } = opts;
      const done = lists
        ? await lists.revoke(id, {
            ...(opts.reason !== undefined && { reason: opts.reason }),
            ...(also && { also: (tx: SqlDatabase) => also(tx, id) }),
          })
        : null;
      return done && { ...done, recordId: id };
    },

    retired: async (eventId) => Promise.all((await store.retired(eventId)).map((d) => stateOf(d))),

    indexOf: (state, identifier) =>
      (representativesOf(state.document) ?? []).findIndex((r) => r.identifier === identifier),

    sign: async (eventId, identifier, proof) => {
      for (let i = 0; i < ATTEMPTS; i++) {
        const row = await load(eventId);
        const reps = representativesOf(row.document) ?? [];
        const index = reps.findIndex((r) => r.identifier === identifier);
        if (index === -1) throw new ServerError('ERR_NOT_REPRESENTATIVE');
        const slot = (reps[index] as { proofId: string }).proofId;
        const proofs = proofsIn(row.document);
        const mine = proofs.find((p) => p.id === slot);
        if (mine) {
          // A retry of the same request (the network dropped the answer) is answered, not refused.
          if (isPlainObject(proof) && safeCanonical(proof) === canonicalize(mine)) {
            return { ...(await stateOf(row.document, row.status)), created: false };
          }
          throw new ServerError('ERR_REPRESENTATIVE_SIGNED');
        }
        checkProofShape(proof, slot, clock(), pastMs, futureMs);
        const candidate = { ...row.document, proof: [...proofs, proof] } as unknown as SignedCollective;
        const check = await verifyPledge(candidate, { requireIssuerProof: false, sha256: nodeSha256 });
        if (!check.verified) throw new ServerError('ERR_SIGNATURE_INVALID', { path: 'proof' });
        if (!(await store.swap(eventId, row.version, candidate))) continue;
        const state = await stateOf(candidate, row.status);
        if (auto && state.progress.complete) {
          return { ...(await countersign(eventId)), created: true };
        }
        return { ...state, created: true };
      }
      throw new ServerError('ERR_INTERNAL');
    },

    countersign,
    lines: (eventId) => store.lines(eventId),
  };
}

function safeCanonical(value: unknown): string | null {
  try {
    return canonicalize(value);
  } catch {
    return null;
  }
}

/** The proof is for this representative's slot, alone in the set, and made now. */
function checkProofShape(proof: unknown, slot: string, now: Date, pastMs: number, futureMs: number): void {
  if (!isPlainObject(proof)) throw new ServerError('ERR_RECORD_INVALID', { path: 'proof' });
  // Data Integrity 1.0 §2.1.1: a member of a proof set names no other proof.
  if (proof.id !== slot || proof.previousProof !== undefined) {
    throw new ServerError('ERR_SIGNATURE_INVALID', { path: proof.id !== slot ? 'proof.id' : 'proof.previousProof' });
  }
  const created = parseTimestamp(proof.created);
  const t = created?.getTime();
  if (t === undefined || t < now.getTime() - pastMs || t > now.getTime() + futureMs) {
    throw new ServerError('ERR_TIME_INVALID', { path: 'proof.created' });
  }
}
