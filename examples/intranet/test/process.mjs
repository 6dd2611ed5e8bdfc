// The portal as a separate process (`node src/main.mjs`), for tests that signal or kill it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_PASSWORD, databaseUrlFor } from './helpers.mjs';

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/main.mjs');

/**
 * Starts the portal on a free port with `dataDir`; resolves with its URL once it listens.
 * @returns {Promise<{ url: string, child: import('node:child_process').ChildProcess, output: () => string, exited: Promise<{ code: number | null, signal: string | null }> }>}
 */
export async function spawnPortal(dataDir, env = {}) {
  const databaseUrl = await databaseUrlFor(dataDir);
  const child = spawn(process.execPath, [main, '--demo'], {
    env: {
      ...process.env,
      IKRAR_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      IKRAR_LOG: '0',
      IKRAR_ADMIN_PASSWORD: ADMIN_PASSWORD,
      IKRAR_SIGN_IN_PER_MINUTE: '100000',
      IKRAR_SIGNING_PER_MINUTE: '100000',
      IKRAR_COVERAGE_CACHE_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`portal did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /open\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve({ url: m[1], child, output: () => out, exited });
      }
    };
    child.stdout.on('data', check);
    exited.then(() => reject(new Error(`portal exited:\n${out}`)));
  });
}
