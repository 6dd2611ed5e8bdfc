// The storage-relevant part of the portal's suite again, on a real PostgreSQL server started by
// test/postgres-setup.mjs (each portal on a fresh database): signing and exports, sessions and
// access, coverage and admin, exports never read and people pages by cursor, revocation, the
// collective pakta integritas (concurrent representatives), the SIGTERM stop and the SIGKILL
// crash test. Results in
// test-results/intranet-postgres-vitest.json.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/signing.test.mjs',
      'test/access.test.mjs',
      'test/admin.test.mjs',
      'test/revocation.test.mjs',
      'test/lifecycle.test.mjs',
      'test/collective.test.mjs',
      'test/load.test.mjs',
    ],
    globalSetup: ['test/postgres-setup.mjs'],
    env: { IKRAR_TEST_DATABASE: 'postgres' },
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: '../../test-results/intranet-postgres-vitest.json' },
  },
});
