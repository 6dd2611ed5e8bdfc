/**
 * The two checks the element makes before it lets anyone go on: is the host's configuration
 * usable, and are the signer's details complete and well formed (core's identifier rules).
 *
 * @module
 * @example
 * ```ts
 * identityErrors(identity, ['PNS', 'PPPK'], translation, 'id').identifier; // 'NIP harus 18 digit.'
 * ```
 */
import { DEFAULT_SCHEME, validateIdentifier, type EmployeeType, type PledgeTemplate } from '@ikrar/core/form';
import type { Translation } from '../translations/translation.js';
import type { IdentityField, IdentityFields, UiLanguage } from './types.js';

const DID = /^did:[a-z0-9]+:\S+$/;

/** What {@link checkConfig} looks at. */
export interface ConfigInput {
  template: PledgeTemplate | null;
  templateName: string;
  agency: string;
  eventName: string;
  eventDate: string;
  timeZone: string;
  mode: string;
  endpoint: string;
  issuer: string;
}

/**
 * Why a configuration cannot work, for the developer (English, in `ikrar-error`'s `detail`).
 * @param c - the element's attributes
 * @returns the first problem, or `''`
 */
export function checkConfig(c: ConfigInput): string {
  if (!c.template) return `unknown template "${c.templateName}"`;
  if (!c.agency.trim()) return 'the "agency" attribute is required';
  if (!c.eventName.trim()) return 'the "event-name" attribute is required';
  if (c.eventDate && !/^\d{4}-\d{2}-\d{2}$/.test(c.eventDate)) return '"event-date" must be YYYY-MM-DD';
  if (!['WIB', 'WITA', 'WIT'].includes(c.timeZone)) return '"time-zone" must be WIB, WITA or WIT';
  if (!['endpoint', 'event', 'browser-key'].includes(c.mode)) return `unknown signing-mode "${c.mode}"`;
  if (c.mode === 'endpoint' && !c.endpoint) return 'signing-mode "endpoint" needs the "endpoint" attribute';
  if (c.mode !== 'browser-key' && !DID.test(c.issuer)) return `signing-mode "${c.mode}" needs "issuer": the agency DID`;
  if (c.issuer && !DID.test(c.issuer)) return '"issuer" must be a DID';
  return '';
}

/**
 * What is missing or malformed in the signer's details, in the signer's language.
 * @param id - the details
 * @param employeeTypes - the types the template is for
 * @param t - the translation
 * @param lang - `id` or `en` (core's identifier messages come in both)
 * @returns a message per field with a problem
 */
export function identityErrors(
  id: IdentityFields,
  employeeTypes: readonly EmployeeType[],
  t: Translation,
  lang: UiLanguage,
): Partial<Record<IdentityField, string>> {
  const errors: Partial<Record<IdentityField, string>> = {};
  if (!id.name.trim()) errors.name = t.fieldRequired(t.name);
  if (!id.employeeType || !employeeTypes.includes(id.employeeType)) {
    errors.employeeType = t.fieldRequired(t.employeeType);
  }
  // An empty identifier is flagged like an empty name, even before the employee type is chosen
  // (then it is called a NIP, the most common case).
  const scheme = id.employeeType ? DEFAULT_SCHEME[id.employeeType] : 'NIP';
  if (!id.identifier.trim()) errors.identifier = t.fieldRequired(t.identifier[scheme]);
  else if (id.employeeType) {
    const r = validateIdentifier(scheme, id.identifier);
    if (!r.valid) errors.identifier = r.messages[lang];
  }
  return errors;
}

/** A name compared the way people read it: Unicode NFC, case folded, runs of spaces as one. */
function comparableName(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('id').replace(/\s+/gu, ' ').trim();
}

/**
 * Whether a typed signature is the signer's name, case and spacing aside (`"sri  WAHYUNI"` is
 * `"Sri Wahyuni"`; `"Sri W."` is not). The agency's server makes the same comparison.
 * @param typed - what the signer typed as their signature
 * @param name - the signer's name from the identity step
 * @returns true when they are the same name
 * @example isSignerName(' sri  WAHYUNI ', 'Sri Wahyuni') // true
 */
export function isSignerName(typed: string, name: string): boolean {
  const a = comparableName(typed);
  return a !== '' && a === comparableName(name);
}
