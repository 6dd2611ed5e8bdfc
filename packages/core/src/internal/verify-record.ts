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
import type { Ed25519PublicKey } from '../keys.js';
import { CRYPTOSUITE, PLEDGE_CREDENTIAL_TYPE, VC_V2_CONTEXT } from '../record.js';
import { parseTimestamp } from '../time.js';

/** Why a record or a proof did not verify. Stable, documented in the README. */
export type VerificationCode =
  | 'ERR_RECORD_INVALID'
  | 'ERR_PROOF_MISSING'
  | 'ERR_PROOF_MALFORMED'
  | 'ERR_PROOF_UNSUPPORTED'
  | 'ERR_PROOF_PURPOSE'
  | 'ERR_CONTEXT_MISMATCH'
  | 'ERR_PROOF_CHAIN_BROKEN'
  | 'ERR_KEY_UNRESOLVED'
  | 'ERR_KEY_INVALID'
  | 'ERR_CANONICALIZATION_FAILED'
  | 'ERR_SIGNATURE_INVALID'
  | 'ERR_ISSUER_MISMATCH'
  | 'ERR_PLEDGE_DIGEST_MISMATCH';

/** The outcome for one proof. */
export interface ProofVerification {
  /** Position in the proof list (0 for a single proof). */
  readonly index: number;
  readonly id?: string;
  readonly verificationMethod?: string;
  /** The DID the method belongs to (the part before `#`). */
  readonly controller?: string;
  readonly created?: string;
  readonly previousProof: readonly string[];
  readonly verified: boolean;
  readonly code?: VerificationCode;
  readonly message?: LocalizedText;
}

/** The outcome for a record. */
export interface VerifyPledgeResult {
  /** Every proof verified, the structure is sound, the pledge digest matches, and (unless turned off) a final proof is the issuer's. */
  readonly verified: boolean;
  /** First reason for failure. */
  readonly code?: VerificationCode;
  readonly message?: LocalizedText;
  /** JSON path of a structural problem. */
  readonly path?: string;
  readonly proofs: readonly ProofVerification[];
  /** Indices of the proofs no other proof names in `previousProof`. */
  readonly finalProofs: readonly number[];
  /** Index of the final proof made by the issuer's DID, when there is one. */
  readonly issuerProof?: number;
  /** `issuer` or `issuer.id`. */
  readonly issuer?: string;
}

/** Options of {@link verifyPledge}. */
export interface VerifyPledgeOptions {
  /** Known keys by verification method id (for `did:web` and others; `did:key` resolves itself). */
  keys?: readonly Ed25519PublicKey[];
  /** Resolves other verification methods (`did:web` …) to 32 raw bytes, or `null`. */
  resolveKey?: (verificationMethod: string) => Uint8Array | null | Promise<Uint8Array | null>;
  /** Signature check; default the strict {@link verifyEd25519}. A faster one must be as strict. */
  verifySignature?: (signature: Uint8Array, data: Uint8Array, publicKey: Uint8Array) => boolean | Promise<boolean>;
  /** Default `assertionMethod`. */
  proofPurpose?: string;
  /** Require a final proof made by the issuer's DID. Default `true`. */
  requireIssuerProof?: boolean;
  /** SHA-256 for hashing; default `@noble/hashes`. A native one (node:crypto) is several times faster. */
  sha256?: (bytes: Uint8Array) => Uint8Array;
}

/**
 * The cryptography and proof helpers the algorithm runs on. `H` is the engine's SHA-256 type;
 * `hash` is the caller's `sha256` option (the engine's default when undefined).
 */
export interface VerifyEngine<H> {
  proofsOf(document: Record<string, unknown>): unknown[];
  securedInput(
    document: Record<string, unknown>,
    previousProof: string | string[] | undefined,
    allProofs: readonly unknown[],
  ): Record<string, unknown> | null;
  /** SHA-256(canonical config) ‖ SHA-256(canonical document); throws an IkrarError when not I-JSON. */
  hashData(
    document: Record<string, unknown>,
    config: Record<string, unknown>,
    hash?: H,
  ): Uint8Array | Promise<Uint8Array>;
  /** `digestMultibase` of a JSON value; throws when not I-JSON. */
  digestJson(value: unknown, hash?: H): string | Promise<string>;
  /** The default signature check. */
  verify(signature: Uint8Array, data: Uint8Array, publicKey: Uint8Array): boolean | Promise<boolean>;
  /** Whether a key is a usable Ed25519 key (to tell ERR_KEY_INVALID from ERR_SIGNATURE_INVALID). */
  isStrictPublicKey(publicKey: Uint8Array): boolean | Promise<boolean>;
}

/** Options of the algorithm: {@link VerifyPledgeOptions} with the engine's SHA-256 type. */
export type VerifyOptions<H> = Omit<VerifyPledgeOptions, 'sha256'> & { sha256?: H };

