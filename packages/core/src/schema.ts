/**
 * JSON Schema (draft 2020-12) of a signed pledge record, for agencies and auditors who validate
 * records with their own tools. The same schema ships as `schema/pledge-record.schema.json` in the
 * package (`@ikrar/core/pledge-record.schema.json`); a test holds the file equal to this constant.
 * A default `new Ajv2020()` with `ajv-formats` compiles it. Every field is described in the package
 * README.
 *
 * @module
 * @example
 * ```ts
 * import Ajv2020 from 'ajv/dist/2020.js';
 * import addFormats from 'ajv-formats';
 * import { PLEDGE_RECORD_SCHEMA } from '@ikrar/core';
 * const ajv = new Ajv2020();
 * addFormats(ajv);
 * const valid = ajv.compile(PLEDGE_RECORD_SCHEMA)(record);
 * ```
 */
import { IKRAR_CONTEXT_URL } from './context.js';

const text = (maxLength: number): Record<string, unknown> => ({ type: 'string', minLength: 1, maxLength });
/** VC 2.0 §4.9 / XML Schema dateTimeStamp: a real date and time (format) with an explicit offset (pattern). */
const timestamp = {
  type: 'string',
  format: 'date-time',
  description: 'RFC 3339 date-time with an explicit offset (WIB +07:00, WITA +08:00, WIT +09:00, or Z)',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
};
const did = { type: 'string', pattern: '^did:[a-z0-9]+:\\S+$' };
const url = { type: 'string', format: 'uri' };
const digest = {
  type: 'string',
  description: 'multibase base64url multihash SHA-256',
  pattern: '^uEi[A-Za-z0-9_-]{44}$',
};

/** Data Integrity 1.0 §2.1 with eddsa-jcs-2022 (VC DI EdDSA §3.3). */
const proof = {
  type: 'object',
  required: ['type', 'cryptosuite', 'verificationMethod', 'proofPurpose', 'proofValue'],
  properties: {
    '@context': { type: 'array', items: { type: 'string' } },
    id: url,
    type: { const: 'DataIntegrityProof' },
    cryptosuite: { const: 'eddsa-jcs-2022' },
    created: timestamp,
    expires: timestamp,
    verificationMethod: { type: 'string', pattern: '^did:[a-z0-9]+:\\S+#\\S+$' },
    proofPurpose: { const: 'assertionMethod' },
    previousProof: { oneOf: [url, { type: 'array', items: url, minItems: 1 }] },
    proofValue: { type: 'string', pattern: '^z[1-9A-HJ-NP-Za-km-z]{80,90}$' },
  },
};

/** Bitstring Status List v1.0 §2.1 BitstringStatusListEntry. */
const statusEntry = {
  type: 'object',
  required: ['type', 'statusPurpose', 'statusListIndex', 'statusListCredential'],
  properties: {
    id: url,
    type: { const: 'BitstringStatusListEntry' },
    statusPurpose: { enum: ['revocation', 'suspension', 'refresh', 'message'] },
    statusListIndex: { type: 'string', pattern: '^(0|[1-9][0-9]{0,14})$' },
    statusListCredential: url,
    statusSize: { type: 'integer', minimum: 1 },
  },
};

const signerProperties = {
  name: text(200),
  employeeType: { enum: ['PNS', 'PPPK', 'PPNPN'] },
  identifierScheme: { enum: ['NIP', 'NI-PPPK', 'NIK', 'OTHER'] },
  identifier: { type: 'string', pattern: '^[A-Za-z0-9./-]{1,32}$' },
  position: text(200),
  workUnit: text(300),
};
const signerRequired = ['name', 'employeeType', 'identifierScheme', 'identifier'];

