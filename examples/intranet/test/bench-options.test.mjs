// The load bench's command line (bench/load-40k.mjs): --help prints the usage and exits at once
// (it used to start the whole 40,000-person bench); a wrong option or value is exit 2 with what is
// wrong and the usage, before any portal is started.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bench = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bench/load-40k.mjs');
const run = (/** @type {string[]} */ args) =>
  spawnSync(process.execPath, [bench, ...args], { encoding: 'utf8', timeout: 30_000 });

describe('bench/load-40k.mjs options', () => {
  it('--help and -h print the usage and exit 0 without starting the bench', () => {
    for (const flag of ['--help', '-h']) {
      const r = run([flag]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Usage: node bench\/load-40k\.mjs \[options\]/);
      for (const o of ['--people N', '--signings N', '--exporters N', '--pollers N', '--rounds N', '--help, -h'])
        expect(r.stdout).toContain(o);
      expect(r.stdout).not.toContain('load bench:');
      expect(r.stderr).toBe('');
    }
  });

  it('a wrong option or value: exit 2, what is wrong, then the usage', () => {
    for (const [args, message] of [
      [['--people', 'banyak'], '--people takes a whole number from 1, got banyak'],
      [['--rounds', '0'], '--rounds takes a whole number from 1, got 0'],
      [['--exporters=-1'], '--exporters takes a whole number, got -1'],
      [['--exporters', '-1'], "Option '--exporters' argument is ambiguous"],
      [['--pollers', '2.5'], '--pollers takes a whole number, got 2.5'],
      [['--peeple', '10'], "Unknown option '--peeple'"],
      [['extra'], "Unexpected argument 'extra'"],
    ]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`load-40k: ${message}`);
      expect(r.stderr).toContain('Usage: node bench/load-40k.mjs');
      expect(r.stdout).toBe('');
    }
  });
});
