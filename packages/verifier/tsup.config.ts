import { defineConfig } from 'tsup';

// The browser-safe library (`index`, `errors`, `ordered-pool`: a file of its own, so that a
// bundler puts the pools' scheduler only where a pool is, not in what a Web Worker loads), and the
// Node-only command with its worker, which the library entries never import.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    errors: 'src/errors.ts',
    'ordered-pool': 'src/ordered-pool.ts',
    cli: 'src/cli/verify/index.ts',
    worker: 'src/cli/verify/worker.ts',
  },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts', errors: 'src/errors.ts', 'ordered-pool': 'src/ordered-pool.ts' } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  splitting: true,
  external: ['@ikrar/core', 'sodium-native'],
});
