/**
 * The body of `createCollectivePledge`: template text, issuer, event and the named
 * representatives, each with the id of the proof they will make.
 */
import { IdentifierInvalidError } from '../errors.js';
import { DEFAULT_SCHEME, validateIdentifier } from '../identity.js';
import { PLEDGE_CONTEXT } from '../record.js';
import { getTemplate } from '../templates/registry.js';
import { formatTimestamp } from '../time.js';
import type { CollectiveCredential, CollectiveRepresentative, CreateCollectiveInput } from '../collective.js';
import { bad, issuerAndEvent, pledgeText, text } from './build-pledge.js';
import { randomUuid } from './uuid.js';

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Builds the unsigned collective credential; `digest` gives the pledge text's `digestMultibase`.
 * @throws as `createCollectivePledge`
 */
export function buildCollective(
  input: CreateCollectiveInput,
  digest: (pledgeBody: object) => string,
  type: string,
  max: number,
): CollectiveCredential {
  if (typeof input !== 'object' || input === null) throw new TypeError('"input" expected object');
  const now = input.now ?? new Date();
  const zone = input.timeZone ?? 'WIB';
  if (zone !== 'WIB' && zone !== 'WITA' && zone !== 'WIT')
    bad('timeZone', 'Expected WIB, WITA or WIT', 'Harus WIB, WITA, atau WIT');
  const template =
    typeof input.template === 'string' ? getTemplate(input.template, input.templateVersion) : input.template;
  if (template.kind !== 'pakta-integritas') {
    bad(
      'template',
      'A collective record needs a pakta-integritas template',
      'Rekaman kolektif memerlukan templat pakta integritas',
    );
  }
  const language = input.language ?? 'id';
  if (!template.texts[language])
    bad('language', `Template has no "${language}" text`, `Templat tidak punya teks "${language}"`);
  const { issuerId, issuerName, eventName, place, date } = issuerAndEvent(input);

  const list = input.representatives;
  if (!Array.isArray(list) || list.length < 1 || list.length > max) {
    bad(
      'credentialSubject.representatives',
      `Expected 1 to ${max} representatives`,
      `Harus 1 sampai ${max} perwakilan`,
    );
  }
  const seenPeople = new Set<string>();
  const seenProofs = new Set<string>();
  const representatives: CollectiveRepresentative[] = list.map((r, i) => {
    const path = `credentialSubject.representatives[${i}]`;
    const employeeType: unknown = r?.employeeType;
    if (employeeType !== 'PNS' && employeeType !== 'PPPK' && employeeType !== 'PPNPN')
      bad(`${path}.employeeType`, 'Expected PNS, PPPK or PPNPN', 'Harus PNS, PPPK, atau PPNPN');
    if (!template.appliesTo.includes(employeeType))
      bad(`${path}.employeeType`, `Template is not for ${employeeType}`, `Templat tidak untuk ${employeeType}`);
    const scheme = r.identifierScheme ?? DEFAULT_SCHEME[employeeType];
    const checked = validateIdentifier(scheme, r.identifier, { now });
    if (!checked.valid) throw new IdentifierInvalidError(scheme, checked.reason, checked.messages);
    const person = `${scheme}:${checked.parsed.value}`;
    if (seenPeople.has(person)) bad(path, 'The same person is named twice', 'Orang yang sama disebut dua kali');
    seenPeople.add(person);
    const proofId = r.proofId ?? `urn:uuid:${randomUuid()}`;
    if (!UUID_URN.test(proofId)) bad(`${path}.proofId`, 'Expected urn:uuid:…', 'Harus urn:uuid:…');
    if (seenProofs.has(proofId)) bad(`${path}.proofId`, 'Proof ids must differ', 'Id bukti harus berbeda');
    seenProofs.add(proofId);
    return {
      name: text(r.name, `${path}.name`, 200, true) as string,
      employeeType,
      identifierScheme: scheme,
      identifier: checked.parsed.value,
      ...(r.position !== undefined && { position: text(r.position, `${path}.position`, 200, true) as string }),
      ...(r.workUnit !== undefined && { workUnit: text(r.workUnit, `${path}.workUnit`, 300, true) as string }),
      proofId,
    };
  });
  const id = input.id ?? `urn:uuid:${randomUuid()}`;
  if (!UUID_URN.test(id)) bad('id', 'Expected urn:uuid:…', 'Harus urn:uuid:…');
  if (seenProofs.has(id))
    bad('id', 'The record id must differ from the proof ids', 'Id rekaman harus berbeda dari id bukti');
  const pledge = pledgeText(template, language, { agency: issuerName, event: eventName }, digest);
  return {
    '@context': [...PLEDGE_CONTEXT],
    id,
    type: ['VerifiableCredential', type],
    issuer: { id: issuerId, name: issuerName },
    validFrom: formatTimestamp(input.validFrom ?? now, zone),
    name: pledge.title,
    credentialSubject: {
      representatives,
      pledge,
      event: { name: eventName, ...(place !== undefined && { place }), ...(date !== undefined && { date }) },
    },
  };
}
