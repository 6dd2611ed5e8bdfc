/**
 * Verifies one record against a trust store and gives one verdict (DESIGN.md "Trust store"):
 * every proof verifies (core's `verifyPledge`, strict Ed25519), the final proof is the issuer's,
 * the issuer is trusted at that proof's `created`, the pledge text is the official template's,
 * and, when asked, it was signed before a deadline. Batch checks (duplicates, roster coverage)
 * are in `verify-records.ts` and `report.ts`.
 *
 * @module
 * @example
 * ```ts
 * import { createRecordVerifier, parseTrustStore } from '@ikrar/verifier';
 * const verifier = createRecordVerifier({ trustStore: parseTrustStore(trustJson) });
 * (await verifier.verifyText(line)).result.verdict; // 'valid'
 * ```
 */
import {
  checkPledgeText,
  createVerifyCache,
  isIkrarError,
  parseJson,
  parseTimestamp,
  type PledgeTemplate,
  timestampMillis,
  type VerificationCode,
  type VerifyPledgeResult,
  verifyPledge,
} from '@ikrar/core';
import { createCryptoProvider, NOBLE_PROVIDER } from '@ikrar/core/crypto';
import type { VerifierMessage } from './errors.js';
import { createLineScanner, createSlicer, type LineShape } from './internal/canonical-line.js';
import { keyResolver } from './internal/keys.js';
import {
  buildOutcome,
  clearFields,
  createFields,
  malformedFields,
  type OutcomeFields,
  type OutcomeSink,
  readSubject,
  registerSinking,
} from './internal/outcome.js';
import { isPlainObject } from './internal/util.js';
import { statusOfRecord, type StatusLists } from './status-lists.js';
import type { StrictVerify } from './strict-signature.js';
import { createTrustDecider, type TrustStore } from './trust-store.js';
import type { RecordReason, Verdict } from './verdicts.js';

/** Where a record came from, for reports: a file and line, or an index in a JSON array. */
export interface RecordSource {
  readonly file?: string;
  /** 1-based line in a JSONL file. */
  readonly line?: number;
  /** 0-based position in a JSON array. */
  readonly index?: number;
}

/** Who signed, for reports. The identifier is masked unless `reveal` was asked. */
export interface SignerSummary {
  readonly name?: string;
  readonly employeeType?: string;
  readonly identifier?: string;
  readonly position?: string;
  readonly workUnit?: string;
}

/** The verdict for one record. */
export interface RecordResult {
  readonly source?: RecordSource;
  readonly verdict: Verdict;
  /** `verdict === 'valid'`. */
  readonly valid: boolean;
  /** Why, structured: core's verification code or the verifier's, the field at fault, a finer case. */
  readonly reason?: RecordReason;
  readonly message: VerifierMessage;
  /** Index of the proof the verdict is about (the failing one, else the issuer's). */
  readonly proof?: number;
  /** The record's `id`. */
  readonly id?: string;
  /** `issuer` or `issuer.id`. */
  readonly issuer?: string;
  /** `created` of the final issuer proof: when the issuer vouched for the record. */
  readonly signedAt?: string;
  readonly signer?: SignerSummary;
  /** A collective pakta integritas: every representative named in it (each proof is theirs). */
  readonly representatives?: readonly SignerSummary[];
  /** The event name and date. */
  readonly event?: { readonly name?: string; readonly date?: string };
}

/** A result plus what batch checks need and reports must not show. */
export interface RecordOutcome {
  readonly result: RecordResult;
  /** Unmasked signer identifier, for duplicates and roster coverage. */
  readonly identifier?: string;
  /** Issuer + event, for duplicates. */
  readonly eventKey?: string;
}

