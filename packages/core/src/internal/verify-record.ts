/**
 * The verification algorithm of `verifyPledge`, written once as a plan and a finish per proof.
 * The plan (`planProof`: synchronous, no cryptography) checks the structure and the proof's
 * fields and works out what its signature covers and which key checks it; the finish (in
 * `walkRecord`) resolves a key a resolver must fetch, canonicalizes, hashes through the crypto
 * provider and verifies; `concludeProofs` weighs final proofs, the issuer and
 * the collective rules, and the walk checks the pledge digest last. This module imports no
 * cryptography itself.
 *
 * The walk is one generator per record (the finish of each proof and the pledge digest are steps
 * of it, not generators of their own: fewer objects per record) that yields what the provider or
 * resolver returns and gets back its value; `drive` is the one place that tells a value from a
 * promise. With a synchronous provider (libsodium, node:crypto, noble) the whole record is
 * verified without a microtask; a promise
 * (WebCrypto, a resolver that fetches, the collective rules loaded on demand) switches the rest
 * of the same walk to awaiting.
 *
 * @module
 * @internal
 */
import { canonicalizeToBytes } from '../canonicalize.js';
import { fromMultibase58 } from '../encoding.js';
import { isIkrarError } from '../errors.js';
import type { CryptoProvider } from '../types.js';
import { isPlainObject } from './assert.js';
import { DID_KEY, decodeDidKey } from '../did-key.js';
import { CRYPTOSUITE, PLEDGE_CREDENTIAL_TYPE, VC_V2_CONTEXT } from '../record.js';
import { timestampMillis } from '../time.js';
import type { VerifyCache } from '../verify-cache.js';
import { isKnownPledge, rememberPledge } from './pledge-digest.js';
import { joinDigests } from './multihash.js';
import { proofsOf, securedInput } from '../proofs.js';
import { providerOf } from './provider.js';
import {
  verificationMessage,
  type VerificationCode,
  type ProofVerification,
  type VerifyPledgeResult,
  type VerifyPledgeOptions,
} from '../verification.js';

/**
 * did:key bytes by method; the point is checked by the strict signature check. An issuer's key
 * signs record after record and is remembered in the caller's cache (bounded); a signer's own key
 * mostly signs one record of a batch, and is decoded without filling the cache.
 */
function resolveDidKey(vm: string, cache: VerifyCache | undefined, issuers: boolean): Uint8Array | null {
  let key = issuers ? cache?.keys.get(vm) : undefined;
  if (key !== undefined) return key;
  key = decodeDidKey(vm);
  if (cache && issuers) {
    if (cache.keys.size > 10_000) cache.keys.clear();
    cache.keys.set(vm, key);
  }
  return key;
}

/** `COLLECTIVE_CREDENTIAL_TYPE`, here so that verification imports no public module. */
const COLLECTIVE_TYPE = 'PaktaIntegritasCredential';

/** The collective rules, loaded only for a record whose type names {@link COLLECTIVE_TYPE}. */
type CollectiveRules = typeof import('./verify-collective.js');

/** The helpers the collective rules get from here instead of importing them (see `verify-collective.ts`). */
const COLLECTIVE_HELPERS = { isPlainObject, didKey: DID_KEY } as const;

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
    const path = collective.collectiveStructure(record.credentialSubject, COLLECTIVE_HELPERS);
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
 * A walk: yields what the provider or a resolver returned (a value or a promise) and is resumed
 * with the value; a rejected promise is thrown into it where it yielded.
 */
type Walk<T> = Generator<unknown, T, unknown>;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Runs a walk: synchronously while every yielded value is already there, awaiting from the first
 * promise on. The one place where a walk is resumed.
 */
function drive<T>(walk: Walk<T>): T | Promise<T> {
  let step = walk.next();
  while (!step.done) {
    if (isThenable(step.value)) return driveAsync(walk, step.value);
    step = walk.next(step.value);
  }
  return step.value;
}

