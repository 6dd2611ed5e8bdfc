// Apel mode through the running portal over real HTTP: an administrator's projector stream sees
// the count move when an employee signs; the code it shows passes the employee's check (CSRF and
// session as the pages send them), and a code for another event does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apelStates } from '../bench/bench-kit.mjs';
import { closePortal, openPortal } from './fixture.mjs';
import { credentialFor, employeeClient, expectError, staffClient } from './helpers.mjs';

let app, config, roster;

beforeAll(async () => {
  ({ app, config, roster } = await openPortal());
});
afterAll(() => closePortal({ app }));

describe('apel mode in the portal', () => {
  it('the projector stream counts a new signature; its code passes the check', async () => {
    const event = await app.stores.events.open();
    const admin = await staffClient(app.url);
    const res = await admin.get(`/api/admin/apel/${event.id}/stream`);
    expect(res.status).toBe(200);
    const feed = apelStates(res);
    const first = (await feed.next()).value;
    expect(first.event.name).toBe(config.firstEvent.name);
    expect(first.count).toBe(0);
    expect(first.qr).toMatch(/^<svg/);
    expect(first.url).toBe(`${config.publicUrl}/?apel=${event.id}&kode=${encodeURIComponent(first.code)}`);

    const me = roster[0];
    const phone = await employeeClient(app.url, me.identifier);
    const ok = await phone.post('/api/apel/check', { event: event.id, code: first.code });
    expect(ok.status).toBe(200);
    expect((await ok.json()).event.id).toBe(event.id);
    expect((await phone.post('/api/sign', credentialFor(app, config, me))).status).toBe(201);
    let next = (await feed.next()).value;
    while (next.count === 0) next = (await feed.next()).value;
    expect(next.count).toBe(1);
    await feed.return(undefined);

    await expectError(await phone.post('/api/apel/check', { event: 'lain', code: first.code }), 404, 'ERR_NOT_FOUND');
    const other = await app.stores.events.create({ ...config.firstEvent, name: 'Apel Lain' });
    const wrong = await expectError(
      await phone.post('/api/apel/check', { event: other.id, code: first.code }),
      400,
      'ERR_APEL_CODE_INVALID',
    );
    expect(wrong.messages.id).toMatch(/tidak berlaku untuk acara ini/);
  });

  it('refuses the stream to employees and the check without the CSRF token', async () => {
    const event = await app.stores.events.open();
    const phone = await employeeClient(app.url, roster[1].identifier);
    await expectError(await phone.get(`/api/admin/apel/${event.id}/stream`), 403, 'ERR_FORBIDDEN');
    const res = await phone.post('/api/apel/check', { event: event.id, code: 'x' }, { csrf: false });
    expect(res.status).toBe(403);
  });
});
