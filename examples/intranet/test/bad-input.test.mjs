// Bad input as an outsider sends it: oversized, malformed, deeply nested and non-UTF-8 bodies,
// wrong content types, unknown methods, traversal paths, broken percent-encoding. Each gets its
// 4xx and stable code, never a 500, and nothing is stored. Malformed, repeated, huge and
// control-character cookies on several routes, as an attacker would send them.
import fc from 'fast-check';
import { verifyPledge } from '@ikrar/core';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPortalCookies } from '../src/http/cookies.mjs';
import { closePortal } from './fixture.mjs';
import { credentialFor, employeeClient, expectError, sampleRoster, staffClient, startTestPortal } from './helpers.mjs';

let app;
let config;
let me;
let c;

beforeAll(async () => {
  ({ app, config } = await startTestPortal());
  me = sampleRoster(config)[0];
  c = await employeeClient(app.url, me.identifier);
});
afterAll(() => closePortal({ app }));

const nothingStored = async () => expect((await (await c.get('/api/session')).json()).signed).toBeNull();

describe('bad input', () => {
  it('bodies: each refusal has its status and code, and nothing is stored', async () => {
    const bodies = [
      [
        Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
        'application/json',
        400,
        // @ikrar/server's code: POST /api/sign is its POST /sign.
        'ERR_JSON_INVALID',
      ],
      ['['.repeat(5000) + ']'.repeat(5000), 'application/json', 400, 'ERR_JSON_INVALID'],
      ['{"a":', 'application/json', 400, 'ERR_JSON_INVALID'],
      ['{"__proto__":{"x":1}}', 'application/json', 400, 'ERR_JSON_INVALID'],
      ['"\\ud800"', 'application/json', 400, 'ERR_JSON_INVALID'],
      ['', 'application/json', 400, 'ERR_JSON_INVALID'],
      ['{}', 'text/plain', 415, 'ERR_CONTENT_TYPE'],
      ['{}', 'application/x-www-form-urlencoded', 415, 'ERR_CONTENT_TYPE'],
      ['x'.repeat(300_000), 'application/json', 413, 'ERR_BODY_TOO_LARGE'],
      ['null', 'application/json', 400, 'ERR_RECORD_INVALID'],
      ['{"type":["VerifiableCredential"]}', 'application/json', 400, 'ERR_RECORD_INVALID'],
    ];
    for (const [body, type, status, code] of bodies) {
      await expectError(await c.request('POST', '/api/sign', { body, type }), status, code);
    }
    await nothingStored();
  });

  it('random JSON values and random mutations of a real credential never get a 5xx, and nothing unverifiable is stored', async () => {
    const other = sampleRoster(config)[1];
    const oc = await employeeClient(app.url, other.identifier);
    const real = credentialFor(app, config, other);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue({ maxDepth: 4 }),
          fc
            .record({
              path: fc.constantFrom('credentialSubject', 'issuer', 'proof', '@context', 'type', 'validFrom'),
              value: fc.jsonValue({ maxDepth: 2 }),
            })
            .map(({ path, value }) => ({ ...real, id: `urn:uuid:${crypto.randomUUID()}`, [path]: value })),
        ),
        async (body) => {
          const res = await oc.post('/api/sign', body);
          expect(res.status).toBeLessThan(500);
          const answer = await res.json();
          if (res.status >= 400) expect(answer.error.code).toMatch(/^ERR_[A-Z_]+$/);
          else expect((await verifyPledge(answer)).verified).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('paths and methods: traversal, broken percent-encoding and unknown methods are 4xx with a code', async () => {
    const admin = await staffClient(app.url);
    for (const [url, status, code] of [
      ['/api/records/%E0%A4%A', 400, 'ERR_URL_INVALID'],
      ['/%zz', 400, 'ERR_URL_INVALID'],
      ['/api/records/..%2f..%2fetc%2fpasswd', 400, 'ERR_BAD_ID'],
      ['/..%2F..%2Fetc%2Fpasswd', 404, 'ERR_NOT_FOUND'],
      ['/vendor/%2e%2e/%2e%2e/package.json', 404, 'ERR_NOT_FOUND'],
      ['/vendor/..%2f..%2f..%2fpackage.json', 404, 'ERR_NOT_FOUND'],
      ['/%00', 404, 'ERR_NOT_FOUND'],
      ['/api/admin/people?offset=-1', 400, 'ERR_INPUT_INVALID'],
      ['/api/admin/audit?before=1e9', 400, 'ERR_INPUT_INVALID'],
    ]) {
      await expectError(await admin.get(url), status, code).catch((e) => {
        throw new Error(`${url}: ${e.message}`);
      });
    }
    for (const method of ['PATCH', 'PROPFIND', 'OPTIONS']) {
      await expectError(await c.request(method, '/api/sign', { json: {} }), 404, 'ERR_NOT_FOUND');
    }
    // What Node itself refuses before the portal sees it: still a 4xx.
    const raw = (text) =>
      new Promise((resolve) => {
        const s = net.connect(Number(new URL(app.url).port), '127.0.0.1', () => s.write(text));
        let out = '';
        s.on('data', (d) => (out += d));
        s.on('error', () => {});
        s.on('close', () => resolve(out.split('\r\n')[0]));
      });
    expect(await raw('FOO /api/sign HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toBe(
      'HTTP/1.1 400 Bad Request',
    );
    expect(await raw('GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(
      /^HTTP\/1\.1 40[04]/,
    );
    await nothingStored();
  });

  /** Sends raw HTTP/1.1 and answers the status line, the headers and the parsed JSON body. */
  const rawHttp = (text) =>
    new Promise((resolve) => {
      const s = net.connect(Number(new URL(app.url).port), '127.0.0.1', () => s.write(text));
      let out = '';
      s.on('data', (d) => (out += d));
      s.on('error', () => {});
      s.on('close', () => {
        const [head, body = ''] = out.split('\r\n\r\n');
        resolve({ status: head.split('\r\n')[0], head, json: body ? JSON.parse(body) : null });
      });
    });

  it('malformed, repeated and control-character cookies are 400 ERR_COOKIE_INVALID on every route, expired in the answer, nothing stored', async () => {
    const sid = c.jar.get('ikrar_sid');
    const csrf = c.jar.get('ikrar_csrf');
    const routes = [
      ['GET', '/'],
      ['GET', '/health'],
      ['GET', '/admin'],
      ['GET', '/trust.json'],
      ['GET', '/api/session'],
      ['GET', '/api/admin/people'],
      ['GET', '/status/0'],
      ['GET', '/verifikasi'],
      ['POST', '/api/sign'],
      ['POST', '/api/session'],
    ];
    const cookies = [
      // [Cookie header, the cookie named in detail, problem]
      ['ikrar_session=%%%zz;;', 'ikrar_session', 'malformed'],
      ['ikrar_sid=%%%zz;;', 'ikrar_sid', 'malformed'],
      ['ikrar_sid=%E0%A4%A', 'ikrar_sid', 'malformed'],
      [`ikrar_sid=${sid}; ikrar_csrf=%zz${'a'.repeat(40)}`, 'ikrar_csrf', 'malformed'],
      [`ikrar_sid="${sid}"`, 'ikrar_sid', 'malformed'],
      [`ikrar_sid=${sid}\u00e9`, 'ikrar_sid', 'malformed'],
      [`ikrar_sid=${sid}; ikrar_sid=${'A'.repeat(43)}`, 'ikrar_sid', 'repeated'],
      [`ikrar_sid=${'A'.repeat(43)}; theme=dark; ikrar_sid=${sid}`, 'ikrar_sid', 'repeated'],
      [`ikrar_csrf=${csrf}; ikrar_csrf=${csrf}`, 'ikrar_csrf', 'repeated'],
      [`ikrar_sid=${'x'.repeat(9000)}`, 'ikrar_sid', 'malformed'],
      [`ikrar_sso=${'A'.repeat(42)}!`, 'ikrar_sso', 'malformed'],
      [`ikrar_sid=${sid}\tX`, 'ikrar_sid', 'malformed'],
    ];
    for (const [method, route] of routes) {
      for (const [cookie, name, problem] of cookies) {
        const res = await fetch(`${app.url}${route}`, {
          method,
          headers: {
            cookie,
            origin: app.url,
            'x-csrf-token': csrf,
            'content-type': 'application/json',
          },
          ...(method === 'POST' && { body: JSON.stringify(credentialFor(app, config, me)) }),
        });
        const setCookie = res.headers.getSetCookie();
        const error = await expectError(res, 400, 'ERR_COOKIE_INVALID').catch((e) => {
          throw new Error(`${method} ${route} with ${cookie.slice(0, 60)}: ${e.message}`);
        });
        expect(error.detail).toEqual({ ...(name && { cookie: name }), problem });
        expect(error.messages.id).toMatch(/^Cookie portal rusak atau ganda/);
        // The broken cookie is expired (never echoed), so a reload starts clean.
        if (name) expect(setCookie).toEqual([expect.stringMatching(new RegExp(`^${name}=; Max-Age=0; Path=/`))]);
        else expect(setCookie).toEqual([]);
      }
    }
    // None of that stored anything, and the real session still works for its owner.
    await nothingStored();
  });

  it('random cookie values never get a 5xx: a value of the session shape is no session (401), anything else 400', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('ikrar_sid', 'ikrar_csrf', 'ikrar_sso', 'ikrar_session', 'other'),
        fc.string({ unit: fc.constantFrom(...'aZ09_-.%"=,\\ é', 'ÿ'), minLength: 1, maxLength: 60 }),
        async (name, value) => {
          const res = await fetch(`${app.url}/api/session`, { headers: { cookie: `${name}=${value}` } });
          expect(res.status).toBeLessThan(500);
          const { error } = await res.json();
          expect(['ERR_COOKIE_INVALID', 'ERR_NOT_SIGNED_IN']).toContain(error.code);
          // Another application's cookie is never the portal's business; one of ours with a
          // character the portal never sets is always refused.
          if (name === 'other') expect(error.code).toBe('ERR_NOT_SIGNED_IN');
          else if (/[^A-Za-z0-9._-]/.test(value.trim())) expect(error.code).toBe('ERR_COOKIE_INVALID');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a control character Node let through is refused without naming a cookie', () => {
    expect(() => readPortalCookies(`theme=dark\x1b[31m; ikrar_sid=${'A'.repeat(43)}`)).toThrow(
      expect.objectContaining({ code: 'ERR_COOKIE_INVALID', status: 400, detail: { problem: 'control' } }),
    );
    expect(readPortalCookies(`theme=da rk; ikrar_sid=${'A'.repeat(43)}; ikrar_csrf=`)).toEqual(
      new Map([['ikrar_sid', 'A'.repeat(43)]]),
    );
  });

  it("the pilot's ikrar_session cookie (it held the NIP) is never read and is expired", async () => {
    const res = await fetch(`${app.url}/api/session`, {
      headers: { cookie: `ikrar_session=${me.identifier}.c2lnbmF0dXJl` },
    });
    await expectError(res, 401, 'ERR_NOT_SIGNED_IN');
    expect(res.headers.getSetCookie()).toContainEqual(expect.stringMatching(/^ikrar_session=; Max-Age=0; Path=\//));
  });

  it('malformed URLs (path or query) are 400 ERR_URL_INVALID on every route', async () => {
    const admin = await staffClient(app.url);
    for (const url of [
      '/?q=%E0%A4%A',
      '/health?x=%zz',
      '/api/admin/people?q=%zz',
      '/api/admin/people?%zz=1',
      '/status/0?x=%',
      '/verifikasi/%zz',
      '/credentials/%zz',
      '/auth/sso/callback?code=1&state=%ff%fe',
    ]) {
      await expectError(await admin.get(url), 400, 'ERR_URL_INVALID').catch((e) => {
        throw new Error(`${url}: ${e.message}`);
      });
    }
    await expectError(await c.request('POST', '/api/sign?x=%zz', { json: {} }), 400, 'ERR_URL_INVALID');
    await nothingStored();
  });

  it("what Node's parser refuses (control characters, huge headers) is still a JSON refusal with a code", async () => {
    const port = new URL(app.url).port;
    const send = (line, header) =>
      rawHttp(`${line} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${header}\r\nConnection: close\r\n\r\n`);
    for (const [line, header, status, code] of [
      [
        'GET /api/session',
        `Cookie: ikrar_sid=${'A'.repeat(20)}\x01${'A'.repeat(22)}`,
        '400 Bad Request',
        'ERR_REQUEST_MALFORMED',
      ],
      ['GET /api/session', `Cookie: ikrar_sid=\x7f`, '400 Bad Request', 'ERR_REQUEST_MALFORMED'],
      ['GET /a\x7fb', 'X: y', '400 Bad Request', 'ERR_REQUEST_MALFORMED'],
      [
        'GET /api/session',
        `Cookie: x=${'a'.repeat(20_000)}`,
        '431 Request Header Fields Too Large',
        'ERR_HEADERS_TOO_LARGE',
      ],
      [
        'GET /api/session',
        `Cookie: ${Array.from({ length: 900 }, (_, i) => `k${i}=${'v'.repeat(20)}`).join('; ')}`,
        '431 Request Header Fields Too Large',
        'ERR_HEADERS_TOO_LARGE',
      ],
    ]) {
      const answer = await send(line, header);
      expect(answer.status, line).toBe(`HTTP/1.1 ${status}`);
      expect(answer.head).toMatch(/content-type: application\/json/);
      expect(answer.json.error.code).toBe(code);
      expect(answer.json.error.messages.id.length).toBeGreaterThan(3);
      expect(answer.json.error.messages.en.length).toBeGreaterThan(3);
    }
    // Another client was never disturbed.
    await nothingStored();
  });
});
