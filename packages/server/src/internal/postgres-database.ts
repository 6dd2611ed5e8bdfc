/**
 * The PostgreSQL implementation of `SqlDatabase` on a `pg` pool. `?` placeholders become `$n`;
 * `bigint` (`COUNT(*)`) and `numeric` come back as numbers when they fit; a transaction holds one
 * pooled client from `BEGIN` to `COMMIT` or `ROLLBACK`.
 */
import pg from 'pg';
import type { OpenDatabaseOptions, SqlDatabase } from '../database.js';
import { toPostgresPlaceholders } from './placeholders.js';

const INT8 = 20;
const NUMERIC = 1700;

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) {
      return (value: string) => {
        const n = Number(value);
        return Number.isSafeInteger(n) || (oid === NUMERIC && Number.isFinite(n)) ? n : value;
      };
    }
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

const translated = new Map<string, string>();
function sqlFor(sql: string): string {
  let t = translated.get(sql);
  if (t === undefined) {
    t = toPostgresPlaceholders(sql);
    if (translated.size >= 1000) translated.clear();
    translated.set(sql, t);
  }
  return t;
}

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

function over(target: Queryable, transaction: SqlDatabase['transaction']): SqlDatabase {
  return {
    dialect: 'postgres',
    query: async <T>(sql: string, params: readonly unknown[] = []) =>
      (await target.query(sqlFor(sql), params as unknown[])).rows as T[],
    run: async (sql, params = []) => ({
      changes: (await target.query(sqlFor(sql), params as unknown[])).rowCount ?? 0,
    }),
    exec: async (sql) => void (await target.query(sql)),
    transaction,
    close: async () => {
      throw new Error('close() inside a transaction');
    },
  };
}

/** Opens a pool on `url`. */
export async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<SqlDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, types });
  // An idle client's error (the server restarted) must not crash the host; the next query reconnects.
  pool.on('error', () => undefined);
  const client = await pool.connect(); // fail now, not at the first request, when the server is unreachable
  client.release();

  const transactionOn = (c: pg.PoolClient, depth: number): SqlDatabase['transaction'] => {
    return async (fn) => {
      const name = `sp${depth}`;
      await c.query(`SAVEPOINT ${name}`);
      try {
        const result = await fn(over(c, transactionOn(c, depth + 1)));
        await c.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (err) {
        await c.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw err;
      }
    };
  };
  const transaction: SqlDatabase['transaction'] = async (fn) => {
    const c = await pool.connect();
    let broken = false;
    try {
      await c.query('BEGIN');
      const result = await fn(over(c, transactionOn(c, 1)));
      await c.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await c.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw err;
    } finally {
      c.release(broken);
    }
  };
  return { ...over(pool, transaction), close: () => pool.end() };
}
