import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { PLEDGE_RECORD_SCHEMA } from '../src/index.js';
import { createStatusEntry } from '../src/status.js';
import { agencyRecord, chainedRecord } from './fixtures/make-record.js';

const validate = new Ajv2020({ strict: false }).compile(PLEDGE_RECORD_SCHEMA);

describe('PLEDGE_RECORD_SCHEMA', () => {
  it('accepts records with one proof and with a chain', async () => {
    for (const { record } of [await agencyRecord(), await chainedRecord()]) {
      expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    }
  });
  it('rejects a record with an unknown employee type or a missing proof', async () => {
    const { record } = await agencyRecord();
    const bad = structuredClone(record) as unknown as { credentialSubject: { signer: { employeeType: string } } };
    bad.credentialSubject.signer.employeeType = 'Honorer';
    expect(validate(bad)).toBe(false);
    const { proof: _p, ...unsigned } = record;
    expect(validate(unsigned)).toBe(false);
  });
  it('accepts a record with a credentialStatus entry, and refuses one whose index is a number', async () => {
    const { record } = await agencyRecord();
    const entry = createStatusEntry('https://dinas.example/status/1', 94567);
    expect(validate({ ...record, credentialStatus: entry }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...record, credentialStatus: { ...entry, statusListIndex: 94567 } })).toBe(false);
  });
});
