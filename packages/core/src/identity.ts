/**
 * Signer identifiers, validated by structure only (a well-formed number is not proof it exists):
 * - NIP of a PNS: 18 digits = birth date YYYYMMDD + CPNS appointment YYYYMM + gender (1 male,
 *   2 female) + serial 3 digits (Perka BKN 22/2007).
 * - NI PPPK: 18 digits; sources disagree on its layout, so only its length and the date parts
 *   (birth date YYYYMMDD, then the appointment year YYYY) are checked.
 * - NIK of a PPNPN: 16 digits = region (province, regency, district, 2 digits each) + birth date
 *   DDMMYY (women add 40 to the day) + serial 4 digits.
 *
 * @module
 * @example
 * ```ts
 * import { parseNip, validateIdentifier } from '@ikrar/core';
 * parseNip('199001012015031001').gender; // 'male'
 * validateIdentifier('NIK', '5101014101900001').valid; // true
 * ```
 */
import { IdentifierInvalidError } from './errors.js';
import type { IdentifierInvalidReason, LocalizedText } from './types.js';
import { daysInMonth } from './time.js';

/** Who signs: civil servant (PNS), government contract employee (PPPK), or non-ASN staff (PPNPN). */
export type EmployeeType = 'PNS' | 'PPPK' | 'PPNPN';

/** The identifier schemes a signer can carry. `OTHER` is an agency's own number (PPNPN). */
export type { IdentifierScheme } from './types.js';
import type { IdentifierScheme } from './types.js';

/** The scheme each employee type normally uses. */
export const DEFAULT_SCHEME: Readonly<Record<EmployeeType, IdentifierScheme>> = {
  PNS: 'NIP',
  PPPK: 'NI-PPPK',
  PPNPN: 'NIK',
};

/** A parsed NIP. */
export interface ParsedNip {
  readonly scheme: 'NIP';
  readonly value: string;
  /** Birth date, `YYYY-MM-DD`. */
  readonly birthDate: string;
  /** CPNS appointment month, `YYYY-MM`. */
  readonly appointment: string;
  readonly gender: 'male' | 'female';
  readonly serial: string;
}

/** A parsed NI PPPK (only the parts sources agree on). */
export interface ParsedNiPppk {
  readonly scheme: 'NI-PPPK';
  readonly value: string;
  readonly birthDate: string;
  /** Year of appointment, `YYYY`. */
  readonly appointmentYear: string;
}

/** A parsed NIK. */
export interface ParsedNik {
  readonly scheme: 'NIK';
  readonly value: string;
  /** Province, regency and district codes. */
  readonly region: { readonly province: string; readonly regency: string; readonly district: string };
  /** Birth date `--MM-DD` with a two-digit year `YY` (the century is not encoded). */
  readonly birthDay: number;
  readonly birthMonth: number;
  readonly birthYear2: string;
  readonly gender: 'male' | 'female';
  readonly serial: string;
}

/** An agency's own number: 1 to 32 letters, digits, `.`, `-` or `/`. */
export interface ParsedOther {
  readonly scheme: 'OTHER';
  readonly value: string;
}

export type ParsedIdentifier = ParsedNip | ParsedNiPppk | ParsedNik | ParsedOther;

/** Result of {@link validateIdentifier}: never throws, for live form validation. */
export type IdentifierValidation =
  | { readonly valid: true; readonly parsed: ParsedIdentifier }
  | {
      readonly valid: false;
      readonly code: 'ERR_IDENTIFIER_INVALID';
      readonly reason: IdentifierInvalidReason;
      readonly messages: LocalizedText;
    };

/** Province codes of Indonesia (Kemendagri), including the Papua provinces formed in 2022. */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '51',
  '52',
  '53',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '81',
  '82',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
]);

function invalid(scheme: IdentifierScheme, reason: IdentifierInvalidReason): IdentifierValidation {
  return {
    valid: false,
    code: 'ERR_IDENTIFIER_INVALID',
    reason,
    messages: new IdentifierInvalidError(scheme, reason).messages,
  };
}

function isRealDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Options for identifier validation. */
export interface IdentifierOptions {
  /** The date to compare against for "in the future" checks. Default: now. */
  now?: Date;
}

function checkDigits(scheme: IdentifierScheme, value: string, length: number): IdentifierValidation | null {
  if (value.length === 0) return invalid(scheme, 'empty');
  if (!/^\d+$/.test(value)) return invalid(scheme, 'not-digits');
  if (value.length !== length) return invalid(scheme, 'length');
  return null;
}

/** Birth date and appointment shared by NIP and NI PPPK; NI PPPK has only a reliable appointment year. */
function checkDates(scheme: 'NIP' | 'NI-PPPK', v: string, now: Date): IdentifierValidation | null {
  const by = Number(v.slice(0, 4));
  const bm = Number(v.slice(4, 6));
  const bd = Number(v.slice(6, 8));
  if (by < 1900 || !isRealDate(by, bm, bd)) return invalid(scheme, 'birth-date');
  const ay = Number(v.slice(8, 12));
  // In an NI PPPK the two digits after the year are not a month in every source (often "21"),
  // so only the year is checked there.
  const am = scheme === 'NIP' ? Number(v.slice(12, 14)) : 1;
  if (ay < 1900 || am < 1 || am > 12) return invalid(scheme, 'appointment-date');
  const nowMonths = now.getUTCFullYear() * 12 + now.getUTCMonth();
  if (by * 12 + bm - 1 > nowMonths || ay * 12 + am - 1 > nowMonths) return invalid(scheme, 'future-date');
  // PP 11/2017 sets 18 as the minimum age for appointment (CPNS and PPPK alike); counted in months.
  if (scheme === 'NIP' && ay * 12 + am < (by + 18) * 12 + bm - 1)
    return invalid(scheme, 'appointment-before-adulthood');
  if (scheme === 'NI-PPPK' && ay < by + 18) return invalid(scheme, 'appointment-before-adulthood');
  return null;
}

function validateNipValue(v: string, now: Date): IdentifierValidation {
  const bad = checkDigits('NIP', v, 18) ?? checkDates('NIP', v, now);
  if (bad) return bad;
  const g = v[14];
  if (g !== '1' && g !== '2') return invalid('NIP', 'gender');
  if (v.slice(15) === '000') return invalid('NIP', 'serial');
  return {
    valid: true,
    parsed: {
      scheme: 'NIP',
      value: v,
      birthDate: `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`,
      appointment: `${v.slice(8, 12)}-${v.slice(12, 14)}`,
      gender: g === '1' ? 'male' : 'female',
      serial: v.slice(15),
    },
  };
}

function validateNiPppkValue(v: string, now: Date): IdentifierValidation {
  const bad = checkDigits('NI-PPPK', v, 18) ?? checkDates('NI-PPPK', v, now);
  if (bad) return bad;
  return {
    valid: true,
    parsed: {
      scheme: 'NI-PPPK',
      value: v,
      birthDate: `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`,
      appointmentYear: v.slice(8, 12),
    },
  };
}

function validateNikValue(v: string, now: Date): IdentifierValidation {
  const bad = checkDigits('NIK', v, 16);
  if (bad) return bad;
  const province = v.slice(0, 2);
  if (!PROVINCES.has(province) || v.slice(2, 4) === '00' || v.slice(4, 6) === '00') return invalid('NIK', 'region');
  let day = Number(v.slice(6, 8));
  const month = Number(v.slice(8, 10));
  const yy = Number(v.slice(10, 12));
  const female = day > 40;
  if (female) day -= 40;
  // The century is not encoded: accept the date if it is real in 19YY or 20YY, not after today.
  const candidates = [1900 + yy, 2000 + yy].filter(
    (y) => isRealDate(y, month, day) && Date.UTC(y, month - 1, day) <= now.getTime(),
  );
  if (candidates.length === 0) {
    return invalid('NIK', isRealDate(2000 + yy, month, day) ? 'future-date' : 'birth-date');
  }
  if (v.slice(12) === '0000') return invalid('NIK', 'serial');
  return {
    valid: true,
    parsed: {
      scheme: 'NIK',
      value: v,
      region: { province, regency: v.slice(2, 4), district: v.slice(4, 6) },
      birthDay: day,
      birthMonth: month,
      birthYear2: v.slice(10, 12),
      gender: female ? 'female' : 'male',
      serial: v.slice(12),
    },
  };
}

