/**
 * The rules a collective record (`PaktaIntegritasCredential`) adds to record verification, once
 * every proof has verified on its own: each named representative has exactly one proof, with the
 * id the credential names for them, made over the credential alone (no `previousProof`) by a
 * `did:key` of its own (`did:key:X#X`) that signs for nobody else and is not the issuer's; any other
 * proof is the issuer's countersignature, whose `previousProof` names exactly every
 * representative's proof. Nothing else may be in the set. `verifyRecord` loads this module with
 * `import()` only when a record's type names `PaktaIntegritasCredential`, so that a page verifying
 * one employee's pledge does not carry it. It imports nothing at run time: `verifyRecord` hands it
 * the two helpers it shares with the record verifier ({@link CollectiveHelpers}), so a bundle's chunk
 * of these rules shares no module with the signing code, which then stays one chunk.
 *
 * @internal
 */
import type { ProofVerification, VerificationCode } from '../verification.js';

/** What the rules use of the record verifier's modules, handed over by `verifyRecord`. */
export interface CollectiveHelpers {
  /** `isPlainObject` of `assert.ts`. */
  readonly isPlainObject: (value: unknown) => value is Record<string, unknown>;
  /** `DID_KEY` of `did-key.ts`: `did:key:X` or `did:key:X#X`. */
  readonly didKey: RegExp;
}

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A structural problem of a collective subject (its JSON path), or `null`. */
export function collectiveStructure(subject: unknown, { isPlainObject }: CollectiveHelpers): string | null {
  if (!isPlainObject(subject)) return 'credentialSubject';
  for (const part of ['pledge', 'event']) {
    if (!isPlainObject(subject[part])) return `credentialSubject.${part}`;
  }
  const pledge = subject.pledge as Record<string, unknown>;
  if (!Array.isArray(pledge.points) || typeof pledge.digestMultibase !== 'string') return 'credentialSubject.pledge';
  const reps = subject.representatives;
  if (!Array.isArray(reps) || reps.length === 0 || reps.length > 50) return 'credentialSubject.representatives';
  const ids = new Set<string>();
  for (let i = 0; i < reps.length; i++) {
    const r: unknown = reps[i];
    if (
      !isPlainObject(r) ||
      typeof r.name !== 'string' ||
      typeof r.identifier !== 'string' ||
      typeof r.proofId !== 'string' ||
      !UUID_URN.test(r.proofId) ||
      ids.has(r.proofId)
    ) {
      return `credentialSubject.representatives[${i}]`;
    }
    ids.add(r.proofId);
  }
  return null;
}

/** Why a collective record's proofs do not make a complete, countersigned set, or `null`. */
export function checkCollective(
  subject: Record<string, unknown>,
  proofs: readonly ProofVerification[],
  issuer: string,
  requireIssuerProof: boolean,
  { didKey }: CollectiveHelpers,
): { code: VerificationCode; proof?: number } | null {
  const slots = (subject.representatives as { proofId: string }[]).map((r) => r.proofId);
  const slotSet = new Set(slots);
  const bySlot = new Map<string, ProofVerification>();
  const keys = new Set<string>();
  let countersignature: ProofVerification | undefined;
  for (const p of proofs) {
    if (p.id !== undefined && slotSet.has(p.id)) {
      const m = didKey.exec(p.verificationMethod ?? '');
      const ownKey = m !== null && m[2] === m[1];
      if (bySlot.has(p.id) || p.previousProof.length > 0 || !ownKey || p.controller === issuer) {
        return { code: 'ERR_PROOF_UNEXPECTED', proof: p.index };
      }
      if (keys.has(p.controller as string)) return { code: 'ERR_PROOF_UNEXPECTED', proof: p.index };
      keys.add(p.controller as string);
      bySlot.set(p.id, p);
    } else if (p.controller === issuer && p.previousProof.length > 0 && countersignature === undefined) {
      countersignature = p;
    } else {
      return { code: 'ERR_PROOF_UNEXPECTED', proof: p.index };
    }
  }
  if (!requireIssuerProof) {
    // Before countersigning: a partial set is fine, but a countersignature must already be whole.
    if (countersignature === undefined) return null;
  }
  const missing = slots.findIndex((id) => !bySlot.has(id));
  if (missing !== -1) return { code: 'ERR_REPRESENTATIVE_MISSING' };
  if (countersignature === undefined) return { code: 'ERR_ISSUER_MISMATCH' };
  const named = countersignature.previousProof;
  if (named.length !== slots.length || new Set(named).size !== named.length || named.some((id) => !slotSet.has(id))) {
    return { code: 'ERR_COUNTERSIGNATURE_INCOMPLETE', proof: countersignature.index };
  }
  return null;
}
