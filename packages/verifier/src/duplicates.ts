/**
 * Finds the same person signing the same event twice: the second and later records of one
 * identifier for one issuer and event get the `duplicate` verdict. The same record met again
 * (same `id`, e.g. an export line and its PDF certificate) is not a second signing.
 *
 * Memory grows with the number of distinct signers only, and little: NIP, NI PPPK and NIK are
 * digit strings, kept exactly as two 30-bit numbers in an open-addressing table of 16 bytes per
 * slot (21 to 43 bytes per signer), not as JavaScript strings in a Map (about 140).
 *
 * @module
 * @example
 * ```ts
 * import { createDuplicateTracker } from '@ikrar/verifier';
 * const dupes = createDuplicateTracker();
 * const final = dupes.check(outcome); // the outcome, or a 'duplicate' one
 * ```
 */
import type { RecordOutcome } from './verify-record.js';
import { verdictMessage } from './verdicts.js';

/** Tracks who has signed which event; see {@link createDuplicateTracker}. */
export interface DuplicateTracker {
  /** Returns the outcome unchanged, or turns a second valid signing into `duplicate`. */
  check(outcome: RecordOutcome): RecordOutcome;
  /**
   * The same check for a valid record without its outcome object: whether it is a second
   * signing. A first signing is stored, as {@link DuplicateTracker.check} stores it; a second
   * changes nothing, so checking its outcome afterwards gives `duplicate` again.
   * @param identifier - the signer's identifier, unmasked (`RecordOutcome.identifier`)
   * @param eventKey - its issuer and event (`RecordOutcome.eventKey`)
   * @param id - the record's `id`
   */
  isDuplicate(identifier: string, eventKey: string, id: string | undefined): boolean;
}

/** FNV-1a, 32 bits: a fingerprint of a record id (a collision errs towards "same record"). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Exact set of (event, digit identifier up to 18 digits) → record fingerprint. */
/**
 * Open addressing in 64 shards of 4 × u32 slots (tag, high digits, low digits, record). Each
 * shard grows on its own at a load of 3/4, so growing copies 1/64 of the table instead of briefly
 * holding the old and the doubled table together (48 MB at a million signers with one table).
 */
class DigitTable {
  private readonly shards: Uint32Array[] = Array.from({ length: 64 }, () => new Uint32Array(4 * 64));
  private readonly sizes = new Array<number>(64).fill(0);

  /** The stored fingerprint, or -1 after storing `record` for a new key. */
  getOrSet(tag: number, hi: number, lo: number, record: number): number {
    const h = slotHash(tag, hi, lo);
    const shard = h >>> 26;
    let s = this.shards[shard] as Uint32Array;
    if (((this.sizes[shard] as number) + 1) * 4 > (s.length / 4) * 3) s = this.grow(shard);
    const found = find(s, h, tag, hi, lo);
    if (s[found] !== 0) return s[found + 3] as number;
    s[found] = tag;
    s[found + 1] = hi;
    s[found + 2] = lo;
    s[found + 3] = record;
    this.sizes[shard] = (this.sizes[shard] as number) + 1;
    return -1;
  }

  private grow(shard: number): Uint32Array {
    const old = this.shards[shard] as Uint32Array;
    const next = new Uint32Array(old.length * 2);
    for (let at = 0; at < old.length; at += 4) {
      if (old[at] === 0) continue;
      const tag = old[at] as number;
      const hi = old[at + 1] as number;
      const lo = old[at + 2] as number;
      const to = find(next, slotHash(tag, hi, lo), tag, hi, lo);
      next[to] = tag;
      next[to + 1] = hi;
      next[to + 2] = lo;
      next[to + 3] = old[at + 3] as number;
    }
    this.shards[shard] = next;
    return next;
  }
}

/** 32-bit hash of a key: the top 6 bits pick the shard, the low bits the slot in it. */
function slotHash(tag: number, hi: number, lo: number): number {
  const h = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1) ^ Math.imul(tag, 0x85ebca6b), 0xc2b2ae35);
  return (h ^ (h >>> 15)) >>> 0;
}

/** The slot of a key in one shard: where it is, or the empty slot where it goes. */
function find(s: Uint32Array, h: number, tag: number, hi: number, lo: number): number {
  const mask = s.length / 4 - 1;
  for (let i = h & mask; ; i = (i + 1) & mask) {
    const at = i * 4;
    if (s[at] === 0 || (s[at] === tag && s[at + 1] === hi && s[at + 2] === lo)) return at;
  }
}

/**
 * A tracker for one run. Feed outcomes in input order: the first signing stays valid.
 * @returns a {@link DuplicateTracker}
 * @example createDuplicateTracker().check(outcome)
 */
export function createDuplicateTracker(): DuplicateTracker {
  const events = new Map<string, number>();
  const digits = new DigitTable();
  const others = new Map<string, number>();
  // Records of one event come in runs: the last key's number is kept beside the map.
  let lastKey: string | undefined;
  let lastEvent = 0;
  return {
    check(outcome) {
      const { result, identifier, eventKey } = outcome;
      if (!result.valid || identifier === undefined || eventKey === undefined) return outcome;
      if (!isDuplicate(identifier, eventKey, result.id)) return outcome;
      return {
        ...outcome,
        result: { ...result, verdict: 'duplicate', valid: false, message: verdictMessage('duplicate') },
      };
    },
    isDuplicate,
  };

  function isDuplicate(identifier: string, eventKey: string, id: string | undefined): boolean {
    let event: number;
    if (eventKey === lastKey) event = lastEvent;
    else {
      let known = events.get(eventKey);
      if (known === undefined) {
        known = events.size;
        events.set(eventKey, known);
      }
      lastKey = eventKey;
      lastEvent = event = known;
    }
    const record = fnv1a(id ?? '');
    const first = firstSigning(identifier, event, record);
    if (first === -1) return false;
    // The same record again is not a second signing.
    return !(first === record && id !== undefined);
  }

  /** The fingerprint stored for (event, identifier), or -1 after storing `record` for a new one. */
  function firstSigning(identifier: string, event: number, record: number): number {
    // An identifier of 1 to 18 ASCII digits as written (no spaces to drop: the common case) is
    // read in one pass, as `Number` reads its two halves below.
    const n = identifier.length;
    if (n >= 1 && n <= 18 && event < 1 << 26) {
      const cut = Math.max(0, n - 9);
      let hi = 0;
      let lo = 0;
      let i = 0;
      for (; i < n; i++) {
        const d = identifier.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        if (i < cut) hi = hi * 10 + d;
        else lo = lo * 10 + d;
      }
      if (i === n) return digits.getOrSet(((event << 5) | n) + 1, hi, lo, record);
    }
    const id = identifier.replace(/\s+/g, '');
    if (/^\d{1,18}$/.test(id) && event < 1 << 26) {
      // Exact: 18 digits = two 9-digit halves (< 2^30 each); the length tells "0123" from "123".
      const cut = Math.max(0, id.length - 9);
      const tag = ((event << 5) | id.length) + 1;
      return digits.getOrSet(tag, cut ? Number(id.slice(0, cut)) : 0, Number(id.slice(cut)), record);
    }
    const key = `${event}\u0000${id}`;
    const first = others.get(key) ?? -1;
    if (first === -1) others.set(key, record);
    return first;
  }
}
