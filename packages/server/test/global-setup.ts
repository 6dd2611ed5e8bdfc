// Starts one real PostgreSQL server (scripts/postgres.mjs) for the whole run and stops it in
// teardown, which vitest runs whether tests passed or failed. When it cannot start (no binaries,
// not allowed), the PostgreSQL tests FAIL with the reason; they are never skipped.
declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
    pgError: string;
  }
}

export { providePostgres as default } from '../../../scripts/postgres.mjs';
