/**
 * The W3C CCG VC-API endpoints: `POST /credentials/issue` (bearer token; the agency's other
 * systems sign their own credentials with the agency key) and `POST /credentials/verify` (open;
 * any eddsa-jcs-2022 credential). Pledges are never issued here: they are countersigned only
 * through `POST /sign`, after every check.
 *
 * @module
 * @example
 * ```sh
 * curl -X POST -H 'authorization: Bearer …' -H 'content-type: application/json' \
 *   --data '{"credential":{…}}' http://127.0.0.1:8080/credentials/issue
 * ```
 */
import {
  CanonicalizationError,
  PLEDGE_CREDENTIAL_TYPE,
  RecordInvalidError,
  VC_V2_CONTEXT,
  parseTimestamp,
  signPledge,
  verifyPledge,
  type PledgeCredential,
  type Signer,
} from '@ikrar/core';
import type { Hono } from 'hono';
import type { TrustDocument } from './agency-key.js';
import { ServerError } from './errors.js';
import { readJson, requireBearer, type TokenCheck } from './internal/http.js';

interface VcApiDeps {
  signer: Signer;
  agency: { id: string; name: string };
  clock: () => Date;
  issueToken: TokenCheck | undefined;
  trust: () => Promise<TrustDocument>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Codes of a verification that mean "this is no credential to verify" (answered 400). */
const UNVERIFIABLE = new Set(['ERR_RECORD_INVALID', 'ERR_PROOF_MISSING', 'ERR_PROOF_MALFORMED']);

/** Adds the VC-API routes to `app`. */
export function registerVcApi(app: Hono, deps: VcApiDeps): void {
  app.post('/credentials/issue', async (c) => {
    await requireBearer(c, deps.issueToken);
    const body = await readJson(c);
    if (!isObject(body) || !isObject(body.credential))
      throw new ServerError('ERR_RECORD_INVALID', { path: 'credential' });
    if (body.options !== undefined && !isObject(body.options))
      throw new ServerError('ERR_RECORD_INVALID', { path: 'options' });
    const credential = body.credential;
    const ctx = credential['@context'];
    if (!Array.isArray(ctx) || ctx[0] !== VC_V2_CONTEXT || ctx.some((x) => typeof x !== 'string')) {
      throw new ServerError('ERR_RECORD_INVALID', { path: 'credential.@context' });
    }
    const type = credential.type;
    if (!Array.isArray(type) || !type.includes('VerifiableCredential') || type.some((t) => typeof t !== 'string')) {
      throw new ServerError('ERR_RECORD_INVALID', { path: 'credential.type' });
    }
    // A pledge is vouched for only after the checks of POST /sign.
    if (type.includes(PLEDGE_CREDENTIAL_TYPE)) throw new ServerError('ERR_RECORD_INVALID', { path: 'credential.type' });
    if (credential.proof !== undefined) throw new ServerError('ERR_RECORD_INVALID', { path: 'credential.proof' });
    if (!isObject(credential.credentialSubject) && !Array.isArray(credential.credentialSubject)) {
      throw new ServerError('ERR_RECORD_INVALID', { path: 'credential.credentialSubject' });
    }
    const issuer = credential.issuer;
    const issuerId = typeof issuer === 'string' ? issuer : isObject(issuer) ? issuer.id : undefined;
    if (issuer !== undefined && issuerId !== deps.agency.id) {
      throw new ServerError('ERR_ISSUER_MISMATCH', { agency: `${deps.agency.name} (${deps.agency.id})` });
    }
    for (const field of ['validFrom', 'validUntil'] as const) {
      if (credential[field] !== undefined && !parseTimestamp(credential[field])) {
        throw new ServerError('ERR_RECORD_INVALID', { path: `credential.${field}` });
      }
    }
    const unsigned = { ...credential, issuer: issuer ?? deps.agency.id } as unknown as PledgeCredential;
    try {
      const verifiableCredential = await signPledge(unsigned, deps.signer, { created: deps.clock() });
      c.header('cache-control', 'no-store');
      return c.json({ verifiableCredential }, 201);
    } catch (err) {
      if (err instanceof CanonicalizationError || err instanceof RecordInvalidError) {
        throw new ServerError('ERR_RECORD_INVALID', {
          path: err instanceof RecordInvalidError ? `credential.${err.path}` : 'credential',
        });
      }
      throw err;
    }
  });

  app.post('/credentials/verify', async (c) => {
    const body = await readJson(c);
    if (!isObject(body) || !isObject(body.verifiableCredential)) {
      throw new ServerError('ERR_RECORD_INVALID', { path: 'verifiableCredential' });
    }
    const result = await verifyPledge(body.verifiableCredential);
    if (!result.verified && result.code && UNVERIFIABLE.has(result.code)) {
      throw new ServerError('ERR_RECORD_INVALID', {
        path: result.path ? `verifiableCredential.${result.path}` : 'verifiableCredential.proof',
      });
    }
    const trust = await deps.trust();
    const issuerProof = result.issuerProof !== undefined ? result.proofs[result.issuerProof] : undefined;
    const created = issuerProof?.created ? parseTimestamp(issuerProof.created) : null;
    const trusted =
      result.verified &&
      created !== null &&
      trust.issuers.some(
        (i) =>
          i.id === result.issuer &&
          new Date(i.validFrom) <= created &&
          (i.validUntil === null || created < new Date(i.validUntil)) &&
          (i.revokedAt === null || created < new Date(i.revokedAt)),
      );
    return c.json({
      verified: result.verified,
      checks: ['proof'],
      warnings: [],
      errors: result.verified ? [] : [{ code: result.code, message: result.message?.en, messages: result.message }],
      issuer: result.issuer ?? null,
      // Whether this agency's trust.json vouches for the issuing key at signing time.
      trustedIssuer: trusted,
    });
  });
}
