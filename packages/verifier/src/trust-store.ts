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
    if (validFrom && validUntil && Date.parse(validUntil) <= Date.parse(validFrom)) {
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

/**
 * What the trust store says about `issuer` for a proof created at `created`.
 *
 * @param store - a {@link TrustStore}
 * @param issuer - the issuer DID
 * @param created - the final issuer proof's `created` (RFC 3339)
 * @returns the status and the matching entry
 * @throws RangeError when `created` is not an RFC 3339 time with an offset
 * @example trustAt(store, did, proof.created).status === 'trusted'
 */
export function trustAt(store: TrustStore, issuer: string, created: string): TrustDecision {
  // Epoch milliseconds, no Date: this runs once per record.
  const t = timestampMillis(created);
  if (Number.isNaN(t)) {
    throw new RangeError(`"created" expected an RFC 3339 time with an offset, got ${JSON.stringify(created)}`);
  }
  const issuers = store.issuers;
  let entry: TrustedIssuer | undefined;
  for (let i = 0; i < issuers.length; i++) {
    if ((issuers[i] as TrustedIssuer).id === issuer) {
      entry = issuers[i];
      break;
    }
  }
  if (!entry) return { status: 'untrusted' };
  // DESIGN.md: revokedAt null, or later than created: a key revoked after signing still vouches.
  const w = windowOf(entry);
  if (entry.revokedAt !== null && (w ? w.revoked : Date.parse(entry.revokedAt)) <= t) {
    return { status: 'revoked', entry };
  }
  if (entry.validFrom !== null && t < (w ? w.from : Date.parse(entry.validFrom))) {
    return { status: 'not-yet-valid', entry };
  }
  if (entry.validUntil !== null && t >= (w ? w.until : Date.parse(entry.validUntil))) {
    return { status: 'expired', entry };
  }
  return { status: 'trusted', entry };
}

/** An entry's window as instants (`Date.parse` of its times, NaN for `null`), with the texts read. */
interface TrustWindow {
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly revokedAt: string | null;
  readonly from: number;
  readonly until: number;
  readonly revoked: number;
}

/**
 * Each entry's window, read once instead of on every record. Not a cache that can change a
 * decision: a window is used only while the entry still holds the very texts it was read from
 * (compared on every use), else it is read again; so a store changed after parsing, a copy
 * (a worker's structured clone) or a store written by hand are judged as their texts say. Kept
 * by entry object, so it goes with its store.
 */
const WINDOWS = new WeakMap<TrustedIssuer, TrustWindow>();

const isText = (v: unknown): boolean => v === null || typeof v === 'string';

/** The entry's window; `undefined` when a time is neither text nor `null` (a hand-made store). */
function windowOf(entry: TrustedIssuer): TrustWindow | undefined {
  const { validFrom, validUntil, revokedAt } = entry;
  const w = WINDOWS.get(entry);
  if (w !== undefined && w.validFrom === validFrom && w.validUntil === validUntil && w.revokedAt === revokedAt) {
    return w;
  }
  // Texts only (what parseTrustStore gives): any other value, such as a Date that may be changed
  // in place, is read where it is compared, on every use, as before.
  if (!isText(validFrom) || !isText(validUntil) || !isText(revokedAt)) return undefined;
  const read = (text: string | null): number => (text === null ? NaN : Date.parse(text));
  const fresh: TrustWindow = {
    validFrom,
    validUntil,
    revokedAt,
    from: read(validFrom),
    until: read(validUntil),
    revoked: read(revokedAt),
  };
  WINDOWS.set(entry, fresh);
  return fresh;
}
