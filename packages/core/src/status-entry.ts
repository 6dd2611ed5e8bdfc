/**
 * A record's `credentialStatus` (Bitstring Status List v1.0 §2.1 `BitstringStatusListEntry`):
 * building one, reading one back strictly, and choosing its index. Indexes are drawn uniformly at
 * random from the free ones (§6.1 and §6.4: an index must not reveal when, or in which order,
 * people signed), with `crypto.getRandomValues`.
 *
 * @module
 * @example
 * ```ts
 * import { chooseFreeIndex, createStatusEntry } from '@ikrar/core/status';
 * const index = chooseFreeIndex((i) => taken.has(i), 131_072);
 * const credentialStatus = createStatusEntry('https://dinas.example/status/1', index);
 * ```
 */
import { StatusEntryInvalidError, StatusListFullError } from './errors.js';
import { assertString, describe, isPlainObject } from './internal/assert.js';

/** The purposes of Bitstring Status List v1.0 §2.1 this SDK reads; it issues `revocation`. */
export type StatusPurpose = 'revocation' | 'suspension';

/** A record's `credentialStatus` entry. */
export interface BitstringStatusListEntry {
  /** `<statusListCredential>#<statusListIndex>`; never equal to `statusListCredential`. */
  id?: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: StatusPurpose;
  /** The entry's position, as a base-10 string (§2.1). */
  statusListIndex: string;
  /** URL of the `BitstringStatusListCredential`. */
  statusListCredential: string;
}

/** An entry as read from a record: the index as a number. */
export interface StatusEntryRef {
  readonly statusPurpose: StatusPurpose;
  readonly statusListIndex: number;
  readonly statusListCredential: string;
}

/** Options of {@link chooseFreeIndex}. */
export interface ChooseFreeIndexOptions {
  /** A uniform random integer in [0, max); default `crypto.getRandomValues`. */
  randomInt?: (max: number) => number;
}

const INDEX = /^(0|[1-9][0-9]{0,14})$/;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\S+$/i;

function randomInt(max: number): number {
  // Rejection sampling: no modulo bias for any max up to 2^32.
  const limit = 2 ** 32 - (2 ** 32 % max);
  const buf = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buf);
    if ((buf[0] as number) < limit) return (buf[0] as number) % max;
  }
}

/**
 * Builds a `credentialStatus` entry for revocation (or `options.statusPurpose`).
 * @param statusListCredential - the list credential's URL
 * @param statusListIndex - the entry's index
 * @param options - `statusPurpose`, default `revocation`
 * @returns the entry
 * @throws TypeError / RangeError for a URL that is not one or an index that is not a non-negative safe integer
 * @example createStatusEntry('https://dinas.example/status/1', 94567)
 */
