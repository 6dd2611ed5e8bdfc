/**
 * Finds the same person signing the same event twice: the second and later records of one
 * identifier for one issuer and event get the `duplicate` verdict. Memory grows with the number
 * of distinct signers (one identifier string each), not with the file.
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
}

/**
 * A tracker for one run. Feed outcomes in input order: the first signing stays valid.
 * @returns a {@link DuplicateTracker}
 * @example createDuplicateTracker().check(outcome)
 */
export function createDuplicateTracker(): DuplicateTracker {
  const byEvent = new Map<string, Set<string>>();
  return {
    check(outcome) {
      const { result, identifier, eventKey } = outcome;
      if (!result.valid || identifier === undefined || eventKey === undefined) return outcome;
      let seen = byEvent.get(eventKey);
      if (!seen) {
        seen = new Set();
        byEvent.set(eventKey, seen);
      }
      const id = identifier.replace(/\s+/g, '');
      if (!seen.has(id)) {
        seen.add(id);
        return outcome;
      }
      return {
        ...outcome,
        result: { ...result, verdict: 'duplicate', valid: false, message: verdictMessage('duplicate') },
      };
    },
  };
}
