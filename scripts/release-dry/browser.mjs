// Step 7 of the release dry run: the widget's drop-in bundle, as npm installed it, in headless
// Chromium under a strict Content-Security-Policy. The element must be defined and render its
// first step, and no request may fail.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';
import { serveStatic } from '../serve-static.mjs';

const PAGE = `<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'">
<script type="module" src="/dist/browser/ikrar-netralitas.js"></script></head>
<body><ikrar-netralitas template="skb-2022-asn" agency="Pemerintah Kabupaten Klaten" event-name="Pemilu 2024"
 time-zone="WIB" signing-mode="browser-key"></ikrar-netralitas></body></html>`;

/**
 * @param {string} widgetDir node_modules/@ikrar/widget of the installed project
 * @returns {Promise<string>} what was seen
 */
export async function loadWidgetBundle(widgetDir) {
  const site = await serveStatic(path.resolve(widgetDir), { pages: { '/page.html': PAGE } });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('requestfailed', (r) => errors.push(`${r.url()} failed`));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(`${site.url}/page.html`);
    const heading = await page.locator('ikrar-netralitas h2').first().textContent({ timeout: 15_000 });
    const defined = await page.evaluate(() => customElements.get('ikrar-netralitas')?.name);
    if (!defined) throw new Error('ikrar-netralitas is not defined');
    if (!heading?.trim()) throw new Error('the element rendered no heading');
    if (errors.length) throw new Error(`the page reported: ${errors.join('; ')}`);
    return `<ikrar-netralitas> defined, first step "${heading.replace(/\s+/g, ' ').trim()}"`;
  } finally {
    await browser.close();
    await site.close();
  }
}
