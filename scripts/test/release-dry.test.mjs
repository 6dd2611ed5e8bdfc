// The release dry run (scripts/release-dry.mjs) end to end, once: it packs, installs with npm,
// imports, runs the command and loads the widget in Chromium; about a minute here. And the
// tarball rules on their own, so a rule that stopped refusing would show.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContents, MAX_SOURCE_MAP_BYTES } from '../release-dry/contents.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const base = [
  { path: 'package.json', size: 900 },
  { path: 'README.md', size: 9000 },
  { path: 'LICENSE', size: 1000 },
  { path: 'dist/index.js', size: 40_000 },
  { path: 'dist/index.js.map', size: 90_000 },
];

describe('tarball contents', () => {
  it('accept a package of dist files, README, LICENSE and small maps', () => {
    expect(checkContents(base)).toEqual([]);
  });

  it.each([
    ['dist/sign.test.js', 'a test file'],
    ['dist/verify.spec.mjs', 'a test file'],
    ['test/fixtures/record.json', 'a test folder'],
    ['dist/fixtures/keys.json', 'a test fixture'],
    ['src/index.ts', 'TypeScript sources'],
    ['bench/size.mjs', 'benchmarks'],
    ['.npmrc', 'credentials'],
    ['keys/agency.pem', 'a secret'],
    ['tsconfig.json', 'build or test config'],
  ])('refuse %s (%s)', (p, why) => {
    const problems = checkContents([...base, { path: p, size: 10 }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(p);
    expect(problems[0]).toContain(why);
  });

  it('refuse a source map over the limit, accept one at it', () => {
    const at = { path: 'dist/big.js.map', size: MAX_SOURCE_MAP_BYTES };
    expect(checkContents([...base, at])).toEqual([]);
    const over = { ...at, size: MAX_SOURCE_MAP_BYTES + 1 };
    expect(checkContents([...base, over])).toEqual([
      `dist/big.js.map: source map of ${MAX_SOURCE_MAP_BYTES + 1} bytes (limit ${MAX_SOURCE_MAP_BYTES})`,
    ]);
  });

  it('require package.json, README and LICENSE', () => {
    expect(checkContents(base.filter((f) => f.path !== 'LICENSE'))).toEqual(['LICENSE missing']);
    expect(checkContents(base.filter((f) => f.path !== 'README.md'))).toEqual(['README missing']);
  });
});

describe('pnpm release:dry', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ikrar-release-dry-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('packs, installs with npm, imports from ESM and CommonJS, runs ikrar-verify, loads the widget', () => {
    const out = path.join(dir, 'report.json');
    const r = spawnSync(process.execPath, ['scripts/release-dry.mjs', '--json', out], { cwd: root, encoding: 'utf8' });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const publicPkgs = readdirSync(path.join(root, 'packages'))
      .map((d) => JSON.parse(readFileSync(path.join(root, 'packages', d, 'package.json'), 'utf8')))
      .filter((p) => !p.private)
      .map((p) => p.name)
      .sort();
    expect(report.packages.map((p) => p.name).sort()).toEqual(publicPkgs);
    for (const p of report.packages) {
      expect(p.size, p.name).toBeGreaterThan(1000);
      expect(p.largestMap, p.name).toBeLessThanOrEqual(MAX_SOURCE_MAP_BYTES);
    }
    expect(report.checks).toContain('ikrar-verify --help');
    expect(report.checks.some((c) => c.startsWith('@ikrar/widget/bundle in Chromium'))).toBe(true);
    expect(report.checks.some((c) => c.startsWith('@ikrar/core/pdf: import and require'))).toBe(true);
    if (publicPkgs.includes('@ikrar/server')) {
      expect(report.checks.some((c) => c.startsWith('@ikrar/server mounted in Express'))).toBe(true);
    }
    // Temporary project removed (no --keep).
    expect(report.tmp).toMatch(/ikrar-release-dry-/);
    expect(existsSync(report.tmp)).toBe(false);
  });
});
