/**
 * Parses the attributes that carry more than a string: `prefill` (JSON), `lock` and
 * `signature-types` (space-separated lists). Bad input never throws: unknown keys and words are
 * dropped, so a typo cannot break the host page.
 *
 * @module
 * @example
 * ```ts
 * parsePrefill('{"name":"Sri Wahyuni","employeeType":"PNS"}');
 * parseLock('name identifier', prefill);
 * ```
 */
import type { IdentityField, IdentityFields, SignatureType } from './types.js';

const FIELDS: readonly IdentityField[] = ['name', 'employeeType', 'identifier', 'position', 'workUnit'];

/**
 * Reads the `prefill` attribute: a JSON object with any of `name`, `employeeType` (`PNS`, `PPPK`,
 * `PPNPN`), `identifier`, `position`, `workUnit`. Other keys and non-string values are ignored.
 * @param value - attribute text
 * @returns the known fields
 */
export function parsePrefill(value: string | null): Partial<IdentityFields> {
  if (!value) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return {};
  }
  return pickIdentity(parsed) as Partial<IdentityFields>;
}

/**
 * Keeps only the identity fields with string values.
 * @param value - anything
 * @returns the known fields
 */
export function pickIdentity(value: unknown): Partial<IdentityFields> {
  const out: Partial<Record<IdentityField, string>> = {};
  if (typeof value !== 'object' || value === null) return {};
  for (const k of FIELDS) {
    const v = Object.prototype.hasOwnProperty.call(value, k) ? (value as Record<string, unknown>)[k] : undefined;
    if (typeof v === 'string') out[k] = v;
  }
  if (out.employeeType !== undefined && !['PNS', 'PPPK', 'PPNPN'].includes(out.employeeType)) delete out.employeeType;
  return out as unknown as Partial<IdentityFields>;
}

/**
 * Reads the `lock` attribute. Absent: nothing locked. Empty or `all`: every prefilled field.
 * Otherwise the listed fields that are prefilled (a locked empty field would block the signer).
 * @param value - attribute text, or null when absent
 * @param prefill - the host's prefill
 * @returns the locked fields
 */
export function parseLock(value: string | null, prefill: Partial<IdentityFields>): ReadonlySet<IdentityField> {
  if (value === null || value === undefined) return new Set();
  const filled = FIELDS.filter((f) => typeof prefill[f] === 'string' && (prefill[f] as string).trim() !== '');
  const words = value
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (words.length === 0 || words.includes('all')) return new Set(filled);
  return new Set(filled.filter((f) => words.includes(f)));
}

/**
 * Reads `signature-types`: `drawn`, `typed`, or both (the default when nothing valid is given).
 * @param value - attribute text
 * @returns the allowed types in the order given
 */
export function parseSignatureTypes(value: string | null): readonly SignatureType[] {
  const words = (value ?? '').trim().split(/[\s,]+/);
  const types = [...new Set(words.filter((w): w is SignatureType => w === 'drawn' || w === 'typed'))];
  return types.length > 0 ? types : ['drawn', 'typed'];
}
