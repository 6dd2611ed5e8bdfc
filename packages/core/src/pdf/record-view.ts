/**
 * Reading a record for the certificate: text fields checked as they are printed, the parts the page
 * needs, the agency's countersignature and the apel presence, each refused with a
 * `RecordInvalidError` naming the path when it cannot be printed.
 *
 * @module
 * @example
 * ```ts
 * const row = presenceRow(record, 'WITA', CERTIFICATE_LABELS.id); // ['Kehadiran', 'Ditandatangani di apel, …']
 * ```
 */
import type { SignedPledge } from '../record.js';
import type { PdfRecordInvalidReason } from '../internal/error-messages.js';
import { pdfRecordInvalid } from '../internal/pdf-messages.js';
import type { CertificateView } from './certificate-layout.js';
import { CERTIFICATE_LABELS, formatDate, formatLocalDateTime } from './labels.js';
import type { RenderCertificateOptions } from './types.js';

export function bad(path: string, reason: PdfRecordInvalidReason): never {
  throw pdfRecordInvalid(path, reason);
}

export function str(value: unknown, path: string, required = true): string {
  if (value === undefined && !required) return '';
  if (typeof value !== 'string') bad(path, 'expected-text');
  // Printed in NFC: canonically the same text, and precomposed letters are what fonts cover best.
  return value.normalize('NFC');
}

/** The parts of a record the page prints. */
export interface RecordParts {
  signer: SignedPledge['credentialSubject']['signer'];
  pledge: SignedPledge['credentialSubject']['pledge'];
  event: SignedPledge['credentialSubject']['event'];
  consent: SignedPledge['credentialSubject']['consent'];
  legalBasis: string[];
}

/** Reads what the page needs from a record, refusing shapes it cannot print. */
export function readRecord(record: SignedPledge, collective = false): RecordParts {
  if (typeof record !== 'object' || record === null) throw new TypeError('"record" expected object');
  const cs = record.credentialSubject;
  if (typeof cs !== 'object' || cs === null) bad('credentialSubject', 'missing');
  const { signer, pledge, event, consent } = cs;
  const parts = collective ? { pledge, event } : { signer, pledge, event, consent };
  for (const [name, v] of Object.entries(parts)) {
    if (typeof v !== 'object' || v === null) bad(`credentialSubject.${name}`, 'missing');
  }
  if (!Array.isArray(pledge.points) || pledge.points.length === 0) {
    bad('credentialSubject.pledge.points', 'expected-points');
  }
  pledge.points.forEach((p, i) => str(p, `credentialSubject.pledge.points[${i}]`));
  const legalBasis = pledge.legalBasis === undefined ? [] : pledge.legalBasis;
  if (!Array.isArray(legalBasis)) bad('credentialSubject.pledge.legalBasis', 'expected-list');
  legalBasis.forEach((p, i) => str(p, `credentialSubject.pledge.legalBasis[${i}]`));
  if (typeof record.issuer !== 'object' || record.issuer === null) bad('issuer', 'missing');
  return { signer, pledge, event, consent, legalBasis };
}

/** The part of the page every certificate prints alike: the agency, the pledge's text and the event. */
export type PledgeTextView = Pick<
  CertificateView,
  'agency' | 'title' | 'eventLine' | 'preamble' | 'points' | 'closing' | 'legalBasis' | 'placeDate'
>;

/**
 * The pledge's text and the event as the page prints them (one signer or a collective pakta), with
 * the event's name and place for the rows.
 * @param record - the record (its issuer's name)
 * @param parts - what `readRecord` returned
 * @param L - the labels
 * @param date - the signing date, in words, for the place-and-date line
 */
export function pledgeTextView(
  record: SignedPledge,
  parts: Pick<RecordParts, 'pledge' | 'event' | 'legalBasis'>,
  L: CertificateView['labels'],
  date: string,
): { eventName: string; place: string; text: PledgeTextView } {
  const { pledge, event, legalBasis } = parts;
  const eventName = str(event.name, 'credentialSubject.event.name');
  const eventDate = event.date === undefined ? null : formatDate(str(event.date, 'credentialSubject.event.date'), L);
  const place = str(event.place, 'credentialSubject.event.place', false);
  return {
    eventName,
    place,
    text: {
      agency: str(record.issuer.name, 'issuer.name'),
      title: str(pledge.title, 'credentialSubject.pledge.title'),
      eventLine: eventDate === null ? eventName : `${eventName} · ${eventDate}`,
      preamble: str(pledge.preamble, 'credentialSubject.pledge.preamble', false),
      points: pledge.points.map((p, i) => str(p, `credentialSubject.pledge.points[${i}]`)),
      closing: str(pledge.closing, 'credentialSubject.pledge.closing', false),
      legalBasis: legalBasis.map((p, i) => str(p, `credentialSubject.pledge.legalBasis[${i}]`)),
      placeDate: place === '' ? date : `${place}, ${date}`,
    },
  };
}

/**
 * The agency's countersignature: the last proof made with a key of the issuer's DID (in a chain, the
 * final one), with the time it was made, in the event's zone.
 */
export function countersignature(
  record: SignedPledge,
  zone: string,
  L: CertificateView['labels'],
): { by: string; at: string } | undefined {
  const issuerId = typeof record.issuer === 'string' ? record.issuer : record.issuer.id;
  const proofs: unknown[] = Array.isArray(record.proof) ? record.proof : [record.proof];
  let found: { created?: unknown } | undefined;
  for (const p of proofs) {
    if (typeof p !== 'object' || p === null) continue;
    const vm = (p as { verificationMethod?: unknown }).verificationMethod;
    if (typeof issuerId === 'string' && typeof vm === 'string' && vm.split('#')[0] === issuerId) found = p;
  }
  if (found === undefined) return undefined;
  const at = typeof found.created === 'string' ? formatLocalDateTime(found.created, zone, L) : null;
  return { by: L.countersignedBy, at: at === null ? '' : L.countersignedAt(at.date, at.time) };
}

/**
 * The agency's apel presence evidence as a row: at the apel (when checked, which code) or outside
 * it; nothing when the record carries none (records made before presence was noted).
 */
export function presenceRow(record: SignedPledge, zone: string, L: CertificateView['labels']): [string, string] | null {
  const evidence: unknown = record.evidence;
  if (evidence === undefined) return null;
  if (!Array.isArray(evidence)) bad('evidence', 'expected-list');
  const isPresence = (e: unknown): boolean => {
    const t = typeof e === 'object' && e !== null ? (e as { type?: unknown }).type : undefined;
    return Array.isArray(t) ? t.includes('ApelPresence') : t === 'ApelPresence';
  };
  const i = evidence.findIndex(isPresence);
  if (i < 0) return null;
  const e = evidence[i] as Record<string, unknown>;
  if (e.atApel === false) return [L.presence, L.presenceOutside];
  if (e.atApel !== true) bad(`evidence[${i}].atApel`, 'expected-boolean');
  const code = str(e.apelCode, `evidence[${i}].apelCode`);
  const at = formatLocalDateTime(str(e.checkedAt, `evidence[${i}].checkedAt`), zone, L);
  if (at === null) bad(`evidence[${i}].checkedAt`, 'expected-time');
  return [L.presence, L.presenceAtApel(at.date, at.time, code)];
}

export function labelsOf(options: RenderCertificateOptions): CertificateView['labels'] {
  const language = options.language ?? 'id';
  const L = CERTIFICATE_LABELS[language];
  if (L === undefined) throw new RangeError(`"options.language" expected 'id' or 'en', got ${String(language)}`);
  return L;
}
