/**
 * One record's outcome as flat fields, the builder/sink split of the verify path: the verifier
 * fills one {@link OutcomeFields} (reused record after record) with what it concluded, then hands
 * it either to {@link buildOutcome} (the library's `RecordOutcome` objects) or to a sink (a
 * worker's packer, `pack-outcomes.ts`), which writes the fields straight into the packed array.
 * The verdict and the summary are computed once, in one place (`verify-record.ts`); the object
 * tree is built only where it is wanted (the library, the main thread's unpacking), by this one
 * builder, so every path gives the same keys in the same order.
 *
 * @module
 * @internal
 */
import { maskIdentifier } from '@ikrar/core';
import type { VerifierMessage } from '../errors.js';
import { type RecordReason, verdictMessage, type Verdict } from '../verdicts.js';
import type { RecordOutcome, RecordResult, RecordSource, RecordVerifier, SignerSummary } from '../verify-record.js';
import { isPlainObject, str } from './util.js';

/** A signer's texts as shown (the identifier masked unless revealed). */
export interface SignerFields {
  name: string | undefined;
  employeeType: string | undefined;
  identifier: string | undefined;
  position: string | undefined;
  workUnit: string | undefined;
}

/** One record's outcome, flat. Read only during the call it is handed to. */
export interface OutcomeFields extends SignerFields {
  verdict: Verdict;
  reason: RecordReason | undefined;
  /** A message of its own, else the verdict's. */
  message: VerifierMessage | undefined;
  proof: number | undefined;
  id: string | undefined;
  issuer: string | undefined;
  signedAt: string | undefined;
  /** The record names a signer (an object): the signer fields hold its texts. */
  hasSigner: boolean;
  /** The record names an event (an object). */
  hasEvent: boolean;
  eventName: string | undefined;
  eventDate: string | undefined;
  /** A collective record's representatives, summarized. */
  representatives: SignerSummary[] | undefined;
  /** The signer's identifier unmasked (duplicates, roster coverage). */
  unmasked: string | undefined;
}

/** Where the verifier hands a record's outcome instead of returning an object. */
export interface OutcomeSink {
  /** The record's conclusion (fields read during the call only). */
  conclude(fields: OutcomeFields): void;
  /** An outcome that already is an object (bad input, a verifier of the caller's own). */
  push(outcome: RecordOutcome): void;
}

/**
 * @returns empty fields (a malformed verdict with nothing known)
 */
export function createFields(): OutcomeFields {
  return clearFields({} as OutcomeFields);
}

/**
 * Resets every field, in one order (one hidden class for every record).
 * @param f - the fields
 * @returns `f`
 */
export function clearFields(f: OutcomeFields): OutcomeFields {
  f.verdict = 'malformed';
  f.reason = undefined;
  f.message = undefined;
  f.proof = undefined;
  f.id = undefined;
  f.issuer = undefined;
  f.signedAt = undefined;
  f.hasSigner = false;
  f.name = undefined;
  f.employeeType = undefined;
  f.identifier = undefined;
  f.position = undefined;
  f.workUnit = undefined;
  f.hasEvent = false;
  f.eventName = undefined;
  f.eventDate = undefined;
  f.representatives = undefined;
  f.unmasked = undefined;
  return f;
}

/**
 * Reads a signer's (or a representative's) texts into `into`.
 * @param s - the signer object of a record
 * @param reveal - show the identifier in full
 * @param into - written: the texts as shown
 * @returns the identifier unmasked
 */
function readSigner(s: Record<string, unknown>, reveal: boolean, into: SignerFields): string | undefined {
  into.name = str(s, 'name');
  into.employeeType = str(s, 'employeeType');
  const identifier = str(s, 'identifier');
  into.identifier = identifier === undefined || reveal ? identifier : maskIdentifier(identifier);
  into.position = str(s, 'position');
  into.workUnit = str(s, 'workUnit');
  return identifier;
}

