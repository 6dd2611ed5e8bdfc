// The portal tests' one fixture: a file's portal (fresh data dir and database) with its sample
// roster and, for the browser tests, a headless Chromium (openPortal / closePortal); a page's
// console errors; a page that fits its viewport; a page signed in as staff; temp dirs; and an
// export checked with the real ikrar-verify, from files or from the admin page's export links.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { expect } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { ADMIN_PASSWORD, sampleRoster, startTestPortal } from './helpers.mjs';

const verifierBin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../packages/verifier/bin.js');

/** A new empty directory under the system's temp dir. @param {string} prefix e.g. `ikrar-export-` */
export const tempDir = (prefix) => mkdtempSync(path.join(tmpdir(), prefix));

/** A headless Chromium as every browser test launches it. */
export const launchChromium = () => chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

/**
 * A file's portal (fresh data dir and database, `startTestPortal`'s overrides and options), its
 * sample roster, and with `browser: true` a headless Chromium; close them with {@link closePortal}.
 * @param {Record<string, any>} [overrides]
 * @param {{ browser?: boolean, options?: Record<string, any> }} [how]
 */
export async function openPortal(overrides = {}, { browser = false, options = {} } = {}) {
  const started = await startTestPortal(overrides, options);
  return { ...started, roster: sampleRoster(started.config), browser: browser ? await launchChromium() : undefined };
}

/** Closes what {@link openPortal} opened (either may be missing when it failed half-way). */
export async function closePortal({ app, browser } = {}) {
  await browser?.close();
  await app?.close();
}

/**
 * Collects a page's uncaught errors and console errors, except those that match `expected` (the
 * page's own 401 before signing in, by default).
 * @param {import('playwright-core').Page} page
 * @returns {string[]}
 */
export function pageErrors(page, expected = /status of 401/) {
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && !expected.test(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/**
 * The page fits its viewport (390 px in the phone tests): nothing wider, so no horizontal scrolling.
 * @param {import('playwright-core').Page} page @param {string} what named in the failure
 */
export async function expectNoHorizontalScroll(page, what) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${what}: ${scroll} > ${client}`).toBeLessThanOrEqual(client);
}

/** Signs `page` in at `/admin` as staff and waits for the admin navigation. @param {import('playwright-core').Page} page */
export async function signInStaffPage(page, baseUrl, username = 'admin', password = ADMIN_PASSWORD) {
  await page.goto(`${baseUrl}/admin`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.press('#password', 'Enter');
  await page.locator('#nav:not([hidden])').waitFor();
}

/**
 * Runs the real ikrar-verify with `--json` on an export: the records, the trust store and, when
 * given, the status lists, written to a temp dir as `records.jsonl`, `trust.json`, `status.json`.
 * Answers the process's status and output.
 * @param {{ records: string, trust: string, status?: string }} files
 * @param {string} [prefix] the temp dir's prefix
 * @param {string[]} [extra] further arguments (`--require-status`)
 */
export function verifyExport({ records, trust, status }, prefix = 'ikrar-export-', extra = []) {
  const dir = tempDir(prefix);
  const file = (name, text) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const args = [file('records.jsonl', records), '--trust', file('trust.json', trust)];
  if (status !== undefined) args.push('--status', file('status.json', status));
  return spawnSync(process.execPath, [verifierBin, ...args, ...extra, '--json'], { encoding: 'utf8' });
}

/**
 * The admin page's exports (records, status lists, trust store), as its links give them, checked
 * with ikrar-verify --status. @param {import('playwright-core').Page} page
 */
export async function verifyPageExports(page, baseUrl, prefix) {
  await page.getByRole('link', { name: 'Ekspor' }).click();
  const jsonlHref = await page.locator('#export-jsonl').getAttribute('href');
  const listsHref = await page.getByRole('link', { name: /Daftar status pencabutan/ }).getAttribute('href');
  const text = async (url) => (await page.request.get(`${baseUrl}${url}`)).text();
  return verifyExport(
    { records: await text(jsonlHref), status: await text(listsHref), trust: await text('/trust.json') },
    prefix,
  );
}
