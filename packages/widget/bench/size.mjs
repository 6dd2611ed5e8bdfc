// Size bench: the JavaScript a host page loads before any PDF is asked for: the entry
// (src/index.ts) bundled with lit, signature_pad and @ikrar/core, minified, gzip -9 per file.
// Chunks loaded with import() count on the paths that load them: signature_pad only when the
// signer draws; @noble/* only where WebCrypto lacks Ed25519 or there is no crypto.subtle (plain
// http); English only for an English page; core's collective verification only for a collective record. Prints KB per path
// and whether issue #13's goals hold (first view <= 30 KB, WebCrypto typed path <= 40 KB), a per-package breakdown, and a baseline measured in the same run (lit alone, the floor any Lit
// element pays). Fails if pdf-lib is loaded before a PDF is asked for.
// Run: pnpm --filter @ikrar/widget bench
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { coreSourcePlugin } from '../scripts/core-source.mjs';
import { minifyTemplatesPlugin } from '../scripts/minify-templates.mjs';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Issue #13's goals: the first view and the WebCrypto typed signing path; the other paths have none.
const FIRST_VIEW_GOAL_KB = 30;
const TYPED_GOAL_KB = 40;

// The module an import()-loaded chunk starts from decides which paths load it.
const NOBLE = /core\/src\/internal\/noble\.ts$/;
const DRAWING = /internal\/signature-canvas\.ts$/;
const ENGLISH = /translations\/en\.ts$/;
// Core's collective rules load only when a collective record (PaktaIntegritasCredential) is verified,
// which the signing element never does.
const COLLECTIVE = /core\/src\/internal\/verify-collective\.ts$/;
const PATHS = {
  'WebCrypto (Chromium 137+, Firefox 129+, Safari 17+, https), typed': (e) =>
    !NOBLE.test(e) && !DRAWING.test(e) && !ENGLISH.test(e) && !COLLECTIVE.test(e),
  'WebCrypto, drawn': (e) => !NOBLE.test(e) && !ENGLISH.test(e) && !COLLECTIVE.test(e),
  'fallback (no Ed25519 in crypto.subtle, or plain http): + noble, typed': (e) =>
    !DRAWING.test(e) && !ENGLISH.test(e) && !COLLECTIVE.test(e),
  'fallback, drawn': (e) => !ENGLISH.test(e) && !COLLECTIVE.test(e),
  'every chunk but the PDF (fallback, drawn, English, collective verification)': () => true,
};

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
  // The PDF module (@ikrar/core/pdf, reached through the widget's certificate.ts, and what only it
  // needs) is never counted.
  const isPdf = (k) =>
    /internal\/certificate\.ts$/.test(outputs[k].entryPoint ?? '') ||
    Object.keys(outputs[k].inputs).some((i) => /core\/src\/pdf\/index\.ts$/.test(i));
  const closure = (follow) => {
    const seen = new Set([entry]);
    for (const k of seen) {
      for (const i of outputs[k].imports) {
        if (i.external || isPdf(i.path)) continue;
        if (i.kind === 'dynamic-import' && !follow(outputs[i.path]?.entryPoint ?? '')) continue;
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
  const everything = closure(() => true);
  const paths = Object.fromEntries(Object.entries(PATHS).map(([name, follow]) => [name, measure(closure(follow))]));
  const pdfChunks = Object.keys(outputs).filter((k) => k.endsWith('.js') && !everything.has(k)).length;
  return { initial: measure(closure(() => false)), paths, everything: measure(everything), pdfChunks };
}

function packageOf(input) {
  const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (m) return m[1];
  if (/(^|\/)core\/src\//.test(input)) return '@ikrar/core (' + input.replace(/.*core\/src\//, '') + ')';
  return '@ikrar/widget (' + input.replace(/^src\//, '') + ')';
}

const kb = (n) => (n / 1024).toFixed(1);
const goal = (n, limit) => `goal ${limit} KB: ${n / 1024 <= limit ? 'met' : 'OVER'}`;
const base = (
  await bundle(
    `import { LitElement, html } from 'lit'; customElements.define('x-y', class extends LitElement { render() { return html\`x\`; } });`,
  )
).initial;
const all = await bundle(`import './src/index.ts';`);

console.log('@ikrar/widget size (esbuild --bundle --minify --splitting, gzip -9 per file):');
console.log(`  before any PDF, by path (Indonesian page):`);
Object.entries(all.paths).forEach(([name, m], i) => {
  const g = i === 0 ? `  (${goal(m.gzip, TYPED_GOAL_KB)})` : '';
  console.log(
    `    ${kb(m.gzip).padStart(5)} KB gzip (${String(m.gzip).padStart(6)} B), ${String(m.chunks).padStart(2)} files  ${name}${g}`,
  );
});
const initial = all.initial;
console.log(`  first view (static imports only; the rest loads on later steps):`);
console.log(
  `    ${kb(initial.gzip)} KB gzip in ${initial.chunks} files (${kb(initial.raw)} KB minified)  (${goal(initial.gzip, FIRST_VIEW_GOAL_KB)})`,
);
const first = Object.values(all.paths)[0];
console.log(
  `  baseline, lit alone in the same run: ${kb(base.gzip)} KB gzip; WebCrypto typed / baseline = ${(first.gzip / base.gzip).toFixed(2)}x`,
);
const byPackage = {};
for (const [inp, n] of Object.entries(all.everything.inputs))
  byPackage[packageOf(inp)] = (byPackage[packageOf(inp)] ?? 0) + n;
console.log('  minified bytes by package, every chunk but the PDF (before gzip):');
const onFirst = new Set(Object.keys(first.inputs).map(packageOf));
for (const [k, v] of Object.entries(byPackage).sort((a, b) => b[1] - a[1]))
  console.log(`    ${kb(v).padStart(6)} KB  ${k}${onFirst.has(k) ? '' : '  (not on the WebCrypto typed path)'}`);
console.log(`  PDF chunks (loaded on the first "Unduh PDF" click): ${all.pdfChunks}`);

const pdfLib = Object.keys(all.everything.inputs).filter((i) => /pdf-lib|pako|fontkit/.test(i));
if (pdfLib.length > 0) {
  console.error(`FAIL: pdf-lib is loaded before a PDF is asked for: ${pdfLib.slice(0, 3).join(', ')}`);
  process.exit(1);
}
console.log('  pdf-lib before a PDF is asked for: no');
const noble = Object.keys(first.inputs).filter((i) => /@noble\//.test(i) && first.inputs[i] > 0);
console.log(`  @noble/* on the WebCrypto path: ${noble.length > 0 ? noble.join(', ') : 'no'}`);
