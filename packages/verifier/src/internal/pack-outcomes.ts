/**
 * Outcomes as a flat array for the trip from a worker to the main thread. A structured clone of
 * a ~600-byte outcome object costs the main thread about 10 µs to rebuild (every key of every
 * nested object is read back one by one); the same fields as 15 array slots cost about a tenth
 * of that and their objects are then built with fixed shapes. An outcome that does not have
 * the usual shape (a JSON array index, a reason, its own message, representatives) travels as
 * the object it is. Unpacking gives objects equal to the originals, keys in the same order, so
 * `--json` output is the same bytes either way.
 *
 * The texts a job's records mostly share (issuer, event, employee type, position, work unit)
 * travel once: a slot that holds the same text as the previous packed outcome's holds
 * {@link SAME} instead, and unpacking hands on the previous outcome's string. The worker
 * serializes, and the main thread allocates, one string per run of equal values, and the
 * duplicate check then compares event keys by identity.
 *
 * @module
 * @internal
 */
import { VERDICTS, type Verdict } from '../verdicts.js';
import type { RecordOutcome } from '../verify-record.js';
import { buildOutcome, createFields, eventKeyOf, type JobSink, type OutcomeFields, sourceOf } from './outcome.js';

/** Slots per packed outcome. */
const SLOTS = 15;
const HAS_SIGNER = 1;
const HAS_EVENT = 2;
/** In a slot of {@link SHARED}: the previous packed outcome's value (never a text's own value). */
const SAME = 0;
/** Slots of texts that repeat from record to record: issuer, employee type, position, work unit, event. */
const SHARED = [4, 7, 9, 10, 11, 12] as const;

/** Packed outcomes: runs of {@link SLOTS} values, or an outcome object in one slot. */
export type PackedOutcomes = unknown[];

const VERDICT_INDEX = new Map<Verdict, number>(VERDICTS.map((v, i) => [v, i]));

/** A job's sink that packs: {@link Packer.take} gives the job's packed outcomes. */
export interface Packer extends JobSink {
  /** @returns the packed outcomes */
  take(): PackedOutcomes;
}

/**
 * The worker's sink: each usual outcome's fields written straight into the packed array, the
 * unusual ones (a reason, representatives, a message of its own, an array index) built into
 * objects (`buildOutcome`) that travel as they are.
 * @param file - the job's file
 * @returns the packer (one per job)
 */
export function createPacker(file: string): Packer {
  const out: unknown[] = [];
  // The shared slots' values of the previous packed outcome, in the order of SHARED (see SAME).
  const shared: unknown[] = SHARED.map(() => undefined);
  // SAME when `v` is the previous packed outcome's value of the k-th shared slot, else `v`.
  const share = (k: number, v: string | undefined): unknown => {
    if (v !== undefined && v === shared[k]) return SAME;
    shared[k] = v;
    return v;
  };
  let line: number | undefined;
  let index: number | undefined;
  return {
    at(l, i) {
      line = l;
      index = i;
    },
    conclude(f) {
      if (line === undefined || f.reason !== undefined || f.representatives !== undefined || f.message !== undefined) {
        out.push(buildOutcome(f, sourceOf(file, line, index)));
        return;
      }
      // In the order of the slots (SHARED names 4, 7, 9, 10, 11, 12).
      out.push(
        VERDICT_INDEX.get(f.verdict),
        (f.hasSigner ? HAS_SIGNER : 0) | (f.hasEvent ? HAS_EVENT : 0),
        line,
        f.id,
        share(0, f.issuer),
        f.signedAt,
        f.name,
        share(1, f.employeeType),
        f.identifier,
        share(2, f.position),
        share(3, f.workUnit),
        share(4, f.eventName),
        share(5, f.eventDate),
        f.proof,
        f.unmasked,
      );
    },
    push(o) {
      out.push(o);
    },
    take: () => out,
  };
}

/**
 * @param packed - from a {@link Packer} (its shared slots are filled in: unpack it once)
 * @param file - the job's file
 * @param lineDelta - added to every line number (a range job's lines are numbered in its range)
 * @param taken - offered each record of the job's leading run of valid records, in order, before
 *   its outcome is built: when it returns `true` (it has dealt with the record: the command's
 *   tally) no outcome is built for it. The first record it is not offered or refuses ends the
 *   run: from there on every outcome is built, so whoever takes the outcomes sees the rest in
 *   order after the records `taken` took.
 * @returns the outcomes, equal to those packed (lines moved by `lineDelta`), but for those `taken` took
 */
export function unpackOutcomes(
  packed: PackedOutcomes,
  file: string,
  lineDelta = 0,
  taken?: (f: OutcomeFields, eventKey: string | undefined) => boolean,
): RecordOutcome[] {
  const out: RecordOutcome[] = [];
  // A job's records mostly share one issuer and event: the same key string is handed on, so the
  // duplicate check finds it by identity instead of hashing a new string per record.
  let lastIssuer: string | undefined;
  let lastName: string | undefined;
  let lastDate: string | undefined;
  let lastKey = '';
  const f: OutcomeFields = createFields();
  // The shared slots' values of the previous packed outcome, in the order of SHARED.
  const shared: (string | undefined)[] = SHARED.map(() => undefined);
  for (let i = 0; i < packed.length;) {
    const head = packed[i];
    if (typeof head !== 'number') {
      taken = undefined;
      const o = head as RecordOutcome;
      // A clone of the worker's object: its source is this outcome's alone.
      const source = o.result.source as { line?: number } | undefined;
      if (lineDelta !== 0 && source?.line !== undefined) source.line += lineDelta;
      out.push(o);
      i++;
      continue;
    }
    for (let k = 0; k < SHARED.length; k++) {
      const at = i + (SHARED[k] as number);
      if (packed[at] === SAME) packed[at] = shared[k];
      else shared[k] = packed[at] as string | undefined;
    }
    const flags = packed[i + 1] as number;
    f.verdict = VERDICTS[head] as Verdict;
    f.hasSigner = (flags & HAS_SIGNER) !== 0;
    f.hasEvent = (flags & HAS_EVENT) !== 0;
    f.id = packed[i + 3] as string | undefined;
    const issuer = (f.issuer = packed[i + 4] as string | undefined);
    f.signedAt = packed[i + 5] as string | undefined;
    f.name = packed[i + 6] as string | undefined;
    f.employeeType = packed[i + 7] as string | undefined;
    f.identifier = packed[i + 8] as string | undefined;
    f.position = packed[i + 9] as string | undefined;
    f.workUnit = packed[i + 10] as string | undefined;
    const name = (f.eventName = packed[i + 11] as string | undefined);
    const date = (f.eventDate = packed[i + 12] as string | undefined);
    f.proof = packed[i + 13] as number | undefined;
    f.unmasked = packed[i + 14] as string | undefined;
    if (issuer !== undefined && (issuer !== lastIssuer || name !== lastName || date !== lastDate)) {
      lastIssuer = issuer;
      lastName = name;
      lastDate = date;
      lastKey = eventKeyOf(issuer, name, date);
    }
    if (taken !== undefined) {
      if (f.verdict === 'valid' && taken(f, issuer === undefined ? undefined : lastKey)) {
        i += SLOTS;
        continue;
      }
      taken = undefined;
    }
    out.push(buildOutcome(f, { file, line: (packed[i + 2] as number) + lineDelta }, lastKey));
    i += SLOTS;
  }
  return out;
}
