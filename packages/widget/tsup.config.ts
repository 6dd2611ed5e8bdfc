import { defineConfig } from 'tsup';
// @ts-expect-error: a plain .mjs helper without types
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

export default defineConfig({
  entry: ['src/index.ts', 'src/component.ts', 'src/bundle-core.ts', 'src/verifikasi.ts', 'src/verify-worker.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  splitting: true,
  esbuildPlugins: [minifyTemplatesPlugin],
  external: ['lit', /^lit\//, '@ikrar/core', /^@ikrar\/core\//, '@ikrar/verifier', 'signature_pad'],
});