export function createStatusEntry(
  statusListCredential: string,
  statusListIndex: number,
  options: { statusPurpose?: StatusPurpose } = {},
): BitstringStatusListEntry {
  assertString(statusListCredential, 'statusListCredential');
  if (!URL_LIKE.test(statusListCredential) || statusListCredential.includes('#')) {
    throw new TypeError(`"statusListCredential" expected a URL without a fragment, got ${statusListCredential}`);
  }
  if (typeof statusListIndex !== 'number') {
    throw new TypeError(`"statusListIndex" expected number, got ${describe(statusListIndex)}`);
  }
  if (!Number.isSafeInteger(statusListIndex) || statusListIndex < 0) {
    throw new RangeError(`"statusListIndex" expected a non-negative integer, got ${statusListIndex}`);
  }
  return {
    id: `${statusListCredential}#${statusListIndex}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: options.statusPurpose ?? 'revocation',
    statusListIndex: String(statusListIndex),
    statusListCredential,
  };
}

function entryError(path: string): StatusEntryInvalidError {
  return new StatusEntryInvalidError(path);
}

/**
 * The `BitstringStatusListEntry` entries of a record, checked strictly: entries of other types are
 * ignored; one of this type that is malformed is an error, never skipped.
 * @param record - a parsed credential
 * @returns its entries (empty when it has none)
 * @throws {StatusEntryInvalidError} `ERR_STATUS_ENTRY_INVALID` with the path of the bad field
 * @example readStatusEntries(record).find((e) => e.statusPurpose === 'revocation')
 */
export function readStatusEntries(record: unknown): StatusEntryRef[] {
  if (!isPlainObject(record) || record.credentialStatus === undefined) return [];
  const raw = record.credentialStatus;
  const list = Array.isArray(raw) ? raw : [raw];
  const out: StatusEntryRef[] = [];
  list.forEach((e, i) => {
    const at = Array.isArray(raw) ? `credentialStatus[${i}]` : 'credentialStatus';
    if (!isPlainObject(e)) throw entryError(at);
    if (e.type !== 'BitstringStatusListEntry') return;
    const { statusPurpose, statusListIndex, statusListCredential, id } = e;
    if (statusPurpose !== 'revocation' && statusPurpose !== 'suspension') throw entryError(`${at}.statusPurpose`);
    if (typeof statusListIndex !== 'string' || !INDEX.test(statusListIndex)) {
      throw entryError(`${at}.statusListIndex`);
    }
    if (typeof statusListCredential !== 'string' || !URL_LIKE.test(statusListCredential)) {
      throw entryError(`${at}.statusListCredential`);
    }
    // §2.1: the entry's id, when present, must not be the list credential's URL.
    if (id !== undefined && (typeof id !== 'string' || id === statusListCredential)) throw entryError(`${at}.id`);
    out.push({ statusPurpose, statusListIndex: Number(statusListIndex), statusListCredential });
  });
  return out;
}

/**
 * Whether an entry's bit is set in a decoded list.
 * @param list - the decoded bits of the entry's list
 * @param entry - the entry
 * @returns `true` when set (for `revocation`: revoked)
 * @throws {StatusEntryInvalidError} `ERR_STATUS_ENTRY_INVALID` when the index is outside the list (§3.2 RANGE_ERROR)
 * @example isEntrySet(list, readStatusEntries(record)[0])
 */
export function isEntrySet(list: Uint8Array, entry: StatusEntryRef): boolean {
  const i = entry.statusListIndex;
  if (i >= list.length * 8) {
    throw new StatusEntryInvalidError('credentialStatus.statusListIndex', { index: i });
  }
  return ((list[i >>> 3] as number) & (0x80 >>> (i & 7))) !== 0;
}

/**
 * Draws an index uniformly at random from those not taken.
 * @param isTaken - whether an index is already given to a record
 * @param length - entries in the list
 * @param options - a `randomInt` for tests
 * @returns a free index
 * @throws {StatusListFullError} `ERR_STATUS_LIST_FULL` when none is free
 * @example chooseFreeIndex((i) => used.has(i), 131_072)
 */
export function chooseFreeIndex(
  isTaken: (index: number) => boolean,
  length: number,
  options: ChooseFreeIndexOptions = {},
): number {
  if (typeof isTaken !== 'function') throw new TypeError(`"isTaken" expected function, got ${describe(isTaken)}`);
  if (!Number.isSafeInteger(length) || length < 1 || length > 2 ** 32) {
    throw new RangeError(`"length" expected an integer from 1 to 2^32, got ${length}`);
  }
  const random = options.randomInt ?? randomInt;
  // Rejection sampling is uniform over the free indexes; a nearly full list falls back to counting.
  for (let tries = 0; tries < 64; tries++) {
    const i = random(length);
    if (!isTaken(i)) return i;
  }
  const free: number[] = [];
  for (let i = 0; i < length; i++) if (!isTaken(i)) free.push(i);
  if (free.length === 0) throw new StatusListFullError();
  return free[random(free.length)] as number;
}
