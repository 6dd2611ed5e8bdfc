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
import { VERDICTS, verdictMessage, type Verdict } from '../verdicts.js';
import type { RecordOutcome, RecordResult, SignerSummary } from '../verify-record.js';

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

function eventKeyOf(issuer: string, event: RecordResult['event']): string {
  return `${issuer}\u0000${event?.name ?? ''}\u0000${event?.date ?? ''}`;
}

/** Whether `key` is `eventKeyOf(issuer, event)`, compared in place (no string built per record). */
function isEventKeyOf(key: string, issuer: string, event: RecordResult['event']): boolean {
  const name = event?.name ?? '';
  const date = event?.date ?? '';
  const at = issuer.length + 1;
  return (
    key.length === at + name.length + 1 + date.length &&
    key.startsWith(issuer) &&
    key.charCodeAt(issuer.length) === 0 &&
    key.startsWith(name, at) &&
    key.charCodeAt(at + name.length) === 0 &&
    key.endsWith(date)
  );
}

/** Whether `o` can be packed: everything it holds has a slot. */
function packable(o: RecordOutcome, file: string): boolean {
  const r = o.result;
  const s = r.source;
  if (s === undefined || s.file !== file || typeof s.line !== 'number' || s.index !== undefined) return false;
  if (r.reason !== undefined || r.representatives !== undefined || r.message !== verdictMessage(r.verdict))
    return false;
  if (o.eventKey !== undefined && (r.issuer === undefined || !isEventKeyOf(o.eventKey, r.issuer, r.event)))
    return false;
  if (o.eventKey === undefined && r.issuer !== undefined) return false;
  return true;
}

/**
 * @param outcomes - one job's outcomes
 * @param file - the job's file (every packed source names it)
 * @returns the packed form
 */
export function packOutcomes(outcomes: readonly RecordOutcome[], file: string): PackedOutcomes {
  const out: unknown[] = [];
  // The shared slots' values of the previous packed outcome, in the order of SHARED (see SAME).
  const shared: unknown[] = SHARED.map(() => undefined);
  for (const o of outcomes) {
    if (!packable(o, file)) {
      out.push(o);
      continue;
    }
    const r = o.result;
    const sg = r.signer;
    const ev = r.event;
    const at = out.length;
    out.push(
      VERDICT_INDEX.get(r.verdict),
      (sg ? HAS_SIGNER : 0) | (ev ? HAS_EVENT : 0),
      r.source?.line,
      r.id,
      r.issuer,
      r.signedAt,
      sg?.name,
      sg?.employeeType,
      sg?.identifier,
      sg?.position,
      sg?.workUnit,
      ev?.name,
      ev?.date,
      r.proof,
      o.identifier,
    );
    for (let k = 0; k < SHARED.length; k++) {
      const slot = at + (SHARED[k] as number);
      const v = out[slot];
      if (v !== undefined && v === shared[k]) out[slot] = SAME;
      else shared[k] = v;
    }
  }
  return out;
}

/**
 * @param packed - from {@link packOutcomes} (its shared slots are filled in: unpack it once)
 * @param file - the job's file
 * @returns the outcomes, equal to those packed
 */
export function unpackOutcomes(packed: PackedOutcomes, file: string): RecordOutcome[] {
  const out: RecordOutcome[] = [];
  // A job's records mostly share one issuer and event: the same key string is handed on, so the
  // duplicate check finds it by identity instead of hashing a new string per record.
  let lastIssuer: string | undefined;
  let lastName: string | undefined;
  let lastDate: string | undefined;
  let lastKey = '';
  // The shared slots' values of the previous packed outcome, in the order of SHARED.
  const shared: (string | undefined)[] = SHARED.map(() => undefined);
  for (let i = 0; i < packed.length;) {
    const head = packed[i];
    if (typeof head !== 'number') {
      out.push(head as RecordOutcome);
      i++;
      continue;
    }
    for (let k = 0; k < SHARED.length; k++) {
      const at = i + (SHARED[k] as number);
      if (packed[at] === SAME) packed[at] = shared[k];
      else shared[k] = packed[at] as string | undefined;
    }
    const verdict = VERDICTS[head] as Verdict;
    const flags = packed[i + 1] as number;
    const id = packed[i + 3] as string | undefined;
    const issuer = packed[i + 4] as string | undefined;
    const signedAt = packed[i + 5] as string | undefined;
    // Keys in the order verify-record.ts writes them: source, id, issuer, signedAt, signer, event,
    // verdict, valid, message, proof.
    const result: { -readonly [K in keyof RecordResult]: RecordResult[K] } = {
      source: { file, line: packed[i + 2] as number },
    } as RecordResult;
    if (id !== undefined) result.id = id;
    if (issuer !== undefined) result.issuer = issuer;
    if (signedAt !== undefined) result.signedAt = signedAt;
    if (flags & HAS_SIGNER) {
      const signer: { -readonly [K in keyof SignerSummary]: SignerSummary[K] } = {};
      const name = packed[i + 6] as string | undefined;
      if (name !== undefined) signer.name = name;
      const employeeType = packed[i + 7] as string | undefined;
      if (employeeType !== undefined) signer.employeeType = employeeType;
      const identifier = packed[i + 8] as string | undefined;
      if (identifier !== undefined) signer.identifier = identifier;
      const position = packed[i + 9] as string | undefined;
      if (position !== undefined) signer.position = position;
      const workUnit = packed[i + 10] as string | undefined;
      if (workUnit !== undefined) signer.workUnit = workUnit;
      result.signer = signer;
    }
    let event: { name?: string; date?: string } | undefined;
    if (flags & HAS_EVENT) {
      event = {};
      const name = packed[i + 11] as string | undefined;
      if (name !== undefined) event.name = name;
      const date = packed[i + 12] as string | undefined;
      if (date !== undefined) event.date = date;
      result.event = event;
    }
    result.verdict = verdict;
    result.valid = verdict === 'valid';
    result.message = verdictMessage(verdict);
    const proof = packed[i + 13] as number | undefined;
    if (proof !== undefined) result.proof = proof;
    const outcome: { -readonly [K in keyof RecordOutcome]: RecordOutcome[K] } = { result };
    const identifier = packed[i + 14] as string | undefined;
    if (identifier !== undefined) outcome.identifier = identifier;
    if (issuer !== undefined) {
      if (issuer !== lastIssuer || event?.name !== lastName || event?.date !== lastDate) {
        lastIssuer = issuer;
        lastName = event?.name;
        lastDate = event?.date;
        lastKey = eventKeyOf(issuer, event);
      }
      outcome.eventKey = lastKey;
    }
    out.push(outcome);
    i += SLOTS;
  }
  return out;
}