async function driveAsync<T>(walk: Walk<T>, first: PromiseLike<unknown>): Promise<T> {
  let pending: unknown = first;
  for (;;) {
    let value: unknown;
    let failed = false;
    try {
      value = await pending;
    } catch (err) {
      failed = true;
      value = err;
    }
    const step = failed ? walk.throw(value) : walk.next(value);
    if (step.done) return step.value;
    pending = step.value;
  }
}

/**
 * Verifies one record. Never throws for a bad signature or a malformed record.
 * @param record - a parsed record
 * @param options - keys, resolver, crypto provider, purpose, cache
 * @returns a {@link VerifyPledgeResult}: the value itself when the provider (and resolver) answered
 *   synchronously, else a promise of it
 */
export function verifyRecord(
  record: unknown,
  options: VerifyPledgeOptions,
): VerifyPledgeResult | Promise<VerifyPledgeResult> {
  return drive(walkRecord(record, options));
}

/**
 * The walk of one record: each proof planned (synchronously, no cryptography) and finished
 * (its key, the bytes it covers hashed, the signature checked), then the proof set concluded and
 * the pledge text's digest checked. Every call to the provider or a resolver is yielded here.
 */
function* walkRecord(record: unknown, options: VerifyPledgeOptions): Walk<VerifyPledgeResult> {
  const collective =
    isPlainObject(record) && Array.isArray(record.type) && record.type.includes(COLLECTIVE_TYPE)
      ? ((yield import('./verify-collective.js')) as CollectiveRules)
      : undefined;
  const bad = structural(record, collective);
  if (bad) return fail('ERR_RECORD_INVALID', { path: bad.path });
  const doc = record as Record<string, unknown>;
  const issuer = typeof doc.issuer === 'string' ? doc.issuer : ((doc.issuer as Record<string, unknown>).id as string);
  const proofs = proofsOf(doc);
  if (proofs.length === 0) return fail('ERR_PROOF_MISSING', { issuer });
  const purpose = options.proofPurpose ?? 'assertionMethod';
  // The older single-part options replace that part of the provider.
  const p = providerOf(options.crypto);
  const crypto: CryptoProvider =
    options.sha256 || options.verifySignature
      ? {
          sha256: options.sha256 ?? p.sha256,
          verify: options.verifySignature ?? p.verify,
          isStrictPublicKey: p.isStrictPublicKey,
        }
      : p;
  const results: ProofVerification[] = [];
  for (let index = 0; index < proofs.length; index++) {
    const plan = planProof(doc, issuer, proofs, index, purpose, options);
    if ('verified' in plan) {
      results.push(plan);
      continue;
    }
    // The finish: the key (known, else from the resolver) ...
    const { info, proof } = plan;
    let publicKey: unknown = plan.publicKey;
    if (publicKey === undefined && options.resolveKey) {
      try {
        publicKey = yield options.resolveKey(info.verificationMethod as string);
      } catch {
        publicKey = null;
      }
    }
    if (!publicKey) {
      results.push(refuse(info, 'ERR_KEY_UNRESOLVED'));
      continue;
    }
    // ... the bytes it covers: the proof configuration (eddsa-jcs-2022 §3.3.2: the proof without
    // its proofValue) and the secured document, canonical ...
    let config: Uint8Array | undefined;
    let input = plan.input;
    try {
      config = options.proofConfigBytes?.(doc, proof);
      if (!config) {
        const { proofValue: _pv, ...rest } = proof;
        void _pv;
        config = canonicalizeToBytes(rest);
      }
      if (!input) {
        const secured = securedInput(doc, proof.previousProof as string | string[] | undefined, proofs) as Record<
          string,
          unknown
        >;
        if (proof['@context'] !== undefined) secured['@context'] = proof['@context'];
        input = canonicalizeToBytes(secured);
      }
    } catch (err) {
      if (!isIkrarError(err)) throw err;
      results.push(refuse(info, 'ERR_CANONICALIZATION_FAILED'));
      continue;
    }
    // ... each hashed by the provider (§3.3.4), and the signature checked.
    const data = joinDigests((yield crypto.sha256(config)) as Uint8Array, (yield crypto.sha256(input)) as Uint8Array);
    let ok: unknown;
    try {
      ok = yield crypto.verify(plan.signature, data, publicKey as Uint8Array);
    } catch {
      ok = false;
    }
    if (ok) {
      (info as Mutable<ProofVerification>).verified = true;
      results.push(info as ProofVerification);
      continue;
    }
    // A did:key is decoded without the point check; say so when that is why it failed.
    const keyBad = plan.didKey && !(yield crypto.isStrictPublicKey(publicKey as Uint8Array));
    results.push(refuse(info, keyBad ? 'ERR_KEY_INVALID' : 'ERR_SIGNATURE_INVALID'));
  }

  const base = concludeProofs(doc, issuer, results, options, collective);
  if (base.verified === false) return base;
  // The pledge text's digest: an equal text hashed before has it, else it is hashed now.
  const subject = doc.credentialSubject as Record<string, unknown>;
  if (isPlainObject(subject) && isPlainObject(subject.pledge) && typeof subject.pledge.digestMultibase === 'string') {
    const pledge = subject.pledge;
    const claimed = pledge.digestMultibase as string;
    if (!isKnownPledge(options.cache, crypto.sha256, pledge, claimed)) {
      let actual: string | undefined;
      try {
        // The text: the pledge without its digest.
        const { digestMultibase: _claimed, ...text } = pledge;
        void _claimed;
        const digest = (yield crypto.sha256(canonicalizeToBytes(text))) as Uint8Array;
        actual = rememberPledge(options.cache, crypto.sha256, pledge, digest);
      } catch {
        // a text that cannot be canonicalized, or a hash that failed: `actual` stays undefined
      }
      if (actual !== claimed) return fail('ERR_PLEDGE_DIGEST_MISMATCH', { ...base, path: 'credentialSubject.pledge' });
    }
  }
  base.verified = true;
  return base;
}

