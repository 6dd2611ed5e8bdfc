import { describe, expect, it } from 'vitest';
import { IdentifierInvalidError, maskIdentifier, parseNik, parseNip, validateIdentifier } from '../src/index.js';
import type { IdentifierScheme } from '../src/index.js';

const now = new Date('2026-11-22T00:00:00Z');

describe('NIP (PNS) by structure', () => {
  it('parses birth date, appointment, gender and serial', () => {
    expect(parseNip('199001012015031001', { now })).toEqual({
      scheme: 'NIP',
      value: '199001012015031001',
      birthDate: '1990-01-01',
      appointment: '2015-03',
      gender: 'male',
      serial: '001',
    });
    expect(parseNip('19900101 201503 2 001', { now }).gender).toBe('female');
    expect(parseNip('200002292020031001', { now }).birthDate).toBe('2000-02-29');
  });

  const invalid: [string, string, string][] = [
    ['', 'empty', 'empty'],
    ['19900101201503100', 'length', '17 digits'],
    ['1990010120150310011', 'length', '19 digits'],
    ['19900101201503100A', 'not-digits', 'a letter'],
    ['199002302015031001', 'birth-date', '30 February'],
    ['199013012015031001', 'birth-date', 'month 13'],
    ['190002291930011001', 'birth-date', '29 February 1900 (not a leap year)'],
    ['199001002015031001', 'birth-date', 'day 0'],
    ['189912312015031001', 'birth-date', 'born before 1900'],
    ['199001012015131001', 'appointment-date', 'appointment month 13'],
    ['199001012015001001', 'appointment-date', 'appointment month 00'],
    ['200001012010031001', 'appointment-before-adulthood', 'appointed at 10'],
    ['203001012050031001', 'future-date', 'born in 2030'],
    ['199001012015033001', 'gender', 'gender digit 3'],
    ['199001012015030001', 'gender', 'gender digit 0'],
    ['199001012015031000', 'serial', 'serial 000'],
  ];
  for (const [value, reason, why] of invalid) {
    it(`refuses ${JSON.stringify(value)} (${why}) with reason ${reason}`, () => {
      const r = validateIdentifier('NIP', value, { now });
      expect(r.valid).toBe(false);
      if (!r.valid) {
        expect(r.code).toBe('ERR_IDENTIFIER_INVALID');
        expect(r.reason).toBe(reason);
        expect(r.messages.id).toMatch(/NIP/);
        expect(r.messages.en).toMatch(/NIP/);
      }
      expect(() => parseNip(value, { now })).toThrow(IdentifierInvalidError);
    });
  }

  it('throws an error carrying code, scheme, reason and both languages', () => {
    try {
      parseNip('199002302015031001', { now });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(IdentifierInvalidError);
      const e = err as IdentifierInvalidError;
      expect([e.code, e.scheme, e.reason]).toEqual(['ERR_IDENTIFIER_INVALID', 'NIP', 'birth-date']);
      expect(e.message).toBe('The birth date in the NIP is not a real date.');
      expect(e.messages.id).toBe('Tanggal lahir dalam NIP tidak ada di kalender.');
    }
  });
});

describe('NI PPPK by length and date parts', () => {
  it('accepts the common layout with "21" after the year', () => {
    const r = validateIdentifier('NI-PPPK', '198507122023212012', { now });
    expect(r.valid).toBe(true);
    if (r.valid && r.parsed.scheme === 'NI-PPPK') {
      expect(r.parsed.birthDate).toBe('1985-07-12');
      expect(r.parsed.appointmentYear).toBe('2023');
    }
  });
  const invalid: [string, string][] = [
    ['19850712202321201', 'length'],
    ['198502302023212012', 'birth-date'],
    ['198507122000212012', 'appointment-before-adulthood'],
    ['198507122099212012', 'future-date'],
  ];
  for (const [value, reason] of invalid) {
    it(`refuses ${value} with reason ${reason}`, () => {
      const r = validateIdentifier('NI-PPPK', value, { now });
      expect(r.valid ? 'valid' : r.reason).toBe(reason);
    });
  }
});

describe('NIK (PPNPN) by structure', () => {
  it('parses region, birth date (women +40) and serial', () => {
    const female = parseNik('5101014101900001', { now });
    expect(female.region).toEqual({ province: '51', regency: '01', district: '01' });
    expect([female.birthDay, female.birthMonth, female.birthYear2, female.gender]).toEqual([1, 1, '90', 'female']);
    const male = parseNik('3310010101900002', { now });
    expect([male.birthDay, male.gender]).toEqual([1, 'male']);
    // 29 February with YY = 00 is real in 2000.
    expect(parseNik('3310012902000003', { now }).birthMonth).toBe(2);
    // Papua Pegunungan (95), formed in 2022.
    expect(parseNik('9501016905950001', { now }).gender).toBe('female');
  });
  const invalid: [string, string, string][] = [
    ['510101410190001', 'length', '15 digits'],
    ['9901014101900001', 'region', 'province 99'],
    ['5100014101900001', 'region', 'regency 00'],
    ['5101013201900001', 'birth-date', 'day 32'],
    ['5101017201900001', 'birth-date', 'day 72 (female 32)'],
    ['5101010113900001', 'birth-date', 'month 13'],
    ['5101012902010001', 'birth-date', '29 February of 1901 or 2001'],
    ['5101010101900000', 'serial', 'serial 0000'],
    ['51010101019O0001', 'not-digits', 'letter O for zero'],
  ];
  for (const [value, reason, why] of invalid) {
    it(`refuses ${value} (${why}) with reason ${reason}`, () => {
      const r = validateIdentifier('NIK', value, { now });
      expect(r.valid ? 'valid' : r.reason).toBe(reason);
    });
  }
});

describe('other identifiers and masking', () => {
  it('accepts an agency number and refuses odd characters', () => {
    expect(validateIdentifier('OTHER', 'PPNPN/2024/017').valid).toBe(true);
    const r = validateIdentifier('OTHER', 'a b<c>');
    expect(r.valid ? 'valid' : r.reason).toBe('not-digits');
  });
  it('throws TypeError for an unknown scheme', () => {
    expect(() => validateIdentifier('KTP' as IdentifierScheme, '1')).toThrow(TypeError);
  });
  it('masks all but the last four characters', () => {
    expect(maskIdentifier('199001012015031001')).toBe('**************1001');
    expect(maskIdentifier('5101014101900001')).toBe('************0001');
  });
});