/**
 * A summary object with keys only for the texts that are set, in a fixed order.
 * @param f - the texts
 * @returns the summary
 */
function summaryOf(f: SignerFields): SignerSummary {
  const out: { -readonly [K in keyof SignerSummary]: SignerSummary[K] } = {};
  if (f.name !== undefined) out.name = f.name;
  if (f.employeeType !== undefined) out.employeeType = f.employeeType;
  if (f.identifier !== undefined) out.identifier = f.identifier;
  if (f.position !== undefined) out.position = f.position;
  if (f.workUnit !== undefined) out.workUnit = f.workUnit;
  return out;
}

/**
 * Fills what a record says about itself: signer, representatives and event (`credentialSubject`).
 * @param f - the fields (verdict and the rest already set or cleared)
 * @param doc - the record
 * @param reveal - show identifiers in full
 */
export function readSubject(f: OutcomeFields, doc: Record<string, unknown>, reveal: boolean): void {
  const subject = doc.credentialSubject;
  if (!isPlainObject(subject)) return;
  const s = subject.signer;
  if (isPlainObject(s)) {
    f.hasSigner = true;
    f.unmasked = readSigner(s, reveal, f);
  }
  const e = subject.event;
  if (isPlainObject(e)) {
    f.hasEvent = true;
    f.eventName = str(e, 'name');
    f.eventDate = str(e, 'date');
  }
  const reps = subject.representatives;
  if (Array.isArray(reps)) {
    const texts = {} as SignerFields;
    f.representatives = reps.filter(isPlainObject).map((r) => {
      readSigner(r, reveal, texts);
      return summaryOf(texts);
    });
  }
}

/**
 * The duplicate check's key of an issuer and event.
 * @param issuer - the issuer
 * @param name - the event's name
 * @param date - the event's date
 * @returns the key
 */
export function eventKeyOf(issuer: string, name: string | undefined, date: string | undefined): string {
  return `${issuer}\u0000${name ?? ''}\u0000${date ?? ''}`;
}

/**
 * Builds the outcome object. Keys in one fixed order: source, id, issuer, signedAt, signer,
 * representatives, event, verdict, valid, reason, message, proof (`--json` prints them so).
 * @param f - the fields
 * @param source - where the record came from
 * @param eventKey - the key, when the caller has it already (an equal string)
 * @returns the outcome
 */
export function buildOutcome(f: OutcomeFields, source: RecordSource | undefined, eventKey?: string): RecordOutcome {
  const result: { -readonly [K in keyof RecordResult]: RecordResult[K] } = {} as RecordResult;
  if (source) result.source = source;
  if (f.id !== undefined) result.id = f.id;
  if (f.issuer !== undefined) result.issuer = f.issuer;
  if (f.signedAt !== undefined) result.signedAt = f.signedAt;
  if (f.hasSigner) result.signer = summaryOf(f);
  if (f.representatives) result.representatives = f.representatives;
  if (f.hasEvent) {
    const event: { name?: string; date?: string } = {};
    if (f.eventName !== undefined) event.name = f.eventName;
    if (f.eventDate !== undefined) event.date = f.eventDate;
    result.event = event;
  }
  result.verdict = f.verdict;
  result.valid = f.verdict === 'valid';
  if (f.reason !== undefined) result.reason = f.reason;
  result.message = f.message ?? verdictMessage(f.verdict);
  if (f.proof !== undefined) result.proof = f.proof;
  const outcome: { -readonly [K in keyof RecordOutcome]: RecordOutcome[K] } = { result };
  if (f.unmasked !== undefined) outcome.identifier = f.unmasked;
  if (f.issuer !== undefined) outcome.eventKey = eventKey ?? eventKeyOf(f.issuer, f.eventName, f.eventDate);
  return outcome;
}

/**
 * Fields of a malformed verdict for input that is not a record (nothing else known).
 * @param f - the fields to fill
 * @param reason - why
 * @param message - a message of its own, else the verdict's
 * @returns `f`
 */
