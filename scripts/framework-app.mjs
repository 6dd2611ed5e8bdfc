// Shared by the React and Vue example tests: build the app with Vite, serve dist/, open it in
// headless Chromium (playwright-core, Debian's chromium) and sign a pledge the way an employee
// would, by keyboard and mouse, with a typed signature in browser-key mode. The record the app's
// own handler received is read from the page and verified in Node with @ikrar/core.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { serveStatic } from './serve-static.mjs';

/** The signer, as in examples/intranet/roster.csv: a valid 18-digit NIP (structure only). */
export const SIGNER = {
  name: 'Sri Wahyuni',
  identifier: '199001012015032001',
  position: 'Pranata Komputer Ahli Muda',
  workUnit: 'Dinas Komunikasi dan Informatika',
};

/**
 * Builds the Vite app in `dir` into dir/dist and opens it in Chromium.
 * @param {string} dir the example's folder
 */
export async function openBuiltApp(dir) {
  await build({ root: dir, logLevel: 'warn', build: { outDir: path.join(dir, 'dist'), emptyOutDir: true } });
  const site = await serveStatic(path.join(dir, 'dist'));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  await page.goto(`${site.url}/index.html`);
  return {
    page,
    problems,
    async close() {
      await browser.close();
      await site.close();
    },
  };
}

/**
 * Signs through every step of <ikrar-netralitas>: acknowledge each point, identity, a typed
 * signature, review, sign. Resolves when the element reports the step `done`.
 * @param {import('playwright-core').Page} page
 */
export async function signTyped(page) {
  const el = page.locator('ikrar-netralitas');
  const boxes = el.locator('input[type=checkbox]');
  await boxes.first().waitFor({ timeout: 20_000 });
  const n = await boxes.count();
  for (let i = 0; i < n; i++) await boxes.nth(i).check();
  await el.locator('button.primary').click();
  await el.locator('#f-name').fill(SIGNER.name);
  await el.locator('input[value=PNS]').check();
  await el.locator('#f-identifier').fill(SIGNER.identifier);
  await el.locator('#f-position').fill(SIGNER.position);
  const workUnit = el.locator('#f-workUnit');
  if ((await workUnit.getAttribute('readonly')) === null) await workUnit.fill(SIGNER.workUnit);
  await el.locator('button.primary').click();
  // The signature type is a pressed button when the element offers more than one type.
  const typed = el.locator('button[data-type=typed]');
  if ((await typed.count()) > 0 && (await typed.getAttribute('aria-pressed')) !== 'true') await typed.click();
  await el.locator('#f-typed').fill(SIGNER.name);
  await el.locator('button.primary').click();
  await el.locator('button.primary').click(); // review: sign
  await page.waitForFunction(() => document.querySelector('ikrar-netralitas')?.currentStep === 'done', null, {
    timeout: 30_000,
  });
}

/**
 * The tests both framework examples pass: the element renders inside the framework's tree with the
 * attributes the framework passed, a typed signature completes in browser-key mode, the app's own
 * `ikrar-signed` handler gets the record (the page shows it), and that record verifies in Node.
 * @param {{ name: string, dir: string, mount: string, verifyPledge: (r: unknown) => Promise<{ verified: boolean, issuer?: string }> }} o
 *   `mount` is the selector of the framework's root element; `verifyPledge` is @ikrar/core's.
 */
export function frameworkAppSuite({ name, dir, mount, verifyPledge }) {
  let app;
  beforeAll(async () => {
    app = await openBuiltApp(dir);
  });
  afterAll(async () => {
    await app?.close();
  });

  describe(name, () => {
    it('renders <ikrar-netralitas> inside the app, with the attributes the app passed', async () => {
      const { page } = app;
      await expect
        .poll(() => page.locator('ikrar-netralitas h2').first().textContent(), { timeout: 20_000 })
        .toMatch(/\S/);
      const attrs = await page.evaluate((sel) => {
        const el = document.querySelector(`${sel} ikrar-netralitas`);
        // React 19 and Vue set a custom element's known properties (not attributes): read those.
        return { agency: el?.agency, mode: el?.signingMode };
      }, mount);
      expect(attrs).toEqual({ agency: 'Pemerintah Kabupaten Klaten', mode: 'browser-key' });
      expect(await page.locator('[data-testid=record]').count()).toBe(0);
    });

    it('signs with a typed signature; the app handler receives a record that verifies', async () => {
      const { page, problems } = app;
      await signTyped(page);
      const text = await page.locator('[data-testid=record]').textContent({ timeout: 10_000 });
      const record = JSON.parse(text ?? 'null');
      const subject = JSON.stringify(record.credentialSubject);
      for (const v of Object.values(SIGNER)) expect(subject).toContain(v);
      expect(await page.locator('[data-testid=record-id]').textContent()).toBe(record.id);
      const result = await verifyPledge(record);
      expect(result.verified, JSON.stringify(result)).toBe(true);
      expect(result.issuer).toMatch(/^did:key:z6Mk/);
      // The check can fail: the same record with one letter of the name changed does not verify.
      const tampered = { ...record, credentialSubject: JSON.parse(subject.replace(SIGNER.name, 'Sri Wahyuno')) };
      expect((await verifyPledge(tampered)).verified).toBe(false);
      expect(await page.locator('[data-testid=error]').count()).toBe(0);
      expect(problems).toEqual([]);
    });
  });
}
