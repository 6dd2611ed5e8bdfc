/**
 * The collective *pakta integritas*: one document signed by N named representatives (Klaten:
 * three), each with their own key, in any order, then countersigned by the agency.
 *
 * The credential names every representative and the id of the proof they will make
 * (`proofId`). Each representative's proof is made over the same credential with no
 * `previousProof` (a proof set, Data Integrity 1.0 §2.1.1); the agency's proof names every
 * representative's proof in `previousProof` (a chain onto the set, §2.1.2), so it vouches for
 * the whole set. `verifyPledge` requires every named representative's proof, each checked against
 * its own `did:key`, nothing else, and the agency's chain onto all of them.
 *
 * @module
 * @example
 * ```ts
 * import { createCollectivePledge, signAsRepresentative, countersignCollective } from '@ikrar/core';
 * let doc = createCollectivePledge({ template: 'pakta-integritas-skb-2022', issuer, event, representatives });
 * doc = await signAsRepresentative(doc, repKey2, 1); // any order
 * doc = await signAsRepresentative(doc, repKey1, 0);
 * doc = await signAsRepresentative(doc, repKey3, 2);
 * const record = await countersignCollective(doc, agencyKey);
 * ```
 */
import { digestJson } from './digest.js';
import type {
  CollectiveCredential,
  CollectiveRepresentative,
  CreateCollectiveInput,
  SignedCollective,
} from './credential-types.js';
import { isPlainObject } from './internal/assert.js';
import { collectiveRecordInvalid, representativeSignatureInvalid } from './internal/collective-messages.js';
import { DID_KEY } from './did-key.js';
import { planCollective } from './internal/build-collective.js';
import { proofsOf } from './proofs.js';
import type { Ed25519KeyPair, Signer } from './types.js';
import { signPledge, type SignPledgeOptions } from './sign-pledge.js';
import { zoneOfTimestamp } from './time.js';
import { verifyPledge } from './verify-pledge.js';

/** Our type for a collective record, beside `VerifiableCredential`. */
export const COLLECTIVE_CREDENTIAL_TYPE = 'PaktaIntegritasCredential';
/** At most this many representatives sign one document. */
export const MAX_REPRESENTATIVES = 50;

export type {
  CollectiveCredential,
  CollectiveRepresentative,
  CollectiveSubject,
  CreateCollectiveInput,
  SignedCollective,
} from './credential-types.js';

/** Who has signed a collective document. */
export interface CollectiveProgress {
  readonly representatives: readonly {
    readonly index: number;
    readonly name: string;
    readonly proofId: string;
    /** `created` of their proof, when they have signed. */
    readonly signedAt?: string;
    /** The `did:key` they signed with. */
    readonly controller?: string;
    readonly signed: boolean;
  }[];
  /** Indices of the representatives still to sign. */
  readonly pending: readonly number[];
  /** Every representative has a proof. */
  readonly complete: boolean;
  /** The agency has chained onto the set. */
  readonly countersigned: boolean;
}

/**
 * Builds the unsigned collective credential: the template's text, the event, and every
 * representative with the id of the proof they will make.
 *
 * @param input - template, issuer, event, representatives, and the agency's `credentialStatus`
 *   when it gives one (it must be there before the first proof: every proof covers it)
 * @returns the credential, ready for {@link signAsRepresentative}
 * @throws {TemplateUnknownError} when the template id is unknown
 * @throws {StatusEntryInvalidError} `ERR_STATUS_ENTRY_INVALID` when `credentialStatus` is not one
 *   well-formed `BitstringStatusListEntry` (`path` names the field)
 * @throws {IdentifierInvalidError} when a NIP / NI PPPK / NIK is malformed
 * @throws {RecordInvalidError} when a field is missing, the template is not a pakta integritas,
 *   or a representative or proof id appears twice (`path` names it)
 * @example createCollectivePledge({ template: 'pakta-integritas-skb-2022', issuer, event, representatives })
 */
export function createCollectivePledge(input: CreateCollectiveInput): CollectiveCredential {
  const plan = planCollective(input, COLLECTIVE_CREDENTIAL_TYPE, MAX_REPRESENTATIVES);
  return plan.finish(digestJson(plan.body));
}

/** The representatives of a collective document, or `null` when it is not one. */
export function representativesOf(document: unknown): CollectiveRepresentative[] | null {
  if (!isPlainObject(document) || !Array.isArray(document.type)) return null;
  if (!document.type.includes(COLLECTIVE_CREDENTIAL_TYPE)) return null;
  const s = document.credentialSubject;
  if (!isPlainObject(s) || !Array.isArray(s.representatives)) return null;
  return s.representatives as CollectiveRepresentative[];
}

function requireCollective(document: unknown): CollectiveRepresentative[] {
  const reps = representativesOf(document);
  if (!reps) {
    throw collectiveRecordInvalid('credentialSubject.representatives', 'not-collective', {
      value: COLLECTIVE_CREDENTIAL_TYPE,
    });
  }
  return reps;
}

/**
 * Who has signed and who has not, read from the proofs' ids. Checks no signature: verify the
 * record (`verifyPledge` with `requireIssuerProof: false`) before trusting it.
 *
 * @param document - a collective credential, signed or not
 * @returns each representative's state, the pending ones, and whether the agency countersigned
 * @throws {RecordInvalidError} when it is not a collective record
 * @example collectiveProgress(doc).pending // [2]
 */