/** A proof planned for its finish: what its signature covers and which key checks it. */
interface ProofPlan {
  readonly info: ProofInfo;
  readonly signature: Uint8Array;
  readonly proof: Record<string, unknown>;
  /** The secured document's canonical bytes, when the caller holds them. */
  readonly input: Uint8Array | undefined;
  /** The key, when known without a resolver. */
  readonly publicKey: Uint8Array | undefined;
  /** The key was decoded from a did:key, without the point check. */
  readonly didKey: boolean;
}

function planProof(
  doc: Record<string, unknown>,
  issuer: string,
  proofs: readonly unknown[],
  index: number,
  purpose: string,
  options: VerifyPledgeOptions,
): ProofVerification | ProofPlan {
  const p = proofs[index];
  if (!isPlainObject(p)) return refuse({ index, previousProof: [] }, 'ERR_PROOF_MALFORMED');
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
  // The proof's result is this object, its keys in this order, finished in place (`refuse`, or `walkRecord`'s finish).
  const info = { index } as ProofInfo;
  if (typeof p.id === 'string') info.id = p.id;
  if (vm !== undefined) {
    info.verificationMethod = vm;
    const hash = vm.indexOf('#');
    info.controller = hash < 0 ? vm : vm.slice(0, hash);
  }
  if (typeof p.created === 'string') info.created = p.created;
  info.previousProof = previousProof ?? [];

  if (p.type !== 'DataIntegrityProof' || p.cryptosuite !== CRYPTOSUITE) return refuse(info, 'ERR_PROOF_UNSUPPORTED');
  if (
    vm === undefined ||
    typeof p.proofValue !== 'string' ||
    previousProof === null ||
    (p.created !== undefined && Number.isNaN(timestampMillis(p.created))) ||
    (p.id !== undefined && typeof p.id !== 'string')
  ) {
    return refuse(info, 'ERR_PROOF_MALFORMED');
  }
  if (p.proofPurpose !== purpose) return refuse(info, 'ERR_PROOF_PURPOSE');
  let signature: Uint8Array;
  try {
    signature = fromMultibase58(p.proofValue);
  } catch {
    return refuse(info, 'ERR_PROOF_MALFORMED');
  }
  if (signature.length !== 64) return refuse(info, 'ERR_SIGNATURE_INVALID');

  // DI 1.0 §4.2 step 6: a chained proof secures the document with the proofs it names (built
  // here for the chain's check, and again in the finish when needed); any other, the document
  // without proofs (built only when needed: a canonical line's caller holds its bytes).
  const input = prev === undefined ? undefined : securedInput(doc, prev as string | string[], proofs);
  if (input === null || previousProof.includes(info.id as string)) return refuse(info, 'ERR_PROOF_CHAIN_BROKEN');
  // eddsa-jcs-2022 §3.3.2 step 4: the document's @context must start with the proof's.
  const pc = p['@context'];
  if (pc !== undefined) {
    const dc = doc['@context'] as unknown[];
    if (!Array.isArray(pc) || pc.length > dc.length || pc.some((c, i) => c !== dc[i]))
      return refuse(info, 'ERR_CONTEXT_MISMATCH');
  }

  let publicKey: Uint8Array | undefined;
  let didKey = false;
  const given = options.keys?.find((k) => k.id === vm);
  if (given) publicKey = given.publicKey;
  else if (vm.startsWith('did:key:')) {
    const decoded = resolveDidKey(vm, options.cache, info.controller === issuer);
    if (!decoded) return refuse(info, 'ERR_KEY_INVALID');
    publicKey = decoded;
    didKey = true;
  } else if (!options.resolveKey) return refuse(info, 'ERR_KEY_UNRESOLVED');
  // The secured document's canonical bytes, when the caller already holds them (a canonical line);
  // only for a document that keeps the record's own @context.
  const known =
    options.securedBytes && (pc === undefined || (pc as unknown[]).length === (doc['@context'] as unknown[]).length)
      ? options.securedBytes(doc, input?.proof as unknown[] | undefined)
      : undefined;
  return { info, signature, proof: p, input: known, publicKey, didKey };
}

