import { rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

// Two builds into dist/:
// - The browser-safe library (`index`, `errors`, `ordered-pool` and `tally`: files of their own, so
//   that a bundler puts the pools' scheduler and the run's tally only where a pool is, not in what a
//   Web Worker loads), with @ikrar/core external.
// - The Node-only command and its worker thread, which the library entries never import, bundled
//   with the parts of @ikrar/core (and its @noble and @scure dependencies) they use: loading about
//   30 ES modules (resolving each package's exports, reading, linking) cost every run about 45 ms
//   of main-thread CPU and about 40 ms in each worker, measured on a one-record file. Only
//   sodium-native (a native addon) and @ikrar/core/pdf (pdf-lib: loaded on the first .pdf input)
//   stay outside; the PDF reader's errors are read by their `code`, not by class.
// The two builds run at once: dist/ is emptied here, once, not by either of them (`clean`).
rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      errors: 'src/errors.ts',
      'ordered-pool': 'src/ordered-pool.ts',
      tally: 'src/tally.ts',
    },
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    splitting: true,
    external: ['@ikrar/core', 'sodium-native'],
  },
  {
    entry: {
      cli: 'src/cli/verify/index.ts',
      worker: 'src/cli/verify/worker.ts',
    },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    splitting: true,
    platform: 'node',
    noExternal: [/^@ikrar\/core(\/(?!pdf$).*)?$/, /^@noble\//, /^@scure\//],
    external: ['@ikrar/core/pdf', 'sodium-native'],
  },
]);