export function collectiveProgress(document: CollectiveCredential | SignedCollective): CollectiveProgress {
  const reps = requireCollective(document);
  const proofs = proofsOf(document as unknown as Record<string, unknown>).filter(isPlainObject);
  const slotIds = new Set(reps.map((r) => r.proofId));
  const representatives = reps.map((r, index) => {
    const p = proofs.find((x) => x.id === r.proofId);
    const vm = p && typeof p.verificationMethod === 'string' ? p.verificationMethod : undefined;
    return {
      index,
      name: r.name,
      proofId: r.proofId,
      signed: p !== undefined,
      ...(p && typeof p.created === 'string' && { signedAt: p.created }),
      ...(vm !== undefined && { controller: vm.split('#')[0] as string }),
    };
  });
  const pending = representatives.filter((r) => !r.signed).map((r) => r.index);
  const countersigned = proofs.some((p) => {
    const prev = p.previousProof;
    const ids = typeof prev === 'string' ? [prev] : Array.isArray(prev) ? prev : [];
    return ids.length > 0 && ids.every((id) => slotIds.has(id as string));
  });
  return { representatives, pending, complete: pending.length === 0, countersigned };
}

/**
 * Adds one representative's proof to the set: over the credential alone (no `previousProof`),
 * with the proof id the credential names for them. Does not modify its argument.
 *
 * @param document - the collective credential, with the proofs made so far
 * @param key - the representative's key pair or {@link Signer} (a `did:key`)
 * @param representative - their index in `credentialSubject.representatives`
 * @param options - `created`, `timeZone` (default: the zone of `validFrom`)
 * @returns the document with their proof
 * @throws {RecordInvalidError} when it is not a collective record, the index names nobody, they
 *   have already signed, or the agency has already countersigned
 * @throws {SignatureInvalidError} when the key is not a `did:key`, or already signed for someone else
 * @example await signAsRepresentative(doc, key, 0)
 */
export async function signAsRepresentative(
  document: CollectiveCredential | SignedCollective,
  key: Ed25519KeyPair | Signer,
  representative: number,
  options: Pick<SignPledgeOptions, 'created' | 'timeZone'> = {},
): Promise<SignedCollective> {
  const reps = requireCollective(document);
  const rep = Number.isInteger(representative) ? reps[representative] : undefined;
  const path = `credentialSubject.representatives[${representative}]`;
  if (!rep) {
    throw collectiveRecordInvalid(path, 'no-representative', { value: String(representative + 1) });
  }
  const progress = collectiveProgress(document);
  if (progress.countersigned) {
    throw collectiveRecordInvalid('proof', 'countersigned');
  }
  if (progress.representatives[representative]?.signed) {
    throw collectiveRecordInvalid(path, 'already-signed', { value: rep.name });
  }
  const controller = key.controller;
  const m = DID_KEY.exec(key.id);
  if (!m || m[2] !== m[1] || controller !== `did:key:${m[1]}`) {
    throw representativeSignatureInvalid('representative-not-did-key');
  }
  if (progress.representatives.some((r) => r.controller === controller)) {
    throw representativeSignatureInvalid('representative-key-used');
  }
  const zone = options.timeZone ?? zoneOfTimestamp(document.validFrom) ?? 'WIB';
  return (await signPledge(document as never, key, {
    ...options,
    timeZone: zone,
    mode: 'set',
    proofId: rep.proofId,
  })) as unknown as SignedCollective;
}

/**
 * The agency's countersignature: verifies every representative's proof, then adds a proof whose
 * `previousProof` names all of them, in the order the credential lists the representatives.
 *
 * @param document - the collective document signed by every representative
 * @param key - the agency's key pair or {@link Signer}
 * @param options - `created`, `timeZone`, `proofId`
 * @returns the countersigned record
 * @throws {RecordInvalidError} when someone has not signed yet, or it is already countersigned
 * @throws {SignatureInvalidError} when a representative's proof does not verify or is not theirs
 * @example await countersignCollective(doc, agencyKey)
 */
export async function countersignCollective(
  document: SignedCollective,
  key: Ed25519KeyPair | Signer,
  options: Pick<SignPledgeOptions, 'created' | 'timeZone' | 'proofId'> = {},
): Promise<SignedCollective> {
  const reps = requireCollective(document);
  const progress = collectiveProgress(document);
  if (progress.countersigned) {
    throw collectiveRecordInvalid('proof', 'already-countersigned');
  }
  if (!progress.complete) {
    const names = progress.pending.map((i) => reps[i]?.name).join(', ');
    throw collectiveRecordInvalid('proof', 'not-everyone-signed', { value: names });
  }
  const check = await verifyPledge(document, { requireIssuerProof: false });
  if (!check.verified) {
    throw representativeSignatureInvalid('representative-proof', { value: check.code as string });
  }
  const zone = options.timeZone ?? zoneOfTimestamp(document.validFrom) ?? 'WIB';
  return (await signPledge(document as never, key, {
    ...options,
    timeZone: zone,
    previousProof: reps.map((r) => r.proofId),
  })) as unknown as SignedCollective;
}
