// Apel presence codes: HMAC-SHA-256 bound to the event and a 30-second window, accepted for three
// minutes; properties over times, events and tampering.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApelCodes } from '../src/apel/apel-codes.mjs';

const secret = new Uint8Array(32).fill(7);
const T0 = Date.parse('2024-10-07T00:00:00Z');
const time = fc.integer({ min: T0, max: T0 + 400 * 24 * 3600 * 1000 });
const eventId = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes('\u0000'));

describe('apel codes', () => {
  it('a code is accepted from its window for three minutes, then refused as expired', async () => {
    const codes = await createApelCodes({ secret });
    await fc.assert(
      fc.asyncProperty(time, eventId, fc.integer({ min: 0, max: 179_999 }), async (t, ev, later) => {
        const shown = await codes.issue(ev, new Date(t));
        expect(shown.code).toMatch(/^\d+\.[A-Za-z0-9_-]{22}$/);
        expect(shown.shownAt.getTime()).toBeLessThanOrEqual(t);
        expect(shown.nextAt.getTime() - shown.shownAt.getTime()).toBe(30_000);
        const at = shown.shownAt.getTime() + later;
        const ok = await codes.check(ev, shown.code, new Date(at));
        expect(ok).toEqual({ ok: true, window: shown.window, shownAt: shown.shownAt });
        const old = await codes.check(ev, shown.code, new Date(shown.shownAt.getTime() + 180_000 + later));
        expect(old).toMatchObject({ ok: false, code: 'ERR_APEL_CODE_EXPIRED' });
      }),
      { numRuns: 200 },
    );
  });

  it('a code for another event, from another secret, or with a changed window or MAC is invalid', async () => {
    const codes = await createApelCodes({ secret });
    const other = await createApelCodes({ secret: new Uint8Array(32).fill(8) });
    await fc.assert(
      fc.asyncProperty(
        time,
        eventId,
        eventId,
        fc.nat(21),
        fc.integer({ min: -3, max: 3 }),
        async (t, ev, ev2, pos, dw) => {
          const now = new Date(t);
          const shown = await codes.issue(ev, now);
          if (ev2 !== ev) {
            expect(await codes.check(ev2, shown.code, now)).toMatchObject({ ok: false, code: 'ERR_APEL_CODE_INVALID' });
          }
          expect(await other.check(ev, shown.code, now)).toMatchObject({ ok: false, code: 'ERR_APEL_CODE_INVALID' });
          const [w, mac] = shown.code.split('.');
          const c = mac[pos] === 'A' ? 'B' : 'A';
          const flipped = `${w}.${mac.slice(0, pos)}${c}${mac.slice(pos + 1)}`;
          expect(await codes.check(ev, flipped, now)).toMatchObject({ ok: false, code: 'ERR_APEL_CODE_INVALID' });
          if (dw !== 0) {
            const moved = `${Number(w) + dw}.${mac}`;
            expect(await codes.check(ev, moved, now)).toMatchObject({ ok: false, code: 'ERR_APEL_CODE_INVALID' });
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a code from a window not begun yet is invalid (the server never showed it)', async () => {
    const codes = await createApelCodes({ secret });
    const future = await codes.issue('e', new Date(T0 + 60_000));
    const r = await codes.check('e', future.code, new Date(T0));
    expect(r).toMatchObject({ ok: false, code: 'ERR_APEL_CODE_INVALID' });
  });

  it('malformed input is refused with a stable code and a message in both languages', async () => {
    const codes = await createApelCodes({ secret });
    for (const bad of [
      undefined,
      null,
      42,
      '',
      'abc',
      '1.',
      '.AAAAAAAAAAAAAAAAAAAAAA',
      '1.AAAA',
      `1.${'A'.repeat(23)}`,
      `-1.${'A'.repeat(22)}`,
      `1.${'A'.repeat(21)}=`,
      `1 .${'A'.repeat(22)}`,
    ]) {
      const r = await codes.check('e', bad, new Date(T0));
      expect(r).toMatchObject({ ok: false, code: 'ERR_APEL_CODE_MALFORMED' });
      if (!r.ok) {
        expect(r.message.id).toMatch(/Kode apel tidak terbaca/);
        expect(r.message.en).toMatch(/cannot be read/);
      }
    }
    const expired = await codes.check('e', (await codes.issue('e', new Date(T0))).code, new Date(T0 + 3_600_000));
    expect(expired).toMatchObject({
      ok: false,
      message: { id: expect.stringMatching(/kedaluwarsa/), en: expect.stringMatching(/expired/) },
    });
    const other = await codes.check('f', (await codes.issue('e', new Date(T0))).code, new Date(T0));
    expect(other).toMatchObject({
      ok: false,
      message: {
        id: expect.stringMatching(/tidak berlaku untuk acara ini/),
        en: expect.stringMatching(/not valid for this event/),
      },
    });
  });

  it('refuses a short secret, bad lengths and a bad event id', async () => {
    await expect(createApelCodes({ secret: new Uint8Array(16) })).rejects.toThrow(RangeError);
    await expect(createApelCodes({ secret: /** @type {any} */ ('x') })).rejects.toThrow(TypeError);
    await expect(createApelCodes({ secret, windowSeconds: 30, acceptSeconds: 10 })).rejects.toThrow(/acceptSeconds/);
    const codes = await createApelCodes({ secret });
    await expect(codes.issue('', new Date())).rejects.toThrow(/eventId/);
    await expect(codes.check('a\u0000b', 'x', new Date())).rejects.toThrow(/eventId/);
  });

  it('windows follow the options: 10 s windows accepted for 20 s', async () => {
    const codes = await createApelCodes({ secret, windowSeconds: 10, acceptSeconds: 20 });
    const shown = await codes.issue('e', new Date(T0 + 5_000));
    expect(shown.shownAt.getTime()).toBe(T0);
    expect(shown.acceptedUntil.getTime()).toBe(T0 + 19_999);
    expect((await codes.check('e', shown.code, new Date(T0 + 19_999))).ok).toBe(true);
    expect((await codes.check('e', shown.code, new Date(T0 + 20_000))).ok).toBe(false);
  });
});
