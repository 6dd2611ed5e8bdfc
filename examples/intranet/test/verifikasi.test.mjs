// The certificate's verification page (issue #13) over real HTTP and a real SQLite file: the
// server answers a hash of the code with the record encrypted under the code (no personal data in
// the clear), a wrong or malformed code is ERR_NOT_FOUND, the typed code finds the record without
// the id, the certificate's QR carries /verifikasi/<uuid>#<code>, and in headless Chromium the page
// decrypts and verifies the record (<ikrar-verifikasi>) and shows valid, the masked identifier, the
// event and the time in words, from the QR link and from a typed code. PUBLIC_URL on loopback warns.
import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { verificationCode } from '@ikrar/core/pdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupOf, loopbackWarning, normalizeCode } from '../src/verifikasi/verifikasi-routes.mjs';
import { closePortal, openPortal, tempDir } from './fixture.mjs';
import { credentialFor, employeeClient, expectError, sampleRoster } from './helpers.mjs';

let app, config, dataDir, roster, browser;
let record;

beforeAll(async () => {
  ({ app, config, dataDir, roster, browser } = await openPortal({}, { browser: true }));
  const me = roster[0];
  const c = await employeeClient(app.url, me.identifier);
  const res = await c.post('/api/sign', credentialFor(app, config, me));
  expect(res.status).toBe(201);
  record = await res.json();
});

afterAll(async () => {
  await closePortal({ app, browser });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const open = (box, code) => {
  const key = pbkdf2Sync(normalizeCode(code), Buffer.from(box.salt, 'base64'), box.iterations, 32, 'sha256');
  const body = Buffer.from(box.ciphertext, 'base64');
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
  d.setAuthTag(body.subarray(body.length - 16));
  return JSON.parse(Buffer.concat([d.update(body.subarray(0, body.length - 16)), d.final()]).toString('utf8'));
};

describe('/verifikasi: the certificate verification page', () => {
  it('answers a hash of the code with the record encrypted under the code, and no personal data in the clear', async () => {
    const code = verificationCode(record);
    const uuid = record.id.slice('urn:uuid:'.length);
    const res = await fetch(`${app.url}/verifikasi-data/${lookupOf(code)}?id=${uuid}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    const s = record.credentialSubject.signer;
    for (const secret of [s.identifier, s.name, s.workUnit, record.id]) expect(text).not.toContain(secret);
    const box = JSON.parse(text);
    expect(box).toMatchObject({ v: 1, kdf: 'PBKDF2-SHA-256', cipher: 'AES-256-GCM', iterations: 310_000 });
    expect(Buffer.from(box.salt, 'base64')).toHaveLength(16);
    expect(open(box, code)).toEqual(record);
    // Lower case and without the dash, as people type it: the same record.
    expect(lookupOf(code.toLowerCase().replace('-', ' '))).toBe(lookupOf(code));
    // Without the id (a typed code): found by the code alone.
    const typed = await fetch(`${app.url}/verifikasi-data/${lookupOf(code)}`);
    expect(typed.status).toBe(200);
    expect(open(await typed.json(), code)).toEqual(record);
    // A wrong key cannot open it (AES-GCM authenticates).
    expect(() => open(box, 'AAAAA-AAAAA')).toThrow();
  });

  it('refuses a wrong, malformed or mismatched code as ERR_NOT_FOUND, in both languages', async () => {
    const uuid = record.id.slice('urn:uuid:'.length);
    await expectError(
      await fetch(`${app.url}/verifikasi-data/${lookupOf('AAAAA-AAAAA')}?id=${uuid}`),
      404,
      'ERR_NOT_FOUND',
    );
    await expectError(await fetch(`${app.url}/verifikasi-data/${lookupOf('AAAAA-AAAAA')}`), 404, 'ERR_NOT_FOUND');
    await expectError(await fetch(`${app.url}/verifikasi-data/not-a-hash`), 404, 'ERR_NOT_FOUND');
    await expectError(
      await fetch(`${app.url}/verifikasi-data/${lookupOf(verificationCode(record))}?id=../../etc`),
      404,
      'ERR_NOT_FOUND',
    );
  });

  it("puts /verifikasi/<uuid>#<code> on the certificate's QR code", async () => {
    const me = sampleRoster(config)[0];
    const c = await employeeClient(app.url, me.identifier);
    const res = await c.get(`/api/records/${record.id.slice(9)}/certificate.pdf`);
    expect(res.status).toBe(200);
    const dir = tempDir('ikrar-verifikasi-qr-');
    try {
      const pdf = path.join(dir, 'c.pdf');
      writeFileSync(pdf, Buffer.from(await res.arrayBuffer()));
      execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', pdf, path.join(dir, 'page')]);
      const qr = execFileSync('zbarimg', ['--raw', '-q', path.join(dir, 'page.png')], { encoding: 'utf8' }).trim();
      expect(qr).toBe(`${config.publicUrl}/verifikasi/${record.id.slice(9)}#${verificationCode(record)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('in Chromium: the QR link and a typed code both show the record verified, the identifier masked', async () => {
    const page = await browser.newPage();
    try {
      const code = verificationCode(record);
      const s = record.credentialSubject.signer;
      await page.goto(`${app.url}/verifikasi/${record.id.slice(9)}#${code}`);
      await page.waitForSelector('#result:not([hidden])', { timeout: 60_000 });
      expect(await page.textContent('#verdict')).toContain('SAH');
      const shown = await page.textContent('#result');
      expect(shown).toContain(s.name);
      expect(shown).not.toContain(s.identifier);
      expect(shown).toContain(s.identifier.slice(-4));
      expect(await page.textContent('#event')).toContain(record.credentialSubject.event.name);
      expect(await page.textContent('#when')).toMatch(/pukul \d\d\.\d\d (WIB|WITA|WIT)$/);
      await page.goto(`${app.url}/verifikasi`);
      await page.fill('#code', code.toLowerCase());
      await page.click('button[type=submit]');
      await page.waitForSelector('#result:not([hidden])', { timeout: 60_000 });
      expect(await page.textContent('#verdict')).toContain('SAH');
      await page.fill('#code', 'AAAAA-AAAAA');
      await page.click('button[type=submit]');
      await page.waitForFunction(() => document.getElementById('status').textContent.includes('tidak dikenal'));
      expect(await page.isHidden('#result')).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('warns when PUBLIC_URL is a loopback address (QR codes nobody can open)', () => {
    for (const u of ['http://127.0.0.1:8080', 'http://localhost:3000', 'http://[::1]/', 'http://0.0.0.0'])
      expect(loopbackWarning(u)).toMatch(/loopback.*PUBLIC_URL adalah alamat loopback/);
    expect(loopbackWarning('https://ikrar.klatenkab.go.id')).toBe(null);
    expect(loopbackWarning('not a url')).toMatch(/not a URL/);
  });
});
