// Screenshots of every step of <ikrar-netralitas>, on a 360 px phone and a desktop, in Bahasa
// Indonesia and English, into packages/widget/docs/. The page is examples/html/index.html served
// from the repository root (run `pnpm build` first), in Debian's Chromium driven by playwright-core.
// Run: pnpm --filter @ikrar/widget screenshots
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, repoRoot } from '../../../scripts/wtr-config.mjs';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(pkg, 'docs');
mkdirSync(out, { recursive: true });
if (!existsSync(path.join(pkg, 'dist/browser/ikrar-netralitas.js'))) {
  console.error('dist/browser/ikrar-netralitas.js is missing: run pnpm build first');
  process.exit(2);
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const file = path.join(repoRoot, decodeURIComponent(url.pathname));
  if (!file.startsWith(repoRoot) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/examples/html/index.html`;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: chromiumArgs.filter((a) => !a.startsWith('--headless')),
});

const VIEWPORTS = { phone: { width: 360, height: 780 }, desktop: { width: 1024, height: 900 } };
const files = [];

async function shoot(page, name) {
  await page.evaluate(() => document.querySelector('ikrar-netralitas').updateComplete);
  await page.waitForTimeout(150);
  const file = path.join(out, `${name}.png`);
  await page.locator('ikrar-netralitas').screenshot({ path: file, animations: 'disabled' });
  files.push(path.relative(pkg, file));
}

for (const [vp, size] of Object.entries(VIEWPORTS)) {
  for (const lang of ['id', 'en']) {
    const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on(
      'response',
      (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`),
    );
    await page.goto(`${base}?lang=${lang}`);
    await page.waitForFunction(() => document.querySelector('ikrar-netralitas')?.shadowRoot?.querySelector('h2'));
    const prefix = `${vp}-${lang}`;
    const el = page.locator('ikrar-netralitas');
    await shoot(page, `${prefix}-1-pledge`);
    // Acknowledge two points, press Next: the errors view.
    const boxes = el.locator('input[type=checkbox]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await el.locator('button.primary').click();
    await shoot(page, `${prefix}-1b-pledge-incomplete`);
    await boxes.nth(2).check();
    await boxes.nth(3).check();
    await el.locator('button.primary').click();
    await el.locator('#f-name').fill('Sri Wahyuni, S.Kom.');
    await el.locator('input[value=PNS]').check();
    await el.locator('#f-identifier').fill('19900101 201503 2 00');
    await el.locator('#f-position').click();
    await shoot(page, `${prefix}-2-identity-invalid`);
    await el.locator('#f-identifier').fill('19900101 201503 2 001');
    await el.locator('#f-position').fill('Pranata Komputer Ahli Muda');
    await shoot(page, `${prefix}-2-identity`);
    await el.locator('button.primary').click();
    // Draw with the mouse: real pointer events.
    const canvas = el.locator('canvas[data-ready]');
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    const path2 = [
      [0.12, 0.6],
      [0.2, 0.35],
      [0.26, 0.62],
      [0.33, 0.3],
      [0.4, 0.64],
      [0.5, 0.4],
      [0.58, 0.6],
      [0.7, 0.45],
      [0.86, 0.55],
    ];
    await page.mouse.move(box.x + box.width * path2[0][0], box.y + box.height * path2[0][1]);
    await page.mouse.down();
    for (const [x, y] of path2.slice(1))
      await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 6 });
    await page.mouse.up();
    await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.75);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.72, { steps: 12 });
    await page.mouse.up();
    await shoot(page, `${prefix}-3-signature-drawn`);
    await el.locator('button[data-type=typed]').click();
    await el.locator('#f-typed').fill('Sri Wahyuni');
    await shoot(page, `${prefix}-3-signature-typed`);
    await el.locator('button[data-type=drawn]').click();
    await el.locator('button.primary').click();
    await shoot(page, `${prefix}-4-review`);
    await el.locator('button.primary').click();
    await page.waitForFunction(() => document.querySelector('ikrar-netralitas').currentStep === 'done');
    await shoot(page, `${prefix}-5-done`);
    if (errors.length > 0) console.error(`${prefix}: page errors:\n  ${errors.join('\n  ')}`);
    await page.close();
  }
}
// A configuration error, as an agency developer would first see it.
{
  const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
  await page.goto(base);
  await page.evaluate(() => document.querySelector('ikrar-netralitas').removeAttribute('agency'));
  await shoot(page, 'desktop-id-0-config-error');
  await page.close();
}
await browser.close();
server.close();
console.log(`${files.length} screenshots in docs/:\n  ${files.join('\n  ')}`);
