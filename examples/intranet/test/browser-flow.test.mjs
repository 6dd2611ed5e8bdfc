// An employee signs through the real page in headless Chromium: demo login, <ikrar-netralitas> in
// endpoint mode, keyboard-only typed signature and a drawn one; the server stores a record that
// verifies, and the page shows no console error under its strict CSP.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { verifyPledge } from '@ikrar/core';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { employeeClient, sampleRoster, startTestPortal } from './helpers.mjs';

let app;
let browser;
let roster;

beforeAll(async () => {
  let config;
  ({ app, config } = await startTestPortal());
  roster = sampleRoster(config);
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function openAs(identifier) {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const errors = [];
  // The page asks /api/session first; its 401 (not signed in yet) is the expected answer.
  page.on('console', (m) => m.type() === 'error' && !/status of 401/.test(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
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
  await page.locator('#certificate:not([hidden])').waitFor({ timeout: 20_000 });
  return page.locator('#certificate a').getAttribute('href');
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
    const pdf = path.join(mkdtempSync(path.join(tmpdir(), 'ikrar-e2e-pdf-')), 'certificate.pdf');
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
