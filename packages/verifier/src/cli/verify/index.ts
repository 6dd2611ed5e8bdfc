/**
 * `ikrar-verify`: the auditor's command (DESIGN.md "ikrar-verify"). Reads `.json`, `.jsonl`,
 * `.pdf`, directories and `-`, verifies every record against `--trust` on worker threads with a
 * native Ed25519 engine behind the strict checks, and prints a summary, `--json` or `--html`.
 * Exit codes: 0 every record valid, 1 at least one not valid (or none at all), 2 usage or I/O
 * error, printed as one line with a stable code, never a stack trace.
 *
 * @module
 * @example
 * ```sh
 * ikrar-verify export.jsonl --trust trust.json --roster pegawai.csv --html laporan.html
 * ```
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { InputUnreadableError, isVerifierError, OutputUnwritableError, VERIFIER_DOCS_URL } from '../../errors.js';
import { renderHtmlReport } from '../../html-report.js';
import { parseRoster, type RosterEntry } from '../../roster.js';
import { readTrustStore } from '../../read-inputs.js';
import { createTally } from '../../tally.js';
import type { StatusLists } from '../../status-lists.js';
import type { TrustStore } from '../../trust-store.js';
import type { RecordResult } from '../../verify-record.js';
import { parseCommandLine } from './args.js';
import { expandInputs, feedSpec } from './inputs.js';
import { detectLang, MESSAGES, type Lang } from './messages.js';
import { createOutput } from './output.js';
import { createPool, MAX_WORKER_JOB_BYTES } from './pool.js';
import { createSlabs } from './slabs.js';
import { peakRssKiB, threadCpu } from './thread-cpu.js';
import { UsageError } from '../../errors.js';

/**
 * Bytes per read of a JSONL file (a job: about 320 records of 3.3 KB). What the main thread pays
 * per job (a message each way, its scheduling, the tally's and the output's call) is spread over
 * twice the records of 512 KiB reads: main-thread CPU at 100,000 records 7.3-7.6 -> 5.5-6.2 µs per
 * record (4 interleaved rounds, load 4-5), for about 10 MB more peak RSS with 2 workers.
 */
const READ_BYTES = 1024 * 1024;

async function readText(path: string, what: (f: string) => { id: string; en: string }): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new InputUnreadableError(what(path), { cause: err });
  }
}

async function loadTrustStore(path: string): Promise<TrustStore> {
  const text = await readText(path, (f) => ({
    id: MESSAGES.id.trustUnreadable(f),
    en: MESSAGES.en.trustUnreadable(f),
  }));
  return readTrustStore(text);
}

