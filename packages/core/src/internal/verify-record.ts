/**
 * The verification algorithm of `verifyPledge` and `verifyPledgeAsync`, with the cryptography
 * given as an engine: the noble one (synchronous SHA-256, the verifier's hot path) or the
 * WebCrypto one (asynchronous, noble loaded on demand). One algorithm, so both give the same
 * verdict; this module imports no cryptography itself.
 */
import { fromMultibase58 } from '../encoding.js';
import { isIkrarError, type LocalizedText } from '../errors.js';
import { isPlainObject } from './assert.js';
import { decodeDidKey } from './did-key.js';
import { CRYPTOSUITE, PLEDGE_CREDENTIAL_TYPE, VC_V2_CONTEXT } from '../record.js';
import { parseTimestamp } from '../time.js';
import type { VerifyCache } from '../verify-cache.js';
import { pledgeDigest } from './pledge-digest.js';
import {
  verificationMessage,
  type VerificationCode,
  type ProofVerification,
  type VerifyPledgeResult,
  type VerifyPledgeOptions,
  type VerifyEngine,
  type VerifyOptions,
} from './verification-types.js';

export { verificationMessage } from './verification-types.js';
export type {
  VerificationCode,
  ProofVerification,
  VerifyPledgeResult,
  VerifyPledgeOptions,
  VerifyEngine,
  VerifyOptions,
} from './verification-types.js';

/** did:key bytes by method, in the caller's cache (bounded); the point is checked by the strict signature check. */
function resolveDidKey(vm: string, cache: VerifyCache | undefined): Uint8Array | null {
  let key = cache?.keys.get(vm);
  if (key !== undefined) return key;
  key = decodeDidKey(vm);
  if (cache) {
    if (cache.keys.size > 10_000) cache.keys.clear();
    cache.keys.set(vm, key);
  }
  return key;
}

/** `COLLECTIVE_CREDENTIAL_TYPE`, here so that verification imports no public module. */
const COLLECTIVE_TYPE = 'PaktaIntegritasCredential';

/** The collective rules, loaded only for a record whose type names {@link COLLECTIVE_TYPE}. */
type CollectiveRules = typeof import('./verify-collective.js');

function structural(record: unknown, collective: CollectiveRules | undefined): { path: string } | null {
  if (!isPlainObject(record)) return { path: '$' };
  const ctx = record['@context'];
  if (!Array.isArray(ctx) || ctx[0] !== VC_V2_CONTEXT || ctx.some((c) => typeof c !== 'string'))
    return { path: '@context' };
  const type = record.type;
  if (!Array.isArray(type) || !type.includes('VerifiableCredential')) return { path: 'type' };
  const issuer = record.issuer;
  if (!(typeof issuer === 'string' || (isPlainObject(issuer) && typeof issuer.id === 'string')))
    return { path: 'issuer' };
  if (!isPlainObject(record.credentialSubject) && !Array.isArray(record.credentialSubject))
    return { path: 'credentialSubject' };
  if (collective) {
    if (type.includes(PLEDGE_CREDENTIAL_TYPE)) return { path: 'type' };
    const path = collective.collectiveStructure(record.credentialSubject);
    if (path) return { path };
  }
  if (type.includes(PLEDGE_CREDENTIAL_TYPE)) {
    const s = record.credentialSubject as Record<string, unknown>;
    for (const part of ['signer', 'pledge', 'event', 'consent']) {
      if (!isPlainObject(s[part])) return { path: `credentialSubject.${part}` };
    }
    const pledge = s.pledge as Record<string, unknown>;
    if (!Array.isArray(pledge.points) || typeof pledge.digestMultibase !== 'string') {
      return { path: 'credentialSubject.pledge' };
    }
  }
  return null;
}

function fail(code: VerificationCode, base: Partial<VerifyPledgeResult> = {}): VerifyPledgeResult {
  return { proofs: [], finalProofs: [], ...base, verified: false, code, message: verificationMessage(code) };
}

/**
 * Verifies one record with an engine. Never throws for a bad signature or a malformed record.
 * @param record - a parsed record
 * @param options - keys, resolver, signature check, purpose, SHA-256
 * @param engine - the cryptography
 * @returns a {@link VerifyPledgeResult}
 */
export async function verifyRecord<H>(
  record: unknown,
  options: VerifyOptions<H>,
  engine: VerifyEngine<H>,
): Promise<VerifyPledgeResult> {
  const collective =
    isPlainObject(record) && Array.isArray(record.type) && record.type.includes(COLLECTIVE_TYPE)
      ? await import('./verify-collective.js')
      : undefined;
  const bad = structural(record, collective);
  if (bad) return fail('ERR_RECORD_INVALID', { path: bad.path });
  const doc = record as Record<string, unknown>;
  const issuer = typeof doc.issuer === 'string' ? doc.issuer : ((doc.issuer as Record<string, unknown>).id as string);
  const proofs = engine.proofsOf(doc);
  if (proofs.length === 0) return fail('ERR_PROOF_MISSING', { issuer });
  const purpose = options.proofPurpose ?? 'assertionMethod';
  const check = options.verifySignature ?? engine.verify;

  const results: ProofVerification[] = [];
  for (let index = 0; index < proofs.length; index++) {
    results.push(await verifyOne(doc, proofs, index, purpose, check, options, engine));
  }

  // Final proofs: those no other proof names (Data Integrity 1.0 §2.1.2).
  const named = new Set(results.flatMap((r) => r.previousProof));
  const finalProofs = results.filter((r) => r.id === undefined || !named.has(r.id)).map((r) => r.index);
  const issuerProof = finalProofs.find((i) => results[i]?.controller === issuer);
  const base = { proofs: results, finalProofs, issuer, ...(issuerProof !== undefined && { issuerProof }) };

  const failed = results.find((r) => !r.verified);
  if (failed)
    return {
      ...base,
      verified: false,
      code: failed.code as VerificationCode,
      message: failed.message as LocalizedText,
    };
  if (collective) {
    const wrong = collective.checkCollective(
      doc.credentialSubject as Record<string, unknown>,
      results,
      issuer,
      options.requireIssuerProof ?? true,
    );
    if (wrong) return fail(wrong.code, base);
  }
  if ((options.requireIssuerProof ?? true) && issuerProof === undefined) return fail('ERR_ISSUER_MISMATCH', base);

  const subject = doc.credentialSubject as Record<string, unknown>;
  if (isPlainObject(subject) && isPlainObject(subject.pledge) && typeof subject.pledge.digestMultibase === 'string') {
    const { digestMultibase, ...body } = subject.pledge;
    let actual = pledgeDigest(body, digestMultibase, engine, options.sha256, options.cache);
    if (actual instanceof Promise) actual = await actual;
    if (actual !== digestMultibase)
      return fail('ERR_PLEDGE_DIGEST_MISMATCH', { ...base, path: 'credentialSubject.pledge' });
  }
  return { ...base, verified: true };
}

