// Bad input as an outsider sends it: oversized, malformed, deeply nested and non-UTF-8 bodies,
// wrong content types, unknown methods, traversal paths, broken percent-encoding. Each gets its
// 4xx and stable code, never a 500, and nothing is stored.
import fc from 'fast-check';
import { verifyPledge } from '@ikrar/core';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
afterAll(async () => {
  await app?.close();
});

const nothingStored = async () => expect((await (await c.get('/api/session')).json()).signed).toBeNull();

describe('bad input', () => {
  it('bodies: each refusal has its status and code, and nothing is stored', async () => {
    const bodies = [
      [
        Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
        'application/json',
        400,
        'ERR_BODY_NOT_UTF8',
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
});
