// pdf-lib and the font data stay out of every entry but `@ikrar/core/pdf`: a page that only signs never
// downloads them; the PDF entry loads the fonts on its first certificate, and fontkit not at all (fonts
// are subset by our own `truetype.ts`).
import { build, type Metafile } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function inputsOf(entry: string, splitting = false): Promise<Metafile> {
  const result = await build({
    entryPoints: [path.join(packageDir, entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    splitting,
    outdir: path.join(packageDir, 'dist-isolation-check'),
    logLevel: 'silent',
  });
  return result.metafile;
}

describe('entry isolation', () => {
  it('the main and errors entries bundle no pdf-lib, fontkit, uqr or font data', async () => {
    for (const entry of ['src/index.ts', 'src/errors.ts']) {
      const inputs = Object.keys((await inputsOf(entry)).inputs);
      expect(inputs.length, entry).toBeGreaterThan(0);
      expect(
        inputs.filter((i) => /pdf-lib|fontkit|uqr|noto-sans|src\/pdf\//.test(i)),
        entry,
      ).toEqual([]);
    }
  });

  it('the PDF entry keeps the Noto Sans data in a chunk loaded on demand and bundles no fontkit', async () => {
    const meta = await inputsOf('src/pdf/index.ts', true);
    const entryOutput = Object.entries(meta.outputs).find(([, o]) => o.entryPoint?.endsWith('src/pdf/index.ts'));
    expect(entryOutput).toBeDefined();
    const [, entry] = entryOutput!;
    const staticInputs = Object.keys(entry.inputs);
    expect(staticInputs.some((i) => i.includes('pdf-lib'))).toBe(true);
    expect(staticInputs.filter((i) => /fontkit|noto-sans-data/.test(i))).toEqual([]);
    const dynamic = entry.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path);
    expect(dynamic.length).toBeGreaterThanOrEqual(1);
    const lazyInputs = dynamic.flatMap((p) => Object.keys(meta.outputs[p]?.inputs ?? {}));
    expect(lazyInputs.some((i) => i.includes('noto-sans-data'))).toBe(true);
    const everything = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(everything.filter((i) => i.includes('fontkit'))).toEqual([]);
  });
});
