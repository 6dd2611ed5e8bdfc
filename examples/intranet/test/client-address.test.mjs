// IKRAR_TRUST_PROXY: rate limits and the audit log key on the socket's address unless a proxy is
// configured; behind a configured proxy (a hop count or the proxies' addresses) on the client
// address from X-Forwarded-For. A spoofed X-Forwarded-For never lets a client escape its limit.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTrustProxy, resolveClientAddress } from '../src/http/client-address.mjs';
import { tempDir } from './fixture.mjs';
import { AUDITOR_PASSWORD, client, expectError, staffClient, startTestPortal } from './helpers.mjs';

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/main.mjs');
const portals = [];
afterAll(async () => {
  await Promise.all(portals.map((p) => p.close()));
});

describe('resolveClientAddress', () => {
  const hops = (n) => parseTrustProxy(String(n));
  it('without the setting the socket decides, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress('203.0.113.7', '198.51.100.1', null)).toBe('203.0.113.7');
    expect(resolveClientAddress('203.0.113.7', '198.51.100.1', parseTrustProxy(''))).toBe('203.0.113.7');
    expect(resolveClientAddress('203.0.113.7', '198.51.100.1', parseTrustProxy('0'))).toBe('203.0.113.7');
  });

  it('a hop count reads the n-th entry from the right; what a client prepends is never read', () => {
    expect(resolveClientAddress('10.0.0.5', '198.51.100.1', hops(1))).toBe('198.51.100.1');
    expect(resolveClientAddress('10.0.0.5', '6.6.6.6, 198.51.100.1', hops(1))).toBe('198.51.100.1');
    expect(resolveClientAddress('10.0.0.6', '6.6.6.6, 198.51.100.1, 10.0.0.5', hops(2))).toBe('198.51.100.1');
    expect(resolveClientAddress('10.0.0.5', undefined, hops(1))).toBe('10.0.0.5');
    // Fewer entries than hops: the farthest the proxies wrote.
    expect(resolveClientAddress('10.0.0.6', '198.51.100.1', hops(3))).toBe('198.51.100.1');
    // Not an address where the client should be: the nearest trusted proxy's.
    expect(resolveClientAddress('10.0.0.5', 'unknown', hops(1))).toBe('10.0.0.5');
    expect(resolveClientAddress('10.0.0.6', '"><script>, 10.0.0.5', hops(2))).toBe('10.0.0.5');
    expect(resolveClientAddress('::ffff:10.0.0.5', '::ffff:198.51.100.1', hops(1))).toBe('198.51.100.1');
    expect(resolveClientAddress('::1', '2001:db8::7', hops(1))).toBe('2001:db8::7');
  });

  it('a list of proxies: X-Forwarded-For only from a listed peer, read from the right past listed hops', () => {
    const list = parseTrustProxy('10.0.0.5, 10.1.0.0/16,::1');
    expect(resolveClientAddress('10.0.0.5', '6.6.6.6, 198.51.100.1', list)).toBe('198.51.100.1');
    expect(resolveClientAddress('10.0.0.5', '198.51.100.1, 10.1.2.3', list)).toBe('198.51.100.1');
    expect(resolveClientAddress('::1', '198.51.100.1', list)).toBe('198.51.100.1');
    // A peer not in the list sent it: not a proxy of ours, the header is the client's word.
    expect(resolveClientAddress('203.0.113.7', '198.51.100.1', list)).toBe('203.0.113.7');
    expect(resolveClientAddress('10.2.0.1', '198.51.100.1', list)).toBe('10.2.0.1');
    // All listed: the farthest one.
    expect(resolveClientAddress('10.0.0.5', '10.1.0.9', list)).toBe('10.1.0.9');
  });

  it('property: with n trusted hops, no prefix a client sends changes the address', () => {
    const ip = fc.ipV4();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        ip,
        fc.array(ip, { minLength: 5, maxLength: 5 }),
        fc.array(fc.oneof(ip, fc.ipV6(), fc.string({ maxLength: 20 })), { maxLength: 6 }),
        (n, real, proxies, spoofed) => {
          const chain = [...spoofed.map((s) => s.replace(/,/g, '')), real, ...proxies.slice(0, n - 1)];
          expect(resolveClientAddress(proxies[4], chain.join(', '), hops(n))).toBe(real);
        },
      ),
    );
  });

  it('refuses a setting that is neither a hop count nor addresses, naming it', () => {
    expect(parseTrustProxy('2')).toEqual({ hops: 2 });
    expect(() => parseTrustProxy('11')).toThrow('IKRAR_TRUST_PROXY: 11 hops is not believable (1 to 10)');
    for (const bad of [
      'yes',
      '10.0.0.0/33',
      '::1/129',
      '10.0.0.1/8/1',
      'proxy.example.go.id',
      '10.0.0.1,',
      '10.0.0.0/-1',
    ]) {
      expect(() => parseTrustProxy(bad), bad).toThrow(/^IKRAR_TRUST_PROXY: .* is not an IP address or CIDR block/);
    }
  });

  it('the portal refuses to start with such a setting: exit 2, the setting named, no stack trace', () => {
    const run = spawnSync(process.execPath, [main], {
      env: {
        ...process.env,
        IKRAR_DATA_DIR: tempDir('ikrar-proxy-bad-'),
        PORT: '0',
        IKRAR_TRUST_PROXY: 'true',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      'pengaturan salah / bad setting: IKRAR_TRUST_PROXY: "true" is not an IP address or CIDR block (expected a hop count or e.g. 10.0.0.5,10.1.0.0/16)',
    );
  });
});

