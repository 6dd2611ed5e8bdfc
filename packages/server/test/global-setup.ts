// Starts one real PostgreSQL server (scripts/postgres.mjs) for the whole run and stops it in
// teardown, which vitest runs whether tests passed or failed. When it cannot start (no binaries,
// not allowed), the PostgreSQL tests FAIL with the reason; they are never skipped.
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../../scripts/postgres.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
    pgError: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    const pg = await startPostgres();
    project.provide('pgUrl', pg.url);
    project.provide('pgError', '');
    return () => pg.stop();
  } catch (err) {
    project.provide('pgUrl', '');
    project.provide('pgError', (err as Error).message);
    return async () => undefined;
  }
}
