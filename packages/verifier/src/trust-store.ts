/**
 * The auditor's trust store (DESIGN.md "Trust store"): which issuer DIDs vouch for records, and
 * when. A record is trusted only when its final issuer proof was `created` inside the entry's
 * window, `validFrom` ≤ created < `validUntil` (null: open), and before `revokedAt` (a key revoked
 * after signing still vouches for what it signed before).
 *
 * @module
 * @example
 * ```ts
 * import { parseTrustStore, trustAt } from '@ikrar/verifier';
 * const store = parseTrustStore(JSON.parse(text));
 * trustAt(store, 'did:key:z6Mk…', '2024-10-07T08:00:00+08:00').status; // 'trusted'
 * ```
 */
import { multibaseToPublicKey, parseTimestamp, timestampMillis } from '@ikrar/core';
import { TrustStoreInvalidError } from './errors.js';
import { isPlainObject } from './internal/util.js';

/** One trusted issuer. */
export interface TrustedIssuer {
  /** The issuer DID (`did:key:…` or `did:web:…`). */
  readonly id: string;
  /** Human name, e.g. "Pemerintah Kabupaten Jembrana". */
  readonly name?: string;
  /** Start of trust (inclusive); `null`: always. */
  readonly validFrom: string | null;
  /** End of trust (exclusive); `null`: open. */
  readonly validUntil: string | null;
  /** When the key was revoked; records signed at or after this are not trusted. */
  readonly revokedAt: string | null;
  /** For DIDs other than `did:key`: the Ed25519 key (`z6Mk…`) of `id#…` verification methods. */
  readonly publicKeyMultibase?: string;
}

/** A parsed, validated trust store. */
export interface TrustStore {
  readonly issuers: readonly TrustedIssuer[];
}

/** What the trust store says about an issuer at a time. */
export type TrustStatus = 'trusted' | 'untrusted' | 'revoked' | 'not-yet-valid' | 'expired';

/** Result of {@link trustAt}. */
export interface TrustDecision {
  readonly status: TrustStatus;
  /** The matching entry, when there is one. */
  readonly entry?: TrustedIssuer;
}

function bad(path: string, en: string, id: string): never {
  throw new TrustStoreInvalidError(path, {
    en: `Trust store: ${en} (${path}).`,
    id: `Daftar kepercayaan: ${id} (${path}).`,
  });
}

function time(entry: Record<string, unknown>, key: string, path: string): string | null {
  const v = entry[key];
  if (v === undefined || v === null) return null;
  if (parseTimestamp(v) === null) {
    bad(
      `${path}.${key}`,
      'expected an RFC 3339 time with an offset, or null',
      'harus waktu RFC 3339 dengan zona waktu, atau null',
    );
  }
  return v as string;
}

/**
 * Validates a parsed trust store (`{ "issuers": [ … ] }`, see the README).
 *
 * @param value - the parsed JSON (use core's `parseJson` on the file's text)
 * @returns the trust store
 * @throws {TrustStoreInvalidError} `ERR_TRUST_STORE_INVALID` with the JSON path of the problem
 * @example parseTrustStore({ issuers: [{ id: 'did:key:z6Mk…', validFrom: null, validUntil: null, revokedAt: null }] })
 */
