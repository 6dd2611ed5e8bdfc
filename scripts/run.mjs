#!/usr/bin/env node
// The two commands of the README, for a fresh machine that has only Node 20+ and npm:
//   npm run demo   installs, builds, and runs the main job
//   npm test       installs, builds, and runs every check and test, then prints "N passed, N failed"
// Each step is a real command printed before it runs; nothing is hidden.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.9';
const mode = process.argv[2];

function run(cmd, args, opts = {}) {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...opts.env } });
  if (r.error) return { status: 127, error: r.error };
  return { status: r.status ?? 1 };
}

function capture(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** pnpm at the pinned version: the one on PATH, else a global npm install (root), else npx. */
function pnpm() {
  if (capture('pnpm', ['--version']) === PNPM_VERSION) return ['pnpm'];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]).status === 0) return ['pnpm'];
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

function findChromium() {
  for (const c of [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ]) {
    if (c && existsSync(c)) return c;
  }
  return null;
}

function ensureChromium() {
  let chrome = findChromium();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const needPdfTools = !capture('sh', [
    '-c',
    'command -v qpdf && command -v pdftotext && command -v pdfdetach && command -v zbarimg && test -f /usr/share/color/icc/sRGB.icc',
  ]);
  // @ikrar/server's tests start a real PostgreSQL server from Debian's binaries (scripts/postgres.mjs).
  const needPostgres = !capture('sh', ['-c', 'ls /usr/lib/postgresql/*/bin/initdb']);
  if ((!chrome || needPdfTools || needPostgres) && isRoot && capture('sh', ['-c', 'command -v apt-get'])) {
    run('apt-get', ['update', '-qq']);
    run(
      'apt-get',
      ['install', '-y', '-qq', 'chromium', 'qpdf', 'poppler-utils', 'zbar-tools', 'postgresql', 'icc-profiles-free'],
      {
        env: { DEBIAN_FRONTEND: 'noninteractive' },
      },
    );
    chrome = findChromium();
  }
  if (!chrome) {
    console.error(
      'Chromium not found. Set CHROME_PATH to a Chromium/Chrome binary, or install it\n' +
        '(Debian/Ubuntu: sudo apt-get install chromium qpdf poppler-utils zbar-tools). Widget tests need a real browser.',
    );
    process.exit(2);
  }
  return chrome;
}

function step(p, args, env) {
  const r = run(p[0], [...p.slice(1), ...args], { env });
  return r.status === 0;
}

const p = pnpm();
if (!step(p, ['install', '--frozen-lockfile'])) process.exit(1);
if (!step(p, ['run', 'build'])) process.exit(1);

if (mode === 'demo') {
  // The main job: the agency portal (examples/intranet) with the demo sign-in. The auditor sample:
  // pnpm --filter @ikrar/example-auditor demo. Node runs the portal directly (no pnpm or shell in
  // between), and Ctrl-C or SIGTERM reaches it once: it stops gracefully and exits 0, and so do we.
  console.log('\n> node examples/intranet/src/main.mjs --demo');
  const child = spawn(process.execPath, ['examples/intranet/src/main.mjs', '--demo'], { stdio: 'inherit', cwd: root });
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else if (mode === 'test') {
  const chrome = ensureChromium();
  const env = { CHROME_PATH: chrome };
  rmSync(path.join(root, 'test-results'), { recursive: true, force: true });
  mkdirSync(path.join(root, 'test-results'), { recursive: true });
  const checks = [
    ['format', ['run', 'format:check']],
    ['lint', ['run', 'lint']],
    ['typecheck', ['run', 'typecheck']],
    ['tests', ['run', 'test:unit']],
    ['packaging', ['run', 'lint:pkg']],
    ['changesets', ['exec', 'changeset', 'status']],
  ];
  const failed = [];
  for (const [name, args] of checks) if (!step(p, args, env)) failed.push(name);
  const counted = run('node', ['scripts/count-results.mjs']);
  if (failed.length) console.error(`\nFailed steps: ${failed.join(', ')}`);
  process.exit(failed.length || counted.status ? 1 : 0);
} else {
  console.error('usage: node scripts/run.mjs demo|test');
  process.exit(2);
}
