// Builds the self-contained ESM bundle for pages without a build step:
// dist/browser/ikrar-netralitas.js (the element, with lit, signature_pad and @ikrar/core inside) and
// dist/browser/ikrar-core.js (core functions for host pages), minified, sharing chunks.
// Anything loaded with import() (the PDF certificate) goes to a separate chunk, fetched only on click.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { coreDir, coreSourcePlugin } from './core-source.mjs';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const common = {
  absWorkingDir: pkg,
  outdir: 'dist/browser',
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  conditions: ['browser', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [minifyTemplatesPlugin, coreSourcePlugin],
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: {
    'ikrar-netralitas': 'src/index.ts',
    'ikrar-core': 'src/bundle-core.ts',
    'ikrar-verifikasi': 'src/verifikasi.ts',
    'verify-worker': 'src/verify-worker.ts',
  },
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  format: 'esm',
});
// <ikrar-verifikasi> as one classic script for pages opened from file:// (no module scripts
// there): everything in one file, which is also its own Web Worker when served. A classic script
// has no chunks, so whatever the verifier's `import('@ikrar/core/pdf')` reaches is inlined, and a
// namespace import keeps every export: the certificate renderer with its Noto Sans data, never
// used to verify. The verifier reads only `extractRecord`, so here `@ikrar/core/pdf` is core's
// reader module alone (498 -> 231 KB gzip; pdf-lib itself stays).
const pdfReader = path.join(coreDir, 'src/pdf/extract-record.ts');
if (!existsSync(pdfReader)) throw new Error(`core's PDF reader moved: ${pdfReader}`);
const pdfReaderOnly = {
  name: 'ikrar-pdf-reader-only',
  setup(b) {
    b.onResolve({ filter: /^@ikrar\/core\/pdf$/ }, () => ({ path: pdfReader, sideEffects: false }));
  },
};
await build({
  ...common,
  plugins: [pdfReaderOnly, ...common.plugins],
  entryPoints: { 'ikrar-verifikasi.classic': 'src/verifikasi-classic.ts' },
  format: 'iife',
});
console.log(
  'dist/browser/ikrar-netralitas.js, ikrar-core.js, ikrar-verifikasi.js (+ verify-worker.js) and ikrar-verifikasi.classic.js written',
);
