// Two service instances on one PostgreSQL database (two pools, as two processes would have),
// accepting concurrent signings for the same employees: every employee ends with exactly one
// stored record, and every answer (201 or 200) is that record.
import { verifyPledge, type SignedPledge } from '@ikrar/core';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/index.js';
import { EVENT, credentialFor, freshUrl, makeRoster, makeService, postSign, removeTempDirs } from './helpers.js';

afterAll(removeTempDirs);

describe('two instances on one PostgreSQL', () => {
  it('store exactly one record per employee under concurrent signings of the same people', async () => {
    const url = await freshUrl('postgres');
    const people = makeRoster(40);
    const a = await makeService(await openDatabase(url), people);
    const b = await makeService(await openDatabase(url), people, { key: a.key });
    try {
      // Each employee signs 4 times at once, alternately through each instance.
      const attempts = people.flatMap((p) => [a, b, a, b].map((svc) => ({ svc, p })));
      const answers = await Promise.all(
        attempts.map(async ({ svc, p }) => {
          const res = await postSign(svc, credentialFor(svc, p), p.identifier);
          return { p, status: res.status, record: (await res.json()) as SignedPledge };
        }),
      );
      expect(answers.filter((x) => x.status !== 200 && x.status !== 201)).toEqual([]);
      expect(answers.filter((x) => x.status === 201)).toHaveLength(people.length);
      expect(await a.store.count(EVENT.id)).toBe(people.length);
      for (const p of people) {
        const stored = await b.store.find(EVENT.id, p.identifier);
        const mine = answers.filter((x) => x.p === p);
        expect(mine.map((x) => x.record.id)).toEqual(mine.map(() => stored!.id));
      }
      const one = await a.store.find(EVENT.id, people[0]!.identifier);
      expect((await verifyPledge(one)).verified).toBe(true);
    } finally {
      await a.db.close();
      await b.db.close();
    }
  });
});