export function malformedFields(f: OutcomeFields, reason: RecordReason, message?: VerifierMessage): OutcomeFields {
  clearFields(f);
  f.reason = reason;
  f.message = message;
  return f;
}

/** What a verifier made by `createRecordVerifier` does with a sink: no object per record. */
export interface SinkingVerifier {
  /** As `verifyText`, the outcome to the sink; a promise only when the record is verified. */
  verifyText(text: string, sink: OutcomeSink): undefined | Promise<undefined>;
  /** As `verifyLine`, the outcome to the sink. */
  verifyLine(bytes: Uint8Array, sink: OutcomeSink): undefined | Promise<undefined>;
}

// The sinking side of a verifier createRecordVerifier made is a property of that verifier (state
// the caller owns, gone with it): own, not enumerable, not writable, under a symbol no other
// module holds. A verifier of the caller's own has none, and its outcomes go to a sink as objects.
const SINKING_SIDE: unique symbol = Symbol();
type WithSinking = RecordVerifier & { readonly [SINKING_SIDE]?: SinkingVerifier };

/**
 * Gives a verifier its sinking side (once, as `createRecordVerifier` makes it).
 * @param verifier - made by `createRecordVerifier`
 * @param sinking - its sinking side
 */
export function registerSinking(verifier: RecordVerifier, sinking: SinkingVerifier): void {
  Object.defineProperty(verifier, SINKING_SIDE, { value: sinking });
}

/**
 * @param verifier - any record verifier
 * @returns its sinking side when `createRecordVerifier` made it, else nothing
 */
export function sinkingOf(verifier: RecordVerifier): SinkingVerifier | false | undefined {
  return Object.hasOwn(verifier, SINKING_SIDE) && (verifier as WithSinking)[SINKING_SIDE];
}

/** A sink a job's runner feeds: told each record's place before its outcome. */
export interface JobSink extends OutcomeSink {
  /**
   * The next record's place in the job's file.
   * @param line - 1-based line (a lines job)
   * @param index - position in a JSON array (a texts job; neither for a lone record)
   */
  at(line: number | undefined, index: number | undefined): void;
}

/**
 * A record's source as an object.
 * @param file - the job's file
 * @param line - its line, if any
 * @param index - its array index, if any
 * @returns `{ file, line }`, `{ file, index }` or `{ file }`
 */
export function sourceOf(file: string, line: number | undefined, index?: number): RecordSource {
  return line !== undefined ? { file, line } : index !== undefined ? { file, index } : { file };
}

/**
 * The library's sink: each outcome as an object, in order.
 * @param file - the job's file
 * @returns the sink and the outcomes it collects
 */
export function collectOutcomes(file: string): JobSink & { readonly outcomes: RecordOutcome[] } {
  const outcomes: RecordOutcome[] = [];
  let line: number | undefined;
  let index: number | undefined;
  return {
    outcomes,
    at(l, i) {
      line = l;
      index = i;
    },
    conclude(f) {
      outcomes.push(buildOutcome(f, sourceOf(file, line, index)));
    },
    push(o) {
      outcomes.push(o);
    },
  };
}

/** The fields {@link malformedOutcome} builds from (used synchronously, so one for all). */
const MALFORMED = createFields();

/**
 * A malformed result for input that is not a record at all (bad JSON, an empty file, not a PDF).
 *
 * @param reason - why, e.g. `{ code: 'ERR_JSON_INVALID', detail: 'duplicate-key' }`
 * @param source - where it came from
 * @param detail - a message for the reason, in both languages
 * @returns the outcome
 * @example malformedOutcome({ code: 'ERR_EMPTY_INPUT' }, { file: 'a.jsonl' })
 */
export function malformedOutcome(reason: RecordReason, source?: RecordSource, detail?: VerifierMessage): RecordOutcome {
  return buildOutcome(malformedFields(MALFORMED, reason, detail), source);
}
