// The library entries are usable in browsers: no `node:` imports in dist/index.js,
// dist/ordered-pool.js, dist/tally.js or the chunks they load.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageDir } from './helpers.js';

function closure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(entry, 'utf8');
  for (const m of text.matchAll(/(?:from|import)\s*["'](\.\/[^"']+)["']/g))
    closure(path.join(path.dirname(entry), m[1] as string), seen);
  return seen;
}

describe('browser-safe library entry', () => {
  it.each(['index.js', 'ordered-pool.js', 'tally.js'])('dist/%s and its chunks import nothing from node:', (name) => {
    const entry = path.join(packageDir, 'dist', name);
    expect(existsSync(entry), 'build first').toBe(true);
    const files = closure(entry);
    expect(files.size).toBeGreaterThan(name === 'index.js' ? 1 : 0);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text, path.basename(f)).not.toMatch(/from\s*["']node:|import\(["']node:|require\(["']node:/);
      expect(text, path.basename(f)).not.toMatch(/sodium-native|worker_threads/);
    }
  });

  it('exports the documented API', async () => {
    const lib = (await import(path.join(packageDir, 'dist/index.js'))) as Record<string, unknown>;
    for (const name of [
      'verifyRecords',
      'createRecordVerifier',
      'parseTrustStore',
      'trustAt',
      'createStrictVerifier',
      'createReport',
      'parseRoster',
      'renderHtmlReport',
      'createDuplicateTracker',
      'VERDICTS',
      'verdictMessage',
    ]) {
      expect(typeof lib[name], name).not.toBe('undefined');
    }
    const pool = (await import(path.join(packageDir, 'dist/ordered-pool.js'))) as Record<string, unknown>;
    expect(typeof pool.createOrderedPool).toBe('function');
    expect(lib.createOrderedPool).toBeUndefined(); // its own file: a Web Worker's bundle does not carry it
    const tally = (await import(path.join(packageDir, 'dist/tally.js'))) as Record<string, unknown>;
    expect(typeof tally.createTally).toBe('function');
    expect(lib.createTally).toBeUndefined();
  });
});
