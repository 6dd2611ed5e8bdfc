/**
 * Small shared types of the element.
 *
 * @module
 * @example
 * ```ts
 * import type { StepName } from './types.js';
 * ```
 */
import type { EmployeeType } from '@ikrar/core';

/** The steps, in order. */
export type StepName = 'pledge' | 'identity' | 'signature' | 'review' | 'done';

/** The languages the element speaks. */
export type UiLanguage = 'id' | 'en';

/** How the pledge is signed. */
export type SigningMode = 'endpoint' | 'event' | 'browser-key';

/** Signature kinds a host can allow. */
export type SignatureType = 'drawn' | 'typed';

/** The signer's details, as prefilled by the host or typed. */
export interface IdentityFields {
  name: string;
  employeeType: EmployeeType | '';
  identifier: string;
  position: string;
  workUnit: string;
}

/** Names of the identity fields. */
export type IdentityField = keyof IdentityFields;
