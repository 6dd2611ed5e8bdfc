/**
 * Outcomes in a flat form for the trip from a worker to the main thread. A structured clone of
 * a ~600-byte outcome object costs the main thread about 10 µs to rebuild (every key of every
 * nested object is read back one by one). A job's usual outcomes travel instead as small
 * integers in one array (15 per outcome: verdict, flags, line, proof, and each text's length)
 * and their texts joined into a few strings, each the texts of a few hundred outcomes: the clone
 * writes one array of integers and a few strings per job, where it wrote an array of 15 mixed
 * values per outcome, strings among them, one by one (2.7 µs CPU per record, now 1.3, measured
 * with `v8.serialize` on 20,000 records), and the main thread cuts the texts back out and builds
 * the objects with fixed shapes. (One string per job, ~48 KB, took peak RSS up by 9-12 MB at
 * 100,000 records with two workers; strings of a few hundred outcomes' texts did not.) An outcome
 * that does not have the usual shape (a JSON array index, a reason, its own message,
 * representatives) travels as the object it is. Unpacking gives objects equal to the originals,
 * keys in the same order, so `--json` output is the same bytes either way.
 *
 * The texts a job's records mostly share (issuer, event, employee type, position, work unit)
 * travel once: a text the same as the previous packed outcome's has the length {@link SAME} and
 * is not in the string again, and unpacking hands on the previous outcome's string. The worker
 * serializes, and the main thread allocates, one string per run of equal values, and the
 * duplicate check then compares event keys by identity.
 *
 * @module
 * @internal
 */
import { VERDICTS, type Verdict } from '../verdicts.js';
import type { RecordOutcome } from '../verify-record.js';
import { buildOutcome, createFields, eventKeyOf, type JobSink, type OutcomeFields, sourceOf } from './outcome.js';

/**
 * Numbers per packed outcome: verdict, flags, line, proof, then the lengths of its 11 texts, in
 * this order: id, issuer, signedAt, name, employeeType, identifier, position, workUnit,
 * eventName, eventDate, unmasked.
 */
const SLOTS = 15;
const HAS_SIGNER = 1;
const HAS_EVENT = 2;
/** Texts the packer joins into one string (whole outcomes' texts: a string may hold a few more). */
const TEXTS_JOINED = 256;
/** A head: the next outcome is the next of {@link PackedOutcomes.objects}. */
const OBJECT = -1;
/** A text's length: it is `undefined` (for `proof`: no proof index). */
const NONE = -1;
/** A shared text's length: the previous packed outcome's value (never a text's own length). */
const SAME = -2;
/** Texts that repeat from record to record, by their place among the texts: issuer, employee type, position, work unit, event. */
const SHARED = [false, true, false, false, true, false, true, true, true, true, false] as const;

/**
 * A job's packed outcomes. `nums` holds, per outcome, {@link OBJECT} (the next of `objects`) or
 * {@link SLOTS} numbers: the verdict's index, flags, line, proof index ({@link NONE}: none), then
 * each text's length in UTF-16 code units ({@link NONE}: undefined, {@link SAME}: the previous
 * packed outcome's), the texts themselves one after another in `texts`: each string there holds
 * the texts of whole outcomes, a few hundred, and the next outcome with a text not empty starts
 * where the string it is in ends.
 */
export interface PackedOutcomes {
  readonly nums: readonly number[];
  readonly texts: readonly string[];
  readonly objects: readonly RecordOutcome[];
}

const VERDICT_INDEX = new Map<Verdict, number>(VERDICTS.map((v, i) => [v, i]));

/** A job's sink that packs: {@link Packer.take} gives the job's packed outcomes. */
export interface Packer extends JobSink {
  /** @returns the packed outcomes */
  take(): PackedOutcomes;
}

/** Whether `n` is a number a packed slot holds as it is: a whole number from 0 to 2^31 - 1. */
const fits = (n: number): boolean => (n | 0) === n && n >= 0;

/**
 * The worker's sink: each usual outcome's fields written straight into the packed numbers and
 * texts, the unusual ones (a reason, representatives, a message of its own, an array index)
 * built into objects (`buildOutcome`) that travel as they are.
 * @param file - the job's file
 * @param joined - texts joined into one string (tests try small values)
 * @returns the packer (one per job)
 */
