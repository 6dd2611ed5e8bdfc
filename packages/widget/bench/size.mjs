// Size bench: the JavaScript a host page loads before any PDF is asked for: the entry
// (src/index.ts) bundled with lit, signature_pad and @ikrar/core, minified, gzip -9.
// Prints KB, the ratio to the 30 KB budget, a per-package breakdown, and a baseline measured in the
// same run (lit alone, the floor any Lit element pays). Fails if pdf-lib is in the bundle.
// Run: pnpm --filter @ikrar/widget bench
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { coreSourcePlugin } from '../scripts/core-source.mjs';
import { minifyTemplatesPlugin } from '../scripts/minify-templates.mjs';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET_KB = 30;

async function bundle(contents) {
  const r = await build({
    absWorkingDir: pkg,
    stdin: { contents, resolveDir: pkg, sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    splitting: true,
    outdir: path.join(pkg, '.bench-out'),
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    metafile: true,
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [minifyTemplatesPlugin, coreSourcePlugin],
    logLevel: 'error',
  });
  const outputs = r.metafile.outputs;
  const entry = Object.keys(outputs).find(
    (k) => outputs[k].entryPoint === 'entry.ts' || outputs[k].entryPoint === '<stdin>',
  );
  // Everything reachable from the entry, following dynamic imports too, except the PDF module
  // (@ikrar/core/pdf and what only it needs): what a page can load before any PDF is asked for.
  const isPdf = (k) => Object.keys(outputs[k].inputs).some((i) => /core\/src\/pdf\/index\.ts$/.test(i));
  const closure = (follow) => {
    const seen = new Set([entry]);
    for (const k of seen) {
      for (const i of outputs[k].imports) {
        if (i.external || !follow(i) || isPdf(i.path)) continue;
        seen.add(i.path);
      }
    }
    return seen;
  };
  const measure = (set) => {
    const files = r.outputFiles.filter((f) => set.has(path.relative(pkg, f.path)));
    const gzip = files.reduce((n, f) => n + gzipSync(f.contents, { level: 9 }).length, 0);
    const raw = files.reduce((n, f) => n + f.contents.length, 0);
    const inputs = {};
    for (const k of set) for (const [inp, v] of Object.entries(outputs[k].inputs)) inputs[inp] = v.bytesInOutput;
    return { raw, gzip, inputs, chunks: set.size };
  };
  const initial = closure((i) => i.kind === 'import-statement');
  const beforePdf = closure(() => true);
  const pdfChunks = Object.keys(outputs).filter((k) => k.endsWith('.js') && !beforePdf.has(k));
  return { initial: measure(initial), beforePdf: measure(beforePdf), pdfChunks: pdfChunks.length };
}

function packageOf(input) {
  const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (m) return m[1];
  if (/(^|\/)core\/src\//.test(input)) return '@ikrar/core (' + input.replace(/.*core\/src\//, '') + ')';
  return '@ikrar/widget (' + input.replace(/^src\//, '') + ')';
}

const kb = (n) => (n / 1024).toFixed(1);
const base = (
  await bundle(
    `import { LitElement, html } from 'lit'; customElements.define('x-y', class extends LitElement { render() { return html\`x\`; } });`,
  )
).initial;
const all = await bundle(`import './src/index.ts';`);
const widget = all.beforePdf;
const initial = all.initial;

const byPackage = {};
for (const [inp, n] of Object.entries(widget.inputs)) byPackage[packageOf(inp)] = (byPackage[packageOf(inp)] ?? 0) + n;

console.log('@ikrar/widget size (esbuild --bundle --minify --splitting, gzip -9 per file):');
console.log(`  before any PDF (entry + lit + signature_pad + @ikrar/core, every chunk but the PDF's):`);
console.log(`    ${kb(widget.gzip)} KB gzip in ${widget.chunks} files (${kb(widget.raw)} KB minified)`);
console.log(`    budget ${BUDGET_KB} KB: ratio ${(widget.gzip / 1024 / BUDGET_KB).toFixed(2)}`);
console.log(`  first view (static imports only; signature_pad and signing load on later steps):`);
console.log(
  `    ${kb(initial.gzip)} KB gzip in ${initial.chunks} files (${kb(initial.raw)} KB minified), ratio ${(initial.gzip / 1024 / BUDGET_KB).toFixed(2)}`,
);
console.log(
  `  baseline, lit alone in the same run: ${kb(base.gzip)} KB gzip; widget / baseline = ${(widget.gzip / base.gzip).toFixed(2)}x`,
);
console.log('  minified bytes by package (before gzip):');
for (const [k, v] of Object.entries(byPackage).sort((a, b) => b[1] - a[1]))
  console.log(`    ${kb(v).padStart(6)} KB  ${k}`);
console.log(`  PDF chunks (loaded on the first "Unduh PDF" click): ${all.pdfChunks}`);

const pdfLib = Object.keys(widget.inputs).filter((i) => /pdf-lib|pako|fontkit/.test(i));
if (pdfLib.length > 0) {
  console.error(`FAIL: pdf-lib is loaded before a PDF is asked for: ${pdfLib.slice(0, 3).join(', ')}`);
  process.exit(1);
}
console.log('  pdf-lib before a PDF is asked for: no');
if (widget.gzip / 1024 > BUDGET_KB) console.log(`  OVER BUDGET by ${kb(widget.gzip - BUDGET_KB * 1024)} KB`);
