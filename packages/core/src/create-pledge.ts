/**
 * Builds the unsigned pledge credential from a template, the signer, the event and the consent.
 * The record carries the full text of every point as shown, and a digest of it.
 *
 * @module
 * @example
 * ```ts
 * import { createPledge } from '@ikrar/core';
 * const credential = createPledge({
 *   template: 'skb-2022-asn',
 *   issuer: { id: agency.controller, name: 'Pemerintah Kabupaten Klaten' },
 *   signer: { name: 'Sri Wahyuni', employeeType: 'PNS', identifier: '199001012015032001' },
 *   event: { name: 'Pemilu dan Pemilihan 2024', place: 'Pendopo Pemkab Klaten', date: '2024-01-08' },
 *   consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'click' },
 *   timeZone: 'WIB',
 * });
 * ```
 */
import { randomUuid } from './internal/uuid.js';
import { digestJson } from './digest.js';
import { ConsentIncompleteError, IdentifierInvalidError, RecordInvalidError } from './errors.js';
import { DEFAULT_SCHEME, validateIdentifier, type EmployeeType, type IdentifierScheme } from './identity.js';
import {
  PLEDGE_CONTEXT,
  PLEDGE_CREDENTIAL_TYPE,
  type ConsentMethod,
  type PledgeCredential,
  type PledgeText,
} from './record.js';
import { fillPlaceholders, type PledgeLanguage, type PledgeTemplate } from './templates/define-template.js';
import { getTemplate } from './templates/registry.js';
import { formatTimestamp, type IndonesianTimeZone } from './time.js';

/** Input of {@link createPledge}. */
export interface CreatePledgeInput {
  /** A template, or the id of a built-in one. */
  template: PledgeTemplate | string;
  /** Exact version when `template` is an id; the newest when omitted. */
  templateVersion?: string;
  /** Language shown to the signer. Default `id`. */
  language?: PledgeLanguage;
  /** The agency: its DID (`did:key` of its key, or a `did:web`) and name. */
  issuer: { id: string; name: string };
  /** The person pledging. `identifierScheme` defaults by employee type (PNS: NIP, PPPK: NI-PPPK, PPNPN: NIK). */
  signer: {
    id?: string;
    name: string;
    employeeType: EmployeeType;
    identifier: string;
    identifierScheme?: IdentifierScheme;
    position?: string;
    workUnit?: string;
  };
  /** The occasion; `date` is `YYYY-MM-DD`. */
  event: { name: string; place?: string; date?: string };
  /** What the signer did. Every point must be acknowledged. */
  consent: {
    acknowledgedPoints: readonly number[];
    acknowledgedAt?: Date | string;
    method: ConsentMethod;
    typedName?: string;
    signatureDigestMultibase?: string;
  };
  /** Signer's zone for every timestamp. Default WIB. */
  timeZone?: IndonesianTimeZone;
  /** `urn:uuid:` id; a random one when omitted. */
  id?: string;
  /** Default: `consent.acknowledgedAt`. */
  validFrom?: Date | string;
  /** Clock for defaults and identifier date checks. */
  now?: Date;
}

function bad(path: string, en: string, id: string): never {
  throw new RecordInvalidError(path, { en: `${en} (${path})`, id: `${id} (${path})` });
}

function text(value: unknown, path: string, max: number, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '') bad(path, 'Required text is missing', 'Teks wajib tidak ada');
  const t = value.trim().normalize('NFC');
  if (t.length > max) bad(path, `Text is longer than ${max} characters`, `Teks lebih dari ${max} karakter`);
  // Control characters would render differently in the PDF and the widget.
  if (/[\u0000-\u001f\u007f]/.test(t)) bad(path, 'Text contains control characters', 'Teks berisi karakter kontrol');
  return t;
}

/**
 * Builds the unsigned credential.
 *
 * @param input - template, issuer, signer, event, consent, zone
 * @returns a `PledgeCredential`, ready for `signPledge`
 * @throws {TemplateUnknownError} when the template id is unknown
 * @throws {IdentifierInvalidError} when the NIP / NI PPPK / NIK is malformed
 * @throws {ConsentIncompleteError} when a point was not acknowledged
 * @throws {RecordInvalidError} when a field is missing or malformed (`path` names it)
 * @example createPledge({ template: 'jembrana-2024', issuer, signer, event, consent })
 */
