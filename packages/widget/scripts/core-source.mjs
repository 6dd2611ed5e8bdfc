// Maps `@ikrar/core` and its subpaths to core's TypeScript source, read from core's own `exports`
// (./dist/x.js -> ./src/x.ts). The bundle, the size bench and the browser tests use the source, so
// they never see a half-written core dist while core is being rebuilt in the same checkout.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const coreDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../core');

/** @param {string} specifier @returns {string | null} absolute path of the source file, or null */
export function coreSourcePath(specifier) {
  const m = /^@ikrar\/core(\/.*)?$/.exec(specifier);
  if (!m) return null;
  const sub = '.' + (m[1] ?? '');
  const pkg = JSON.parse(readFileSync(path.join(coreDir, 'package.json'), 'utf8'));
  const entry = pkg.exports?.[sub];
  const target = typeof entry === 'string' ? entry : (entry?.default ?? entry?.import?.default);
  if (typeof target !== 'string') return null;
  const src = path.join(coreDir, target.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
  if (existsSync(src)) return src;
  const index = src.replace(/\.ts$/, '/index.ts');
  return existsSync(index) ? index : null;
}

/**
 * esbuild plugin: resolve @ikrar/core[/sub] to source. A path a plugin resolves does not get the
 * package's `"sideEffects": false`, so it is passed on: as from npm, an entry that only re-exports
 * (core's index.ts) then pulls in none of the modules it names but does not use.
 */
export const coreSourcePlugin = {
  name: 'ikrar-core-source',
  setup(build) {
    const sideEffects = JSON.parse(readFileSync(path.join(coreDir, 'package.json'), 'utf8')).sideEffects;
    build.onResolve({ filter: /^@ikrar\/core(\/.*)?$/ }, (args) => {
      const p = coreSourcePath(args.path);
      return p ? { path: p, ...(sideEffects === false && { sideEffects: false }) } : undefined;
    });
  },
};

/**
 * Loads @ikrar/core and its primitives (`@ikrar/core/crypto`) from their source in Node, bundled by
 * esbuild into one temporary ESM file, for the test server that countersigns like an agency backend.
 * @returns {Promise<typeof import('../../core/src/index.ts') & typeof import('../../core/src/crypto.ts')>}
 */
export async function importCoreSource() {
  const { build } = await import('esbuild');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const { pathToFileURL } = await import('node:url');
  const out = await build({
    stdin: {
      contents: "export * from './src/index.ts';\nexport * from './src/crypto.ts';\n",
      resolveDir: coreDir,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'error',
  });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ikrar-core-')), 'core.mjs');
  writeFileSync(file, out.outputFiles[0].text);
  return import(pathToFileURL(file).href);
}
