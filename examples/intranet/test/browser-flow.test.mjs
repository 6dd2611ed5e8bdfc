// An employee signs through the real page in headless Chromium: demo login, <ikrar-netralitas> in
// endpoint mode, keyboard-only typed signature and a drawn one; the server stores a record that
// verifies, and the page shows no console error under its strict CSP.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPledge } from '@ikrar/core';
import {
  closePortal,
  expectNoHorizontalScroll,
  openPortal,
  pageErrors,
  signInStaffPage,
  tempDir,
  verifyExport,
} from './fixture.mjs';
import { employeeClient } from './helpers.mjs';

let app, browser, roster;
beforeAll(async () => {
  ({ app, browser, roster } = await openPortal({}, { browser: true }));
});
afterAll(() => closePortal({ app, browser }));

async function openAs(identifier) {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  // The page asks /api/session first; its 401 (not signed in yet) is the expected answer.
  const errors = pageErrors(page);
  await page.goto(`${app.url}/`);
  await page
    .locator('#identifier')
    .waitFor({ state: 'visible', timeout: 10_000 })
    .catch(() => {
      throw new Error(`login form never shown; page errors: ${errors.join(' | ')}`);
    });
  await page.fill('#identifier', identifier);
  await page.press('#identifier', 'Enter');
  const widget = page.locator('ikrar-netralitas');
  await widget.waitFor();
  return { page, widget, errors };
}

async function readAndIdentify(page, widget) {
  // Keyboard only: Tab to each acknowledgement and press Space, then Enter on "Lanjut".
  for (const box of await widget.getByRole('checkbox').all()) {
    await box.focus();
    await page.keyboard.press('Space');
  }
  await widget.getByRole('button', { name: 'Lanjut' }).press('Enter');
  await widget.getByRole('heading', { name: /Identitas/ }).waitFor();
  await widget.getByRole('button', { name: 'Lanjut' }).press('Enter');
  await widget.getByRole('heading', { name: /Tanda tangan/ }).waitFor();
}

async function finish(page, widget) {
  await widget.getByRole('button', { name: 'Lanjut' }).press('Enter');
  await widget.getByRole('button', { name: 'Tanda tangani ikrar' }).press('Enter');
  // One PDF button on the done step: the widget's, linking to the server's certificate.
  const pdf = widget.getByRole('link', { name: 'Unduh PDF' });
  await pdf.waitFor({ timeout: 20_000 });
  expect(await widget.getByRole('button', { name: 'Unduh PDF' }).count()).toBe(0);
  expect(await page.locator('#certificate').isHidden()).toBe(true);
  return pdf.getAttribute('href');
}

