import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    testTimeout: 60_000,
    // A portal start plus a few signings in beforeAll outlasts vitest's 10 s on a loaded machine.
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '../../test-results/intranet-vitest.json' },
  },
});
