/**
 * Collects results into what an auditor reads: counts per verdict, the failures, signings per
 * day, and, with a roster, coverage per work unit and who has not signed. Memory is bounded: at
 * most `maxFailures` failures are kept (the rest are counted), and the roster decides how many
 * identifiers are remembered.
 *
 * @module
 * @example
 * ```ts
 * import { createReport } from '@ikrar/verifier';
 * const report = createReport({ roster });
 * for await (const outcome of outcomes) report.add(outcome);
 * report.finish().summary; // { total, valid, malformed, … }
 * ```
 */
import { maskIdentifier } from '@ikrar/core';
import type { RosterEntry } from './roster.js';
import type { RecordOutcome, RecordResult } from './verify-record.js';
import { VERDICTS, type Verdict } from './verdicts.js';

/** Counts: `total` records examined, and one count per verdict (`valid` among them). */
export type VerificationSummary = { total: number } & Record<Verdict, number>;

/** Coverage of one work unit against the roster. */
export interface UnitCoverage {
  readonly workUnit: string;
  /** People on the roster in this unit. */
  readonly expected: number;
  /** Of them, how many have a valid record. */
  readonly signed: number;
}

/** Roster coverage. */
export interface Coverage {
  readonly expected: number;
  readonly signed: number;
  readonly units: readonly UnitCoverage[];
  /** People on the roster without a valid record (identifier masked unless `reveal`). */
  readonly notSigned: readonly { identifier: string; name?: string; workUnit: string }[];
  /** Valid records of people who are not on the roster. */
  readonly notOnRoster: number;
}

/** Everything a report shows. */
export interface VerificationReport {
  readonly summary: VerificationSummary;
  /** Results that are not valid, in input order, at most `maxFailures`. */
  readonly failures: readonly RecordResult[];
  /** Failures not kept in `failures`. */
  readonly failuresOmitted: number;
  /** Valid records per day of signing (the date of the issuer proof, in its own offset). */
  readonly timeline: readonly { date: string; count: number }[];
  readonly coverage?: Coverage;
}

/** Options of {@link createReport}. */
export interface ReportOptions {
  readonly roster?: readonly RosterEntry[];
  /** Show roster identifiers in full. Default masked. */
  readonly reveal?: boolean;
  /** Failures kept for the report. Default 10,000. */
  readonly maxFailures?: number;
}

/** A report being filled; see {@link createReport}. */
export interface ReportBuilder {
  /** Adds one record's outcome (after duplicate checks). */
  add(outcome: RecordOutcome): void;
  /**
   * Adds a valid record (after duplicate checks) without its outcome object, as
   * {@link ReportBuilder.add} adds it.
   * @param signedAt - `RecordResult.signedAt`
   * @param identifier - `RecordOutcome.identifier`
   */
  addValid(signedAt: string | undefined, identifier: string | undefined): void;
  /** The report so far. */
  finish(): VerificationReport;
}

/**
 * Starts a report.
 * @param options - roster, reveal, failure cap
 * @returns a {@link ReportBuilder}
 * @example const r = createReport(); r.add(outcome); r.finish();
 */
export function createReport(options: ReportOptions = {}): ReportBuilder {
  const maxFailures = options.maxFailures ?? 10_000;
  const summary = { total: 0 } as VerificationSummary;
  for (const v of VERDICTS) summary[v] = 0;
  const failures: RecordResult[] = [];
  let failuresOmitted = 0;
  const days = new Map<string, number>();
  const roster = options.roster;
  const rosterIds = roster ? new Map(roster.map((e) => [e.identifier, e])) : undefined;
  const signed = new Set<string>();
  let notOnRoster = 0;
  // Records of one day come in runs: the day being counted is kept apart, added to `days` when
  // another day comes (or at the end), so a run costs one comparison a record, not a map lookup.
  let day = '';
  let dayCount = 0;
  const endDay = (): void => {
    if (dayCount) days.set(day, (days.get(day) ?? 0) + dayCount);
    dayCount = 0;
  };

  // A valid record's day and roster entry.
  const signing = (at: string | undefined, identifier: string | undefined): void => {
    if (at) {
      if (!(day.length === 10 && at.startsWith(day))) {
        const d = at.slice(0, 10);
        if (d !== day) {
          endDay();
          day = d;
        }
      }
      dayCount++;
    }
    if (rosterIds && identifier !== undefined) {
      const id = identifier.replace(/\s+/g, '');
      if (rosterIds.has(id)) signed.add(id);
      else notOnRoster++;
    }
  };

  return {
    add({ result, identifier }) {
      summary.total++;
      summary[result.verdict]++;
      if (result.valid) return signing(result.signedAt, identifier);
      if (failures.length < maxFailures) failures.push(result);
      else failuresOmitted++;
    },
    addValid(at, identifier) {
      summary.total++;
      summary.valid++;
      signing(at, identifier);
    },
    finish() {
      endDay();
      const timeline = [...days].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([date, count]) => ({ date, count }));
      let coverage: Coverage | undefined;
      if (roster) {
        const units = new Map<string, { expected: number; signed: number }>();
        const notSigned: { identifier: string; name?: string; workUnit: string }[] = [];
        for (const e of roster) {
          const u = units.get(e.workUnit) ?? { expected: 0, signed: 0 };
          u.expected++;
          if (signed.has(e.identifier)) u.signed++;
          else {
            notSigned.push({
              identifier: options.reveal ? e.identifier : maskIdentifier(e.identifier),
              ...(e.name !== undefined && { name: e.name }),
              workUnit: e.workUnit,
            });
          }
          units.set(e.workUnit, u);
        }
        coverage = {
          expected: roster.length,
          signed: roster.length - notSigned.length,
          units: [...units]
            .map(([workUnit, u]) => ({ workUnit, ...u }))
            .sort((a, b) => a.workUnit.localeCompare(b.workUnit)),
          notSigned,
          notOnRoster,
        };
      }
      return {
        summary: { ...summary },
        failures: [...failures],
        failuresOmitted,
        timeline,
        ...(coverage && { coverage }),
      };
    },
  };
}