async function verifyOne<H>(
  doc: Record<string, unknown>,
  proofs: readonly unknown[],
  index: number,
  purpose: string,
  check: NonNullable<VerifyPledgeOptions['verifySignature']>,
  options: VerifyOptions<H>,
  engine: VerifyEngine<H>,
): Promise<ProofVerification> {
  const p = proofs[index];
  if (!isPlainObject(p))
    return {
      index,
      previousProof: [],
      verified: false,
      code: 'ERR_PROOF_MALFORMED',
      message: verificationMessage('ERR_PROOF_MALFORMED'),
    };
  const prev = p.previousProof;
  const previousProof =
    prev === undefined
      ? []
      : typeof prev === 'string'
        ? [prev]
        : Array.isArray(prev) && prev.every((x) => typeof x === 'string')
          ? (prev as string[])
          : null;
  const vm = typeof p.verificationMethod === 'string' ? p.verificationMethod : undefined;
  const info = {
    index,
    ...(typeof p.id === 'string' && { id: p.id }),
    ...(vm !== undefined && { verificationMethod: vm, controller: vm.split('#')[0] as string }),
    ...(typeof p.created === 'string' && { created: p.created }),
    previousProof: previousProof ?? [],
  };
  const no = (code: VerificationCode): ProofVerification => ({
    ...info,
    verified: false,
    code,
    message: verificationMessage(code),
  });

  if (p.type !== 'DataIntegrityProof' || p.cryptosuite !== CRYPTOSUITE) return no('ERR_PROOF_UNSUPPORTED');
  if (
    vm === undefined ||
    typeof p.proofValue !== 'string' ||
    previousProof === null ||
    (p.created !== undefined && parseTimestamp(p.created) === null) ||
    (p.id !== undefined && typeof p.id !== 'string')
  ) {
    return no('ERR_PROOF_MALFORMED');
  }
  if (p.proofPurpose !== purpose) return no('ERR_PROOF_PURPOSE');
  let signature: Uint8Array;
  try {
    signature = fromMultibase58(p.proofValue);
  } catch {
    return no('ERR_PROOF_MALFORMED');
  }
  if (signature.length !== 64) return no('ERR_SIGNATURE_INVALID');

  const { proofValue: _pv, ...config } = p;
  void _pv;
  const input = engine.securedInput(doc, prev as string | string[] | undefined, proofs);
  if (!input) return no('ERR_PROOF_CHAIN_BROKEN');
  if (previousProof.includes(info.id as string)) return no('ERR_PROOF_CHAIN_BROKEN');
  // eddsa-jcs-2022 §3.3.2 step 4: the document's @context must start with the proof's.
  if (config['@context'] !== undefined) {
    const pc = config['@context'];
    const dc = doc['@context'] as unknown[];
    if (!Array.isArray(pc) || pc.length > dc.length || pc.some((c, i) => c !== dc[i]))
      return no('ERR_CONTEXT_MISMATCH');
    input['@context'] = pc;
  }

  let publicKey: Uint8Array | null = null;
  let didKey = false;
  const given = options.keys?.find((k) => k.id === vm);
  if (given) publicKey = given.publicKey;
  else if (vm.startsWith('did:key:')) {
    publicKey = resolveDidKey(vm, options.cache);
    if (!publicKey) return no('ERR_KEY_INVALID');
    didKey = true;
  } else if (options.resolveKey) {
    try {
      publicKey = await options.resolveKey(vm);
    } catch {
      publicKey = null;
    }
  }
  if (!publicKey) return no('ERR_KEY_UNRESOLVED');

  let data: Uint8Array;
  try {
    const h = engine.hashData(input, config, options.sha256);
    data = h instanceof Uint8Array ? h : await h;
  } catch (err) {
    if (isIkrarError(err)) return no('ERR_CANONICALIZATION_FAILED');
    throw err;
  }
  let ok: boolean;
  try {
    ok = await check(signature, data, publicKey);
  } catch {
    ok = false;
  }
  if (ok) return { ...info, verified: true };
  // A did:key is decoded without the point check; say so when that is why it failed.
  return no(didKey && !(await engine.isStrictPublicKey(publicKey)) ? 'ERR_KEY_INVALID' : 'ERR_SIGNATURE_INVALID');
}
