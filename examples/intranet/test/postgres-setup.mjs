// globalSetup of the PostgreSQL run (vitest.postgres.config.mjs): one real PostgreSQL server
// (scripts/postgres.mjs) for the whole run, stopped in teardown whether tests passed or failed.
// Each portal a test starts gets a fresh database on it (helpers.mjs, databaseUrlFor). When the
// server cannot start, every test fails with the reason; nothing is skipped.
export { providePostgres as default } from '../../../scripts/postgres.mjs';
