/**
 * Puts a native Ed25519 verifier (libsodium, node:crypto, WebCrypto) behind the strict checks of
 * DESIGN.md, so it gives exactly the verdict of core's reference `verifyEd25519` (noble,
 * `zip215: false`, small-order A and R refused):
 *
 * 1. `isStrictSignatureEncoding(sig)` per signature (S < L, canonical R, R not of small order);
 * 2. `isStrictPublicKeyEncoding(pub)` once per key, cached (y < p, A not of small order); a key
 *    that is not on the curve is refused by the native decompression, as by the reference;
 * 3. the native check. Natives use the cofactorless equation [S]B = R + [k]A; the reference uses
 *    the cofactored one, 8([S]B − R − [k]A) = 0 (RFC 8032 §5.1.7 allows either). A cofactorless
 *    pass implies a cofactored pass, so a native `true` is final. They differ only when A or R
 *    carries a torsion component, where the reference may accept what a native refuses, so a
 *    native `false` is confirmed with the reference. Genuine records never pay for this; a
 *    forged or damaged one costs one reference verification.
 *
 * @module
 * @example
 * ```ts
 * import { createStrictVerifier } from '@ikrar/verifier';
 * const verifySignature = createStrictVerifier((sig, msg, pub) => sodium.crypto_sign_verify_detached(sig, msg, pub));
 * await verifyPledge(record, { verifySignature });
 * ```
 */
import { isStrictPublicKeyEncoding, isStrictSignatureEncoding, verifyEd25519 } from '@ikrar/core';

/** A raw native Ed25519 verify: `true` when the signature verifies. May throw on bad input. */
export type NativeVerify = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

/** A signature check with the same verdicts as core's `verifyEd25519`. */
export type StrictVerify = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

/** Counters of a {@link createStrictVerifier} check, for benchmarks and tests. */
export interface StrictVerifyStats {
  /** Signatures the native check accepted. */
  nativeAccepted: number;
  /** Native rejections re-checked with the reference. */
  referenceChecks: number;
  /** Refused by the byte-level checks before any curve arithmetic. */
  refusedEarly: number;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Hex of a key, the cache key when the caller passes a fresh Uint8Array each time. */
export function keyId(publicKey: Uint8Array): string {
  let s = '';
  for (let i = 0; i < publicKey.length; i++) s += HEX[publicKey[i] as number];
  return s;
}

/**
 * Wraps a native verifier with the strict checks and the reference fallback described above.
 *
 * @param native - the raw native verify
 * @param stats - optional counters, updated in place
 * @returns a verify function for core's `verifyPledge({ verifySignature })`
 * @example createStrictVerifier(nodeVerify)
 */
export function createStrictVerifier(native: NativeVerify, stats?: StrictVerifyStats): StrictVerify {
  // core's did:key resolver returns the same Uint8Array for a key each time: a WeakMap hit
  // avoids hashing; other callers fall back to the hex map.
  const byObject = new WeakMap<Uint8Array, boolean>();
  const byHex = new Map<string, boolean>();
  const strictKey = (pub: Uint8Array): boolean => {
    let ok = byObject.get(pub);
    if (ok !== undefined) return ok;
    const id = keyId(pub);
    ok = byHex.get(id);
    if (ok === undefined) {
      ok = isStrictPublicKeyEncoding(pub);
      if (byHex.size > 10_000) byHex.clear();
      byHex.set(id, ok);
    }
    byObject.set(pub, ok);
    return ok;
  };
  return (signature, message, publicKey) => {
    if (!(signature instanceof Uint8Array) || !(message instanceof Uint8Array) || !(publicKey instanceof Uint8Array)) {
      return verifyEd25519(signature, message, publicKey); // throws the reference TypeError
    }
    if (signature.length !== 64 || !strictKey(publicKey) || !isStrictSignatureEncoding(signature)) {
      if (stats) stats.refusedEarly++;
      return false;
    }
    let ok: boolean;
    try {
      ok = native(signature, message, publicKey);
    } catch {
      ok = false;
    }
    if (ok) {
      if (stats) stats.nativeAccepted++;
      return true;
    }
    if (stats) stats.referenceChecks++;
    return verifyEd25519(signature, message, publicKey);
  };
}
