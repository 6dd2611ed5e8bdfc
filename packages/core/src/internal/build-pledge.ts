/**
 * The plan of `createPledge` and `createPledgeAsync`: every check and every field, and the pledge
 * text whose digest the credential carries; the finish takes that digest (hashed by the caller's
 * SHA-256, synchronous or not) and assembles the credential. One algorithm, no placeholder.
 *
 * @module
 * @internal
 */
import { randomUuid } from './uuid.js';
import { ConsentIncompleteError, IdentifierInvalidError, RecordInvalidError } from '../errors.js';
import type { RecordInvalidValues } from '../types.js';
import type { SharedRecordInvalidReason } from './error-messages.js';
import { DEFAULT_SCHEME, validateIdentifier } from '../identity.js';
import { PLEDGE_CONTEXT, PLEDGE_CREDENTIAL_TYPE, type PledgeCredential, type PledgeText } from '../record.js';
import {
  fillPlaceholders,
  type PledgeLanguage,
  type PledgeTemplate,
  type TemplateText,
} from '../templates/define-template.js';
import { getTemplate } from '../templates/registry.js';
import { formatTimestamp } from '../time.js';
import type { CreatePledgeInput } from '../credential-types.js';

export function bad(path: string, reason: SharedRecordInvalidReason, values?: RecordInvalidValues): never {
  throw new RecordInvalidError(path, reason, values);
}

export function text(value: unknown, path: string, max: number, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '') bad(path, 'text-required');
  const t = value.trim().normalize('NFC');
  if (t.length > max) bad(path, 'text-too-long', { max });
  // Control characters would render differently in the PDF and the widget.
  if (/[\u0000-\u001f\u007f]/.test(t)) bad(path, 'text-control-characters');
  return t;
}

/** A credential planned: the pledge text to hash, and the finish that takes its digest. */
export interface PledgePlan<T> {
  /** The pledge text without its digest (what `digestMultibase` covers). */
  readonly body: Omit<PledgeText, 'digestMultibase'>;
  /** The credential, with `digestMultibase` of `body` as the last key of its pledge. */
  finish(digest: string): T;
}

/**
 * Checks the input and plans the unsigned credential.
 * @throws as `createPledge`
 */
export function planPledge(input: CreatePledgeInput): PledgePlan<PledgeCredential> {
  if (typeof input !== 'object' || input === null) throw new TypeError('"input" expected object');
  const now = input.now ?? new Date();
  const zone = input.timeZone ?? 'WIB';
  if (zone !== 'WIB' && zone !== 'WITA' && zone !== 'WIT') bad('timeZone', 'time-zone');
  const template =
    typeof input.template === 'string' ? getTemplate(input.template, input.templateVersion) : input.template;
  const language = input.language ?? 'id';
  const t = template.texts[language];
  if (!t) bad('language', 'template-language', { value: language });

  const { issuerId, issuerName, eventName, place, date } = issuerAndEvent(input);

  const s = input.signer;
  const employeeType = s?.employeeType;
  if (employeeType !== 'PNS' && employeeType !== 'PPPK' && employeeType !== 'PPNPN') {
    bad('credentialSubject.signer.employeeType', 'employee-type');
  }
  if (!template.appliesTo.includes(employeeType)) {
    bad('credentialSubject.signer.employeeType', 'template-not-for-type', { value: employeeType });
  }
  const scheme = s.identifierScheme ?? DEFAULT_SCHEME[employeeType];
  const checked = validateIdentifier(scheme, s.identifier, { now });
  if (!checked.valid) throw new IdentifierInvalidError(scheme, checked.reason);
  if (s.id !== undefined && !/^did:[a-z0-9]+:\S+$/.test(s.id)) bad('credentialSubject.id', 'signer-not-did');

  const body = pledgeBody(template, language, { agency: issuerName, event: eventName });

  const c = input.consent;
  const acknowledged = [...new Set(c?.acknowledgedPoints ?? [])].sort((a, b) => a - b);
  const missing = body.points.map((_, i) => i + 1).filter((n) => !acknowledged.includes(n));
  if (missing.length > 0 || acknowledged.length !== body.points.length) {
    throw new ConsentIncompleteError(missing);
  }
  const method = c.method;
  if (method !== 'drawn' && method !== 'typed' && method !== 'click') {
    bad('credentialSubject.consent.method', 'consent-method');
  }
  const typedName =
    method === 'typed' ? text(c.typedName, 'credentialSubject.consent.typedName', 200, true) : undefined;
  const sigDigest = c.signatureDigestMultibase;
  if (method === 'drawn' && (typeof sigDigest !== 'string' || !/^u[A-Za-z0-9_-]{44,}$/.test(sigDigest))) {
    bad('credentialSubject.consent.signatureDigestMultibase', 'drawn-digest-missing');
  }
  const acknowledgedAt = formatTimestamp(c.acknowledgedAt ?? now, zone);
  const validFrom = input.validFrom === undefined ? acknowledgedAt : formatTimestamp(input.validFrom, zone);

  const id = input.id ?? `urn:uuid:${randomUuid()}`;
  if (!/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    bad('id', 'record-id');
  }

  const signer = {
    name: text(s.name, 'credentialSubject.signer.name', 200, true) as string,
    employeeType,
    identifierScheme: scheme,
    identifier: checked.parsed.value,
    ...(s.position !== undefined && { position: text(s.position, 'credentialSubject.signer.position', 200, true) }),
    ...(s.workUnit !== undefined && { workUnit: text(s.workUnit, 'credentialSubject.signer.workUnit', 300, true) }),
  };
  const finish = (digest: string): PledgeCredential => ({
    '@context': [...PLEDGE_CONTEXT],
    id,
    type: ['VerifiableCredential', PLEDGE_CREDENTIAL_TYPE],
    issuer: { id: issuerId, name: issuerName },
    validFrom,
    name: body.title,
    credentialSubject: {
      ...(s.id !== undefined && { id: s.id }),
      signer,
      pledge: { ...body, digestMultibase: digest },
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
  });
  return { body, finish };
}

/** The pledge text as shown, from a template's text in one language, without its digest. */
export function pledgeBody(
  template: PledgeTemplate,
  language: PledgeLanguage,
  values: { agency: string; event: string },
): Omit<PledgeText, 'digestMultibase'> {
  const t = template.texts[language] as TemplateText;
  return {
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
}

/** The issuer and event fields of an input, checked. */
export function issuerAndEvent(input: {
  issuer: { id: string; name: string };
  event: { name: string; place?: string; date?: string };
}): { issuerId: string; issuerName: string; eventName: string; place?: string; date?: string } {
  const issuerId = text(input.issuer?.id, 'issuer.id', 2000, true) as string;
  if (!/^did:[a-z0-9]+:\S+$/.test(issuerId)) bad('issuer.id', 'issuer-not-did');
  const issuerName = text(input.issuer?.name, 'issuer.name', 200, true) as string;
  const eventName = text(input.event?.name, 'event.name', 200, true) as string;
  const place = text(input.event?.place, 'event.place', 200, false);
  const date = input.event?.date;
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) bad('event.date', 'event-date');
  return {
    issuerId,
    issuerName,
    eventName,
    ...(place !== undefined && { place }),
    ...(date !== undefined && { date }),
  };
}
