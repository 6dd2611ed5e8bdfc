/**
 * The shape check of a credential posted for countersigning, derived from core's published record
 * schema (`PLEDGE_RECORD_SCHEMA`) instead of a second hand walk: the same schema with the proof
 * optional (the widget sends none), `id`, `validFrom` and `consent.acknowledgedAt` optional (the
 * service fills them), and no field the agency does not vouch for (`additionalProperties: false`
 * at every level).
 */
import { PLEDGE_RECORD_SCHEMA } from '@ikrar/core';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ServerError } from '../errors.js';

// ajv-formats is CommonJS with `exports.default`; Node's ESM loader hands over module.exports.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;

type Schema = Record<string, unknown> & { properties: Record<string, Schema>; required?: string[] };

function unsignedSchema(): Schema {
  const s = structuredClone(PLEDGE_RECORD_SCHEMA) as Schema;
  const defs = s.$defs as Record<string, Schema>;
  s.required = (s.required ?? []).filter((k) => !['proof', 'id', 'validFrom'].includes(k));
  s.additionalProperties = false;
  // The agency assigns the status entry (status lists); a client never posts one.
  delete s.properties.credentialStatus;
  // Evidence (presence at the apel) is what the agency itself checked; a client never posts one.
  delete s.properties.evidence;
  const issuer = s.properties.issuer as Schema;
  issuer.additionalProperties = false;
  // One employee's pledge only: a collective pakta integritas is not countersigned here.
  s.properties.credentialSubject = { $ref: '#/$defs/subject' } as unknown as Schema;
  const consent = defs.consent as Schema;
  consent.required = (consent.required ?? []).filter((k) => k !== 'acknowledgedAt');
  // Each proof: only the fields Data Integrity defines.
  (defs.proof as Schema).additionalProperties = false;
  return s;
}

let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!validate) {
    // Core's schema is written for a default Ajv2020 (its `if`/`then` name properties defined beside them).
    const ajv = new Ajv2020({ allErrors: false });
    addFormats(ajv);
    validate = ajv.compile(unsignedSchema());
  }
  return validate;
}

/** `/credentialSubject/signer/name` → `credentialSubject.signer.name`; `/points/2` → `points[2]`. */
function dotted(pointer: string, extra?: string): string {
  const parts = pointer.split('/').slice(1);
  if (extra !== undefined) parts.push(extra);
  return parts
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

function toError(e: ErrorObject): ServerError {
  if (e.keyword === 'additionalProperties') {
    const extra = (e.params as { additionalProperty: string }).additionalProperty;
    return new ServerError('ERR_FIELD_UNKNOWN', { path: dotted(e.instancePath, extra) });
  }
  return new ServerError('ERR_RECORD_INVALID', { path: dotted(e.instancePath) || '$' });
}

/**
 * Checks the shape of a posted credential.
 * @throws {ServerError} `ERR_RECORD_INVALID` (with `path`) or `ERR_FIELD_UNKNOWN` (with `path`)
 */
export function assertCredentialShape(value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ServerError('ERR_RECORD_INVALID', { path: '$' });
  }
  const v = validator();
  if (!v(value)) throw toError((v.errors ?? [])[0] as ErrorObject);
}
