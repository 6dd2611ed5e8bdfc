// The published JSON Schema: the shipped .json file is the constant; a default Ajv2020 with ajv-formats
// compiles it (no options); every generated record and fixture passes; each broken record fails.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { PLEDGE_RECORD_SCHEMA, type SignedPledge } from '../src/index.js';
import { createStatusEntry } from '../src/status.js';
import { agencyRecord, chainedRecord } from './fixtures/make-record.js';
import { collectiveRecord } from './fixtures/make-collective.js';
import { generatedRecords } from './fixtures/generated-records.js';
import { signed as pdfRecord } from './pdf/records.js';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ajv = new Ajv2020();
addFormats(ajv);
const validate = ajv.compile(PLEDGE_RECORD_SCHEMA);
const errors = (): string => JSON.stringify(validate.errors);

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const STATUS = {
  id: 'https://ikrar.jembranakab.go.id/status/1#94567',
  type: 'BitstringStatusListEntry',
  statusPurpose: 'revocation',
  statusListIndex: '94567',
  statusListCredential: 'https://ikrar.jembranakab.go.id/status/1',
};

/** Broken records: each must fail, for the reason named. */
const BROKEN: [string, (r: Mutable) => void][] = [
  ['no VerifiableCredential in type', (r) => (r.type = ['IkrarNetralitasCredential'])],
  ['no IkrarNetralitasCredential in type', (r) => (r.type = ['VerifiableCredential'])],
  ['VC 2.0 context not first', (r) => r['@context'].reverse()],
  ['an inline context object', (r) => (r['@context'][1] = { x: 'https://example.com/x' })],
  ['a third context', (r) => r['@context'].push('https://example.com/other/v1')],
  ['a VC 1.1 context', (r) => (r['@context'][0] = 'https://www.w3.org/2018/credentials/v1')],
  ['month 13', (r) => (r.validFrom = '2024-13-07T08:16:00+08:00')],
  ['day 45', (r) => (r.validFrom = '2024-10-45T08:16:00+08:00')],
  ['hour 25', (r) => (r.validFrom = '2024-10-07T25:16:00+08:00')],
  ['a time without offset', (r) => (r.validFrom = '2024-10-07T08:16:00')],
  ['not a date', (r) => (r.credentialSubject.consent.acknowledgedAt = 'not-a-date')],
  ['a number as created', (r) => ((Array.isArray(r.proof) ? r.proof[0] : r.proof).created = 1728260160)],
  ['30 February as event date', (r) => (r.credentialSubject.event.date = '2024-02-30')],
  ['validUntil that is no date', (r) => (r.validUntil = 'tomorrow')],
  ['a statusListIndex as a number', (r) => (r.credentialStatus = { ...STATUS, statusListIndex: 94567 })],
  ['a status entry of another type', (r) => (r.credentialStatus = { ...STATUS, type: 'StatusList2021Entry' })],
  ['a status entry without its list', (r) => (r.credentialStatus = { ...STATUS, statusListCredential: undefined })],
  ['a list of subjects', (r) => (r.credentialSubject = [r.credentialSubject, r.credentialSubject])],
  ['a subject without consent', (r) => delete r.credentialSubject.consent],
  ['an unknown subject field', (r) => (r.credentialSubject.favouriteParty = 'X')],
  ['an unknown signer field', (r) => (r.credentialSubject.signer.birthDate = '1990-01-01')],
  [
    'a typed signature without the name',
    (r) => {
      r.credentialSubject.consent.method = 'typed';
      delete r.credentialSubject.consent.typedName;
    },
  ],
  ['a point acknowledged twice', (r) => (r.credentialSubject.consent.acknowledgedPoints = [1, 1, 2, 3])],
  ['an empty proof set', (r) => (r.proof = [])],
  [
    'a proof of another suite',
    (r) => ((Array.isArray(r.proof) ? r.proof[0] : r.proof).cryptosuite = 'eddsa-rdfc-2022'),
  ],
  ['a relative previousProof', (r) => (r.proof = [r.proof, { ...r.proof, previousProof: '#p1' }].flat())],
  ['apel evidence with a string atApel', (r) => (r.evidence = [{ type: ['ApelPresence'], atApel: 'ya' }])],
  ['apel evidence of another type', (r) => (r.evidence = [{ type: ['Kehadiran'], atApel: true }])],
  ['an issuer without a DID', (r) => (r.issuer.id = 'Pemerintah Kabupaten Jembrana')],
  ['an id that is no urn:uuid', (r) => (r.id = 'urn:uuid:not-a-uuid-at-all-0000000000000')],
];

