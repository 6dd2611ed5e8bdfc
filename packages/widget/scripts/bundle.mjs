// Builds the self-contained ESM bundle for pages without a build step:
// dist/browser/ikrar-netralitas.js (the element, with lit, signature_pad and @ikrar/core inside) and
// dist/browser/ikrar-core.js (core functions for host pages), minified, sharing chunks.
// Anything loaded with import() (the PDF certificate) goes to a separate chunk, fetched only on click.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
// A chunk that is mostly a bundled library (pdf-lib with pako, loaded for certificates) ships
// without a source map: its map is 1.9 MB of the library's own sources, over scripts/release-dry's
// limit, and the chunk's hashed name follows the chunk graph, so package.json's `files` cannot name
// it (it did while esbuild called it pdf-*). Our own chunks keep their maps.
const MAP_LIMIT = 512 * 1024;
const chunks = path.join(pkg, 'dist/browser/chunks');
for (const name of readdirSync(chunks)) {
  if (!name.endsWith('.js.map')) continue;
  const mapFile = path.join(chunks, name);
  const text = readFileSync(mapFile, 'utf8');
  if (text.length <= MAP_LIMIT) continue;
  const { sources } = JSON.parse(text);
  const library = sources.filter((s) => s.includes('node_modules/')).length;
  if (library < sources.length * 0.75) throw new Error(`${name}: a ${text.length}-byte map of mostly our own code`);
  rmSync(mapFile);
  const jsFile = mapFile.slice(0, -'.map'.length);
  const js = readFileSync(jsFile, 'utf8').replace(/\n\/\/# sourceMappingURL=[^\n]*\n?$/, '\n');
  writeFileSync(jsFile, js);
}
console.log(
  'dist/browser/ikrar-netralitas.js, ikrar-core.js, ikrar-verifikasi.js (+ verify-worker.js) and ikrar-verifikasi.classic.js written',
);
