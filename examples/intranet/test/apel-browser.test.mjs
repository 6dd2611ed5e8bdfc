// Apel mode in headless Chromium: the administrator's projector page shows a QR code; zbarimg
// reads it from a screenshot; a phone-sized second context opens the address, signs in and signs;
// the projector's count goes from 0 to 1 without a reload, and the stored record notes the presence
// at the apel with the code the QR code carried.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePortal, openPortal, pageErrors, signInStaffPage, tempDir } from './fixture.mjs';
import { signTyped } from './widget-steps.mjs';

let app, config, browser, roster;
beforeAll(async () => {
  ({ app, config, browser, roster } = await openPortal({}, { browser: true }));
});
afterAll(() => closePortal({ app, browser }));

describe('apel projector in Chromium', () => {
  it('QR read by zbarimg opens the pledge on a phone; signing there moves the count', async () => {
    const projector = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await projector.newPage();
    const errors = pageErrors(page);
    await signInStaffPage(page, app.url);
    await page.goto(`${app.url}/apel.html`);
    await page.locator('#event-name', { hasText: config.firstEvent.name }).waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => document.querySelector('#qr')?.getAttribute('src')?.startsWith('data:image/svg'));
    expect(await page.locator('#count').textContent()).toBe('0');

    const shot = path.join(tempDir('ikrar-apel-'), 'qr.png');
    await page.locator('#qr').screenshot({ path: shot });
    const decoded = execFileSync('zbarimg', ['--quiet', '--raw', shot], { encoding: 'utf8' }).trim();
    const event = await app.stores.events.open();
    const url = new URL(decoded);
    expect(url.pathname).toBe('/');
    expect(url.searchParams.get('apel')).toBe(event.id);
    expect(url.searchParams.get('kode')).toMatch(/^\d+\.[A-Za-z0-9_-]{22}$/);
    expect(`${url.origin}`).toBe(new URL(config.publicUrl).origin);

    // The phone: its own context (no admin cookie), phone-sized; PUBLIC_URL points at the test's port.
    const phoneContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = await phoneContext.newPage();
    await phone.goto(`${app.url}${url.pathname}${url.search}`);
    const who = roster[0];
    await phone.locator('#identifier').waitFor({ state: 'visible', timeout: 10_000 });
    await phone.fill('#identifier', who.identifier);
    await phone.press('#identifier', 'Enter');

    const widget = phone.locator('ikrar-netralitas');
    await widget.waitFor();
    const check = await phone.evaluate(
      async ([ev, code]) => {
        const csrf = document.cookie.match(/ikrar_csrf=([^;]+)/)?.[1] ?? '';
        const res = await fetch('/api/apel/check', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify({ event: ev, code }),
        });
        return { status: res.status, body: await res.json() };
      },
      [url.searchParams.get('apel'), url.searchParams.get('kode')],
    );
    expect(check.status).toBe(200);
    expect(check.body.event.id).toBe(event.id);
    await signTyped(widget, who.name);

    await page.locator('#count', { hasText: /^1$/ }).waitFor({ timeout: 15_000 });
    // The page told the employee, and the agency noted the apel, the code and when, in the record.
    expect(await phone.locator('#apel-note').textContent()).toContain(`di apel ${config.firstEvent.name}`);
    const stored = await app.stores.records.find(event.id, who.identifier);
    expect(stored.evidence).toHaveLength(1);
    expect(stored.evidence[0]).toMatchObject({
      type: ['ApelPresence'],
      atApel: true,
      apelCode: url.searchParams.get('kode'),
    });
    expect(errors).toEqual([]);
    await phoneContext.close();
    await projector.close();
  });
});
