/**
 * English.
 *
 * @module
 * @example
 * ```ts
 * import en from './en.js';
 * en.steps.pledge; // 'Pledge'
 * ```
 */
import type { Translation } from './translation.js';

const translation: Translation = {
  $code: 'en',
  $name: 'English',
  formLabel: 'Neutrality pledge form',
  progressLabel: 'Progress',
  steps: { pledge: 'Pledge', identity: 'Identity', signature: 'Signature', review: 'Review', done: 'Done' },
  stepOf: (n, total, name) => `Step ${n} of ${total}: ${name}`,
  next: 'Next',
  back: 'Back',
  legalBasis: 'Legal basis',
  eventLabel: 'Event',
  placeLabel: 'Place',
  dateLabel: 'Date',
  pointLabel: (n) => `Point ${n}`,
  acknowledgePoint: (n) => `I understand and agree to point ${n}`,
  acknowledgeHelp: 'Read each point, then tick your agreement to each one.',
  pointsRemaining: (n) =>
    n === 0 ? 'All points are agreed.' : n === 1 ? '1 point is not agreed yet.' : `${n} points are not agreed yet.`,
  identityHelp: 'Enter your details as in your personnel record.',
  name: 'Full name',
  employeeType: 'Employee type',
  employeeTypes: { PNS: 'PNS (civil servant)', PPPK: 'PPPK (contract civil servant)', PPNPN: 'PPNPN (non-ASN)' },
  identifier: { NIP: 'NIP', 'NI-PPPK': 'NI PPPK', NIK: 'NIK', OTHER: 'Staff number' },
  identifierHelp: {
    NIP: '18 digits, spaces allowed.',
    'NI-PPPK': '18 digits, spaces allowed.',
    NIK: '16 digits, as on the ID card (KTP).',
    OTHER: 'Staff number from your agency.',
  },
  identifierValid: 'The number is well formed.',
  position: 'Position',
  workUnit: 'Work unit',
  optional: 'optional',
  required: 'required',
  lockedByAgency: 'Filled in by your agency',
  fieldRequired: (label) => `${label} is required.`,
  signatureHelp: 'Choose how to sign.',
  signatureType: 'How to sign',
  signatureTypeHelp: 'Choose a button with Tab then Enter, or click/tap it.',
  signatureTypes: { drawn: 'Draw signature', typed: 'Type name' },
  drawHelp: 'Draw your signature inside the box with a finger, pen or mouse. No mouse? Choose "Type name".',
  drawAreaLabel: 'Signature drawing area',
  drawStrokes: (n) =>
    n === 0 ? 'Nothing drawn yet.' : n === 1 ? 'Signature drawn with 1 stroke.' : `Signature drawn with ${n} strokes.`,
  undo: 'Undo',
  clear: 'Clear',
  drawEmpty: 'Please draw your signature first.',
  typedLabel: 'Type your full name as your signature',
  typedHelp: (name) =>
    `Type your name as in your details${name ? ` (${name})` : ''}; upper/lower case and spaces may differ. It counts as an uncertified electronic signature.`,
  typedMismatch: (name) => `The signature must be your own name: ${name}.`,
  typedPreviewLabel: 'Signature preview',
  reviewHelp: 'Check everything before you sign. Once signed, the pledge cannot be changed.',
  edit: (section) => `Edit ${section.toLowerCase()}`,
  editShort: 'Edit',
  signatureLabel: 'Signature',
  sign: 'Sign the pledge',
  signing: 'Signing…',
  retry: 'Try again',
  doneHeading: 'Pledge signed',
  doneText: 'Thank you. Your pledge record has been signed and verified.',
  verified: 'Signature verified',
  recordId: 'Record number',
  signedAt: 'Time',
  issuer: 'Agency',
  downloadJson: 'Download JSON',
  downloadPdf: 'Download PDF',
  pdfPreparing: 'Preparing the PDF…',
  signAgain: 'Start a new pledge',
  stepAnnounce: (n, total, name) => `Step ${n} of ${total}: ${name}`,
  signRequired: 'Please sign the pledge first.',
  downloadStarted: 'Download started.',
};

export default translation;