describe('PLEDGE_RECORD_SCHEMA', () => {
  it('ships as schema/pledge-record.schema.json, equal to the constant, and is exported', () => {
    const file = JSON.parse(readFileSync(path.join(packageDir, 'schema/pledge-record.schema.json'), 'utf8'));
    expect(file).toEqual(PLEDGE_RECORD_SCHEMA);
    const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
    expect(pkg.exports['./pledge-record.schema.json']).toBe('./schema/pledge-record.schema.json');
    expect(pkg.files).toEqual(expect.arrayContaining(['schema', 'contexts']));
  });

  it('compiles in a default Ajv2020 with ajv-formats without a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const fresh = new Ajv2020();
      addFormats(fresh);
      expect(typeof fresh.compile(PLEDGE_RECORD_SCHEMA)).toBe('function');
      expect(warn.mock.calls).toEqual([]);
      expect(log.mock.calls).toEqual([]);
    } finally {
      warn.mockRestore();
      log.mockRestore();
    }
  });

  it('accepts every generated record and every fixture', async () => {
    const all: SignedPledge[] = [
      (await agencyRecord()).record,
      (await chainedRecord()).record,
      await pdfRecord(),
      ...(await generatedRecords()),
    ];
    expect(all.length).toBeGreaterThan(50);
    for (const record of all) expect(validate(record), `${record.id}: ${errors()}`).toBe(true);
  });

  it('accepts the shapes of credentialStatus and multi-signer records', async () => {
    const { record } = await chainedRecord();
    for (const status of [STATUS, [STATUS, { ...STATUS, statusPurpose: 'suspension' }]]) {
      expect(validate({ ...record, credentialStatus: status }), errors()).toBe(true);
    }
    const evidence = [
      {
        type: ['ApelPresence'],
        atApel: true,
        apelCode: '56926410.q1VfYfZ0m8J2rQ3aTzK4bw',
        apelCodeShownAt: '2024-10-07T08:14:30+08:00',
        checkedAt: '2024-10-07T08:16:00+08:00',
      },
    ];
    expect(validate({ ...record, evidence }), errors()).toBe(true);
    for (const doc of [(await collectiveRecord()).record, (await collectiveRecord([2, 0, 1])).signed]) {
      expect(validate(doc), errors()).toBe(true);
    }
  });

  it('refuses each broken record', async () => {
    const { record } = await agencyRecord();
    for (const [label, breakIt] of BROKEN) {
      const bad = structuredClone(record) as Mutable;
      breakIt(bad);
      expect(validate(JSON.parse(JSON.stringify(bad))), label).toBe(false);
    }
    const { proof: _p, ...unsigned } = record;
    expect(validate(unsigned), 'no proof').toBe(false);
  });

  it('refuses each broken collective record', async () => {
    const { record } = await collectiveRecord();
    const BROKEN_COLLECTIVE: [string, (r: Mutable) => void][] = [
      ['no representatives', (r) => (r.credentialSubject.representatives = [])],
      ['a representative without proofId', (r) => delete r.credentialSubject.representatives[1].proofId],
      ['a proofId that is no urn:uuid', (r) => (r.credentialSubject.representatives[0].proofId = '#rep-1')],
      ['a representative with an unknown field', (r) => (r.credentialSubject.representatives[2].nik = '5101')],
      ['both signer and representatives', (r) => (r.credentialSubject.signer = r.credentialSubject.representatives[0])],
      ['no type of ours', (r) => (r.type = ['VerifiableCredential'])],
    ];
    expect(validate(record), errors()).toBe(true);
    for (const [label, breakIt] of BROKEN_COLLECTIVE) {
      const bad = structuredClone(record) as Mutable;
      breakIt(bad);
      expect(validate(JSON.parse(JSON.stringify(bad))), label).toBe(false);
    }
  });
  it('accepts a record with a credentialStatus entry, and refuses one whose index is a number', async () => {
    const { record } = await agencyRecord();
    const entry = createStatusEntry('https://dinas.example/status/1', 94567);
    expect(validate({ ...record, credentialStatus: entry }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...record, credentialStatus: { ...entry, statusListIndex: 94567 } })).toBe(false);
  });
});
