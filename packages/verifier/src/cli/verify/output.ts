/**
 * What `ikrar-verify` writes: failures as they are found and a summary at the end (human), or one
 * JSON object streamed to standard output (`--json`: `results`, then `summary`, `timeline`,
 * `coverage`), and a progress line on standard error when it is a terminal. Writes wait for the
 * stream to drain, so a slow reader of the output cannot make memory grow.
 *
 * @module
 * @example
 * ```ts
 * const out = createOutput({ json: false, lang: 'id', progress: true, stdout, stderr });
 * await out.results(outcomes); await out.finish(report);
 * ```
 */
import type { Writable } from 'node:stream';
import { formatSource } from '../../html-report.js';
import type { VerificationReport } from '../../report.js';
import type { RecordResult } from '../../verify-record.js';
import { formatReason, VERDICTS, verdictMessage } from '../../verdicts.js';
import { MESSAGES, type Lang } from './messages.js';

/** Options of {@link createOutput}. */
export interface OutputOptions {
  readonly json: boolean;
  readonly lang: Lang;
  readonly progress: boolean;
  readonly stdout: Writable;
  readonly stderr: Writable & { isTTY?: boolean };
}

/** The output of one run. */
export interface Output {
  results(results: readonly RecordResult[]): Promise<void>;
  /** One more record, valid, tallied without its result (text output shows none): for the progress line. */
  taken(): void;
  finish(report: VerificationReport): Promise<void>;
  /** Clears the progress line (before an error message). */
  clear(): void;
}

const FLUSH_AT = 64 * 1024;

/**
 * Creates the output.
 * @param o - mode, language, streams
 * @returns an {@link Output}
 * @example createOutput({ json: true, lang: 'en', progress: false, stdout: process.stdout, stderr: process.stderr })
 */
export function createOutput(o: OutputOptions): Output {
  const t = MESSAGES[o.lang];
  let buf = '';
  let first = true;
  let seen = 0;
  const started = Date.now();
  let lastProgress = 0;
  let progressShown = false;

  const write = async (force = false): Promise<void> => {
    if (buf.length < FLUSH_AT && !force) return;
    const chunk = buf;
    buf = '';
    if (!o.stdout.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          o.stdout.off('drain', done);
          o.stdout.off('error', done);
          o.stdout.off('close', done);
          resolve();
        };
        o.stdout.once('drain', done);
        o.stdout.once('error', done);
        o.stdout.once('close', done);
      });
    }
  };
  const clear = (): void => {
    if (progressShown) {
      o.stderr.write('\r\x1b[K');
      progressShown = false;
    }
  };
  const progress = (): void => {
    if (!o.progress) return;
    const now = Date.now();
    if (now - lastProgress < 200) return;
    lastProgress = now;
    const rate = Math.round((seen * 1000) / Math.max(1, now - started));
    o.stderr.write(`\r${t.progress(seen, rate)}\x1b[K`);
    progressShown = true;
  };
  if (o.json) buf = '{"results":[';

  return {
    async results(results) {
      seen += results.length;
      if (o.json) {
        for (const r of results) {
          buf += (first ? '\n' : ',\n') + JSON.stringify(r);
          first = false;
        }
      } else {
        for (const r of results) {
          if (r.valid) continue;
          const names = r.signer?.name ?? r.representatives?.map((p) => p.name).join(', ');
          const who = names ? ` (${names})` : '';
          buf += `${formatSource(r)}  ${r.verdict}  ${r.message[o.lang]}${r.reason ? ` [${formatReason(r.reason)}]` : ''}${who}\n`;
        }
        if (buf.length) clear();
      }
      await write();
      progress();
    },
    taken() {
      // The progress line is looked at once per 256 records, not per record.
      if ((++seen & 255) === 0) progress();
    },
    async finish(report) {
      clear();
      const s = report.summary;
      if (o.json) {
        buf += `\n],\n"summary":${JSON.stringify(s)},\n"failuresOmitted":${report.failuresOmitted},\n"timeline":${JSON.stringify(report.timeline)}`;
        if (report.coverage) buf += `,\n"coverage":${JSON.stringify(report.coverage)}`;
        buf += '}\n';
        return write(true);
      }
      const notValid = s.total - s.valid;
      let text = `\n${t.summaryTitle}\n  ${t.total}: ${s.total}\n`;
      for (const v of VERDICTS) {
        if (v === 'valid' || s[v] > 0)
          text += `  ${v.padEnd(18)} ${String(s[v]).padStart(8)}  ${verdictMessage(v)[o.lang]}\n`;
      }
      const c = report.coverage;
      if (c) {
        text += `\n${t.coverage(c.signed, c.expected)}\n`;
        for (const u of c.units) text += `  ${u.workUnit.padEnd(40)} ${u.signed}/${u.expected}\n`;
        if (c.notSigned.length) {
          text += `${t.notSigned}\n`;
          for (const p of c.notSigned.slice(0, 50)) text += `  ${p.identifier}  ${p.name ?? ''}  (${p.workUnit})\n`;
          if (c.notSigned.length > 50) text += `  ${t.more(c.notSigned.length - 50)}\n`;
        }
        if (c.notOnRoster) text += `${t.notOnRoster(c.notOnRoster)}\n`;
      }
      text += `\n${s.total === 0 ? t.empty : notValid === 0 ? t.allValid(s.total) : t.notAllValid(notValid, s.total)}\n`;
      buf += text;
      return write(true);
    },
    clear,
  };
}
