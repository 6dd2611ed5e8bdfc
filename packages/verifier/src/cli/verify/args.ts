/**
 * Command-line parsing for `ikrar-verify` with `node:util` `parseArgs` in strict mode: an unknown
 * flag or a missing value is a usage error (exit 2), never ignored.
 *
 * @module
 * @example
 * ```ts
 * const args = parseCommandLine(process.argv.slice(2), 'id');
 * ```
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { parseTimestamp } from '@ikrar/core';
import { UsageError } from '../../errors.js';
import type { EngineName } from './engines.js';
import { detectLang, MESSAGES, type Lang } from './messages.js';

/** The parsed command line. */
export interface CommandLine {
  readonly inputs: readonly string[];
  readonly trust?: string;
  readonly json: boolean;
  readonly html?: string;
  readonly roster?: string;
  readonly before?: string;
  /** Status list credential files or directories. */
  readonly status: readonly string[];
  readonly requireStatus: boolean;
  readonly reveal: boolean;
  readonly lang: Lang;
  readonly engine: 'auto' | EngineName;
  readonly jobs: number;
  readonly quiet: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

function usage(lang: Lang, pick: (t: (typeof MESSAGES)['id']) => string): UsageError {
  void lang;
  return new UsageError({ id: pick(MESSAGES.id), en: pick(MESSAGES.en) });
}

/**
 * Parses the arguments.
 * @param argv - arguments after the program name
 * @param env - environment, for the language
 * @returns the command line
 * @throws {UsageError} `ERR_USAGE` for an unknown flag, a bad value, a missing `--trust` or input
 * @example parseCommandLine(['a.jsonl', '--trust', 't.json'], process.env)
 */
export function parseCommandLine(argv: readonly string[], env: Record<string, string | undefined>): CommandLine {
  let lang = detectLang(env);
  // Find --lang first so even errors about other flags come in the asked language.
  const li = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (li >= 0) {
    const v = argv[li]?.includes('=') ? argv[li]?.split('=')[1] : argv[li + 1];
    if (v === 'id' || v === 'en') lang = v;
  }
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        trust: { type: 'string' },
        json: { type: 'boolean' },
        html: { type: 'string' },
        roster: { type: 'string' },
        before: { type: 'string' },
        status: { type: 'string', multiple: true },
        'require-status': { type: 'boolean' },
        reveal: { type: 'boolean' },
        lang: { type: 'string' },
        engine: { type: 'string' },
        jobs: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (err) {
    const m = /'([^']+)'/.exec(String((err as Error).message));
    const opt = m?.[1] ?? String((err as Error).message).split('\n')[0] ?? '';
    throw usage(lang, (t) => t.unknownOption(opt));
  }
  if (values.lang !== undefined && values.lang !== 'id' && values.lang !== 'en') throw usage(lang, (t) => t.badLang);
  const engine = (values.engine as string | undefined) ?? 'auto';
  if (!['auto', 'sodium', 'node', 'noble'].includes(engine)) throw usage(lang, (t) => t.badEngine);
  let jobs = Math.min(availableParallelism(), 8);
  if (values.jobs !== undefined) {
    const j = values.jobs as string;
    if (!/^\d{1,2}$/.test(j) || Number(j) > 64) throw usage(lang, (t) => t.badJobs);
    jobs = Number(j);
  }
  const before = values.before as string | undefined;
  if (before !== undefined && parseTimestamp(before) === null) throw usage(lang, (t) => t.badBefore);
  const cl: CommandLine = {
    inputs: positionals,
    ...(values.trust !== undefined && { trust: values.trust as string }),
    json: values.json === true,
    ...(values.html !== undefined && { html: values.html as string }),
    ...(values.roster !== undefined && { roster: values.roster as string }),
    ...(before !== undefined && { before }),
    status: (values.status as string[] | undefined) ?? [],
    requireStatus: values['require-status'] === true,
    reveal: values.reveal === true,
    lang,
    engine: engine as 'auto' | EngineName,
    jobs,
    quiet: values.quiet === true,
    help: values.help === true,
    version: values.version === true,
  };
  if (cl.help || cl.version) return cl;
  if (cl.trust === undefined) throw usage(lang, (t) => t.trustRequired);
  if (cl.inputs.length === 0) throw usage(lang, (t) => t.noInput);
  if (cl.requireStatus && cl.status.length === 0) throw usage(lang, (t) => t.requireStatusAlone);
  return cl;
}
