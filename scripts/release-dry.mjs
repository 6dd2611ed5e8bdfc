#!/usr/bin/env node
// pnpm release:dry: what `npm install @ikrar/...` would give a user, checked before anything is
// published. Run after `pnpm build`.
//   1. packs every public package with pnpm (workspace:^ becomes a real version range);
//   2. checks each tarball's contents (no tests, fixtures, sources, configs, or a source map over
//      MAX_SOURCE_MAP_BYTES; README, LICENSE and package.json present) and reports its size;
//   3. installs the tarballs with plain npm into an empty temporary project (dependencies come from
//      the registry, as for a user);
//   4. imports every `exports` subpath from ESM and requires it from CommonJS (require(esm), Node >= 20.19);
//   5. runs `ikrar-verify --help` from node_modules/.bin;
//   6. mounts @ikrar/server in a tiny Express app and signs once, when that package exists;
//   7. loads the widget's drop-in bundle from the installed tarball in headless Chromium and checks
//      the element renders.
// Prints one line per check; exits 1 on the first failure. `--json FILE` also writes the report.
// `--keep` leaves the temporary project in place for a look.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContents, MAX_SOURCE_MAP_BYTES } from './release-dry/contents.mjs';
import { loadWidgetBundle } from './release-dry/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const keep = args.includes('--keep');
const started = Date.now();
const report = { packages: [], checks: [] };

function fail(message) {
  console.error(`\nrelease:dry FAILED: ${message}`);
  report.failed = message;
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 2));
  process.exit(1);
}

