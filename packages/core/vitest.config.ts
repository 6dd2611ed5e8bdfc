import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['test/browser/**'],
    testTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: '../../test-results/core-vitest.json' },
  },
});
