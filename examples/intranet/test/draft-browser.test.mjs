// Records the employee signs with their own key carry a revocation entry and presence (#12, #15),
// in headless Chromium: the portal in browser-key mode (IKRAR_SIGNING_MODE), a phone opens the
// apel QR link, signs in and signs; the widget asks POST /api/sign/draft, its own key signs the
// draft, POST /api/sign countersigns. The stored record has the employee's proof then the agency's,
// the reserved credentialStatus and the apel evidence; an administrator revokes it from the record
// page as any other; ikrar-verify --status then says revoked (exit 1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPledge } from '@ikrar/core';
import { readStatusEntries } from '@ikrar/core/status';
import { closePortal, openPortal, pageErrors, signInStaffPage, verifyPageExports } from './fixture.mjs';
import { staffClient } from './helpers.mjs';
import { signTyped } from './widget-steps.mjs';

const SECRET_HEX = 'b6'.repeat(32);
let app, browser, roster;
let previousSecret;

beforeAll(async () => {
  previousSecret = process.env.IKRAR_APEL_SECRET;
  process.env.IKRAR_APEL_SECRET = SECRET_HEX;
  ({ app, browser, roster } = await openPortal({ signingMode: 'browser-key' }, { browser: true }));
});
afterAll(async () => {
  if (previousSecret === undefined) delete process.env.IKRAR_APEL_SECRET;
  else process.env.IKRAR_APEL_SECRET = previousSecret;
  await closePortal({ app, browser });
});

describe('browser-key signing in the portal', () => {
  it('the record carries the drafted status and apel presence under both proofs; revoking it works; ikrar-verify says revoked', async () => {
    const who = roster[3];
    const event = await app.stores.events.open();
    const admin = await staffClient(app.url);
    const shown = await (await admin.get(`/api/admin/apel/${event.id}`)).json();

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors = pageErrors(phone);
    const asked = [];
    phone.on('request', (r) => r.method() === 'POST' && asked.push(new URL(r.url()).pathname));
    await phone.goto(`${app.url}/?apel=${encodeURIComponent(event.id)}&kode=${encodeURIComponent(shown.code)}`);
    await phone.fill('#identifier', who.identifier);
    await phone.press('#identifier', 'Enter');
    const widget = phone.locator('ikrar-netralitas');
    await widget.waitFor();
    expect(await widget.evaluate((w) => w.signingMode)).toBe('browser-key');
    await phone.locator('#apel-note', { hasText: 'kehadiran Anda dicatat' }).waitFor();
    await signTyped(widget, who.name);
    expect(asked.filter((p) => p.startsWith('/api/sign'))).toEqual(['/api/sign/draft', '/api/sign']);

    const record = await app.stores.records.find(event.id, who.identifier);
    expect(record).not.toBeNull();
    const result = await verifyPledge(record);
    expect(result.verified).toBe(true);
    expect(result.proofs.map((p) => p.controller)).toEqual([record.credentialSubject.id, app.agency.controller]);
    expect(record.credentialSubject.id).toMatch(/^did:key:z6Mk/);
    const [entry] = readStatusEntries(record);
    expect(entry).toMatchObject({ statusPurpose: 'revocation' });
    expect((await app.stores.statusLists.status(record.id))?.entry).toEqual(record.credentialStatus);
    expect(record.evidence).toEqual([
      expect.objectContaining({ type: ['ApelPresence'], atApel: true, apelCode: shown.code }),
    ]);
    expect(errors).toEqual([]);
    await phone.close();

    // The administrator revokes it from the record page, as any record.
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signInStaffPage(page, app.url);
    await page.fill('#people-q', who.name);
    const card = page.locator('#people li', { hasText: who.name });
    await card.waitFor();
    await card.getByRole('link', { name: 'Rincian dan pencabutan' }).click();
    const item = page.locator('#records-list li').first();
    await item.getByText('Berlaku / Valid').waitFor();
    await item.getByRole('button', { name: 'Cabut / Revoke' }).click();
    await item.getByRole('textbox', { name: /Alasan pencabutan/ }).fill('Kunci perangkat dipakai orang lain');
    await item.getByRole('button', { name: 'Cabut / Revoke' }).click();
    await item.getByText('Dicabut / Revoked').waitFor();
    expect((await app.stores.statusLists.status(record.id))?.reason).toBe('Kunci perangkat dipakai orang lain');

    // The exports: ikrar-verify --status gives the verdict.
    const r = await verifyPageExports(page, app.url, 'ikrar-draft-e2e-');
    expect(r.status, r.stdout + r.stderr).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toMatchObject({ total: 1, revoked: 1 });
    expect(out.results[0]).toMatchObject({ id: record.id, verdict: 'revoked' });
    await page.close();
  });
});