let last = started;
function ok(what) {
  report.checks.push(what);
  const now = Date.now();
  console.log(`  ok  ${what} (${((now - last) / 1000).toFixed(1)} s)`);
  last = now;
}

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.status !== 0) {
    fail(`${cmd} ${argv.join(' ')} exited ${r.status}\n${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim());
  }
  return r.stdout;
}

// 1. Public packages of the workspace.
const pkgs = readdirSync(path.join(root, 'packages'))
  .map((d) => path.join(root, 'packages', d))
  .filter((d) => existsSync(path.join(d, 'package.json')))
  .map((dir) => ({ dir, json: JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) }))
  .filter((p) => !p.json.private);
if (pkgs.length === 0) fail('no public package under packages/');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'ikrar-release-dry-'));
const packDir = path.join(tmp, 'tarballs');
const appDir = path.join(tmp, 'app');
mkdirSync(packDir);
mkdirSync(appDir);
process.on('exit', () => {
  if (!keep) rmSync(tmp, { recursive: true, force: true });
});
process.on('SIGINT', () => process.exit(130));

report.tmp = tmp;
console.log(`release:dry in ${tmp}`);
for (const p of pkgs) {
  const name = p.json.name;
  for (const f of Object.values(p.json.exports ?? {})) {
    const target = typeof f === 'string' ? f : f.default;
    if (target && !existsSync(path.join(p.dir, target))) fail(`${name}: ${target} missing: run pnpm build first`);
  }
  const out = run('pnpm', ['pack', '--json', '--pack-destination', packDir], { cwd: p.dir });
  const packed = JSON.parse(out);
  const tarball = packed.filename.startsWith('/')
    ? packed.filename
    : path.join(packDir, path.basename(packed.filename));
  // Read the list and sizes from the tarball itself, not from what pnpm says it packed.
  const listing = execFileSync('tar', ['-tzvf', tarball], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      return {
        path: cols
          .slice(5)
          .join(' ')
          .replace(/^package\//, ''),
        size: Number(cols[2]),
      };
    });
  const problems = checkContents(listing);
  if (problems.length) fail(`${name} tarball:\n    ${problems.join('\n    ')}`);
  const unpacked = listing.reduce((s, f) => s + f.size, 0);
  const size = readFileSync(tarball).length;
  const largestMap = Math.max(0, ...listing.filter((f) => f.path.endsWith('.map')).map((f) => f.size));
  report.packages.push({
    name,
    version: p.json.version,
    tarball: path.basename(tarball),
    size,
    unpacked,
    files: listing.length,
    largestMap,
  });
  p.tarball = tarball;
  ok(
    `${name}@${p.json.version}: ${(size / 1024).toFixed(1)} KiB packed, ${(unpacked / 1024).toFixed(1)} KiB unpacked, ` +
      `${listing.length} files, largest source map ${(largestMap / 1024).toFixed(1)} KiB (limit ${MAX_SOURCE_MAP_BYTES / 1024})`,
  );
}

// 3. An empty project, plain npm, the tarballs (and Express for the server check).
const hasServer = pkgs.some((p) => p.json.name === '@ikrar/server');
writeFileSync(
  path.join(appDir, 'package.json'),
  JSON.stringify({ name: 'release-dry-app', private: true, type: 'module' }),
);
const installArgs = [
  'install',
  '--prefer-offline',
  '--no-audit',
  '--no-fund',
  '--loglevel=error',
  ...pkgs.map((p) => p.tarball),
];
if (hasServer) installArgs.push('express@5', '@hono/node-server@2');
// better-sqlite3 (a dependency of @ikrar/server) installs a prebuilt binary that prebuild-install
// downloads from GitHub, else compiles SQLite from source (minutes). This machine reaches only the
// npm registry, so hand prebuild-install the binary the workspace already built, in the form it
// downloads (its documented npm_config_<package>_local_prebuilds directory). Nothing else changes.
const installEnv = { ...process.env };
if (hasServer) {
  const serverRequire = createRequire(path.join(root, 'packages/server/package.json'));
  const sqliteDir = path.dirname(serverRequire.resolve('better-sqlite3/package.json'));
  const binary = path.join(sqliteDir, 'build/Release/better_sqlite3.node');
  if (existsSync(binary)) {
    const { version } = JSON.parse(readFileSync(path.join(sqliteDir, 'package.json'), 'utf8'));
    const prebuilds = path.join(tmp, 'prebuilds');
    mkdirSync(prebuilds);
    const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
    execFileSync('tar', ['-czf', path.join(prebuilds, name), '-C', sqliteDir, 'build/Release/better_sqlite3.node']);
    installEnv.npm_config_better_sqlite3_local_prebuilds = prebuilds;
  }
}
run('npm', installArgs, { cwd: appDir, env: installEnv });
const installed = JSON.parse(run('npm', ['ls', '--json', '--depth=0'], { cwd: appDir }));
for (const p of pkgs) {
  const got = installed.dependencies?.[p.json.name]?.version;
  if (got !== p.json.version) fail(`${p.json.name}: npm installed ${got}, expected ${p.json.version}`);
}
ok(`npm install of ${pkgs.length} tarballs into an empty project`);

// 4. Every subpath from ESM and from CommonJS.
for (const p of pkgs) {
  for (const [sub, target] of Object.entries(p.json.exports ?? {})) {
    const file = typeof target === 'string' ? target : target.default;
    if (!file.endsWith('.js')) continue; // package.json, custom-elements.json
    const spec = p.json.name + sub.slice(1);
    // The widget's drop-in bundles are for browsers (they define the element on load): Chromium below.
    if (/\/bundle/.test(spec)) continue;
    const esm = `const m = await import(${JSON.stringify(spec)}); const n = Object.keys(m).length; if (!n) throw new Error('no exports'); console.log(n);`;
    const cjs = `const m = require(${JSON.stringify(spec)}); const n = Object.keys(m).length; if (!n) throw new Error('no exports'); console.log(n);`;
    const e = run(process.execPath, ['--input-type=module', '-e', esm], { cwd: appDir }).trim();
    const c = run(process.execPath, ['--input-type=commonjs', '-e', cjs], { cwd: appDir }).trim();
    if (e !== c) fail(`${spec}: ESM sees ${e} exports, CommonJS ${c}`);
    ok(`${spec}: import and require (${e} exports)`);
  }
}

// 5. The auditor's command.
const help = run(path.join(appDir, 'node_modules/.bin/ikrar-verify'), ['--help'], { cwd: appDir });
if (!/ikrar-verify/.test(help) || !/--trust/.test(help)) fail(`ikrar-verify --help printed:\n${help}`);
ok('ikrar-verify --help');

// 6. The agency service inside someone else's Express app.
if (hasServer) {
  const { checkServerInExpress } = await import('./release-dry/server.mjs');
  const what = await checkServerInExpress(appDir).catch((e) => fail(`@ikrar/server in Express: ${e.stack ?? e}`));
  ok(`@ikrar/server mounted in Express: ${what}`);
} else {
  console.log('  --  @ikrar/server: not in the workspace yet, skipped');
}

// 7. The widget's drop-in bundle, from the installed tarball, in Chromium.
if (pkgs.some((p) => p.json.name === '@ikrar/widget')) {
  const what = await loadWidgetBundle(path.join(appDir, 'node_modules/@ikrar/widget')).catch((e) =>
    fail(`widget bundle in Chromium: ${e.stack ?? e}`),
  );
  ok(`@ikrar/widget/bundle in Chromium: ${what}`);
}

report.seconds = Math.round((Date.now() - started) / 100) / 10;
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 2));
console.log(`release:dry passed in ${report.seconds} s`);
