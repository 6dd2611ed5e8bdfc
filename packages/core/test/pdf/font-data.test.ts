// The embedded Noto Sans data is byte for byte the WOFF files of @fontsource/noto-sans (OFL 1.1).
// IKRAR_WRITE_FONT_DATA=1 regenerates src/pdf/fonts/noto-sans-data.ts from the installed package.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NOTO_SANS_WOFF } from '../../src/pdf/fonts/noto-sans-data.js';
import { woffToSfnt } from '../../src/pdf/woff.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dataFile = path.join(here, '../../src/pdf/fonts/noto-sans-data.ts');
const require = createRequire(import.meta.url);
const FACES = ['latin', 'latin-ext', 'vietnamese', 'greek', 'cyrillic'].flatMap((s) => [`${s}-400`, `${s}-700`]);

function packageWoff(face: string): Buffer {
  const [subset, weight] = [face.slice(0, face.lastIndexOf('-')), face.slice(face.lastIndexOf('-') + 1)];
  return readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`));
}

if (process.env.IKRAR_WRITE_FONT_DATA === '1') {
  const head = readFileSync(dataFile, 'utf8').split('export const')[0];
  const body = FACES.map((f) => `  "${f}": "${packageWoff(f).toString('base64')}",\n`).join('');
  writeFileSync(dataFile, `${head}export const NOTO_SANS_WOFF: Readonly<Record<string, string>> = {\n${body}};\n`);
}

describe('Noto Sans data', () => {
  it('holds exactly the ten faces of @fontsource/noto-sans, byte for byte', () => {
    expect(Object.keys(NOTO_SANS_WOFF)).toEqual(FACES);
    for (const face of FACES) {
      expect(Buffer.from(NOTO_SANS_WOFF[face] as string, 'base64').equals(packageWoff(face)), face).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(require.resolve('@fontsource/noto-sans/package.json'), 'utf8'));
    expect(pkg.license).toBe('OFL-1.1');
    expect(readFileSync(dataFile, 'utf8')).toContain(`@fontsource/noto-sans\` ${pkg.version}`);
  });

  it('unwraps WOFF into a TrueType file with the same tables', async () => {
    const ttf = await woffToSfnt(new Uint8Array(packageWoff('latin-400')));
    const v = new DataView(ttf.buffer);
    expect(v.getUint32(0)).toBe(0x00010000);
    const tags = Array.from({ length: v.getUint16(4) }, (_, i) =>
      String.fromCharCode(...ttf.subarray(12 + i * 16, 16 + i * 16)),
    );
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx', 'loca']));
    await expect(woffToSfnt(new Uint8Array(40))).rejects.toThrow(RangeError);
  });
});
