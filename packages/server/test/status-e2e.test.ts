// End to end, as an agency and its auditor would: 1,000 employees sign through the service, 17
// records are revoked through the VC-API, the records (the store's JSONL export), trust.json and
// the status list are saved, and the built `ikrar-verify --status` reports exactly those 17 as
// revoked (exit 1) and the other 983 valid.
import type { SignedPledge } from '@ikrar/core';
import { afterAll, describe, expect, it } from 'vitest';
import { revokeVia, serviceWithStatusLists, verifyExportWithStatus } from './fixture.js';
import { EVENT } from './world.js';
import { credentialFor, freshDatabase, makeRoster, postSign, removeTempDirs } from './helpers.js';

afterAll(removeTempDirs);

describe('1,000 records, 17 revoked, checked by ikrar-verify --status', () => {
  it(
    'reports exactly the 17 revoked records as revoked (exit 1) and the rest valid',
    { timeout: 900_000 },
    async () => {
      const db = await freshDatabase('sqlite');
      const roster = makeRoster(1000);
      // A generous per-request timeout: this runs on shared CI machines; speed is not what is tested.
      const { svc } = await serviceWithStatusLists(db, roster, { extra: () => ({ timeoutMs: 300_000 }) });

      const ids: string[] = [];
      for (let i = 0; i < roster.length; i += 10) {
        const batch = roster.slice(i, i + 10);
        const answers = await Promise.all(
          batch.map((e) => postSign(svc, credentialFor(svc, e, { id: undefined as never }), e.identifier)),
        );
        for (const res of answers) {
          expect(res.status).toBe(201);
          ids.push(((await res.json()) as SignedPledge).id);
        }
      }
      expect(new Set(ids).size).toBe(1000);

      // 17 records chosen spread over the signing order, revoked through the VC-API.
      const revoked = Array.from({ length: 17 }, (_, k) => ids[k * 58 + 3] as string);
      const answers = await Promise.all(
        revoked.map((credentialId) => revokeVia(svc, credentialId, { reason: 'uji akhir-ke-akhir' })),
      );
      expect(answers.map((r) => r.status)).toEqual(Array(17).fill(200));

      const lines: string[] = [];
      for await (const line of svc.store.lines(EVENT.id)) lines.push(line);
      expect(lines).toHaveLength(1000);
      const { status, report: out } = await verifyExportWithStatus(svc, lines, {
        prefix: 'ikrar-status-e2e-',
        timeout: 300_000,
      });
      expect(status).toBe(1);
      expect(out.summary).toMatchObject({ total: 1000, valid: 983, revoked: 17, 'status-unknown': 0, malformed: 0 });
      const flagged = out.results.filter((x) => x.verdict === 'revoked').map((x) => x.id);
      expect(new Set(flagged)).toEqual(new Set(revoked));
      expect(out.results.filter((x) => x.verdict !== 'revoked').every((x) => x.verdict === 'valid')).toBe(true);
    },
  );
});
