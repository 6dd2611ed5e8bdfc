import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    testTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '../../test-results/intranet-vitest.json' },
  },
});
