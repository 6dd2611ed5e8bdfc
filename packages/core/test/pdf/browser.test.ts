// The PDF entry in a real browser (Debian's Chromium through playwright-core): bundled for the
// browser with esbuild (so a `node:` import would fail the build), it renders a Latin-1 and a
// Noto Sans certificate in the page, and the bytes come back out as records that verify.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { verifyPledge } from '../../src/index.js';
import { extractRecord } from '../../src/pdf/index.js';
import { AGENCY, DRAWING, referenceInput } from './records.js';
import { pdfFonts, qpdfCheck } from './tools.js';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

async function browserBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: [
        "import { renderCertificate } from './src/pdf/index.ts';",
        "import { createPledge, keyPairFromSecretKey, signPledge } from './src/index.ts';",
        'window.ikrar = { renderCertificate, createPledge, keyPairFromSecretKey, signPledge };',
      ].join('\n'),
      resolveDir: packageDir,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('@ikrar/core/pdf in Chromium', () => {
  it('bundles for the browser and renders certificates there that verify', async () => {
    const code = await browserBundle();
    expect(code).not.toMatch(/from\s*["']node:/);
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.setContent('<!doctype html><title>ikrar</title>');
      await page.addScriptTag({ content: code, type: 'module' });
      await page.waitForFunction(() => 'ikrar' in window);
      const input = referenceInput();
      const names = [input.signer.name, 'Ṅurah Śri Wāhyuni Nguyễn'];
      const results = await page.evaluate(
        async ({ input, names, secret, drawing }) => {
          const w = window as unknown as { ikrar: Record<string, (...a: unknown[]) => Promise<unknown> | unknown> };
          const { renderCertificate, createPledge, keyPairFromSecretKey, signPledge } = w.ikrar as never as {
            renderCertificate: (r: unknown, o: unknown) => Promise<Uint8Array>;
            createPledge: (i: unknown) => unknown;
            keyPairFromSecretKey: (b: Uint8Array) => unknown;
            signPledge: (c: unknown, k: unknown, o: unknown) => Promise<unknown>;
          };
          const key = keyPairFromSecretKey(new Uint8Array(secret));
          const out: number[][] = [];
          for (const name of names) {
            const record = await signPledge(
              createPledge({ ...input, signer: { ...input.signer, name }, now: new Date(input.now as string) }),
              key,
              { created: '2024-01-08T08:16:00+07:00', proofId: 'urn:uuid:5e0c7b8a-3f7e-4a51-9a57-6c1f2b9d0a11' },
            );
            out.push(Array.from(await renderCertificate(record, { signature: drawing })));
          }
          return out;
        },
        {
          input: { ...input, now: input.now!.toISOString() },
          names,
          secret: Array.from(AGENCY.secretKey),
          drawing: DRAWING,
        },
      );
      expect(errors).toEqual([]);
      expect(results).toHaveLength(2);
      for (const [i, bytes] of results.entries()) {
        const pdf = new Uint8Array(bytes);
        expect(qpdfCheck(pdf).status, names[i]).toBe(0);
        const record = (await extractRecord(pdf)) as { credentialSubject: { signer: { name: string } } };
        expect(record.credentialSubject.signer.name).toBe(names[i]);
        expect((await verifyPledge(record)).verified, names[i]).toBe(true);
      }
      expect(pdfFonts(new Uint8Array(results[1]!))).toContain('NotoSans');
    } finally {
      await browser.close();
    }
  });
});