const $defs = {
  signer: {
    type: 'object',
    required: signerRequired,
    additionalProperties: false,
    properties: signerProperties,
  },
  /** A representative of a collective pakta integritas: a signer and the id their proof carries. */
  representative: {
    type: 'object',
    required: [...signerRequired, 'proofId'],
    additionalProperties: false,
    properties: {
      ...signerProperties,
      proofId: { type: 'string', pattern: '^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
    },
  },
  pledge: {
    type: 'object',
    required: [
      'templateId',
      'templateVersion',
      'language',
      'kind',
      'title',
      'preamble',
      'points',
      'closing',
      'legalBasis',
      'digestMultibase',
    ],
    additionalProperties: false,
    properties: {
      templateId: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,63}$' },
      templateVersion: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
      language: { enum: ['id', 'en'] },
      kind: { enum: ['ikrar', 'pakta-integritas'] },
      title: text(300),
      preamble: { type: 'string' },
      points: { type: 'array', items: text(4000), minItems: 1, maxItems: 20 },
      closing: { type: 'string' },
      legalBasis: { type: 'array', items: { type: 'string' } },
      digestMultibase: digest,
    },
  },
  event: {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: {
      name: text(200),
      place: text(200),
      date: { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    },
  },
  consent: {
    type: 'object',
    required: ['acknowledgedPoints', 'acknowledgedAt', 'method', 'timeZone'],
    additionalProperties: false,
    properties: {
      acknowledgedPoints: {
        type: 'array',
        items: { type: 'integer', minimum: 1 },
        minItems: 1,
        uniqueItems: true,
      },
      acknowledgedAt: timestamp,
      method: { enum: ['drawn', 'typed', 'click'] },
      timeZone: { enum: ['WIB', 'WITA', 'WIT'] },
      typedName: text(200),
      signatureDigestMultibase: digest,
    },
    allOf: [
      { if: { properties: { method: { const: 'typed' } } }, then: { required: ['typedName'] } },
      { if: { properties: { method: { const: 'drawn' } } }, then: { required: ['signatureDigestMultibase'] } },
    ],
  },
  /** One employee's pledge (`IkrarNetralitasCredential`). */
  subject: {
    type: 'object',
    required: ['signer', 'pledge', 'event', 'consent'],
    additionalProperties: false,
    properties: {
      id: did,
      signer: { $ref: '#/$defs/signer' },
      pledge: { $ref: '#/$defs/pledge' },
      event: { $ref: '#/$defs/event' },
      consent: { $ref: '#/$defs/consent' },
    },
  },
  /** A collective pakta integritas (`PaktaIntegritasCredential`): N named representatives, one proof each. */
  collectiveSubject: {
    type: 'object',
    required: ['representatives', 'pledge', 'event'],
    additionalProperties: false,
    properties: {
      representatives: { type: 'array', items: { $ref: '#/$defs/representative' }, minItems: 1, maxItems: 50 },
      pledge: { $ref: '#/$defs/pledge' },
      event: { $ref: '#/$defs/event' },
    },
  },
  /** VC 2.0 §5.6 evidence: presence at the apel as the agency checked it when countersigning. */
  apelPresence: {
    type: 'object',
    required: ['type', 'atApel'],
    additionalProperties: false,
    properties: {
      type: { type: 'array', items: { const: 'ApelPresence' }, minItems: 1, maxItems: 1 },
      atApel: { type: 'boolean' },
      apelCode: { type: 'string', pattern: '^\\d{1,12}\\.[A-Za-z0-9_-]{22}$' },
      apelCodeShownAt: timestamp,
      checkedAt: timestamp,
    },
  },
  proof,
  statusEntry,
};

/**
 * The JSON Schema of a signed pledge record. Its parts are under `$defs` (`subject`,
 * `collectiveSubject`, `signer`, `consent`, `proof`, `statusEntry`, ...) for tools that check one part.
 */
export const PLEDGE_RECORD_SCHEMA: Readonly<Record<string, unknown>> = Object.freeze({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://ikrar-netralitas.github.io/ns/v1/pledge-record.schema.json',
  title: 'Ikrar Netralitas pledge record (W3C VC 2.0, Data Integrity eddsa-jcs-2022)',
  type: 'object',
  required: ['@context', 'id', 'type', 'issuer', 'validFrom', 'credentialSubject', 'proof'],
  properties: {
    // VC 2.0 §4.3: the VC 2.0 context first; then ours (or, in records written before it, VC 2.0's
    // undefined-terms context). URL strings only: Digital Bazaar's eddsa-jcs-2022 compares entries by identity.
    '@context': {
      type: 'array',
      prefixItems: [
        { const: 'https://www.w3.org/ns/credentials/v2' },
        { enum: [IKRAR_CONTEXT_URL, 'https://www.w3.org/ns/credentials/undefined-terms/v2'] },
      ],
      // A full tuple (Ajv's strictTuples): a further context would bring terms the record does not use.
      minItems: 2,
      maxItems: 2,
    },
    id: { type: 'string', pattern: '^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
    // VC 2.0 §4.5: VerifiableCredential, and one of our types.
    type: {
      type: 'array',
      items: { type: 'string' },
      allOf: [
        { contains: { const: 'VerifiableCredential' } },
        { contains: { enum: ['IkrarNetralitasCredential', 'PaktaIntegritasCredential'] } },
      ],
    },
    issuer: {
      type: 'object',
      required: ['id', 'name'],
      properties: { id: did, name: text(200) },
    },
    validFrom: timestamp,
    validUntil: timestamp,
    name: text(300),
    description: text(2000),
    // VC 2.0 §4.8: one employee's pledge, or a collective pakta integritas signed by each representative.
    credentialSubject: { oneOf: [{ $ref: '#/$defs/subject' }, { $ref: '#/$defs/collectiveSubject' }] },
    // Bitstring Status List v1.0 §2.1: one entry or several.
    credentialStatus: {
      oneOf: [{ $ref: '#/$defs/statusEntry' }, { type: 'array', items: { $ref: '#/$defs/statusEntry' }, minItems: 1 }],
    },
    // VC 2.0 §5.6: what the agency checked besides the content (presence at the apel).
    evidence: { type: 'array', minItems: 1, items: { $ref: '#/$defs/apelPresence' } },
    // Data Integrity 1.0 §2.1.2 / §2.1.3: one proof, a proof set, or a chain (previousProof).
    proof: { oneOf: [{ $ref: '#/$defs/proof' }, { type: 'array', items: { $ref: '#/$defs/proof' }, minItems: 1 }] },
  },
  $defs,
});