/**
 * Validates an identifier by structure, for live form feedback. Spaces and dots people type
 * between digit groups are ignored for the digit schemes.
 *
 * @param scheme - `NIP`, `NI-PPPK`, `NIK` or `OTHER`
 * @param value - the number as typed
 * @param options - `now` for the "future date" check
 * @returns `{ valid: true, parsed }` or `{ valid: false, code, reason, messages }`; never throws
 * @example validateIdentifier('NIP', '19900101 201503 1 001')
 */
export function validateIdentifier(
  scheme: IdentifierScheme,
  value: string,
  options: IdentifierOptions = {},
): IdentifierValidation {
  const now = options.now ?? new Date();
  if (typeof value !== 'string') return invalid(scheme, 'empty');
  if (scheme === 'OTHER') {
    const v = value.trim();
    if (v.length === 0) return invalid('OTHER', 'empty');
    if (!/^[A-Za-z0-9./-]{1,32}$/.test(v)) return invalid('OTHER', 'not-digits');
    return { valid: true, parsed: { scheme: 'OTHER', value: v } };
  }
  const v = value.replace(/[\s.]/g, '');
  if (scheme === 'NIP') return validateNipValue(v, now);
  if (scheme === 'NI-PPPK') return validateNiPppkValue(v, now);
  if (scheme === 'NIK') return validateNikValue(v, now);
  throw new TypeError(`"scheme" expected NIP, NI-PPPK, NIK or OTHER, got ${String(scheme)}`);
}

function parseOrThrow<T extends ParsedIdentifier>(
  scheme: IdentifierScheme,
  value: string,
  options?: IdentifierOptions,
): T {
  const r = validateIdentifier(scheme, value, options);
  if (!r.valid) throw new IdentifierInvalidError(scheme, r.reason);
  return r.parsed as T;
}

/**
 * Parses a NIP (PNS).
 * @param value - 18 digits (spaces and dots ignored)
 * @param options - `now` for the future-date check
 * @returns the parsed parts
 * @throws {IdentifierInvalidError} `ERR_IDENTIFIER_INVALID` with a `reason`
 * @example parseNip('199001012015031001').birthDate // '1990-01-01'
 */
export function parseNip(value: string, options?: IdentifierOptions): ParsedNip {
  return parseOrThrow<ParsedNip>('NIP', value, options);
}

/**
 * Parses an NI PPPK (length and date parts only).
 * @param value - 18 digits
 * @param options - `now` for the future-date check
 * @returns the parsed parts
 * @throws {IdentifierInvalidError} `ERR_IDENTIFIER_INVALID` with a `reason`
 * @example parseNiPppk('199203152022211001').appointmentYear // '2022'
 */
export function parseNiPppk(value: string, options?: IdentifierOptions): ParsedNiPppk {
  return parseOrThrow<ParsedNiPppk>('NI-PPPK', value, options);
}

/**
 * Parses a NIK (PPPNPN and anyone with a KTP).
 * @param value - 16 digits
 * @param options - `now` for the future-date check
 * @returns the parsed parts
 * @throws {IdentifierInvalidError} `ERR_IDENTIFIER_INVALID` with a `reason`
 * @example parseNik('5101014101900001').gender // 'female'
 */
export function parseNik(value: string, options?: IdentifierOptions): ParsedNik {
  return parseOrThrow<ParsedNik>('NIK', value, options);
}

/**
 * Masks an identifier for public views (UU PDP 27/2022): only the last four characters stay.
 * @param value - the identifier
 * @returns e.g. `**************1001`
 * @example maskIdentifier('199001012015031001') // '**************1001'
 */
export function maskIdentifier(value: string): string {
  if (typeof value !== 'string') return '';
  const keep = Math.min(4, Math.floor(value.length / 3));
  return '*'.repeat(value.length - keep) + value.slice(value.length - keep);
}
