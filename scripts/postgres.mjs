#!/usr/bin/env node
// A real PostgreSQL server for tests: Debian's binaries (apt package `postgresql`), a cluster made
// by initdb in a fresh temporary directory, started by pg_ctl on a free port with a private socket
// directory, and stopped (and the directory removed) by stop(), which tests call in teardown even
// when they fail. As root, initdb and postgres run as the `postgres` user (they refuse root).
//
//   import { startPostgres } from '../../scripts/postgres.mjs';
//   const pg = await startPostgres();   // { url, dataDir, stop }
//   ... pg.url is postgres://postgres@127.0.0.1:<port>/postgres
//   await pg.stop();
//
// As a vitest globalSetup: `export { providePostgres as default } from '…/scripts/postgres.mjs'`.
//
// `node scripts/postgres.mjs` starts one, prints its URL, and stops it on Ctrl-C.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where Debian puts PostgreSQL's server binaries (the newest version installed), or PG_BIN. */
export function findPostgresBin() {
  if (process.env.PG_BIN) return existsSync(path.join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function userIdOf(name) {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Starts a private PostgreSQL server.
 * @returns {Promise<{ url: string, port: number, dataDir: string, stop: () => Promise<void> }>}
 * @throws {Error} with a message that says what to install, when the binaries are missing or
 *   the server does not start
 */
/** runuser lives in /usr/sbin, which a minimal PATH (env -i, some CI shells) leaves out. */
function runuser() {
  return ['/usr/sbin/runuser', '/sbin/runuser'].find((p) => existsSync(p)) ?? 'runuser';
}

export async function startPostgres() {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      'PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and PG_BIN). ' +
        'Install them: apt-get install -y postgresql (npm test does this when run as root).',
    );
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const owner = isRoot ? userIdOf('postgres') : null;
  if (isRoot && !owner) {
    throw new Error(
      'Running as root, but there is no "postgres" user to run the server as (apt-get install postgresql makes one).',
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'ikrar-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const as = (cmd, args) =>
    owner
      ? spawnSync(runuser(), ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { encoding: 'utf8' })
      : spawnSync(path.join(bin, cmd), args, { encoding: 'utf8' });
  const dataDir = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  const fail = (what, r) => {
    let tail = '';
    try {
      tail = readFileSync(log, 'utf8').split('\n').slice(-15).join('\n');
    } catch {
      /* no log yet */
    }
    rmSync(dir, { recursive: true, force: true });
    return new Error(`${what} failed (exit ${r.status}): ${r.stderr || r.error?.message || ''}\n${tail}`.trim());
  };
  const init = as('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  if (init.status !== 0) throw fail('initdb', init);
  let port;
  let started;
  for (let attempt = 0; attempt < 3; attempt++) {
    port = await freePort();
    started = as('pg_ctl', [
      '-D',
      dataDir,
      '-l',
      log,
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`,
      'start',
    ]);
    if (started.status === 0) break;
  }
  if (started.status !== 0) throw fail('pg_ctl start', started);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      as('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A vitest globalSetup (server and portal PostgreSQL runs): one server for the whole run, its URL
 * provided to the tests as `pgUrl`; when it cannot start (no binaries, not allowed), `pgUrl` is ''
 * and `pgError` the reason, so the PostgreSQL tests FAIL with it (never skipped). The returned
 * teardown, which vitest runs whether tests passed or failed, stops it.
 * @param {{ provide(key: 'pgUrl' | 'pgError', value: string): void }} project
 */
export async function providePostgres(project) {
  try {
    const pg = await startPostgres();
    project.provide('pgUrl', pg.url);
    project.provide('pgError', '');
    return () => pg.stop();
  } catch (err) {
    project.provide('pgUrl', '');
    project.provide('pgError', err.message);
    return async () => undefined;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pg = await startPostgres();
  console.log(pg.url);
  const stop = async () => {
    await pg.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