describe('rate limits over HTTP', () => {
  const LIMIT = 3;
  async function portal(trustProxy) {
    const { app } = await startTestPortal({
      limits: { signInPerMinute: LIMIT },
      trustProxy: parseTrustProxy(trustProxy),
    });
    portals.push(app);
    return app;
  }
  /** A wrong-password sign-in from a client claiming `xff`: 401 until the limit, then 429. */
  const attempt = (app, xff) =>
    client(app.url).post(
      '/api/staff/session',
      { username: 'admin', password: 'salah' },
      { headers: xff === undefined ? {} : { 'x-forwarded-for': xff } },
    );

  it('without IKRAR_TRUST_PROXY a fresh X-Forwarded-For on every request does not escape the limit', async () => {
    const app = await portal(undefined);
    for (let i = 0; i < LIMIT; i++) await expectError(await attempt(app, `198.51.100.${i}`), 401, 'ERR_CREDENTIALS');
    for (let i = LIMIT; i < LIMIT + 3; i++) {
      const res = await attempt(app, `198.51.100.${i}, 203.0.113.${i}`);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      await expectError(res, 429, 'ERR_RATE_LIMITED');
    }
  });

  for (const setting of ['1', '127.0.0.1', '127.0.0.0/8,::1']) {
    it(`IKRAR_TRUST_PROXY=${setting}: each client behind the proxy has its own limit, and prepending addresses does not escape it`, async () => {
      const app = await portal(setting);
      for (let i = 0; i < LIMIT; i++) await expectError(await attempt(app, '198.51.100.1'), 401, 'ERR_CREDENTIALS');
      // The proxy appends the real address last; what the client sent comes before it.
      await expectError(await attempt(app, '6.6.6.6, 198.51.100.1'), 429, 'ERR_RATE_LIMITED');
      await expectError(await attempt(app, 'garbage, 198.51.100.1'), 429, 'ERR_RATE_LIMITED');
      // Another client behind the same proxy is not limited by the first.
      await expectError(await attempt(app, '198.51.100.2'), 401, 'ERR_CREDENTIALS');
      // The audit log's "from where" is the client's address too.
      const auditor = await staffClient(app.url, 'auditor-uji', AUDITOR_PASSWORD);
      const person = (await (await auditor.get('/api/admin/people?limit=1')).json()).people[0];
      expect(person).toBeDefined();
      await auditor.post(`/api/admin/people/${person.id}/reveal`, undefined, {
        headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.9' },
      });
      const admin = await staffClient(app.url);
      const { entries } = await (await admin.get('/api/admin/audit')).json();
      expect(entries.find((e) => e.action === 'reveal-identifier')).toMatchObject({ address: '198.51.100.9' });
    });
  }

  it('IKRAR_TRUST_PROXY naming another proxy: X-Forwarded-For from this peer is ignored', async () => {
    const app = await portal('10.0.0.0/8');
    for (let i = 0; i < LIMIT; i++) await expectError(await attempt(app, `198.51.100.${i}`), 401, 'ERR_CREDENTIALS');
    await expectError(await attempt(app, '198.51.100.77'), 429, 'ERR_RATE_LIMITED');
  });
});