export function parseTrustStore(value: unknown): TrustStore {
  if (!isPlainObject(value)) bad('$', 'expected a JSON object', 'harus objek JSON');
  const list = value.issuers;
  if (!Array.isArray(list)) bad('issuers', 'expected a list of issuers', 'harus daftar penerbit');
  const seen = new Set<string>();
  const issuers = list.map((e: unknown, i): TrustedIssuer => {
    const path = `issuers[${i}]`;
    if (!isPlainObject(e)) bad(path, 'expected an object', 'harus objek');
    const id = e.id;
    if (typeof id !== 'string' || !/^did:[a-z0-9]+:[^\s#]+$/.test(id)) {
      bad(`${path}.id`, 'expected a DID such as did:key:z6Mk…', 'harus DID seperti did:key:z6Mk…');
    }
    if (seen.has(id)) bad(`${path}.id`, 'the same DID is listed twice', 'DID yang sama tercantum dua kali');
    seen.add(id);
    if (e.name !== undefined && typeof e.name !== 'string') bad(`${path}.name`, 'expected text', 'harus teks');
    const validFrom = time(e, 'validFrom', path);
    const validUntil = time(e, 'validUntil', path);
    const revokedAt = time(e, 'revokedAt', path);
    if (validFrom && validUntil && timestampMillis(validUntil) <= timestampMillis(validFrom)) {
      bad(`${path}.validUntil`, 'validUntil is not after validFrom', 'validUntil tidak setelah validFrom');
    }
    const pk = e.publicKeyMultibase;
    if (pk !== undefined) {
      try {
        multibaseToPublicKey(pk as string);
      } catch {
        bad(`${path}.publicKeyMultibase`, 'expected an Ed25519 Multikey (z6Mk…)', 'harus Multikey Ed25519 (z6Mk…)');
      }
    } else if (!id.startsWith('did:key:')) {
      bad(
        `${path}.publicKeyMultibase`,
        'a DID other than did:key needs its publicKeyMultibase',
        'DID selain did:key memerlukan publicKeyMultibase',
      );
    }
    return {
      id,
      ...(typeof e.name === 'string' && { name: e.name }),
      validFrom,
      validUntil,
      revokedAt,
      ...(typeof pk === 'string' && { publicKeyMultibase: pk }),
    };
  });
  return { issuers };
}

/** An entry's window as instants, in epoch milliseconds (`NaN`: no bound), read by core's `timestampMillis`. */
interface TrustWindow {
  readonly entry: TrustedIssuer;
  readonly from: number;
  readonly until: number;
  readonly revoked: number;
}

/**
 * A bound of an entry as an instant: `null` is none (`NaN`, which no comparison meets); a text is
 * read by core's `timestampMillis`, the one parser of `created` too. A `Date` (a store made by
 * hand) is its instant.
 */
function boundOf(value: unknown, id: string, key: string): number {
  if (value === null) return NaN;
  const t = value instanceof Date ? value.getTime() : timestampMillis(value);
  if (Number.isNaN(t)) {
    throw new RangeError(`"${key}" of ${id} expected an RFC 3339 time with an offset, or null, got ${String(value)}`);
  }
  return t;
}

function windowOf(entry: TrustedIssuer): TrustWindow {
  return {
    entry,
    from: boundOf(entry.validFrom, entry.id, 'validFrom'),
    until: boundOf(entry.validUntil, entry.id, 'validUntil'),
    revoked: boundOf(entry.revokedAt, entry.id, 'revokedAt'),
  };
}

/** The status at `t` (epoch ms) in a window (DESIGN.md "Trust store"). */
function statusIn(w: TrustWindow, t: number): TrustStatus {
  // revokedAt null, or later than created: a key revoked after signing still vouches.
  if (w.revoked <= t) return 'revoked';
  if (t < w.from) return 'not-yet-valid';
  if (t >= w.until) return 'expired';
  return 'trusted';
}

function badCreated(created: unknown): never {
  throw new RangeError(`"created" expected an RFC 3339 time with an offset, got ${JSON.stringify(created)}`);
}

/**
 * What the trust store says about `issuer` for a proof created at `created`. The entry's times
 * are read on every call (a store changed in place is judged as it stands); a verifier reads its
 * store once with {@link createTrustDecider}.
 *
 * @param store - a {@link TrustStore}
 * @param issuer - the issuer DID
 * @param created - the final issuer proof's `created` (RFC 3339)
 * @returns the status and the matching entry
 * @throws RangeError when `created`, or a time of the matching entry, is not an RFC 3339 time with an offset
 * @example trustAt(store, did, proof.created).status === 'trusted'
 */
export function trustAt(store: TrustStore, issuer: string, created: string): TrustDecision {
  const t = timestampMillis(created);
  if (Number.isNaN(t)) badCreated(created);
  const entry = store.issuers.find((e) => e.id === issuer);
  if (!entry) return { status: 'untrusted' };
  return { status: statusIn(windowOf(entry), t), entry };
}

/**
 * @internal The trust decisions of one verifier: the store's windows read once, when the verifier
 * is made (as its keys are), and owned by it: no state outside it. Not exported from the package
 * entry.
 * @param store - a {@link TrustStore}
 * @returns what the store says about `issuer` for a proof created at `t` (epoch milliseconds, as
 *   core's `timestampMillis` reads `created`: the same parser as the windows'), as {@link trustAt}
 * @throws RangeError when a time of an entry is not an RFC 3339 time with an offset (a store made
 *   by hand), and from the decider when `t` is `NaN`
 */
export function createTrustDecider(store: TrustStore): (issuer: string, t: number) => TrustStatus {
  const windows = new Map<string, TrustWindow>();
  // The first entry of a DID decides, as trustAt's search does (parseTrustStore refuses a DID twice).
  for (const e of store.issuers) if (!windows.has(e.id)) windows.set(e.id, windowOf(e));
  return (issuer, t) => {
    if (Number.isNaN(t)) throw new RangeError('"t" expected the epoch milliseconds of an RFC 3339 time, got NaN');
    const w = windows.get(issuer);
    return w === undefined ? 'untrusted' : statusIn(w, t);
  };
}
