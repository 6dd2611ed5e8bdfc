// Wires the intranet together: config, data directory, agency key, database, roster, server.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrCreateAgencyKey } from './agency-key.mjs';
import { openDatabase } from './database.mjs';
import { parseRoster } from './roster.mjs';
import { createIntranetServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

/**
 * @typedef {{ agencyName: string, event: { name: string, place?: string, date?: string }, timeZone: 'WIB'|'WITA'|'WIT',
 *   templates: Record<'PNS'|'PPPK'|'PPNPN', string[]>, dataDir: string, rosterFile: string, host: string, port: number,
 *   publicUrl: string, publicDir: string, widgetDist: string, keyValidFrom: string, demoLogins: boolean }} Config
 */

/** @returns {Config} */
export function defaultConfig(overrides = {}) {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  return {
    agencyName: process.env.IKRAR_AGENCY ?? 'Pemerintah Kabupaten Jembrana',
    event: { name: 'Pilkada Serentak 2024', place: 'Halaman Kantor Bupati Jembrana' },
    timeZone: 'WITA',
    templates: {
      PNS: ['jembrana-2024', 'skb-2022-asn'],
      PPPK: ['jembrana-2024', 'skb-2022-asn'],
      PPNPN: ['jembrana-2024'],
    },
    dataDir: process.env.IKRAR_DATA_DIR ?? path.join(root, 'examples/intranet/data'),
    rosterFile: path.join(root, 'examples/intranet/roster.csv'),
    host,
    port,
    publicUrl: process.env.PUBLIC_URL ?? `http://${host}:${port}`,
    publicDir: path.join(root, 'examples/intranet/public'),
    widgetDist: path.join(root, 'packages/widget/dist'),
    keyValidFrom: '2024-01-01T00:00:00+08:00',
    demoLogins: process.env.IKRAR_DEMO_LOGINS !== '0',
    ...overrides,
  };
}

/** Starts the intranet; resolves once it listens. */
export async function startIntranet(config = defaultConfig()) {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const agency = loadOrCreateAgencyKey(path.join(config.dataDir, 'agency-key.json'));
  const secretFile = path.join(config.dataDir, 'session-secret');
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  const sessionSecret = Buffer.from(readFileSync(secretFile, 'utf8'), 'hex');
  const db = openDatabase(path.join(config.dataDir, 'ikrar.sqlite'));
  let rosterProblems = [];
  if (db.employeeCount() === 0 && existsSync(config.rosterFile)) {
    const { rows, problems } = parseRoster(readFileSync(config.rosterFile, 'utf8'));
    db.importRoster(rows);
    rosterProblems = problems;
  }
  const server = createIntranetServer({ db, agency, config, sessionSecret });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address();
  return {
    url: `http://${config.host}:${port}`,
    agency,
    db,
    rosterProblems,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}
