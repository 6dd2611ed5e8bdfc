// Revocation end to end in headless Chromium (#12): on a 390 px screen an administrator opens an
// employee's records from coverage, revokes the record with a reason ("Cabut / Revoke"), sees it
// marked revoked; the read-only auditor sees the reason but no revoke button; the exports the
// admin page links to make ikrar-verify --status answer revoked (exit 1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closePortal,
  expectNoHorizontalScroll,
  openPortal,
  pageErrors,
  signInStaffPage,
  verifyPageExports,
} from './fixture.mjs';
import { ADMIN_PASSWORD, AUDITOR_PASSWORD, credentialFor, employeeClient } from './helpers.mjs';

let app, config, browser, roster;
beforeAll(async () => {
  ({ app, config, browser, roster } = await openPortal({}, { browser: true }));
});
afterAll(() => closePortal({ app, browser }));

async function staffPage(username, password) {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const errors = pageErrors(page);
  await signInStaffPage(page, app.url, username, password);
  return { page, errors };
}

/** Opens the records of the employee named `name` from the coverage panel. */
async function openRecords(page, name) {
  await page.fill('#people-q', name);
  const card = page.locator('#people li', { hasText: name });
  await card.waitFor();
  await card.getByRole('link', { name: 'Rincian dan pencabutan' }).click();
  await page.locator('#rekaman:not([hidden])').waitFor();
  return card;
}

describe('revoking from the record page in Chromium', () => {
  it('an administrator revokes with a reason; the auditor reads it; ikrar-verify --status says revoked', async () => {
    const who = roster[5];
    const signed = await (
      await employeeClient(app.url, who.identifier)
    ).post('/api/sign', credentialFor(app, config, who));
    expect(signed.status).toBe(201);
    const record = await signed.json();

    const { page, errors } = await staffPage('admin', ADMIN_PASSWORD);
    await openRecords(page, who.name);
    const item = page.locator('#records-list li').first();
    await item.getByText('Berlaku / Valid').waitFor();
    // The reason is required: the browser will not submit an empty form.
    await item.getByRole('button', { name: 'Cabut / Revoke' }).click();
    expect(
      await item.getByRole('textbox', { name: /Alasan pencabutan/ }).evaluate((t) => t.validity.valueMissing),
    ).toBe(true);
    expect((await app.stores.statusLists.status(record.id))?.revokedAt).toBeNull();
    await item.getByRole('textbox', { name: /Alasan pencabutan/ }).fill('Ditandatangani oleh rekan di meja bersama');
    await item.getByRole('button', { name: 'Cabut / Revoke' }).click();
    await item.getByText('Dicabut / Revoked').waitFor();
    expect(await item.textContent()).toContain('Alasan: Ditandatangani oleh rekan di meja bersama');
    expect(await item.textContent()).toMatch(/Dicabut \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WITA oleh admin/);
    expect(await item.getByRole('button', { name: 'Cabut / Revoke' }).count()).toBe(0);
    await expectNoHorizontalScroll(page, 'revoked record');

    // The audit log names it, with the reason.
    await page.getByRole('link', { name: 'Audit' }).click();
    const entry = page.locator('#audit-entries li', { hasText: 'admin mencabut rekaman' }).first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain(record.id);
    expect(await entry.textContent()).toContain('Alasan: Ditandatangani oleh rekan di meja bersama');

    // The exports the page links to; ikrar-verify --status gives the verdict.
    const r = await verifyPageExports(page, app.url, 'ikrar-revoke-e2e-');
    expect(r.status, r.stdout + r.stderr).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toMatchObject({ total: 1, revoked: 1 });
    expect(out.results[0]).toMatchObject({ id: record.id, verdict: 'revoked' });
    expect(errors).toEqual([]);
    await page.close();

    // The read-only auditor sees the revocation and its reason, and no revoke button.
    const auditor = await staffPage('auditor-uji', AUDITOR_PASSWORD);
    const card = await openRecords(auditor.page, who.name);
    expect(await card.textContent()).toContain('1 rekaman dicabut');
    const seen = auditor.page.locator('#records-list li').first();
    await seen.getByText('Dicabut / Revoked').waitFor();
    expect(await seen.textContent()).toContain('Alasan: Ditandatangani oleh rekan di meja bersama');
    expect(await auditor.page.getByRole('button', { name: 'Cabut / Revoke' }).count()).toBe(0);
    expect(auditor.errors).toEqual([]);
    await auditor.page.close();
  });
});
