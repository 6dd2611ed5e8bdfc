/** A private PostgreSQL server started for tests (see postgres.mjs). */
export interface StartedPostgres {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}
export function startPostgres(): Promise<StartedPostgres>;
export function findPostgresBin(): string | null;