describe('signing through the intranet page', () => {
  it('keyboard only, typed signature: the stored record verifies', async () => {
    const who = roster[0];
    const { page, widget, errors } = await openAs(who.identifier);
    await readAndIdentify(page, widget);
    // Keyboard only: "Ketik nama" comes first and is chosen (a button: Tab and Enter, no arrow keys).
    await widget.getByRole('button', { name: 'Ketik nama', pressed: true }).waitFor();
    const typed = widget.getByRole('textbox').last();
    await typed.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(who.name);
    const href = await finish(page, widget);
    const id = /records\/([0-9a-f-]{36})\//.exec(href)[1];
    const record = await (await (await employeeClient(app.url, who.identifier)).get(`/api/records/${id}`)).json();
    expect(record.credentialSubject.consent).toMatchObject({ method: 'typed', typedName: who.name });
    expect((await verifyPledge(record)).verified).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drawn signature with the pointer: stored with its digest, drawn on the server certificate, and shown as done on return', async () => {
    const who = roster[roster.length - 1];
    const { page, widget, errors } = await openAs(who.identifier);
    await readAndIdentify(page, widget);
    // No pointer used so far, so the element offers typing first: choose drawing with the mouse.
    await widget.getByRole('button', { name: 'Gambar tanda tangan' }).click();
    const box = await widget.locator('canvas').boundingBox();
    await page.mouse.move(box.x + 30, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++)
      await page.mouse.move(box.x + 30 + i * 12, box.y + box.height / 2 - Math.sin(i / 2) * 30, { steps: 2 });
    await page.mouse.up();
    const href = await finish(page, widget);
    const own = await employeeClient(app.url, who.identifier);
    const record = await (await own.get(href.replace('/certificate.pdf', ''))).json();
    expect(record.credentialSubject.consent.method).toBe('drawn');
    expect(record.credentialSubject.consent.signatureDigestMultibase).toMatch(/^uEi/);
    expect((await verifyPledge(record)).verified).toBe(true);
    // The page sent the strokes from ikrar-signed: the server's certificate draws them.
    const pdf = path.join(tempDir('ikrar-e2e-pdf-'), 'certificate.pdf');
    writeFileSync(pdf, Buffer.from(await (await own.get(href)).arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(who.name);
    expect(text).not.toContain('gambarnya tidak disertakan');
    await page.reload();
    await page.locator('#already:not([hidden])').waitFor();
    expect(await page.locator('#already').textContent()).toContain('sudah menandatangani');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the administrator on a phone', () => {
  it('creates an event, uploads a roster (errors first), sees an employee sign, reveals a number, finds it in the audit log, exports what ikrar-verify accepts', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors = pageErrors(page, /status of (401|422)/);
    await signInStaffPage(page, app.url);
    await expectNoHorizontalScroll(page, 'coverage');

    // A new event: Pemilu 2029 in WIB, with a deadline, PPNPN on the Jembrana template.
    await page.getByRole('link', { name: 'Kegiatan' }).click();
    await page.fill('#ev-name', 'Pemilu Serentak 2029');
    await page.fill('#ev-place', 'Aula Kantor Bupati');
    await page.fill('#ev-date', '2029-02-14');
    await page.fill('#ev-deadline', '2099-02-14T16:00');
    await page.selectOption('#ev-zone', 'WIB');
    await page.check('#tpl-PPNPN-jembrana-2024');
    await page.click('#event-save');
    await page.locator('#events li', { hasText: 'Pemilu Serentak 2029 (dibuka)' }).waitFor();
    expect(await page.locator('#events li', { hasText: 'Pemilu Serentak 2029' }).textContent()).toContain(
      'Batas waktu 14 Februari 2099 pukul 16.00 WIB',
    );
    await expectNoHorizontalScroll(page, 'events');

    // The roster: a file with a bad line is refused with the line shown; the fixed one is saved.
    await page.getByRole('link', { name: 'Pegawai' }).click();
    const header = 'name,employeeType,identifier,position,workUnit\n';
    const rows = 'Ni Luh Ayu Lestari,PNS,198503152010012004,Analis,Dinas Komunikasi dan Informatika\n';
    await page.setInputFiles('#roster-file', {
      name: 'pegawai.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(header + rows + 'Salah,PNS,123,,X\n'),
    });
    await page.click('#roster-form button[type=submit]');
    await page.locator('#roster-problems li', { hasText: 'Baris 3' }).waitFor();
    await page.setInputFiles('#roster-file', {
      name: 'pegawai.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(header + rows),
    });
    await page.click('#roster-form button[type=submit]');
    await page.locator('#roster-result', { hasText: 'Tersimpan: 1 baris (1 baru, 0 diperbarui)' }).waitFor();
    await expectNoHorizontalScroll(page, 'roster');

    // The new employee signs on a phone, from the keyboard.
    const { page: phone, widget, errors: phoneErrors } = await openAs('198503152010012004');
    await readAndIdentify(phone, widget);
    await widget.getByRole('button', { name: 'Ketik nama', pressed: true }).waitFor();
    await widget.getByRole('textbox').last().focus();
    await phone.keyboard.press('Control+A');
    await phone.keyboard.type('Ni Luh Ayu Lestari');
    await finish(phone, widget);
    await expectNoHorizontalScroll(phone, 'employee page');
    expect(phoneErrors).toEqual([]);
    await phone.close();

    // Coverage moved; search finds her; her number is masked until revealed.
    await page.getByRole('link', { name: 'Cakupan' }).click();
    await page.locator('#summary', { hasText: /^1 dari \d+ pegawai sudah menandatangani/ }).waitFor();
    await page.fill('#people-q', 'lestari');
    const card = page.locator('#people li', { hasText: 'Ni Luh Ayu Lestari' });
    await card.waitFor();
    expect(await card.textContent()).toContain('**************2004');
    expect(await card.textContent()).toMatch(/Ditandatangani \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB/);
    await card.getByRole('button', { name: 'Tampilkan nomor' }).click();
    await card.locator('.mono', { hasText: '198503152010012004' }).waitFor();
    await expectNoHorizontalScroll(page, 'coverage with people');

    await page.getByRole('link', { name: 'Audit' }).click();
    await page.locator('#audit-entries li', { hasText: 'admin menampilkan nomor' }).first().waitFor();
    expect(await page.locator('#audit-entries li').first().textContent()).toContain('Ni Luh Ayu Lestari');
    await expectNoHorizontalScroll(page, 'audit');

    // The export, fetched with the admin's session, verifies with ikrar-verify.
    await page.getByRole('link', { name: 'Ekspor' }).click();
    await expectNoHorizontalScroll(page, 'exports');
    const href = await page.locator('#export-jsonl').getAttribute('href');
    const jsonl = await (await page.request.get(`${app.url}${href}`)).text();
    expect(jsonl.trimEnd().split('\n')).toHaveLength(1);
    const trust = await (await page.request.get(`${app.url}/trust.json`)).text();
    const r = verifyExport({ records: jsonl, trust }, 'ikrar-e2e-export-');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