/**
 * Runs the command.
 * @param argv - arguments after the program name
 * @returns the exit code
 * @example process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: readonly string[]): Promise<number> {
  let lang: Lang = detectLang(process.env);
  let clearProgress = (): void => {};
  try {
    const cl = parseCommandLine(argv, process.env);
    lang = cl.lang;
    const t = MESSAGES[lang];
    if (cl.help) {
      process.stdout.write(`${t.usage}\n`);
      return 0;
    }
    if (cl.version) {
      const pkg = createRequire(import.meta.url)('../package.json') as { version: string };
      process.stdout.write(`ikrar-verify ${pkg.version}\n`);
      return 0;
    }
    const trustStore = await loadTrustStore(cl.trust as string);
    let roster: RosterEntry[] | undefined;
    if (cl.roster !== undefined) {
      roster = parseRoster(
        await readText(cl.roster, (f) => ({
          id: MESSAGES.id.rosterUnreadable(f),
          en: MESSAGES.en.rosterUnreadable(f),
        })),
      );
    }
    // The engines (node:crypto, sodium-native, the strict checks) and the status lists' checks are
    // loaded on this thread only when it uses them; the workers load their own.
    if (cl.engine === 'sodium' && !(await import('./engines.js')).loadEngine('sodium'))
      throw new UsageError({ id: MESSAGES.id.noSodium, en: MESSAGES.en.noSodium });
    let statusLists: StatusLists | undefined;
    if (cl.status.length > 0) {
      const [{ readStatusListFiles }, { loadEngine }] = await Promise.all([
        import('./status-input.js'),
        import('./engines.js'),
      ]);
      statusLists = await readStatusListFiles(cl.status, trustStore, loadEngine(cl.engine)?.verify);
    }
    const specs = await expandInputs(cl.inputs, lang);

    const output = createOutput({
      json: cl.json,
      lang,
      progress: !cl.quiet && process.stderr.isTTY === true,
      stdout: process.stdout,
      stderr: process.stderr,
    });
    clearProgress = output.clear;
    const memTimer =
      process.env.IKRAR_VERIFY_STATS === '2'
        ? setInterval(() => {
            const m = process.memoryUsage();
            process.stderr.write(
              `ikrar-verify-mem rss=${m.rss >> 20} heap=${m.heapUsed >> 20} ext=${m.external >> 20} ab=${m.arrayBuffers >> 20}\n`,
            );
          }, 5000)
        : undefined;
    const tally = createTally({ ...(roster && { roster }), reveal: cl.reveal });
    const slabs = createSlabs(READ_BYTES);
    const pool = createPool(
      {
        trustStore,
        ...(cl.before !== undefined && { before: cl.before }),
        engine: cl.engine,
        reveal: cl.reveal,
        ...(statusLists && { statusLists }),
        ...(cl.requireStatus && { requireStatus: true }),
      },
      cl.jobs,
      (outcomes) => {
        const results: RecordResult[] = [];
        tally.add(outcomes, results);
        return output.results(results);
      },
      slabs,
      // The text output shows no valid result: a worker's valid records are tallied from their
      // fields, and only the rest (from the first one that is not valid, or a second signing, on)
      // become outcome objects. --json prints every result.
      cl.json
        ? undefined
        : (file, f, key) => {
            if (!tally.addValid(file, f.id, f.signedAt, f.unmasked, key)) return false;
            output.taken();
            return true;
          },
    );
    let threads: ReturnType<typeof threadCpu>;
    try {
      // With workers, a regular JSONL file is read by them, in ranges the main thread plans.
      const ranges = cl.jobs > 0 ? { sink: pool, drain: pool.drain, nextLine: pool.nextLine } : undefined;
      for (const spec of specs)
        await feedSpec(
          spec,
          { sink: pool, counts: tally.counts, maxJobBytes: MAX_WORKER_JOB_BYTES, slabs, ...(ranges && { ranges }) },
          () => process.stdin,
        );
      await pool.drain();
      // Read before the workers end: a thread's time is gone with it.
      if (process.env.IKRAR_VERIFY_STATS) threads = threadCpu(pool.threadIds());
    } finally {
      await pool.close();
    }
    if (memTimer) clearInterval(memTimer);
    const final = tally.finish();
    await output.finish(final);
    if (cl.html !== undefined) {
      const html = renderHtmlReport(final, {
        lang,
        inputs: specs.map((s) => s.name),
        issuers: trustStore.issuers.map((i) => ({ id: i.id, ...(i.name !== undefined && { name: i.name }) })),
        ...(statusLists && {
          statusLists: [...statusLists.values()].map((l) => ({
            id: l.id,
            issuer: l.issuer,
            ...(l.created !== undefined && { created: l.created }),
          })),
        }),
      });
      try {
        await writeFile(cl.html, html);
      } catch (err) {
        throw new OutputUnwritableError(
          { id: MESSAGES.id.htmlUnwritable(cl.html), en: MESSAGES.en.htmlUnwritable(cl.html) },
          { cause: err },
        );
      }
      if (!cl.json && !cl.quiet) process.stderr.write(`${t.htmlWritten(cl.html)}\n`);
    }
    if (process.env.IKRAR_VERIFY_STATS === '1' || process.env.IKRAR_VERIFY_STATS === '2') {
      process.stderr.write(
        `ikrar-verify-stats ${JSON.stringify({ maxRssKiB: peakRssKiB(), cpuMicros: process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime, ...threads, summary: final.summary })}\n`,
      );
    }
    return final.summary.total > 0 && final.summary.valid === final.summary.total ? 0 : 1;
  } catch (err) {
    clearProgress();
    if (isVerifierError(err)) {
      process.stderr.write(
        `ikrar-verify: ${err.code}: ${err.messages[lang]} (${VERIFIER_DOCS_URL}${err.code.toLowerCase()})\n`,
      );
    } else {
      const msg = String((err as Error)?.message ?? err).split('\n')[0] ?? '';
      process.stderr.write(`ikrar-verify: ERR_INTERNAL: ${MESSAGES[lang].internal(msg)}\n`);
    }
    return 2;
  }
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // A closed pipe (`ikrar-verify … | head`) is the reader's choice, not our failure.
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