const MSG: Record<VerificationCode, LocalizedText> = {
  ERR_RECORD_INVALID: { en: 'The record is malformed.', id: 'Rekaman tidak sah bentuknya.' },
  ERR_PROOF_MISSING: { en: 'The record has no proof.', id: 'Rekaman tidak memiliki bukti tanda tangan.' },
  ERR_PROOF_MALFORMED: { en: 'A proof is malformed.', id: 'Bukti tanda tangan tidak sah bentuknya.' },
  ERR_PROOF_UNSUPPORTED: {
    en: 'A proof is not a DataIntegrityProof with eddsa-jcs-2022.',
    id: 'Bukti bukan DataIntegrityProof dengan eddsa-jcs-2022.',
  },
  ERR_PROOF_PURPOSE: { en: 'A proof has the wrong proofPurpose.', id: 'proofPurpose pada bukti tidak sesuai.' },
  ERR_CONTEXT_MISMATCH: {
    en: 'The document @context does not start with the proof @context.',
    id: '@context dokumen tidak diawali @context bukti.',
  },
  ERR_PROOF_CHAIN_BROKEN: {
    en: 'previousProof names a proof that is not in the record.',
    id: 'previousProof merujuk bukti yang tidak ada dalam rekaman.',
  },
  ERR_KEY_UNRESOLVED: {
    en: 'The signing key could not be resolved.',
    id: 'Kunci penanda tangan tidak dapat ditemukan.',
  },
  ERR_KEY_INVALID: {
    en: 'The signing key is not a usable Ed25519 key.',
    id: 'Kunci penanda tangan bukan kunci Ed25519 yang sah.',
  },
  ERR_CANONICALIZATION_FAILED: {
    en: 'The record cannot be canonicalized (RFC 8785).',
    id: 'Rekaman tidak dapat dikanonikalisasi (RFC 8785).',
  },
  ERR_SIGNATURE_INVALID: {
    en: 'The signature does not match the record.',
    id: 'Tanda tangan tidak cocok dengan rekaman.',
  },
  ERR_ISSUER_MISMATCH: {
    en: 'No final proof was made by the issuer.',
    id: 'Tidak ada bukti akhir yang dibuat oleh penerbit.',
  },
  ERR_PLEDGE_DIGEST_MISMATCH: {
    en: 'The pledge text does not match its digest.',
    id: 'Teks ikrar tidak cocok dengan digest-nya.',
  },
};

/**
 * Message of a verification code, in both languages.
 * @param code - a {@link VerificationCode}
 * @returns the message
 * @example verificationMessage('ERR_SIGNATURE_INVALID').id
 */
export function verificationMessage(code: VerificationCode): LocalizedText {
  return MSG[code];
}

const KEY_CACHE = new Map<string, Uint8Array | null>();

/** did:key bytes by method, bounded; the point itself is checked by the strict signature check. */
function resolveDidKey(vm: string): Uint8Array | null {
  let key = KEY_CACHE.get(vm);
  if (key !== undefined) return key;
  key = decodeDidKey(vm);
  if (KEY_CACHE.size > 10_000) KEY_CACHE.clear();
  KEY_CACHE.set(vm, key);
  return key;
}

// Every record of one template and event carries the same pledge text. Texts already hashed are
// remembered by their digest; a record's text that equals one of them, value for value, has that
// digest (equal JSON values have one canonical form), so a batch hashes each text once and
// compares the rest with a walk instead of serializing it.
const KNOWN_TEXTS = new Map<string, Record<string, unknown>>();

function remember(digest: string, body: Record<string, unknown>): string {
  if (KNOWN_TEXTS.size > 1_000) KNOWN_TEXTS.clear();
  KNOWN_TEXTS.set(digest, body);
  return digest;
}

/** Equal JSON values: same types, same keys in any order, plain objects and arrays only. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const proto = Object.getPrototypeOf(b) as unknown; // a class instance is never equal JSON
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (!Object.hasOwn(b, k) || !sameJson(a[k], b[k])) return false;
  return true;
}

/** Synchronous with a synchronous engine (no await on the verifier's hot path). */
function pledgeDigest<H>(
  body: Record<string, unknown>,
  claimed: string,
  engine: VerifyEngine<H>,
  hash: H | undefined,
): string | undefined | Promise<string | undefined> {
  const known = KNOWN_TEXTS.get(claimed);
  if (known !== undefined && sameJson(known, body)) return claimed;
  let digest: string | Promise<string>;
  try {
    digest = engine.digestJson(body, hash);
  } catch {
    return undefined;
  }
  if (typeof digest === 'string') return remember(digest, body);
  return digest.then(
    (d) => remember(d, body),
    () => undefined,
  );
}

function structural(record: unknown): { path: string } | null {
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
  return { proofs: [], finalProofs: [], ...base, verified: false, code, message: MSG[code] };
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
  const bad = structural(record);
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
  if ((options.requireIssuerProof ?? true) && issuerProof === undefined) return fail('ERR_ISSUER_MISMATCH', base);

  const subject = doc.credentialSubject as Record<string, unknown>;
  if (isPlainObject(subject) && isPlainObject(subject.pledge) && typeof subject.pledge.digestMultibase === 'string') {
    const { digestMultibase, ...body } = subject.pledge;
    let actual = pledgeDigest(body, digestMultibase, engine, options.sha256);
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
    return { index, previousProof: [], verified: false, code: 'ERR_PROOF_MALFORMED', message: MSG.ERR_PROOF_MALFORMED };
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
  const no = (code: VerificationCode): ProofVerification => ({ ...info, verified: false, code, message: MSG[code] });

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
    publicKey = resolveDidKey(vm);
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
