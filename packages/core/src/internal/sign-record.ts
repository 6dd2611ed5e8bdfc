/**
 * The parts of `signPledge` around the proof itself, shared with the collective signers: the checks on
 * the credential, which proofs a new one chains to, its `created` and `id`, and the signed record.
 * No cryptography here.
 */
import { RecordInvalidError } from '../errors.js';
import { assertObject, isPlainObject } from './assert.js';
import { createdInvalid, proofsOf, type CreateProofOptions } from '../proofs.js';
import { randomUuid } from './uuid.js';
import { VC_V2_CONTEXT, type DataIntegrityProof, type PledgeCredential, type SignedPledge } from '../record.js';
import type { Ed25519KeyPair, Signer } from '../types.js';
import type { SignPledgeOptions } from '../credential-types.js';
import { formatTimestamp, parseTimestamp, zoneOfTimestamp } from '../time.js';

/** Ids of the proofs that no other proof names in `previousProof`. */
function finalProofIds(proofs: readonly unknown[]): (string | undefined)[] {
  const named = new Set<string>();
  for (const p of proofs) {
    if (!isPlainObject(p)) continue;
    const prev = p.previousProof;
    for (const id of typeof prev === 'string' ? [prev] : Array.isArray(prev) ? prev : []) {
      if (typeof id === 'string') named.add(id);
    }
  }
  return proofs
    .filter((p) => !(isPlainObject(p) && typeof p.id === 'string' && named.has(p.id)))
    .map((p) => (isPlainObject(p) && typeof p.id === 'string' ? p.id : undefined));
}

/** Whether a key is a {@link Signer} rather than a key pair. */
export function isSigner(key: Ed25519KeyPair | Signer): key is Signer {
  return typeof (key as Signer).sign === 'function';
}

/**
 * Checks the credential and works out the new proof's options.
 * @param credential - unsigned or signed
 * @param options - the caller's options
 * @returns its existing proofs, and options for `createProof`
 * @throws {RecordInvalidError} as `signPledge`
 */
export function planProof(
  credential: PledgeCredential | SignedPledge,
  options: SignPledgeOptions,
): { existing: unknown[]; proofOptions: CreateProofOptions } {
  assertObject(credential, 'credential');
  const doc = credential as unknown as Record<string, unknown>;
  const existing = proofsOf(doc);
  const ctx = doc['@context'];
  if (!Array.isArray(ctx) || ctx[0] !== VC_V2_CONTEXT || ctx.some((c) => typeof c !== 'string')) {
    throw new RecordInvalidError('@context', 'context');
  }
  let previousProof = options.previousProof;
  if (previousProof === undefined && existing.length > 0 && (options.mode ?? 'chain') === 'chain') {
    const finals = finalProofIds(existing);
    if (finals.some((id) => id === undefined)) {
      throw new RecordInvalidError('proof.id', 'chain-without-id');
    }
    previousProof = finals.length === 1 ? (finals[0] as string) : (finals as string[]);
  }
  const subject = doc.credentialSubject;
  const consentZone =
    isPlainObject(subject) && isPlainObject(subject.consent) && typeof subject.consent.acknowledgedAt === 'string'
      ? zoneOfTimestamp(subject.consent.acknowledgedAt)
      : null;
  const zone = options.timeZone ?? consentZone ?? 'WIB';
  const proofOptions: CreateProofOptions = {
    created: formatTimestamp(createdInstant(options.created), zone),
    ...(options.proofId !== false && { id: options.proofId ?? `urn:uuid:${randomUuid()}` }),
    ...(previousProof !== undefined && { previousProof }),
    ...(options.hash !== undefined && { hash: options.hash }),
  };
  return { existing, proofOptions };
}

/**
 * The instant a `created` option names: now, a valid `Date`, or an RFC 3339 date-time with an
 * offset (eddsa-jcs-2022 §3.3.5); anything else (a number, an offset-less or impossible time) is refused.
 * @throws {CreatedInvalidError}
 */
function createdInstant(created: unknown): Date {
  if (created === undefined) return new Date();
  if (created instanceof Date) {
    if (Number.isNaN(created.getTime())) throw createdInvalid(created);
    return created;
  }
  const parsed = parseTimestamp(created);
  if (parsed === null) throw createdInvalid(created);
  return parsed;
}

/**
 * The record with one more proof. Does not modify its argument.
 * @param credential - the credential signed
 * @param existing - its proofs
 * @param proof - the new proof
 * @returns the signed record
 */
export function withProof(
  credential: PledgeCredential | SignedPledge,
  existing: readonly unknown[],
  proof: DataIntegrityProof,
): SignedPledge {
  const proofs: DataIntegrityProof[] = [...(existing as DataIntegrityProof[]), proof];
  return { ...(credential as PledgeCredential), proof: proofs.length === 1 ? proof : proofs };
}
