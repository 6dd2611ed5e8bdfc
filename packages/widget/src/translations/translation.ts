/**
 * The terms `<ikrar-netralitas>` shows, typed so that every language has every term. A term that
 * takes values is a function, never a sentence glued together.
 *
 * @module
 * @example
 * ```ts
 * import type { Translation } from './translation.js';
 * ```
 */
import type { EmployeeType, IdentifierScheme } from '@ikrar/core';
import type { StepName } from '../internal/types.js';

/** Every term of the element. */
export interface Translation {
  /** BCP 47 code. */
  readonly $code: 'id' | 'en';
  /** Name of the language in itself. */
  readonly $name: string;
  readonly formLabel: string;
  readonly progressLabel: string;
  readonly steps: Readonly<Record<StepName, string>>;
  readonly stepOf: (n: number, total: number, name: string) => string;
  readonly next: string;
  readonly back: string;
  readonly legalBasis: string;
  readonly eventLabel: string;
  readonly placeLabel: string;
  readonly dateLabel: string;
  readonly pointLabel: (n: number) => string;
  readonly acknowledgePoint: (n: number) => string;
  readonly acknowledgeHelp: string;
  readonly pointsRemaining: (n: number) => string;
  readonly identityHelp: string;
  readonly name: string;
  readonly employeeType: string;
  readonly employeeTypes: Readonly<Record<EmployeeType, string>>;
  readonly identifier: Readonly<Record<IdentifierScheme, string>>;
  readonly identifierHelp: Readonly<Record<IdentifierScheme, string>>;
  readonly identifierValid: string;
  readonly position: string;
  readonly workUnit: string;
  readonly optional: string;
  readonly required: string;
  readonly lockedByAgency: string;
  readonly fieldRequired: (label: string) => string;
  readonly signatureHelp: string;
  readonly signatureType: string;
  /** How to choose a signature type (buttons: Tab and Enter, no arrow keys). */
  readonly signatureTypeHelp: string;
  readonly signatureTypes: Readonly<Record<'drawn' | 'typed', string>>;
  readonly drawHelp: string;
  readonly drawAreaLabel: string;
  readonly drawStrokes: (n: number) => string;
  readonly undo: string;
  readonly clear: string;
  readonly drawEmpty: string;
  readonly typedLabel: string;
  /** Help under the typed-signature field; `name` is the signer's name from the identity step. */
  readonly typedHelp: (name: string) => string;
  /** The typed signature is not the signer's name. */
  readonly typedMismatch: (name: string) => string;
  readonly typedPreviewLabel: string;
  readonly reviewHelp: string;
  readonly edit: (section: string) => string;
  readonly editShort: string;
  readonly signatureLabel: string;
  readonly sign: string;
  readonly signing: string;
  readonly retry: string;
  readonly doneHeading: string;
  readonly doneText: string;
  readonly verified: string;
  readonly recordId: string;
  readonly signedAt: string;
  readonly issuer: string;
  readonly downloadJson: string;
  readonly downloadPdf: string;
  readonly pdfPreparing: string;
  readonly signAgain: string;
  readonly stepAnnounce: (n: number, total: number, name: string) => string;
  readonly signRequired: string;
  readonly downloadStarted: string;
}
