import { defineConfig } from 'vitest/config';

// PostgreSQL: test/global-setup.ts starts a real server in a temp dir (scripts/postgres.mjs) and
// stops it after the run, failed or not; tests read its URL from IKRAR_TEST_PG_URL.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: { json: '../../test-results/server-vitest.json' },
  },
});
