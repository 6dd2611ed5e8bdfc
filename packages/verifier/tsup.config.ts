import { defineConfig } from 'tsup';

// Three entries: the browser-safe library (`index`, `errors`), and the Node-only command with
// its worker, which the library entry never imports.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    errors: 'src/errors.ts',
    cli: 'src/cli/verify/index.ts',
    worker: 'src/cli/verify/worker.ts',
  },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts', errors: 'src/errors.ts' } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  splitting: true,
  external: ['@ikrar/core', 'sodium-native'],
});
