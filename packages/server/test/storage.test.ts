// The shared storage suite: the same tests against SQLite and a real PostgreSQL server.
import { canonicalize, generateKeyPair, parseJson, signPledge, type SignedPledge } from '@ikrar/core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createRecordStore,
  migrate,
  openDatabase,
  SERVER_CATALOG,
  ServerError,
  type ErrorCatalog,
  type RecordStore,
  type SqlDatabase,
} from '../src/index.js';
import { toPostgresPlaceholders } from '../src/internal/placeholders.js';
import { DIALECTS, EVENT, freshDatabase, freshUrl, makeRoster, removeTempDirs } from './helpers.js';
import { createPledge } from '@ikrar/core';

afterAll(removeTempDirs);

const agency = generateKeyPair();

async function recordFor(i: number, id?: string): Promise<SignedPledge> {
  const e = makeRoster(i + 1)[i]!;
  const c = createPledge({
    template: 'jembrana-2024',
    issuer: { id: agency.controller, name: 'Pemerintah Kabupaten Jembrana' },
    signer: { name: e.name, employeeType: e.employeeType, identifier: e.identifier },
    event: { name: EVENT.name },
    consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'click' },
    timeZone: 'WITA',
    now: new Date('2024-10-07T02:00:00Z'),
    ...(id && { id }),
  });
  return signPledge(c, agency, { created: new Date(Date.UTC(2024, 9, 7, 2, 0, i)) });
}

describe('? placeholders for PostgreSQL', () => {
  it('numbers each placeholder and leaves quoted text, identifiers and comments alone', () => {
    expect(toPostgresPlaceholders('SELECT a FROM t WHERE b = ? AND c = ?')).toBe(
      'SELECT a FROM t WHERE b = $1 AND c = $2',
    );
    expect(toPostgresPlaceholders(`SELECT '?', 'it''s ?', "q?" FROM t WHERE x = ? -- why?\n AND y = ? /* ? */`)).toBe(
      `SELECT '?', 'it''s ?', "q?" FROM t WHERE x = $1 -- why?\n AND y = $2 /* ? */`,
    );
    expect(toPostgresPlaceholders('SELECT $tag$ ? $tag$, ?')).toBe('SELECT $tag$ ? $tag$, $1');
  });
});