/** Options of {@link createRecordVerifier}. */
export interface RecordVerifierOptions {
  /** The trust store, read when the verifier is made (its keys and windows): a store changed afterwards is not seen. */
  readonly trustStore: TrustStore;
  /** The agency's own templates, beside the built-in ones. */
  readonly templates?: readonly PledgeTemplate[];
  /** Deadline: records whose issuer proof was created after it get `after-deadline`. */
  readonly before?: string | Date;
  /**
   * Signature check; default core's strict noble one. Must be as strict: `createStrictVerifier`
   * around a native one, or core's `verifyEd25519Async` (WebCrypto first, noble fallback) in browsers.
   */
  readonly verifySignature?:
    StrictVerify | ((signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => Promise<boolean>);
  /** SHA-256 for record hashing; default core's `@noble/hashes`. The command passes node:crypto's. */
  readonly sha256?: (bytes: Uint8Array) => Uint8Array;
  /** Show identifiers in full (default masked, UU PDP 27/2022). */
  readonly reveal?: boolean;
  /** Deepest JSON nesting accepted by {@link RecordVerifier.verifyText}. Default 64. */
  readonly maxDepth?: number;
  /** Longest record text accepted, in UTF-16 code units. Default 16 MiB. */
  readonly maxLength?: number;
  /** Verified status lists (`loadStatusLists`): a record whose revocation bit is set is `revoked`. */
  readonly statusLists?: StatusLists;
  /** A record naming no given list is `status-unknown`. Default `false`. */
  readonly requireStatus?: boolean;
}

/** A verifier for single records, built once per run. */
export interface RecordVerifier {
  /** Verifies a parsed record (parse untrusted text with `verifyText` or core's `parseJson`). */
  verify(record: unknown, source?: RecordSource): Promise<RecordOutcome>;
  /** Parses one record's JSON text strictly, then verifies it. Bad JSON is a `malformed` verdict. */
  verifyText(text: string, source?: RecordSource): Promise<RecordOutcome>;
  /**
   * Verifies one line's UTF-8 bytes (without its newline): the outcome of `verifyText` on its
   * text; bytes that are not UTF-8 are a `malformed` verdict (`ERR_UTF8_INVALID`). A line already
   * in RFC 8785 form, as core writes records, is read with one `JSON.parse` and each proof's
   * document hashed as slices of the line instead of being serialized again: the same verdict,
   * less work.
   */
  verifyLine(bytes: Uint8Array, source?: RecordSource): Promise<RecordOutcome>;
}

/** The message of an `ERR_UTF8_INVALID` verdict. */
export const BAD_UTF8_MESSAGE: VerifierMessage = {
  id: 'Teks bukan UTF-8 yang sah.',
  en: 'The text is not valid UTF-8.',
};

const MALFORMED_CODES: ReadonlySet<VerificationCode> = new Set([
  'ERR_RECORD_INVALID',
  'ERR_PROOF_MISSING',
  'ERR_PROOF_MALFORMED',
  'ERR_PROOF_UNSUPPORTED',
  'ERR_PROOF_PURPOSE',
  'ERR_CONTEXT_MISMATCH',
  'ERR_PROOF_CHAIN_BROKEN',
  'ERR_CANONICALIZATION_FAILED',
]);

// Built by the outcomes' own module, so that a reader needs none of the verify walk to report input
// that is not a record (the command's main thread loads it without the walk).
export { malformedOutcome } from './internal/outcome.js';

/**
 * Builds a verifier for single records.
 *
 * @param options - trust store, templates, deadline, signature check, reveal
 * @returns a {@link RecordVerifier}; its methods never throw for bad records
 * @throws RangeError when `before` is not a time, or a time in a trust store made by hand is not an RFC 3339 time
 * @example
 * ```ts
 * const v = createRecordVerifier({ trustStore, before: '2024-11-27T00:00:00+07:00' });
 * const { result } = await v.verify(record, { file: 'x.jsonl', line: 3 });
 * ```
 */
export function createRecordVerifier(options: RecordVerifierOptions): RecordVerifier {
  const store = options.trustStore;
  const reveal = options.reveal ?? false;
  const templates = options.templates ?? [];
  let deadline: number | undefined;
  if (options.before !== undefined) {
    const d = options.before instanceof Date ? options.before : parseTimestamp(options.before);
    if (!d || Number.isNaN(d.getTime())) throw new RangeError('"before" expected an RFC 3339 time with an offset');
    deadline = d.getTime();
  }
  // did:web and other DIDs: their key comes from the trust store entry.
  const resolveKey = keyResolver(store);
  // The store's trust windows, read once here (as its keys are) and owned by this verifier.
  const trustOf = createTrustDecider(store);
  const statusLists = options.statusLists;
  const requireStatus = options.requireStatus ?? false;
  // This verifier's own cache: texts hashed once per run, under this verifier's hash function.
  // The default engine is core's all-noble provider (synchronous); a given check and hash replace its parts.
  // The record this verifier last parsed from a canonical line (verifyLine), with the line and its
  // shape, until its verification ends: core asks for a proof's secured document and its
  // configuration and gets slices of the line. Any other record (another call's, when calls
  // overlap) gets `undefined`, and core serializes them: the same bytes. The slices are used only while their record is
  // verified, so once no line's record is, the slicer writes over them.
  let lineRecord: object | undefined;
  let lineBytes: Uint8Array | undefined;
  let lineShape: LineShape | undefined;
  let linesInFlight = 0;
  const slicer = createSlicer();
  const securedBytes = (record: object, previous: readonly unknown[] | undefined): Uint8Array | undefined =>
    record === lineRecord
      ? slicer.slice(
          lineBytes as Uint8Array,
          lineShape as LineShape,
          (record as Record<string, unknown>).proof,
          previous,
        )
      : undefined;
  const proofConfigBytes = (record: object, proof: object): Uint8Array | undefined =>
    record === lineRecord
      ? slicer.config(lineBytes as Uint8Array, lineShape as LineShape, (record as Record<string, unknown>).proof, proof)
      : undefined;
  const pledgeOptions = {
    cache: createVerifyCache(),
    // One provider: a given check and hash in place of noble's (core then makes no object per record).
    crypto: createCryptoProvider({ sha256: options.sha256, verify: options.verifySignature }, NOBLE_PROVIDER),
    resolveKey,
    securedBytes,
    proofConfigBytes,
  };

  const textOptions = { cache: pledgeOptions.cache };

  // The fields of the record being concluded: filled and handed on synchronously, so one serves
  // every record (calls that overlap meet only across an await, never here).
  const fields = createFields();
  /** Hands the fields to the sink, or builds the outcome object from them. */
  const give = (f: OutcomeFields, source: RecordSource | undefined, sink: OutcomeSink | undefined) => {
    if (sink === undefined) return buildOutcome(f, source);
    sink.conclude(f);
    return undefined;
  };
  const malformed = (
    reason: RecordReason,
    source: RecordSource | undefined,
    sink: OutcomeSink | undefined,
    detail?: VerifierMessage,
  ) => give(malformedFields(fields, reason, detail), source, sink);

  /**
   * `fromLine`: the record was parsed from a canonical line by verifyLine. With a `sink`, the
   * outcome goes there (the caller knows its source) and nothing is returned.
   */
  async function verifyParsed(
    record: unknown,
    source: RecordSource | undefined,
    fromLine: boolean,
    sink: OutcomeSink | undefined,
  ): Promise<RecordOutcome | undefined> {
    let r: VerifyPledgeResult;
    try {
      r = await verifyPledge(record, pledgeOptions);
    } catch {
      return malformed({ code: 'ERR_RECORD_INVALID' }, source, sink);
    } finally {
      if (fromLine) {
        if (record === lineRecord) lineRecord = lineBytes = lineShape = undefined;
        if (--linesInFlight === 0) slicer.reuse();
      }
    }
    const f = clearFields(fields);
    decide(record, r);
    if (isPlainObject(record)) {
      if (typeof record.id === 'string') f.id = record.id;
      readSubject(f, record, reveal);
    }
    f.issuer = r.issuer;
    if (r.issuerProof !== undefined) f.signedAt = r.proofs[r.issuerProof]?.created;
    return give(f, source, sink);
  }

  /** A verdict with its reason and the proof it is about. */
  function out(verdict: Verdict, reason?: RecordReason, proof?: number): void {
    fields.verdict = verdict;
    fields.reason = reason;
    fields.proof = proof;
  }

  /**
   * Decides the verdict, in order of precedence (README "Verdicts"), into {@link fields}.
   * @param record - the record
   * @param r - core's verification of it
   */
  function decide(record: unknown, r: VerifyPledgeResult): void {
    if (!r.verified) {
      const code = r.code as VerificationCode;
      const failed = r.proofs.find((p) => !p.verified);
      const at = failed?.index;
      const reason: RecordReason = r.path === undefined ? { code } : { code, path: r.path };
      // README: a text that differs from its own digest is altered-text (it carries a path too).
      if (code === 'ERR_PLEDGE_DIGEST_MISMATCH') return out('altered-text', reason);
      if (r.path !== undefined || MALFORMED_CODES.has(code)) return out('malformed', reason, at);
      if (code === 'ERR_ISSUER_MISMATCH') return out('issuer-mismatch', reason);
      // A key nobody can resolve: the issuer's own is simply not trusted; anyone else's is a bad proof.
      if (code === 'ERR_KEY_UNRESOLVED' && failed?.controller === r.issuer) return out('untrusted-issuer', reason, at);
      return out('invalid-signature', reason, at);
    }
    const ip = r.issuerProof as number;
    const created = r.proofs[ip]?.created;
    // DESIGN.md: trust is decided at the final issuer proof's `created`. Data Integrity 1.0 §2.1 makes
    // `created` optional, so a proof without it is well formed, but there is no time to judge it by.
    if (created === undefined) return out('undated-proof', { code: 'ERR_PROOF_CREATED_MISSING' }, ip);
    // One parser for `created` and the windows (core's); read once for trust and the deadline.
    const at = timestampMillis(created);
    const trust = trustOf(r.issuer as string, at);
    if (trust === 'untrusted') return out('untrusted-issuer', undefined, ip);
    if (trust === 'revoked') return out('key-revoked', undefined, ip);
    if (trust === 'not-yet-valid') return out('key-not-yet-valid', undefined, ip);
    if (trust === 'expired') return out('key-expired', undefined, ip);
    const text = checkPledgeText(record, templates, textOptions);
    if (text.status === 'altered') {
      const reason: RecordReason = {
        code: 'ERR_PLEDGE_TEXT_ALTERED',
        path: `credentialSubject.pledge.${text.differences[0] as string}`,
        detail: text.differences.join(','),
      };
      return out('altered-text', reason, ip);
    }
    if (text.status === 'unknown-template') return out('unknown-template', undefined, ip);
    if (statusLists !== undefined || requireStatus) {
      const st = statusOfRecord(record, r.issuer as string, statusLists ?? new Map(), requireStatus);
      if (st.status === 'revoked') return out('revoked', st.reason, ip);
      if (st.status === 'malformed') return out('malformed', st.reason, ip);
      if (st.status === 'unknown') return out('status-unknown', st.reason, ip);
    }
    if (deadline !== undefined && at > deadline) {
      return out('after-deadline', undefined, ip);
    }
    return out('valid', undefined, ip);
  }

  const parseOptions = {
    ...(options.maxDepth !== undefined && { maxDepth: options.maxDepth }),
    ...(options.maxLength !== undefined && { maxLength: options.maxLength }),
  };
  /** Returns the outcome, or `undefined` once it is in `sink`: a promise only when verifying. */
  function textInto(
    text: string,
    source: RecordSource | undefined,
    sink: OutcomeSink | undefined,
  ): RecordOutcome | undefined | Promise<RecordOutcome | undefined> {
    let record: unknown;
    try {
      record = parseJson(text, parseOptions);
    } catch (err) {
      return isIkrarError(err) && err.code === 'ERR_JSON_INVALID'
        ? malformed({ code: 'ERR_JSON_INVALID', detail: err.reason }, source, sink, err.messages)
        : malformed({ code: 'ERR_JSON_INVALID' }, source, sink);
    }
    return verifyParsed(record, source, false, sink);
  }

  const maxLength = options.maxLength ?? 16 * 1024 * 1024;
  // Deeper lines take the full path: core's canonicalizer refuses beyond 128 levels.
  const scan = createLineScanner(Math.min(options.maxDepth ?? 64, 100));
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** As {@link textInto}, for a line's bytes. */
  function lineInto(
    bytes: Uint8Array,
    source: RecordSource | undefined,
    sink: OutcomeSink | undefined,
  ): RecordOutcome | undefined | Promise<RecordOutcome | undefined> {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return malformed({ code: 'ERR_UTF8_INVALID' }, source, sink, BAD_UTF8_MESSAGE);
    }
    const shape = text.length <= maxLength ? scan(bytes) : null;
    if (shape) {
      let record: unknown;
      try {
        record = JSON.parse(text);
      } catch {
        return textInto(text, source, sink); // its message says what is wrong
      }
      lineRecord = record as object;
      lineBytes = bytes;
      lineShape = shape;
      linesInFlight++;
      return verifyParsed(record, source, true, sink);
    }
    return textInto(text, source, sink);
  }

  // Without a sink every path gives an outcome.
  const verifier: RecordVerifier = {
    verify: (record, source) => verifyParsed(record, source, false, undefined) as Promise<RecordOutcome>,
    verifyText: (text, source) => Promise.resolve(textInto(text, source, undefined) as RecordOutcome),
    verifyLine: (bytes, source) => Promise.resolve(lineInto(bytes, source, undefined) as RecordOutcome),
  };
  registerSinking(verifier, {
    verifyText: (text, sink) => textInto(text, undefined, sink) as undefined | Promise<undefined>,
    verifyLine: (bytes, sink) => lineInto(bytes, undefined, sink) as undefined | Promise<undefined>,
  });
  return verifier;
}
