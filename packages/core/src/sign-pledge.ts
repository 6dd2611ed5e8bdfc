/**
 * Signs a pledge credential: adds a `DataIntegrityProof` (eddsa-jcs-2022). Signing a record that
 * already has proofs chains to them with `previousProof` (the agency countersigning the employee,
 * Data Integrity 1.0 §2.1.2), or, with `mode: 'set'`, adds an independent proof to the set.
 *
 * @module
 * @example
 * ```ts
 * import { signPledge } from '@ikrar/core';
 * const byEmployee = await signPledge(credential, employeeKey);
 * const record = await signPledge(byEmployee, agencyKey); // chained: previousProof → employee's proof
 * ```
 */
import { randomUuid } from './internal/uuid.js';
import { createProof, proofsOf } from './data-integrity.js';
import { RecordInvalidError } from './errors.js';
import { assertObject, isPlainObject } from './internal/assert.js';
import { createSigner, type Ed25519KeyPair, type Signer } from './keys.js';
import { VC_V2_CONTEXT, type DataIntegrityProof, type PledgeCredential, type SignedPledge } from './record.js';
import { formatTimestamp, zoneOfTimestamp, type IndonesianTimeZone } from './time.js';

/** Options of {@link signPledge}. */
export interface SignPledgeOptions {
  /** When the proof is made. Default: now. */
  created?: Date | string;
  /** Zone of `created`. Default: the consent's zone, else WIB. */
  timeZone?: IndonesianTimeZone;
  /** With existing proofs: `chain` (default) names them in `previousProof`; `set` adds a sibling. */
  mode?: 'chain' | 'set';
  /** Proof id. Default: a fresh `urn:uuid:`; `false` for none (then nothing can chain to it). */
  proofId?: string | false;
  /** Explicit `previousProof` ids, overriding `mode`. */
  previousProof?: string | string[];
}

function isSigner(key: Ed25519KeyPair | Signer): key is Signer {
  return typeof (key as Signer).sign === 'function';
}

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

/**
 * Adds a proof to a credential. Does not modify its argument.
 *
 * @param credential - an unsigned credential from `createPledge`, or a signed one to countersign
 * @param key - an in-memory key pair or any {@link Signer} (WebCrypto, host, HSM)
 * @param options - created, zone, chain or set, proof id
 * @returns the signed record
 * @throws {RecordInvalidError} when the credential lacks the VC 2.0 context, or chaining is asked
 *   of proofs without an `id`
 * @throws {CanonicalizationError} when the credential is not I-JSON
 * @throws {SignatureInvalidError} when a custom signer misbehaves
 * @example await signPledge(createPledge(input), agencyKey, { created: new Date() })
 */
export async function signPledge(
  credential: PledgeCredential | SignedPledge,
  key: Ed25519KeyPair | Signer,
  options: SignPledgeOptions = {},
): Promise<SignedPledge> {
  assertObject(credential, 'credential');
  const ctx = (credential as unknown as Record<string, unknown>)['@context'];
  if (!Array.isArray(ctx) || ctx[0] !== VC_V2_CONTEXT || ctx.some((c) => typeof c !== 'string')) {
    throw new RecordInvalidError('@context', {
      en: `@context must be a list of URL strings starting with ${VC_V2_CONTEXT}.`,
      id: `@context harus daftar URL string yang diawali ${VC_V2_CONTEXT}.`,
    });
  }
  const signer = isSigner(key) ? key : createSigner(key);
  const doc = credential as unknown as Record<string, unknown>;
  const existing = proofsOf(doc);
  let previousProof = options.previousProof;
  if (previousProof === undefined && existing.length > 0 && (options.mode ?? 'chain') === 'chain') {
    const finals = finalProofIds(existing);
    if (finals.some((id) => id === undefined)) {
      throw new RecordInvalidError('proof.id', {
        en: 'Cannot chain to a proof that has no id; sign with mode "set" instead.',
        id: 'Tidak dapat merangkai ke bukti tanpa id; gunakan mode "set".',
      });
    }
    previousProof = finals.length === 1 ? (finals[0] as string) : (finals as string[]);
  }
  const subject = doc.credentialSubject;
  const consentZone =
    isPlainObject(subject) && isPlainObject(subject.consent) && typeof subject.consent.acknowledgedAt === 'string'
      ? zoneOfTimestamp(subject.consent.acknowledgedAt)
      : null;
  const zone = options.timeZone ?? consentZone ?? 'WIB';
  const proof = await createProof(doc, signer, {
    created: formatTimestamp(options.created ?? new Date(), zone),
    ...(options.proofId !== false && { id: options.proofId ?? `urn:uuid:${randomUuid()}` }),
    ...(previousProof !== undefined && { previousProof }),
  });
  const proofs: DataIntegrityProof[] = [...(existing as DataIntegrityProof[]), proof];
  return { ...(credential as PledgeCredential), proof: proofs.length === 1 ? proof : proofs };
}
