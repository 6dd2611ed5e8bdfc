// Shared web-test-runner settings: Debian's Chromium (CHROME_PATH or /usr/bin/chromium),
// flags that work as root on a closed network, esbuild for TypeScript, and pdf-lib's
// self-contained ESM build (its "module" build imports CommonJS pako, which fails unbundled).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resultsReporter } from './wtr-results-reporter.mjs';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export { chromiumArgs };

/** @param {{ name: string, files: string[], plugins?: unknown[], middleware?: unknown[], tsconfig?: string }} o (tsconfig: esbuild's, relative to the repo root) */
export function wtrConfig({ name, files, plugins = [], middleware = [], tsconfig = 'tsconfig.wtr.json' }) {
  const coreRequire = createRequire(path.join(repoRoot, 'packages/core/package.json'));
  const pdfLibEsm = coreRequire.resolve('pdf-lib/dist/pdf-lib.esm.js');
  const pdfLibBundle = {
    name: 'pdf-lib-esm-bundle',
    resolveImport({ source }) {
      if (source === 'pdf-lib') return '/' + path.relative(repoRoot, pdfLibEsm).split(path.sep).join('/');
      return undefined;
    },
  };
  return {
    rootDir: repoRoot,
    files: files.map((f) => path.join(repoRoot, f)),
    nodeResolve: { exportConditions: ['browser', 'development'] },
    concurrency: 1,
    plugins: [
      pdfLibBundle,
      ...plugins,
      esbuildPlugin({ ts: true, target: 'es2022', tsconfig: path.join(repoRoot, tsconfig) }),
    ],
    middleware,
    browsers: [
      chromeLauncher({
        launchOptions: {
          executablePath: chromiumPath,
          headless: true,
          args: chromiumArgs,
        },
      }),
    ],
    reporters: [defaultReporter(), resultsReporter({ name })],
    testFramework: { config: { timeout: 15000 } },
  };
}
