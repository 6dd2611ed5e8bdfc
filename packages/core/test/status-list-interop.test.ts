// Interop with a real peer: Digital Bazaar's @digitalbazaar/vc-bitstring-status-list 2.0.1 (pako
// GZIP, their Bitstring) and @digitalbazaar/vc 7.3 with eddsa-jcs-2022 1.0.0, offline. They decode
// our lists and read the same bits, verify our signed list credential and find a record revoked;
// we decode their lists and verify the list credential they sign. A fast-check property: random
// sets of indexes set and cleared round-trip, and Digital Bazaar agrees on every bit.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as vc from '@digitalbazaar/vc';
import { checkStatus, createCredential, createList, decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { DataIntegrityProof as DbDataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createSignCryptosuite, createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { createPledge, generateKeyPair, secretKeyToMultibase, signPledge } from '../src/index.js';
import {
  STATUS_LIST_MIN_LENGTH,
  createStatusEntry,
  createStatusList,
  decodeStatusList,
  encodeStatusList,
  isStatusSet,
  issueStatusListCredential,
  setStatus,
  verifyStatusListCredential,
} from '../src/status.js';
import { pledgeInput } from './fixtures/make-record.js';
import { MULTIKEY_V1, offlineDocumentLoader } from './fixtures/db-document-loader.js';

const URL = 'https://dinas.example/status/3';

/** Byte equality without vitest's element-by-element diff (slow on 16-64 KiB arrays). */
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);

interface DbList {
  length: number;
  bitstring: { bits: Uint8Array };
  getStatus(i: number): boolean;
  setStatus(i: number, v: boolean): void;
  encode(): Promise<string>;
}

describe('interop with @digitalbazaar/vc-bitstring-status-list 2.0.1', () => {
  it('they decode our list and read the same bits; we decode theirs', async () => {
    const ours = createStatusList();
    for (const i of [0, 7, 8, 94567, STATUS_LIST_MIN_LENGTH - 1]) setStatus(ours, i, true);
    const theirsOfOurs = (await decodeList({ encodedList: await encodeStatusList(ours) })) as DbList;
    expect(theirsOfOurs.length).toBe(STATUS_LIST_MIN_LENGTH);
    expect(same(theirsOfOurs.bitstring.bits, ours)).toBe(true);
    for (const i of [0, 7, 8, 94567, STATUS_LIST_MIN_LENGTH - 1]) expect(theirsOfOurs.getStatus(i)).toBe(true);
    expect(theirsOfOurs.getStatus(1)).toBe(false);

    const theirs = (await createList({ length: STATUS_LIST_MIN_LENGTH })) as DbList;
    for (const i of [3, 1000, 131_000]) theirs.setStatus(i, true);
    const decoded = await decodeStatusList(await theirs.encode());
    expect(same(decoded, theirs.bitstring.bits)).toBe(true);
    expect([3, 1000, 131_000, 4].map((i) => isStatusSet(decoded, i))).toEqual([true, true, true, false]);
  });

  it('their checkStatus verifies our signed list credential and finds our revoked record', async () => {
    const agency = generateKeyPair();
    const list = createStatusList();
    setStatus(list, 94567, true);
    const listCredential = await issueStatusListCredential(
      { id: URL, issuer: { id: agency.controller, name: 'Pemerintah Kabupaten Jembrana' }, list },
      agency,
    );
    const { documentLoader, refused } = offlineDocumentLoader({ [URL]: listCredential });
    const suite = new DbDataIntegrityProof({ cryptosuite: createVerifyCryptosuite() });
    for (const [index, revoked] of [
      [94567, true],
      [94568, false],
    ] as const) {
      const credential = { ...createPledge(pledgeInput(agency)), credentialStatus: createStatusEntry(URL, index) };
      const record = await signPledge(credential, agency);
      const result = await checkStatus({ credential: structuredClone(record), documentLoader, suite });
      expect(result.error, String(result.error)).toBeUndefined();
      expect(result.verified).toBe(true);
      expect(result.results[0].status).toBe(revoked);
    }
    // A list credential someone altered is refused by them as by us.
    const altered = structuredClone(listCredential);
    const other = createStatusList();
    altered.credentialSubject.encodedList = await encodeStatusList(other);
    const loader2 = offlineDocumentLoader({ [URL]: altered }).documentLoader;
    const record = await signPledge(
      { ...createPledge(pledgeInput(agency)), credentialStatus: createStatusEntry(URL, 94567) },
      agency,
    );
    const bad = await checkStatus({ credential: record, documentLoader: loader2, suite });
    expect(bad.verified).toBe(false);
    expect((await verifyStatusListCredential(altered)).verified).toBe(false);
    expect(refused).toEqual([]);
  });

  it('we verify a list credential they built and signed with eddsa-jcs-2022', async () => {
    const agency = generateKeyPair();
    const list = (await createList({ length: STATUS_LIST_MIN_LENGTH })) as DbList;
    list.setStatus(42, true);
    const unsigned = await createCredential({ id: URL, list, statusPurpose: 'revocation' });
    unsigned.issuer = agency.controller;
    const keyPair = await Ed25519Multikey.from({
      '@context': MULTIKEY_V1,
      type: 'Multikey',
      controller: agency.controller,
      id: agency.id,
      publicKeyMultibase: agency.controller.slice('did:key:'.length),
      secretKeyMultibase: secretKeyToMultibase(agency.secretKey),
    });
    const suite = new DbDataIntegrityProof({ signer: keyPair.signer(), cryptosuite: createSignCryptosuite() });
    const { documentLoader } = offlineDocumentLoader();
    const signed = await vc.issue({ credential: unsigned, suite, documentLoader });
    const result = await verifyStatusListCredential(JSON.parse(JSON.stringify(signed)));
    if (!result.verified) throw new Error(`${result.code}: ${result.message.en}`);
    expect(result.statusList.issuer).toBe(agency.controller);
    expect(isStatusSet(result.statusList.list, 42)).toBe(true);
    expect(isStatusSet(result.statusList.list, 43)).toBe(false);
  });

  it('property: random index sets set and cleared round-trip, and Digital Bazaar agrees on every bit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((k) =>
          fc.record({
            length: fc.constant(k * STATUS_LIST_MIN_LENGTH + 8 * (k - 1)),
            set: fc.uniqueArray(fc.integer({ min: 0, max: k * STATUS_LIST_MIN_LENGTH - 1 }), { maxLength: 300 }),
            clearEvery: fc.integer({ min: 1, max: 5 }),
          }),
        ),
        async ({ length, set, clearEvery }) => {
          const ours = createStatusList(length);
          for (const i of set) setStatus(ours, i, true);
          const cleared = set.filter((_, n) => n % clearEvery === 0);
          for (const i of cleared) setStatus(ours, i, false);
          const expected = new Set(set.filter((i) => !cleared.includes(i)));

          const encoded = await encodeStatusList(ours);
          const back = await decodeStatusList(encoded);
          expect(same(back, ours)).toBe(true);
          const theirs = (await decodeList({ encodedList: encoded })) as DbList;
          // Every bit: the same bytes, and their getStatus at each index we touched.
          expect(same(theirs.bitstring.bits, ours)).toBe(true);
          for (const i of set) expect(theirs.getStatus(i)).toBe(expected.has(i));
          for (const i of set) expect(isStatusSet(back, i)).toBe(expected.has(i));
          let count = 0;
          for (const byte of back) for (let b = byte; b; b &= b - 1) count++;
          expect(count).toBe(expected.size);
          // And back: their encoding of the same bits decodes to ours.
          const mirror = (await createList({ length })) as DbList;
          for (const i of expected) mirror.setStatus(i, true);
          expect(same(await decodeStatusList(await mirror.encode()), ours)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
