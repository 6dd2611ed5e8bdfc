// Repository-level tests: the GitHub workflows (lint, pins, permissions) and the release dry run.
// Run by `pnpm test:repo` (part of `pnpm test:unit`, so of `npm test`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['test/**/*.test.mjs'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    reporters: ['default', 'json'],
    outputFile: { json: '../test-results/repo-vitest.json' },
  },
});