/** A proof's result: `info` itself, finished (each proof's info makes one result). */
function refuse(info: ProofInfo, code: VerificationCode): ProofVerification {
  return Object.assign(info, { verified: false, code, message: verificationMessage(code) });
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type ProofInfo = Mutable<Omit<ProofVerification, 'verified' | 'code' | 'message'>>;

/**
 * Final proofs, the issuer's proof and the collective rules: the result so far (its verdict not
 * yet set), or a failed one.
 */
function concludeProofs(
  doc: Record<string, unknown>,
  issuer: string,
  results: ProofVerification[],
  options: VerifyPledgeOptions,
  collective: CollectiveRules | undefined,
): Mutable<VerifyPledgeResult> {
  // Final proofs: those no other proof names (Data Integrity 1.0 §2.1.2).
  let named: Set<string> | undefined;
  for (const r of results) for (const id of r.previousProof) (named ??= new Set()).add(id);
  const finalProofs: number[] = [];
  let issuerProof: number | undefined;
  for (const r of results) {
    if (r.id !== undefined && named?.has(r.id)) continue;
    finalProofs.push(r.index);
    if (issuerProof === undefined && r.controller === issuer) issuerProof = r.index;
  }
  // The result, its keys in this order: proofs, finalProofs, issuer, issuerProof, then the verdict.
  const base = { proofs: results, finalProofs, issuer } as unknown as Mutable<VerifyPledgeResult>;
  if (issuerProof !== undefined) base.issuerProof = issuerProof;

  const failed = results.find((r) => !r.verified);
  if (failed) return fail(failed.code as VerificationCode, base); // its message is the proof's
  if (collective) {
    const wrong = collective.checkCollective(
      doc.credentialSubject as Record<string, unknown>,
      results,
      issuer,
      options.requireIssuerProof ?? true,
      COLLECTIVE_HELPERS,
    );
    if (wrong) return fail(wrong.code, base);
  }
  if ((options.requireIssuerProof ?? true) && issuerProof === undefined) return fail('ERR_ISSUER_MISMATCH', base);
  return base;
}