export function createPledge(input: CreatePledgeInput): PledgeCredential {
  if (typeof input !== 'object' || input === null) throw new TypeError('"input" expected object');
  const now = input.now ?? new Date();
  const zone = input.timeZone ?? 'WIB';
  if (zone !== 'WIB' && zone !== 'WITA' && zone !== 'WIT')
    bad('timeZone', 'Expected WIB, WITA or WIT', 'Harus WIB, WITA, atau WIT');
  const template =
    typeof input.template === 'string' ? getTemplate(input.template, input.templateVersion) : input.template;
  const language = input.language ?? 'id';
  const t = template.texts[language];
  if (!t) bad('language', `Template has no "${language}" text`, `Templat tidak punya teks "${language}"`);

  const issuerId = text(input.issuer?.id, 'issuer.id', 2000, true) as string;
  if (!/^did:[a-z0-9]+:\S+$/.test(issuerId)) bad('issuer.id', 'Issuer id must be a DID', 'Id penerbit harus DID');
  const issuerName = text(input.issuer?.name, 'issuer.name', 200, true) as string;
  const eventName = text(input.event?.name, 'event.name', 200, true) as string;
  const place = text(input.event?.place, 'event.place', 200, false);
  const date = input.event?.date;
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
    bad('event.date', 'Expected YYYY-MM-DD', 'Harus YYYY-MM-DD');

  const s = input.signer;
  const employeeType = s?.employeeType;
  if (employeeType !== 'PNS' && employeeType !== 'PPPK' && employeeType !== 'PPNPN') {
    bad('credentialSubject.signer.employeeType', 'Expected PNS, PPPK or PPNPN', 'Harus PNS, PPPK, atau PPNPN');
  }
  if (!template.appliesTo.includes(employeeType)) {
    bad(
      'credentialSubject.signer.employeeType',
      `Template is not for ${employeeType}`,
      `Templat tidak untuk ${employeeType}`,
    );
  }
  const scheme = s.identifierScheme ?? DEFAULT_SCHEME[employeeType];
  const checked = validateIdentifier(scheme, s.identifier, { now });
  if (!checked.valid) throw new IdentifierInvalidError(scheme, checked.reason, checked.messages);
  if (s.id !== undefined && !/^did:[a-z0-9]+:\S+$/.test(s.id))
    bad('credentialSubject.id', 'Signer id must be a DID', 'Id penanda tangan harus DID');

  const values = { agency: issuerName, event: eventName };
  const pledgeBody: Omit<PledgeText, 'digestMultibase'> = {
    templateId: template.id,
    templateVersion: template.version,
    language,
    kind: template.kind,
    title: fillPlaceholders(t.title, values),
    preamble: fillPlaceholders(t.preamble, values),
    points: t.points.map((p) => fillPlaceholders(p, values)),
    closing: fillPlaceholders(t.closing, values),
    legalBasis: [...t.legalBasis],
  };
  const pledge: PledgeText = { ...pledgeBody, digestMultibase: digestJson(pledgeBody) };

  const c = input.consent;
  const acknowledged = [...new Set(c?.acknowledgedPoints ?? [])].sort((a, b) => a - b);
  const missing = pledge.points.map((_, i) => i + 1).filter((n) => !acknowledged.includes(n));
  if (missing.length > 0 || acknowledged.length !== pledge.points.length) {
    throw new ConsentIncompleteError({
      en: `Every point must be acknowledged; missing: ${missing.join(', ') || 'unknown numbers given'}.`,
      id: `Setiap butir harus disetujui; belum: ${missing.join(', ') || 'ada nomor yang tidak dikenal'}.`,
    });
  }
  const method = c.method;
  if (method !== 'drawn' && method !== 'typed' && method !== 'click') {
    bad('credentialSubject.consent.method', 'Expected drawn, typed or click', 'Harus drawn, typed, atau click');
  }
  const typedName =
    method === 'typed' ? text(c.typedName, 'credentialSubject.consent.typedName', 200, true) : undefined;
  const sigDigest = c.signatureDigestMultibase;
  if (method === 'drawn' && (typeof sigDigest !== 'string' || !/^u[A-Za-z0-9_-]{44,}$/.test(sigDigest))) {
    bad(
      'credentialSubject.consent.signatureDigestMultibase',
      'A drawn signature needs its digest',
      'Tanda tangan gambar memerlukan digest',
    );
  }
  const acknowledgedAt = formatTimestamp(c.acknowledgedAt ?? now, zone);
  const validFrom = input.validFrom === undefined ? acknowledgedAt : formatTimestamp(input.validFrom, zone);

  const id = input.id ?? `urn:uuid:${randomUuid()}`;
  if (!/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    bad('id', 'Expected urn:uuid:…', 'Harus urn:uuid:…');
  }

  const signer = {
    name: text(s.name, 'credentialSubject.signer.name', 200, true) as string,
    employeeType,
    identifierScheme: scheme,
    identifier: checked.parsed.value,
    ...(s.position !== undefined && { position: text(s.position, 'credentialSubject.signer.position', 200, true) }),
    ...(s.workUnit !== undefined && { workUnit: text(s.workUnit, 'credentialSubject.signer.workUnit', 300, true) }),
  };
  return {
    '@context': [...PLEDGE_CONTEXT],
    id,
    type: ['VerifiableCredential', PLEDGE_CREDENTIAL_TYPE],
    issuer: { id: issuerId, name: issuerName },
    validFrom,
    name: pledge.title,
    credentialSubject: {
      ...(s.id !== undefined && { id: s.id }),
      signer,
      pledge,
      event: { name: eventName, ...(place !== undefined && { place }), ...(date !== undefined && { date }) },
      consent: {
        acknowledgedPoints: acknowledged,
        acknowledgedAt,
        method,
        timeZone: zone,
        ...(typedName !== undefined && { typedName }),
        ...(method === 'drawn' && { signatureDigestMultibase: sigDigest as string }),
      },
    },
  };
}
