/**
 * One strict wrapper for every native Ed25519 verifier (libsodium, node:crypto, WebCrypto's
 * synchronous cousins), so each gives exactly the verdict of the reference `verifyEd25519`
 * (noble, `zip215: false`, small-order A and R refused; DESIGN.md "Cryptography rules"):
 *
 * 1. the byte checks (`internal/strict-precheck.ts`): lengths, S < L, canonical R and A, neither
 *    of small order (the key's too, each time: cheaper than any memo of it);
 * 2. the native check. Natives use the cofactorless equation [S]B = R + [k]A; the reference the
 *    cofactored 8([S]B − R − [k]A) = 0 (RFC 8032 §5.1.7 allows either). A cofactorless pass implies
 *    a cofactored pass, so a native `true` is final;
 * 3. a native `false` (or a throw) is confirmed by the reference: they differ only when A or R
 *    carries a torsion component. Genuine signatures never pay for it.
 *
 * The asynchronous finish of the same plan is `verifyEd25519Async` (WebCrypto native, reference
 * loaded on demand).
 *
 * @module
 * @example
 * ```ts
 * import { strictVerifier } from '@ikrar/core/crypto';
 * const verify = strictVerifier((sig, msg, pub) => sodium.crypto_sign_verify_detached(sig, msg, pub));
 * verify(signature, message, publicKey); // the verdict of verifyEd25519
 * ```
 */
import { verifyEd25519 } from './ed25519.js';
import { strictPrecheck } from './internal/strict-precheck.js';

import type { StrictVerifyStats } from './types.js';

export type { StrictVerifyStats } from './types.js';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Hex of a key: a cache key when callers pass a fresh Uint8Array for the same key each time.
 * @param publicKey - key bytes
 * @returns lowercase hex
 * @example keyId(publicKey) // 'd75a98…'
 */
export function keyId(publicKey: Uint8Array): string {
  let s = '';
  for (let i = 0; i < publicKey.length; i++) s += HEX[publicKey[i] as number];
  return s;
}

/** A raw native Ed25519 verify: `true` when the signature verifies. May throw on bad input. */
export type NativeVerify = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

/** A signature check with the verdicts of `verifyEd25519`. */
export type StrictVerify = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

/**
 * Wraps a synchronous native verifier with the strict checks and the reference fallback.
 *
 * @param native - the raw native verify
 * @param stats - optional counters, updated in place
 * @returns a strict verify, e.g. for `verifyPledge({ crypto: { verify } })`
 * @throws TypeError (from the returned function) when an argument is not a Uint8Array
 * @example strictVerifier((s, m, p) => nodeVerify(null, m, key(p), s))
 */
export function strictVerifier(native: NativeVerify, stats?: StrictVerifyStats): StrictVerify {
  return (signature, message, publicKey) => {
    if (!strictPrecheck(signature, message, publicKey, stats)) return false;
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
