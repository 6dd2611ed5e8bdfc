// Builds the self-contained ESM bundle for pages without a build step:
// dist/browser/ikrar-netralitas.js (the element, with lit, signature_pad and @ikrar/core inside) and
// dist/browser/ikrar-core.js (core functions for host pages), minified, sharing chunks.
// Anything loaded with import() (the PDF certificate) goes to a separate chunk, fetched only on click.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { coreSourcePlugin } from './core-source.mjs';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  absWorkingDir: pkg,
  entryPoints: { 'ikrar-netralitas': 'src/index.ts', 'ikrar-core': 'src/bundle-core.ts' },
  outdir: 'dist/browser',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  conditions: ['browser', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [minifyTemplatesPlugin, coreSourcePlugin],
  logLevel: 'warning',
});
console.log('dist/browser/ikrar-netralitas.js and ikrar-core.js written');
