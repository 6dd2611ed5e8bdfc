/** A private PostgreSQL server started for tests (see postgres.mjs). */
export interface StartedPostgres {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}
export function startPostgres(): Promise<StartedPostgres>;
export function findPostgresBin(): string | null;
/** A vitest globalSetup: provides `pgUrl` (and `pgError` when the server cannot start); returns the teardown. */
export function providePostgres(project: {
  provide(key: 'pgUrl' | 'pgError', value: string): void;
}): Promise<() => Promise<void>>;
