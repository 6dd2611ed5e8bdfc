/**
 * JSON Schema (draft 2020-12) of a signed pledge record, for agencies and auditors who validate
 * records with their own tools. Every field is described in the package README.
 *
 * @module
 * @example
 * ```ts
 * import Ajv2020 from 'ajv/dist/2020.js';
 * import { PLEDGE_RECORD_SCHEMA } from '@ikrar/core';
 * const valid = new Ajv2020().compile(PLEDGE_RECORD_SCHEMA)(record);
 * ```
 */

const text = (maxLength: number): Record<string, unknown> => ({ type: 'string', minLength: 1, maxLength });
const timestamp = {
  type: 'string',
  description: 'RFC 3339 with an explicit offset (WIB +07:00, WITA +08:00, WIT +09:00, or Z)',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
};
const did = { type: 'string', pattern: '^did:[a-z0-9]+:\\S+$' };
const digest = {
  type: 'string',
  description: 'multibase base64url multihash SHA-256',
  pattern: '^uEi[A-Za-z0-9_-]{44}$',
};

const proof = {
  type: 'object',
  required: ['type', 'cryptosuite', 'verificationMethod', 'proofPurpose', 'proofValue'],
  properties: {
    '@context': { type: 'array', items: { type: 'string' } },
    id: { type: 'string' },
    type: { const: 'DataIntegrityProof' },
    cryptosuite: { const: 'eddsa-jcs-2022' },
    created: timestamp,
    verificationMethod: { type: 'string' },
    proofPurpose: { const: 'assertionMethod' },
    previousProof: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
    proofValue: { type: 'string', pattern: '^z[1-9A-HJ-NP-Za-km-z]{80,90}$' },
  },
};

/** The JSON Schema of a signed pledge record. */
export const PLEDGE_RECORD_SCHEMA: Readonly<Record<string, unknown>> = Object.freeze({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://github.com/ikrar-netralitas/ikrar-netralitas/packages/core/pledge-record.schema.json',
  title: 'Ikrar Netralitas pledge record (W3C VC 2.0, Data Integrity eddsa-jcs-2022)',
  type: 'object',
  required: ['@context', 'id', 'type', 'issuer', 'validFrom', 'credentialSubject', 'proof'],
  properties: {
    '@context': {
      type: 'array',
      prefixItems: [{ const: 'https://www.w3.org/ns/credentials/v2' }],
      items: { type: 'string', format: 'uri' },
      minItems: 2,
    },
    id: { type: 'string', pattern: '^urn:uuid:[0-9a-f-]{36}$' },
    type: { type: 'array', contains: { const: 'IkrarNetralitasCredential' }, items: { type: 'string' } },
    issuer: {
      type: 'object',
      required: ['id', 'name'],
      properties: { id: did, name: text(200) },
    },
    validFrom: timestamp,
    name: text(300),
    credentialSubject: {
      type: 'object',
      required: ['signer', 'pledge', 'event', 'consent'],
      properties: {
        id: did,
        signer: {
          type: 'object',
          required: ['name', 'employeeType', 'identifierScheme', 'identifier'],
          additionalProperties: false,
          properties: {
            name: text(200),
            employeeType: { enum: ['PNS', 'PPPK', 'PPNPN'] },
            identifierScheme: { enum: ['NIP', 'NI-PPPK', 'NIK', 'OTHER'] },
            identifier: { type: 'string', pattern: '^[A-Za-z0-9./-]{1,32}$' },
            position: text(200),
            workUnit: text(300),
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
            date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
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
        },
      },
    },
    credentialStatus: {
      type: 'object',
      description: 'Bitstring Status List v1.0 entry: where the revocation bit of this record lives',
      required: ['type', 'statusPurpose', 'statusListIndex', 'statusListCredential'],
      properties: {
        id: { type: 'string' },
        type: { const: 'BitstringStatusListEntry' },
        statusPurpose: { enum: ['revocation', 'suspension'] },
        statusListIndex: { type: 'string', pattern: '^(0|[1-9][0-9]{0,14})$' },
        statusListCredential: { type: 'string', format: 'uri' },
      },
    },
    evidence: {
      type: 'array',
      description: 'VC 2.0 evidence: presence at the apel as the agency checked it when countersigning',
      minItems: 1,
      items: {
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
    },
    proof: { oneOf: [proof, { type: 'array', items: proof, minItems: 1 }] },
  },
});
