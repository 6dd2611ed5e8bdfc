// Apel mode routes on their own Hono app: the projector's server-sent events (code, QR, count,
// full state on every reconnect) and the employee's code check, with the session faked.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { serverSentEvents } from '../bench/bench-kit.mjs';
import { createApelCodes } from '../src/apel/apel-codes.mjs';
import { apelAdminRoutes, apelEmployeeRoutes, apelUrl } from '../src/apel/apel-routes.mjs';
import { errorBody, PortalError } from '../src/http/errors.mjs';

const T0 = Date.parse('2024-10-07T00:15:00Z');

/** @param {{ kind: 'staff' | 'employee', role?: string } | null} session */
async function setup(session) {
  const clock = { t: T0 };
  let count = 0;
  const codes = await createApelCodes({ secret: new Uint8Array(32).fill(1) });
  const deps = {
    codes,
    events: { byId: async (/** @type {string} */ id) => (id === '7' ? { id: '7', name: 'Apel Pilkada 2024' } : null) },
    countSigned: async () => count,
    publicUrl: 'https://portal.example.go.id',
    now: () => new Date(clock.t),
    state: { stopping: false },
    tickMs: 20,
  };
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (session) c.set(/** @type {never} */ ('session'), /** @type {never} */ (session));
    await next();
  });
  app.route('/api/admin', apelAdminRoutes(deps));
  app.route('/api', apelEmployeeRoutes(deps));
  app.onError((err, c) => {
    const e = err instanceof PortalError ? err : new PortalError('ERR_INTERNAL');
    return c.json(errorBody(e), /** @type {any} */ (e.status));
  });
  return { app, clock, codes, deps, setCount: (/** @type {number} */ n) => (count = n) };
}

/** Reads server-sent events from a response until `want` state events have come. */
async function readEvents(/** @type {Response} */ res, /** @type {number} */ want) {
  /** @type {{ id: string, retry: string, data: any }[]} */
  const out = [];
  for await (const f of serverSentEvents(res)) {
    if (f.event === 'state') out.push({ id: f.id, retry: f.retry, data: JSON.parse(f.data) });
    if (out.length >= want) break;
  }
  return out;
}

describe('apel projector stream', () => {
  it('sends the full state first, then a new count and, each window, a new code and QR', async () => {
    const { app, clock, codes, setCount } = await setup({ kind: 'staff', role: 'admin' });
    setCount(3);
    const res = await app.request('/api/admin/apel/7/stream');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const reading = readEvents(res, 3);
    await new Promise((r) => setTimeout(r, 60));
    setCount(4);
    await new Promise((r) => setTimeout(r, 60));
    clock.t += 30_000;
    const [first, second, third] = await reading;
    expect(first.retry).toBe('2000');
    expect(first.data).toMatchObject({ event: { id: '7', name: 'Apel Pilkada 2024' }, count: 3 });
    const shown = await codes.issue('7', new Date(T0));
    expect(first.data.code).toBe(shown.code);
    expect(first.data.url).toBe(apelUrl('https://portal.example.go.id', '7', shown.code));
    expect(first.data.qr).toMatch(/^<svg/);
    expect(second.data.count).toBe(4);
    expect(second.data.code).toBe(first.data.code);
    expect(second.data.qr).toBeUndefined();
    expect(third.data.code).not.toBe(first.data.code);
    expect(third.data.qr).toMatch(/^<svg/);
    expect(Number(third.id)).toBeGreaterThan(Number(second.id));
  });

  it('a reconnect (after a network drop) starts with the current count at once', async () => {
    const { app, setCount } = await setup({ kind: 'staff', role: 'admin' });
    setCount(10);
    await readEvents(await app.request('/api/admin/apel/7/stream'), 1);
    setCount(57);
    const [again] = await readEvents(await app.request('/api/admin/apel/7/stream'), 1);
    expect(again.data.count).toBe(57);
  });

  it('is for administrators only, and for an event that exists', async () => {
    for (const [session, status, code] of /** @type {const} */ ([
      [null, 401, 'ERR_NOT_SIGNED_IN'],
      [{ kind: 'employee' }, 403, 'ERR_FORBIDDEN'],
      [{ kind: 'staff', role: 'auditor' }, 403, 'ERR_FORBIDDEN'],
    ])) {
      const { app } = await setup(session);
      for (const path of ['/api/admin/apel/7/stream', '/api/admin/apel/7']) {
        const res = await app.request(path);
        expect(res.status).toBe(status);
        expect((await res.json()).error.code).toBe(code);
      }
    }
    const { app } = await setup({ kind: 'staff', role: 'admin' });
    const res = await app.request('/api/admin/apel/8/stream');
    expect(res.status).toBe(404);
  });
});

describe('apel code check', () => {
  /** @param {Hono} app @param {unknown} body */
  const check = (app, body) =>
    app.request('/api/apel/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('accepts the code on the projector for three minutes, then says it expired, in both languages', async () => {
    const { app, clock, codes } = await setup({ kind: 'employee' });
    const { code } = await codes.issue('7', new Date(T0));
    clock.t += 179_000;
    const ok = await check(app, { event: '7', code });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      ok: true,
      event: { id: '7', name: 'Apel Pilkada 2024' },
      shownAt: new Date(T0).toISOString(),
    });
    clock.t += 1_000;
    const old = await check(app, { event: '7', code });
    expect(old.status).toBe(400);
    const body = (await old.json()).error;
    expect(body.code).toBe('ERR_APEL_CODE_EXPIRED');
    expect(body.messages.id).toMatch(/kedaluwarsa/);
    expect(body.messages.en).toMatch(/expired/);
  });

  it("refuses another event's code, a forged or unreadable one, and a bad event id", async () => {
    const { app, codes } = await setup({ kind: 'employee' });
    const other = await codes.issue('8', new Date(T0));
    const cases = [
      [{ event: '7', code: other.code }, 400, 'ERR_APEL_CODE_INVALID'],
      [{ event: '7', code: `${other.window}.${'A'.repeat(22)}` }, 400, 'ERR_APEL_CODE_INVALID'],
      [{ event: '7', code: 'x'.repeat(5000) }, 400, 'ERR_APEL_CODE_MALFORMED'],
      [{ event: '7' }, 400, 'ERR_APEL_CODE_MALFORMED'],
      [{ event: '../7', code: other.code }, 400, 'ERR_BAD_ID'],
      [{ event: '9', code: other.code }, 404, 'ERR_NOT_FOUND'],
    ];
    for (const [body, status, code] of cases) {
      const res = await check(app, body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(status);
      const e = (await res.json()).error;
      expect(e.code).toBe(code);
      expect(e.messages.id).toMatch(/\S/);
    }
  });

  it('is for signed-in employees only', async () => {
    for (const [session, status] of /** @type {const} */ ([
      [null, 401],
      [{ kind: 'staff', role: 'admin' }, 403],
    ])) {
      const { app } = await setup(session);
      expect((await check(app, { event: '7', code: 'x' })).status).toBe(status);
    }
  });
});
