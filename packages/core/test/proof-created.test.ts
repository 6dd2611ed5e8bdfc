// eddsa-jcs-2022 §3.3.5 (Create Proof): `created` must be an XML Schema dateTimeStamp. createProof,
// signPledge and signPledgeAsync refuse anything else before signing, with ERR_CREATED_INVALID in both
// languages, never a RangeError; a fast-check property holds every refusal to that code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createPledge,
  createSigner,
  generateKeyPair,
  signPledge,
  signPledgeAsync,
  verifyPledge,
  type PledgeCredential,
} from '../src/index.js';
import { createProof } from '../src/crypto.js';
import { CreatedInvalidError, IkrarError } from '../src/errors.js';
import { pledgeInput } from './fixtures/make-record.js';

const BAD: [string, unknown][] = [
  ['not a date', 'not-a-date'],
  ['month 13, day 45', '2024-13-45T00:00:00Z'],
  ['hour 25', '2024-10-07T25:00:00+08:00'],
  ['30 February', '2024-02-30T08:00:00+07:00'],
  ['no offset (read in the host zone today)', '2024-10-07T08:16:00'],
  ['a date only', '2024-10-07'],
  ['a number', 1728260160000],
  ['an invalid Date', new Date('nope')],
  ['null', null],
  ['an object', { toString: () => '2024-10-07T08:16:00+08:00' }],
];

async function expectRefused(run: () => Promise<unknown>, label: string): Promise<void> {
  const err = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, label).toBeInstanceOf(CreatedInvalidError);
  expect(err, label).toBeInstanceOf(IkrarError);
  expect(err, label).not.toBeInstanceOf(RangeError);
  const e = err as CreatedInvalidError;
  expect(e.code, label).toBe('ERR_CREATED_INVALID');
  expect(e.messages.en, label).toMatch(/^created must be an RFC 3339 date-time with an offset/);
  expect(e.messages.id, label).toMatch(/^created harus tanggal-waktu RFC 3339 dengan offset/);
  expect(e.message, label).toBe(e.messages.en);
}

describe('created: an RFC 3339 date-time with an offset, or nothing is signed', () => {
  const agency = generateKeyPair();
  const credential = (): PledgeCredential => createPledge(pledgeInput(agency));

  it('createProof refuses each bad created', async () => {
    const doc = credential() as unknown as Record<string, unknown>;
    for (const [label, created] of BAD) {
      await expectRefused(() => createProof(doc, createSigner(agency), { created: created as string }), label);
    }
  });

  it('signPledge and signPledgeAsync refuse each bad created', async () => {
    for (const [label, created] of BAD) {
      await expectRefused(() => signPledge(credential(), agency, { created: created as string }), `sync ${label}`);
      await expectRefused(
        () => signPledgeAsync(credential(), agency, { created: created as string }),
        `async ${label}`,
      );
    }
  });

  it('accepts a Date, an offset in any of our zones, Z and fractions, and the record verifies', async () => {
    for (const created of [
      new Date('2024-10-07T00:16:00Z'),
      '2024-10-07T08:16:00+08:00',
      '2024-10-07T00:16:00Z',
      '2024-10-07T09:16:00.250+09:00',
    ]) {
      const record = await signPledge(credential(), agency, { created });
      expect((await verifyPledge(record)).verified, String(created)).toBe(true);
      const proof = createProof(credential() as unknown as Record<string, unknown>, createSigner(agency), {
        created: typeof created === 'string' ? created : created.toISOString(),
      });
      await expect(proof).resolves.toMatchObject({ type: 'DataIntegrityProof' });
    }
  });

  it('property: any string that is not such a timestamp is ERR_CREATED_INVALID, never another error', async () => {
    const doc = credential() as unknown as Record<string, unknown>;
    const notTimestamp = fc
      .oneof(
        fc.string(),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19)),
        fc
          .tuple(fc.integer({ min: 13, max: 99 }), fc.integer({ min: 1, max: 28 }))
          .map(([m, d]) => `2024-${m}-${String(d).padStart(2, '0')}T08:00:00+07:00`),
      )
      .filter((s) => !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s));
    await fc.assert(
      fc.asyncProperty(notTimestamp, async (created) => {
        await expectRefused(() => createProof(doc, createSigner(agency), { created }), created);
      }),
      { numRuns: 100 },
    );
  });
});
