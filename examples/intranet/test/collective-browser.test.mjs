// The collective pakta integritas end to end in headless Chromium at 390 px (#15): the
// administrator names three representatives in the event editor; each representative, in a phone-
// sized browser of their own, signs in and signs /pakta.html (a key made in that browser); the
// administrator sees 3/3 and the agency's countersignature, and the certificate lists all three
// with the Mengetahui line (pdftotext); ikrar-verify accepts the export (exit 0). Then (#12) the
// administrator revokes it with a reason on the phone; the panel says revoked, by whom and why; a
// representative's page no longer offers to sign; naming three again lists the revoked one as
// earlier; ikrar-verify --status on the export says revoked (exit 1).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closePortal,
  expectNoHorizontalScroll,
  openPortal,
  pageErrors,
  signInStaffPage,
  tempDir,
  verifyExport,
} from './fixture.mjs';

const PHONE = { viewport: { width: 390, height: 844 } };
let app, browser, roster;
beforeAll(async () => {
  ({ app, browser, roster } = await openPortal({}, { browser: true }));
});
afterAll(() => closePortal({ app, browser }));

/** Console errors and page errors of a page (a 4xx answer the page expects is not one). */
const watch = (page) => pageErrors(page, /status of 40[13]/);

describe('the collective pakta integritas in Chromium at 390 px', () => {
  it('admin names three, each signs on their phone, the admin sees 3/3 and the countersigned certificate', async () => {
    const reps = [roster[6], roster[1], roster[4]];
    const adminContext = await browser.newContext(PHONE);
    const admin = await adminContext.newPage();
    const adminErrors = watch(admin);
    await signInStaffPage(admin, app.url);
    await admin.getByRole('link', { name: 'Kegiatan' }).click();
    await admin.getByRole('link', { name: 'Pakta integritas bersama' }).first().click();
    await admin.locator('#pakta:not([hidden])').waitFor();
    await admin.getByText('Belum ada perwakilan untuk kegiatan ini.').waitFor();
    await admin
      .getByLabel('NIP / NI PPPK / NIK perwakilan, satu per baris')
      .fill(reps.map((r) => r.identifier).join('\n'));
    await admin.getByRole('button', { name: 'Simpan perwakilan' }).click();
    await admin.getByText('0/3 perwakilan sudah menandatangani.', { exact: false }).waitFor();
    for (const r of reps)
      await admin.locator('#pakta-reps li', { hasText: r.name }).getByText('Belum menandatangani').waitFor();
    expect(await admin.locator('#pakta-reps').textContent()).not.toContain(reps[0].identifier);
    await expectNoHorizontalScroll(admin, 'admin page');

    // Each representative on a phone of their own, in the order 3, 1, 2.
    for (const [n, r] of [reps[2], reps[0], reps[1]].entries()) {
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      const errors = watch(page);
      await page.goto(`${app.url}/pakta.html`);
      await page.getByLabel('NIP / NI PPPK / NIK').fill(r.identifier);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.locator('#pakta-doc:not([hidden])').waitFor();
      await page.locator('#pakta-points li').first().waitFor();
      await page.getByText(`${n} dari 3 perwakilan sudah menandatangani.`).waitFor();
      await expectNoHorizontalScroll(page, 'representative page');
      await page.getByRole('button', { name: 'Tanda tangani pakta integritas' }).click();
      await page.getByText(`${n + 1} dari 3 perwakilan sudah menandatangani.`, { exact: false }).waitFor();
      const me = page.locator('#pakta-reps li', { hasText: `${r.name} (Anda)` });
      await me.getByText('Sudah menandatangani', { exact: false }).waitFor();
      expect(await page.getByRole('button', { name: 'Tanda tangani pakta integritas' }).isVisible()).toBe(false);
      if (n === 2) await page.getByText('Instansi sudah mengesahkan pakta integritas ini.', { exact: false }).waitFor();
      expect(errors).toEqual([]);
      await context.close();
    }

    await admin.reload();
    await admin.locator('#pakta:not([hidden])').waitFor();
    await admin.getByText('3/3 perwakilan sudah menandatangani. Disahkan instansi', { exact: false }).waitFor();
    expect(await admin.locator('#pakta-reps li.signed').count()).toBe(3);
    expect(await admin.locator('#pakta-countersign').isVisible()).toBe(false);
    await expectNoHorizontalScroll(admin, 'admin page');

    // The certificate the panel links to: every representative, and the agency's Mengetahui line.
    const href = await admin.locator('#pakta-certificate').getAttribute('href');
    const pdf = await adminContext.request.get(`${app.url}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const dir = tempDir('ikrar-pakta-browser-');
    writeFileSync(path.join(dir, 'pakta.pdf'), await pdf.body());
    const text = spawnSync('pdftotext', ['-layout', path.join(dir, 'pakta.pdf'), '-'], { encoding: 'utf8' });
    expect(text.status, text.stderr).toBe(0);
    for (const r of reps) expect(text.stdout).toContain(r.name);
    expect(text.stdout).toContain('Mengetahui');
    expect(text.stdout).not.toContain('Belum menandatangani');

    // The export and trust.json, as an auditor takes them: ikrar-verify exit 0.
    const event = await app.stores.events.open();
    const exported = await (
      await adminContext.request.get(`${app.url}/api/admin/export.jsonl?event=${event.id}`)
    ).text();
    expect(exported.trim().split('\n')).toHaveLength(1);
    const trust = await (await adminContext.request.get(`${app.url}/trust.json`)).text();
    const run = verifyExport({ records: exported, trust }, 'ikrar-pakta-browser-');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).summary).toMatchObject({ total: 1, valid: 1 });

    // Revocation on the phone: a reason is required; the panel then says revoked, by whom and why.
    const reason = 'Perwakilan keliru ditetapkan';
    const revokeButton = admin.getByRole('button', { name: 'Cabut pakta integritas / Revoke' });
    await revokeButton.waitFor();
    await revokeButton.click();
    expect(await admin.locator('#pakta-reason').evaluate((el) => el.validity.valueMissing)).toBe(true);
    await admin.locator('#pakta-reason').fill(reason);
    await revokeButton.click();
    await admin.getByText(`Dicabut / Revoked`, { exact: false }).first().waitFor();
    const status = await admin.locator('#pakta-status').textContent();
    expect(status).toContain('oleh admin');
    expect(status).toContain(`Alasan: ${reason}`);
    expect(await revokeButton.isVisible()).toBe(false);
    await expectNoHorizontalScroll(admin, 'admin page');

    // A representative's page says so and offers no signing.
    const repContext = await browser.newContext(PHONE);
    const repPage = await repContext.newPage();
    const repErrors = watch(repPage);
    await repPage.goto(`${app.url}/pakta.html`);
    await repPage.getByLabel('NIP / NI PPPK / NIK').fill(reps[0].identifier);
    await repPage.getByRole('button', { name: 'Masuk' }).click();
    await repPage.getByText('Pakta integritas ini sudah dicabut instansi', { exact: false }).waitFor();
    expect(await repPage.getByRole('button', { name: 'Tanda tangani pakta integritas' }).isVisible()).toBe(false);
    expect(repErrors).toEqual([]);
    await repContext.close();

    // Named again: a new document; the revoked one is listed as earlier.
    await admin
      .getByLabel('NIP / NI PPPK / NIK perwakilan, satu per baris')
      .fill(reps.map((r) => r.identifier).join('\n'));
    await admin.getByRole('button', { name: 'Simpan perwakilan' }).click();
    await admin.getByText('0/3 perwakilan sudah menandatangani. Belum disahkan instansi.').waitFor();
    const earlier = admin.locator('#pakta-earlier li');
    await earlier.first().waitFor();
    expect(await earlier.count()).toBe(1);
    expect(await earlier.textContent()).toContain(`Alasan: ${reason}`);
    await expectNoHorizontalScroll(admin, 'admin page');

    // The auditor's check: the export still holds the revoked record; --status says revoked (exit 1).
    const get = async (url) => (await adminContext.request.get(`${app.url}${url}`)).text();
    const withStatus = verifyExport(
      {
        records: await get(`/api/admin/export.jsonl?event=${event.id}`),
        trust,
        status: await get('/api/admin/status-lists.json'),
      },
      'ikrar-pakta-browser-',
    );
    expect(withStatus.status, withStatus.stdout + withStatus.stderr).toBe(1);
    expect(JSON.parse(withStatus.stdout).summary).toMatchObject({ total: 1, valid: 0, revoked: 1 });
    expect(adminErrors).toEqual([]);
    await adminContext.close();
  });
});
