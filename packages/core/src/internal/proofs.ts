/**
 * Proof-list helpers of Data Integrity 1.0 §4.2 for the WebCrypto path, which must not import
 * `data-integrity.ts` (that module loads `@noble/ed25519` for its synchronous self-check). Same
 * behaviour as `proofsOf` and `securedInput` there; the sync path keeps using those.
 */
import { isPlainObject } from './assert.js';

/** The proofs of a secured document as a list (a single `proof` object becomes a list of one). */
export function proofsOf(document: Record<string, unknown>): unknown[] {
  const p = document.proof;
  if (p === undefined) return [];
  return Array.isArray(p) ? p : [p];
}

/** The document a proof secures: no proofs, or the proofs named in `previousProof` (DI 1.0 §4.2 step 6). */
export function securedInput(
  document: Record<string, unknown>,
  previousProof: string | string[] | undefined,
  allProofs: readonly unknown[],
): Record<string, unknown> | null {
  if (previousProof === undefined) {
    const { proof: _proof, ...unsecured } = document;
    void _proof;
    return unsecured;
  }
  const ids = typeof previousProof === 'string' ? [previousProof] : previousProof;
  const matching: unknown[] = [];
  for (const id of ids) {
    const found = allProofs.find((p) => isPlainObject(p) && p.id === id);
    if (!found) return null;
    matching.push(found);
  }
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(document)) input[key] = key === 'proof' ? matching : document[key];
  return input;
}
