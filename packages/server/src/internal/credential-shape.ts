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
  s.required = (s.required ?? []).filter((k) => !['proof', 'id', 'validFrom'].includes(k));
  s.additionalProperties = false;
  // The agency assigns the status entry (status lists); a client never posts one.
  delete s.properties.credentialStatus;
  // Evidence (presence at the apel) is what the agency itself checked; a client never posts one.
  delete s.properties.evidence;
  const issuer = s.properties.issuer as Schema;
  issuer.additionalProperties = false;
  const subject = s.properties.credentialSubject as Schema;
  subject.additionalProperties = false;
  const consent = subject.properties.consent as Schema;
  consent.required = (consent.required ?? []).filter((k) => k !== 'acknowledgedAt');
  // Each proof: only the fields Data Integrity defines.
  const proof = s.properties.proof as unknown as { oneOf: Schema[] };
  const single = proof.oneOf[0] as Schema;
  single.additionalProperties = false;
  (proof.oneOf[1] as unknown as { items: Schema }).items = single;
  return s;
}

let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: false, strict: true, strictTuples: false });
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
