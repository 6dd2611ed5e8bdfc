/**
 * The body of `createCollectivePledge`: template text, issuer, event and the named
 * representatives, each with the id of the proof they will make.
 */
import { IdentifierInvalidError, StatusEntryInvalidError } from '../errors.js';
import { DEFAULT_SCHEME, validateIdentifier } from '../identity.js';
import { PLEDGE_CONTEXT } from '../record.js';
import { COLLECTIVE_TEMPLATES } from '../templates/pakta-integritas.js';
import { getTemplate } from '../templates/registry.js';
import { formatTimestamp } from '../time.js';
import type { CollectiveCredential, CollectiveRepresentative, CreateCollectiveInput } from '../credential-types.js';
import { bad, issuerAndEvent, pledgeBody, text, type PledgePlan } from './build-pledge.js';
import { readStatusEntries, type BitstringStatusListEntry } from '../status-entry.js';
import { isPlainObject } from './assert.js';
import { collectiveRecordInvalid } from './collective-messages.js';
import { randomUuid } from './uuid.js';

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks the input and plans the unsigned collective credential (finished with the pledge digest).
 * @throws as `createCollectivePledge`
 */
export function planCollective(
  input: CreateCollectiveInput,
  type: string,
  max: number,
): PledgePlan<CollectiveCredential> {
  if (typeof input !== 'object' || input === null) throw new TypeError('"input" expected object');
  const now = input.now ?? new Date();
  const zone = input.timeZone ?? 'WIB';
  if (zone !== 'WIB' && zone !== 'WITA' && zone !== 'WIT') bad('timeZone', 'time-zone');
  const template =
    typeof input.template === 'string'
      ? getTemplate(input.template, input.templateVersion, COLLECTIVE_TEMPLATES)
      : input.template;
  if (template.kind !== 'pakta-integritas') {
    throw collectiveRecordInvalid('template', 'collective-template');
  }
  const language = input.language ?? 'id';
  if (!template.texts[language]) bad('language', 'template-language', { value: language });
  const { issuerId, issuerName, eventName, place, date } = issuerAndEvent(input);

  const list = input.representatives;
  if (!Array.isArray(list) || list.length < 1 || list.length > max) {
    throw collectiveRecordInvalid('credentialSubject.representatives', 'representatives-count', { max });
  }
  const seenPeople = new Set<string>();
  const seenProofs = new Set<string>();
  const representatives: CollectiveRepresentative[] = list.map((r, i) => {
    const path = `credentialSubject.representatives[${i}]`;
    const employeeType: unknown = r?.employeeType;
    if (employeeType !== 'PNS' && employeeType !== 'PPPK' && employeeType !== 'PPNPN')
      bad(`${path}.employeeType`, 'employee-type');
    if (!template.appliesTo.includes(employeeType))
      bad(`${path}.employeeType`, 'template-not-for-type', { value: employeeType });
    const scheme = r.identifierScheme ?? DEFAULT_SCHEME[employeeType];
    const checked = validateIdentifier(scheme, r.identifier, { now });
    if (!checked.valid) throw new IdentifierInvalidError(scheme, checked.reason);
    const person = `${scheme}:${checked.parsed.value}`;
    if (seenPeople.has(person)) throw collectiveRecordInvalid(path, 'person-twice');
    seenPeople.add(person);
    const proofId = r.proofId ?? `urn:uuid:${randomUuid()}`;
    if (!UUID_URN.test(proofId)) throw collectiveRecordInvalid(`${path}.proofId`, 'proof-id');
    if (seenProofs.has(proofId)) throw collectiveRecordInvalid(`${path}.proofId`, 'proof-id-twice');
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
  if (!UUID_URN.test(id)) bad('id', 'record-id');
  if (seenProofs.has(id)) throw collectiveRecordInvalid('id', 'record-id-is-proof-id');
  const credentialStatus = statusEntryOf(input.credentialStatus);
  const body = pledgeBody(template, language, { agency: issuerName, event: eventName });
  const validFrom = formatTimestamp(input.validFrom ?? now, zone);
  const finish = (digest: string): CollectiveCredential => ({
    '@context': [...PLEDGE_CONTEXT],
    id,
    type: ['VerifiableCredential', type],
    issuer: { id: issuerId, name: issuerName },
    validFrom,
    name: body.title,
    credentialSubject: {
      representatives,
      pledge: { ...body, digestMultibase: digest },
      event: { name: eventName, ...(place !== undefined && { place }), ...(date !== undefined && { date }) },
    },
    ...(credentialStatus && { credentialStatus }),
  });
  return { body, finish };
}

/**
 * The agency's status entry, read strictly (one `BitstringStatusListEntry`, every field as §2.1
 * says) and copied field by field, so the document holds exactly what was checked.
 * @throws {StatusEntryInvalidError} `ERR_STATUS_ENTRY_INVALID` naming the bad field
 */
function statusEntryOf(value: unknown): BitstringStatusListEntry | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value) || value.type !== 'BitstringStatusListEntry') {
    throw new StatusEntryInvalidError('credentialStatus');
  }
  const [entry] = readStatusEntries({ credentialStatus: value });
  const e = entry as NonNullable<typeof entry>;
  return {
    ...(typeof value.id === 'string' && { id: value.id }),
    type: 'BitstringStatusListEntry',
    statusPurpose: e.statusPurpose,
    statusListIndex: String(e.statusListIndex),
    statusListCredential: e.statusListCredential,
  };
}