export function createPacker(file: string, joined: number = TEXTS_JOINED): Packer {
  const nums: number[] = [];
  // The texts of the last few outcomes, joined into `parts` every `joined` texts: the strings of a
  // record die young instead of being held (and promoted to the old generation) to the job's end.
  let texts: string[] = [];
  const parts: string[] = [];
  const objects: RecordOutcome[] = [];
  // The shared texts' values of the previous packed outcome, by their place among the texts (see SAME).
  const shared: (string | undefined)[] = SHARED.map(() => undefined);
  // Adds the k-th text's length, and the text unless it is undefined or the previous one's.
  const put = (k: number, v: string | undefined): void => {
    if (v === undefined) nums.push(NONE);
    else if (SHARED[k] && v === shared[k]) nums.push(SAME);
    else {
      nums.push(v.length);
      texts.push(v);
    }
    if (SHARED[k]) shared[k] = v;
  };
  let line: number | undefined;
  let index: number | undefined;
  return {
    at(l, i) {
      line = l;
      index = i;
    },
    conclude(f) {
      if (
        line === undefined ||
        f.reason !== undefined ||
        f.representatives !== undefined ||
        f.message !== undefined ||
        !fits(line) ||
        (f.proof !== undefined && !fits(f.proof))
      ) {
        nums.push(OBJECT);
        objects.push(buildOutcome(f, sourceOf(file, line, index)));
        return;
      }
      nums.push(
        VERDICT_INDEX.get(f.verdict) as number,
        (f.hasSigner ? HAS_SIGNER : 0) | (f.hasEvent ? HAS_EVENT : 0),
        line,
        f.proof ?? NONE,
      );
      // In the order of the texts (SLOTS).
      put(0, f.id);
      put(1, f.issuer);
      put(2, f.signedAt);
      put(3, f.name);
      put(4, f.employeeType);
      put(5, f.identifier);
      put(6, f.position);
      put(7, f.workUnit);
      put(8, f.eventName);
      put(9, f.eventDate);
      put(10, f.unmasked);
      if (texts.length >= joined) {
        parts.push(texts.join(''));
        texts = [];
      }
    },
    push(o) {
      nums.push(OBJECT);
      objects.push(o);
    },
    take() {
      parts.push(texts.join(''));
      return { nums, texts: parts, objects };
    },
  };
}

/**
 * @param packed - from a {@link Packer}
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
  const { nums, texts, objects } = packed;
  // A job's records mostly share one issuer and event: the same key string is handed on, so the
  // duplicate check finds it by identity instead of hashing a new string per record.
  let lastIssuer: string | undefined;
  let lastName: string | undefined;
  let lastDate: string | undefined;
  let lastKey = '';
  const f: OutcomeFields = createFields();
  // The shared texts' values of the previous packed outcome, by their place among the texts.
  const shared: (string | undefined)[] = SHARED.map(() => undefined);
  let object = 0;
  // The string the next outcome's texts are cut from, its index and where the next text starts.
  let text = texts[0] ?? '';
  let part = 0;
  let pos = 0;
  // The k-th text of the outcome whose length is at `at`.
  const get = (at: number, k: number): string | undefined => {
    const len = nums[at] as number;
    let v: string | undefined;
    if (len === NONE) v = undefined;
    else if (len === SAME) v = shared[k];
    else v = text.slice(pos, (pos += len));
    if (SHARED[k]) shared[k] = v;
    return v;
  };
  for (let i = 0; i < nums.length;) {
    const head = nums[i] as number;
    if (head === OBJECT) {
      taken = undefined;
      const o = objects[object++] as RecordOutcome;
      // A clone of the worker's object: its source is this outcome's alone.
      const source = o.result.source as { line?: number } | undefined;
      if (lineDelta !== 0 && source?.line !== undefined) source.line += lineDelta;
      out.push(o);
      i++;
      continue;
    }
    // An outcome's texts are in one string: at the end of one, the next holds them.
    while (pos === text.length && part < texts.length - 1) {
      text = texts[++part] as string;
      pos = 0;
    }
    const flags = nums[i + 1] as number;
    const proof = nums[i + 3] as number;
    f.verdict = VERDICTS[head] as Verdict;
    f.hasSigner = (flags & HAS_SIGNER) !== 0;
    f.hasEvent = (flags & HAS_EVENT) !== 0;
    f.proof = proof === NONE ? undefined : proof;
    f.id = get(i + 4, 0);
    const issuer = (f.issuer = get(i + 5, 1));
    f.signedAt = get(i + 6, 2);
    f.name = get(i + 7, 3);
    f.employeeType = get(i + 8, 4);
    f.identifier = get(i + 9, 5);
    f.position = get(i + 10, 6);
    f.workUnit = get(i + 11, 7);
    const name = (f.eventName = get(i + 12, 8));
    const date = (f.eventDate = get(i + 13, 9));
    f.unmasked = get(i + 14, 10);
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
    out.push(buildOutcome(f, { file, line: (nums[i + 2] as number) + lineDelta }, lastKey));
    i += SLOTS;
  }
  return out;
}
