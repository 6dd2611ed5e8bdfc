import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', errors: 'src/errors.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
  splitting: true,
  external: ['@ikrar/core', 'better-sqlite3', 'pg', 'hono', '@hono/node-server', 'ajv', 'ajv-formats'],
});
