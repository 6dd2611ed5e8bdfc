/**
 * Finds the same person signing the same event twice: the second and later records of one
 * identifier for one issuer and event get the `duplicate` verdict. The same record met again
 * (same `id`, e.g. an export line and its PDF certificate) is not a second signing. Memory grows
 * with the number of distinct signers (one identifier string and a 32-bit hash each), not with
 * the file.
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

/** FNV-1a, 32 bits: a small fingerprint of a record id (a Smi in the map, no allocation). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 1;
}

/** Tracks who has signed which event; see {@link createDuplicateTracker}. */
export interface DuplicateTracker {
  /** Returns the outcome unchanged, or turns a second valid signing into `duplicate`. */
  check(outcome: RecordOutcome): RecordOutcome;
}

/**
 * A tracker for one run. Feed outcomes in input order: the first signing stays valid.
 * @returns a {@link DuplicateTracker}
 * @example createDuplicateTracker().check(outcome)
 */
export function createDuplicateTracker(): DuplicateTracker {
  const byEvent = new Map<string, Map<string, number>>();
  return {
    check(outcome) {
      const { result, identifier, eventKey } = outcome;
      if (!result.valid || identifier === undefined || eventKey === undefined) return outcome;
      let seen = byEvent.get(eventKey);
      if (!seen) {
        seen = new Map();
        byEvent.set(eventKey, seen);
      }
      const id = identifier.replace(/\s+/g, '');
      const record = fnv1a(result.id ?? '');
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, record);
        return outcome;
      }
      // The same record again is not a second signing (a hash collision errs towards "same").
      if (first === record && result.id !== undefined) return outcome;
      return {
        ...outcome,
        result: { ...result, verdict: 'duplicate', valid: false, message: verdictMessage('duplicate') },
      };
    },
  };
}