describe('openDatabase', () => {
  it('refuses a URL of another kind with ERR_DATABASE_URL', async () => {
    const err = await openDatabase('mysql://localhost/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect((err as ServerError).code).toBe('ERR_DATABASE_URL');
    expect((err as ServerError).messages.id).toContain('URL basis data');
  });
});

describe.each(DIALECTS)('storage on %s', (dialect) => {
  let db: SqlDatabase;
  beforeEach(async () => {
    db = await freshDatabase(dialect);
  });
  afterEach(async () => {
    await db?.close();
  });

  it('runs statements with ? placeholders and commits or rolls back transactions', async () => {
    await db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
    expect(await db.run('INSERT INTO t (k, v) VALUES (?, ?), (?, ?)', ['a', 1, 'b', 2])).toEqual({ changes: 2 });
    await db.transaction(async (tx) => {
      await tx.run('UPDATE t SET v = v + ? WHERE k = ?', [10, 'a']);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.run('UPDATE t SET v = 99 WHERE k = ?', ['b']);
        throw new Error('give up');
      }),
    ).rejects.toThrow('give up');
    expect(await db.query('SELECT k, v FROM t ORDER BY k')).toEqual([
      { k: 'a', v: 11 },
      { k: 'b', v: 2 },
    ]);
    const [count] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM t WHERE v > ?', [0]);
    expect(count).toEqual({ n: 2 });
  });

  it('keeps a statement outside a transaction out of it', async () => {
    await db.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = db.transaction(async (t) => {
      await t.run('INSERT INTO t (k) VALUES (?)', ['inside']);
      await gate;
      throw new Error('rollback');
    });
    const outside = db.run('INSERT INTO t (k) VALUES (?)', ['outside']);
    await new Promise((r) => setTimeout(r, 20));
    release();
    await expect(tx).rejects.toThrow('rollback');
    await outside;
    expect(await db.query('SELECT k FROM t')).toEqual([{ k: 'outside' }]);
  });

  it('migrates once per version, and refuses a schema newer than the code with ERR_SCHEMA_TOO_NEW', async () => {
    const v1 = [{ version: 1, name: 'a', sql: 'CREATE TABLE host_a (x INTEGER)' }];
    const v2 = [
      ...v1,
      {
        version: 2,
        name: 'b',
        sql: { sqlite: 'CREATE TABLE host_b (y TEXT)', postgres: 'CREATE TABLE host_b (y TEXT)' },
      },
    ];
    await migrate(db, 'host', v1);
    await migrate(db, 'host', v1);
    await migrate(db, 'host', v2);
    const rows = await db.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations WHERE namespace = ? ORDER BY version',
      ['host'],
    );
    expect(rows).toEqual([
      { version: 1, name: 'a' },
      { version: 2, name: 'b' },
    ]);
    const err = (await migrate(db, 'host', v1).catch((e: unknown) => e)) as ServerError;
    expect(err.code).toBe('ERR_SCHEMA_TOO_NEW');
    expect(err.message).toContain('version 2');
    expect(err.messages.id).toContain('versi 2');
    const bad = (await migrate(db, 'host', [{ version: 2, name: 'x', sql: '' }]).catch(
      (e: unknown) => e,
    )) as ServerError;
    expect(bad.code).toBe('ERR_MIGRATION_INVALID');
    // A failed migration leaves nothing behind.
    const broken = [...v2, { version: 3, name: 'c', sql: 'CREATE TABLE host_c (z TEXT); THIS IS NOT SQL' }];
    await expect(migrate(db, 'host', broken)).rejects.toThrow();
    expect(
      (await db.query('SELECT MAX(version) AS v FROM schema_migrations WHERE namespace = ?', ['host']))[0],
    ).toEqual({ v: 2 });
  });

  describe('record store', () => {
    let store: RecordStore;
    beforeEach(async () => {
      store = await createRecordStore(db);
    });

    it('stores a record once per employee and event; a replay answers the stored one', async () => {
      const a = await recordFor(0);
      const again = await recordFor(0); // same employee, new id and proof
      expect(await store.put({ eventId: 'e1', identifier: 'X1', record: a })).toEqual({ record: a, created: true });
      const replay = await store.put({ eventId: 'e1', identifier: 'X1', record: again });
      expect(replay.created).toBe(false);
      expect(replay.record).toEqual(a);
      expect(await store.get(a.id)).toEqual(a);
      expect(await store.get(again.id)).toBeNull();
      expect(await store.find('e1', 'X1')).toEqual(a);
      expect(await store.find('e2', 'X1')).toBeNull();
      // Another event is another pledge.
      expect((await store.put({ eventId: 'e2', identifier: 'X1', record: again })).created).toBe(true);
    });

    it("refuses another employee's record with the same id: ERR_ID_TAKEN, nothing stored", async () => {
      const a = await recordFor(0);
      const b = await recordFor(1, a.id);
      await store.put({ eventId: 'e1', identifier: 'X1', record: a });
      const err = (await store
        .put({ eventId: 'e1', identifier: 'X2', record: b })
        .catch((e: unknown) => e)) as ServerError;
      expect(err.code).toBe('ERR_ID_TAKEN');
      expect(err.messages.en).toBe('Another record already has this id.');
      expect(await store.count('e1')).toBe(1);
    });

    it('under concurrent puts for the same employees keeps exactly one record each', async () => {
      const records = await Promise.all(Array.from({ length: 40 }, (_, i) => recordFor(i % 10)));
      const results = await Promise.all(
        records.map((r, i) => store.put({ eventId: 'e1', identifier: `P${i % 10}`, record: r })),
      );
      expect(results.filter((r) => r.created)).toHaveLength(10);
      expect(await store.count('e1')).toBe(10);
      for (let p = 0; p < 10; p++) {
        const mine = results.filter((_, i) => i % 10 === p).map((r) => r.record.id);
        expect(new Set(mine).size).toBe(1);
      }
    });

    it('lists by signing time in pages and exports canonical lines', async () => {
      const records = await Promise.all(Array.from({ length: 7 }, (_, i) => recordFor(i)));
      for (const [i, r] of records.entries()) await store.put({ eventId: 'e1', identifier: `P${i}`, record: r });
      const first = await store.list('e1', { limit: 3 });
      const second = await store.list('e1', { after: first[2]!.id, limit: 3 });
      const third = await store.list('e1', { after: second[2]!.id, limit: 3 });
      expect([...first, ...second, ...third].map((s) => s.id)).toEqual(records.map((r) => r.id));
      expect(first[0]).toEqual({ id: records[0]!.id, identifier: 'P0', signedAt: '2024-10-07T02:00:00.000Z' });
      const lines: string[] = [];
      for await (const line of store.lines('e1', 2)) lines.push(line);
      expect(lines).toEqual(records.map((r) => canonicalize(r)));
      for (const line of lines) expect(canonicalize(parseJson(line))).toBe(line);
      expect(await store.count('e1')).toBe(7);
    });

    it('a second store on the same database reuses the schema', async () => {
      const again = await createRecordStore(db);
      expect(await again.count('e1')).toBe(0);
    });
  });
});

