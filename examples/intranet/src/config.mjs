// @ts-check
/**
 * The portal's settings, from the environment: PORT, HOST, PUBLIC_URL, DATABASE_URL
 * (`sqlite:/path` by default in IKRAR_DATA_DIR, or `postgres://…`), IKRAR_DATA_DIR,
 * IKRAR_AGENCY, IKRAR_DEMO=1 (the demo sign-in), IKRAR_ADMIN_PASSWORD (first start only),
 * IKRAR_LOG=0 (no request log), IKRAR_SIGN_IN_PER_MINUTE (per client address, 30) and
 * IKRAR_SIGNING_PER_MINUTE (per session, 10), IKRAR_TRUST_PROXY (a hop count or the proxies'
 * addresses: whose X-Forwarded-For names the client, src/http/client-address.mjs),
 * IKRAR_SIGNING_MODE (`endpoint`, the default: the agency alone signs what the employee agreed to;
 * `browser-key`: the employee's browser signs too, over the agency's draft); the single
 * sign-on's OIDC_* (src/sso/sso-settings.mjs).
 * @module
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTrustProxy } from './http/client-address.mjs';
import { ssoSettings } from './sso/sso-settings.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

/**
 * How the pledge page signs: `endpoint` (default) or `browser-key`.
 * @param {string | undefined} value IKRAR_SIGNING_MODE
 * @returns {'endpoint' | 'browser-key'}
 * @throws {Error} naming the setting, for any other value
 */
export function signingMode(value) {
  if (value === undefined || value === '' || value === 'endpoint') return 'endpoint';
  if (value === 'browser-key') return 'browser-key';
  throw new Error(`IKRAR_SIGNING_MODE: expected endpoint or browser-key, got ${JSON.stringify(value.slice(0, 40))}`);
}

/**
 * @param {Partial<import('./types.js').PortalConfig>} [overrides]
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {import('./types.js').PortalConfig}
 */
export function defaultConfig(overrides = {}, env = process.env) {
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST ?? '127.0.0.1';
  const dataDir = overrides.dataDir ?? env.IKRAR_DATA_DIR ?? path.join(root, 'examples/intranet/data');
  return {
    agencyName: env.IKRAR_AGENCY ?? 'Pemerintah Kabupaten Jembrana',
    dataDir,
    databaseUrl: env.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'portal.sqlite')}`,
    rosterFile: path.join(root, 'examples/intranet/roster.csv'),
    host,
    port,
    publicUrl: env.PUBLIC_URL ?? `http://${host}:${port}`,
    publicDir: path.join(root, 'examples/intranet/public'),
    widgetDist: path.join(root, 'packages/widget/dist'),
    keyValidFrom: '2024-01-01T00:00:00+08:00',
    demo: env.IKRAR_DEMO === '1',
    log: env.IKRAR_LOG !== '0',
    firstEvent: {
      name: 'Pilkada Serentak 2024',
      place: 'Halaman Kantor Bupati Jembrana',
      date: null,
      deadline: null,
      timeZone: 'WITA',
      language: 'id',
      templates: {
        PNS: ['jembrana-2024', 'skb-2022-asn'],
        PPPK: ['jembrana-2024', 'skb-2022-asn'],
        PPNPN: ['jembrana-2024'],
      },
    },
    sessionHours: 8,
    limits: {
      signInPerMinute: Number(env.IKRAR_SIGN_IN_PER_MINUTE ?? 30),
      signingPerMinute: Number(env.IKRAR_SIGNING_PER_MINUTE ?? 10),
      headersTimeoutMs: Number(env.IKRAR_HEADERS_TIMEOUT_MS ?? 10_000),
      requestTimeoutMs: 30_000,
      exportsPerSession: 2,
      coverageCacheMs: Number(env.IKRAR_COVERAGE_CACHE_MS ?? 1000),
    },
    ...(env.IKRAR_ADMIN_PASSWORD && { adminPassword: env.IKRAR_ADMIN_PASSWORD }),
    ...(env.IKRAR_API_TOKEN && { apiToken: env.IKRAR_API_TOKEN }),
    ...(env.OIDC_ISSUER && { sso: ssoSettings(env) }),
    trustProxy: parseTrustProxy(env.IKRAR_TRUST_PROXY),
    signingMode: signingMode(env.IKRAR_SIGNING_MODE),
    ...overrides,
  };
}
