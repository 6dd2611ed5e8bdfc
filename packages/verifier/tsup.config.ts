import { defineConfig } from 'tsup';

// The browser-safe library (`index`, `errors`, `ordered-pool`, `tally`: files of their own, so that a
// bundler puts the pools' scheduler and the run's tally only where a pool is, not in what a Web
// Worker loads), and the Node-only command with its worker, which the library entries never import.
// The command keeps @ikrar/core external: bundling it in saved 30-50 ms of module loading per run
// (within the noise at 100,000 records) but shipped a second copy of core whose source map passed
// the release's 512 KiB limit.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    errors: 'src/errors.ts',
    'ordered-pool': 'src/ordered-pool.ts',
    tally: 'src/tally.ts',
    cli: 'src/cli/verify/index.ts',
    worker: 'src/cli/verify/worker.ts',
  },
  format: ['esm'],
  dts: {
    entry: {
      index: 'src/index.ts',
      errors: 'src/errors.ts',
      'ordered-pool': 'src/ordered-pool.ts',
      tally: 'src/tally.ts',
    },
  },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  splitting: true,
  external: ['@ikrar/core', 'sodium-native'],
});