describe('several instances on one PostgreSQL', () => {
  it('migrate concurrently without error, each version applied once', async () => {
    const url = await freshUrl('postgres');
    const dbs = await Promise.all([openDatabase(url), openDatabase(url), openDatabase(url)]);
    try {
      await Promise.all(dbs.map((d) => createRecordStore(d)));
      const rows = await dbs[0]!.query('SELECT namespace, version FROM schema_migrations ORDER BY namespace, version');
      expect(rows).toEqual([
        { namespace: 'ikrar', version: 1 },
        { namespace: 'ikrar', version: 2 },
      ]);
    } finally {
      await Promise.all(dbs.map((d) => d.close()));
    }
  });
});

describe('errors', () => {
  it("ServerError is one of core's IkrarErrors, with a status and both languages from the catalog", async () => {
    const { IkrarError } = await import('@ikrar/core/errors');
    const err = new ServerError(
      'ERR_SCHEMA_TOO_NEW',
      { namespace: 'ikrar', found: 3, known: 2 },
      { cause: new Error('x') },
    );
    expect(err).toBeInstanceOf(IkrarError);
    expect(err.name).toBe('ServerError');
    expect(err.status).toBe(500);
    expect(err.cause).toBeInstanceOf(Error);
    expect(err.messages).toEqual({
      en: 'The database schema "ikrar" is at version 3, newer than this code knows (2); upgrade the code.',
      id: 'Skema basis data "ikrar" versi 3, lebih baru dari yang dikenal kode ini (2); perbarui kode.',
    });
  });

  it('a subclass answers from its own catalog, composed of server entries and its own codes, in the same body', () => {
    type AppCode = 'ERR_APP_REFUSED' | 'ERR_NOT_FOUND';
    class AppError extends ServerError<AppCode> {
      static override readonly catalog: ErrorCatalog<AppCode> = {
        ERR_APP_REFUSED: { status: 418, id: (p) => `Ditolak: ${p.why}.`, en: (p) => `Refused: ${p.why}.` },
        ERR_NOT_FOUND: SERVER_CATALOG.ERR_NOT_FOUND,
      };
    }
    const own = new AppError('ERR_APP_REFUSED', { why: 'teh', path: 'cup' });
    expect(own).toBeInstanceOf(ServerError);
    expect(own.name).toBe('AppError');
    expect(own.status).toBe(418);
    expect(own.toJSON()).toEqual({
      error: {
        code: 'ERR_APP_REFUSED',
        message: 'Refused: teh.',
        messages: { id: 'Ditolak: teh.', en: 'Refused: teh.' },
        path: 'cup',
      },
    });
    const reused = new AppError('ERR_NOT_FOUND');
    expect([reused.status, reused.messages]).toEqual([404, { en: 'Not found.', id: 'Tidak ditemukan.' }]);
    // A code outside the class's catalog is a programming error, named.
    const bad = () => new AppError('ERR_TIMEOUT' as AppCode);
    expect(bad).toThrow(TypeError);
    expect(bad).toThrow('AppError: no catalog entry for the code ERR_TIMEOUT');
    // The server's own class is unchanged, and a content type names what to send.
    expect(new ServerError('ERR_CONTENT_TYPE').messages.en).toBe('Send the body as application/json.');
    expect(new ServerError('ERR_CONTENT_TYPE', { type: 'text/csv' }).messages).toEqual({
      en: 'Send the body as text/csv.',
      id: 'Kirim isi permintaan sebagai text/csv.',
    });
  });
});
