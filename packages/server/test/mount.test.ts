// The service mounted the three ways the README shows, over real sockets: @hono/node-server,
// inside Express, inside Fastify. Each signs, replays, refuses, and limits bodies the same way.
import type { AddressInfo } from 'node:net';
import { request, type Server } from 'node:http';
import { getRequestListener, serve } from '@hono/node-server';
import { verifyPledge } from '@ikrar/core';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteService } from './fixture.js';
import { SRI, YUSUF, credentialFor, removeTempDirs, type TestService } from './helpers.js';

afterAll(removeTempDirs);

async function exercise(base: string, svc: TestService): Promise<void> {
  const post = (body: unknown, who?: string) =>
    fetch(`${base}/sign`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(who && { 'x-test-identifier': who }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const first = await post(credentialFor(svc, YUSUF), YUSUF.identifier);
  expect(first.status).toBe(201);
  const record = await first.json();
  expect((await verifyPledge(record)).verified).toBe(true);
  expect(first.headers.get('location')).toMatch(/\/records\/[0-9a-f-]{36}$/);
  const replay = await post(credentialFor(svc, YUSUF), YUSUF.identifier);
  expect(replay.status).toBe(200);
  expect((await replay.json()).id).toBe(record.id);
  const denied = await post(credentialFor(svc, YUSUF), SRI.identifier);
  expect(denied.status).toBe(403);
  expect((await denied.json()).error.code).toBe('ERR_NOT_YOUR_RECORD');
  const trust = await fetch(`${base}/trust.json`);
  expect((await trust.json()).issuers[0].id).toBe(svc.key.controller);
  expect(await svc.store.count('pilkada-2024')).toBe(1);
  // Last: the server may close this connection without reading the rest of the body.
  const big = await post(JSON.stringify({ pad: 'x'.repeat(400_000) }), SRI.identifier);
  expect(big.status).toBe(413);
  expect((await big.json()).error.code).toBe('ERR_BODY_TOO_LARGE');
}

const listening = (server: Server): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const close = (server: Server) => new Promise<void>((r) => server.close(() => r()));

describe('mounting', () => {
  it('in Node through @hono/node-server, under a Hono app', async () => {
    const svc = await sqliteService();
    const app = new Hono().route('/api', svc.app);
    const server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
    });
    try {
      await exercise(`${listening(server)}/api`, svc);
    } finally {
      await close(server);
    }
  });

  it('in Node, bodies without a Content-Length (chunked) are limited as they stream', async () => {
    const svc = await sqliteService();
    const server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: svc.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
    });
    const { port } = server.address() as AddressInfo;
    // Sent in 16 KiB chunks with Transfer-Encoding: chunked (no Content-Length header).
    const chunked = (body: string, who: string) =>
      new Promise<{ status: number; body: { error?: { code: string; messages: { id: string; en: string } } } }>(
        (resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port,
              path: '/sign',
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-test-identifier': who },
            },
            (res) => {
              let text = '';
              res.setEncoding('utf8');
              res.on('data', (d: string) => (text += d));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
            },
          );
          req.on('error', reject);
          for (let i = 0; i < body.length; i += 16_384) req.write(body.slice(i, i + 16_384));
          req.end();
        },
      );
    try {
      const ok = await chunked(JSON.stringify(credentialFor(svc, YUSUF)), YUSUF.identifier);
      expect(ok.status).toBe(201);
      const big = await chunked(JSON.stringify({ pad: 'x'.repeat(300_000) }), SRI.identifier);
      expect(big.status).toBe(413);
      expect(big.body.error?.code).toBe('ERR_BODY_TOO_LARGE');
      expect(big.body.error?.messages.id).toMatch(/\S/);
      expect(await svc.store.count('pilkada-2024')).toBe(1);
    } finally {
      await close(server);
    }
  });

  it('inside an Express app', async () => {
    const svc = await sqliteService();
    const app = express();
    app.get('/', (_req, res) => void res.send('portal'));
    app.use('/ikrar', getRequestListener(svc.app.fetch));
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      expect(await (await fetch(`${listening(server)}/`)).text()).toBe('portal');
      await exercise(`${listening(server)}/ikrar`, svc);
    } finally {
      await close(server);
    }
  });

  it('inside a Fastify app', async () => {
    const svc = await sqliteService();
    const mounted = new Hono().route('/ikrar', svc.app);
    const listener = getRequestListener(mounted.fetch);
    const app = Fastify();
    app.get('/', async () => 'portal');
    await app.register(async (scope) => {
      // Leave the body unread: the service reads and limits it itself.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_req, _payload, done) => done(null));
      scope.all('/ikrar/*', async (req, reply) => {
        reply.hijack();
        await listener(req.raw, reply.raw);
      });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      expect(await (await fetch(`${listening(app.server)}/`)).text()).toBe('portal');
      await exercise(`${listening(app.server)}/ikrar`, svc);
    } finally {
      await app.close();
    }
  });
});
