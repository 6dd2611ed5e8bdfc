/**
 * `@noble/ed25519` set up once (its synchronous API with `@noble/hashes`' SHA-512) and the strict
 * calls every Ed25519 path makes of it, with no argument checks: `ed25519.ts` (the public,
 * synchronous functions) checks the arguments first, and so do the WebCrypto-first callers that
 * load `noble.ts` on demand. It imports nothing of ours, so a bundle's noble chunk shares no module
 * with the signing code: the signing path stays one chunk, whatever noble needs.
 *
 * @module
 * @internal
 */
import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';

// noble needs a synchronous SHA-512 for its sync API; @noble/hashes is the audited companion.
ed.hashes.sha512 = sha512;

/** Whether 32 bytes decode (strictly) to a curve point of large order. */
export function isLargeOrderPoint(publicKey: Uint8Array): boolean {
  try {
    return !ed.Point.fromBytes(publicKey, false).isSmallOrder();
  } catch {
    return false;
  }
}

/** noble's cofactored verification with `zip215: false`; `false` where noble throws. */
export function verifyStrict(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/** Ed25519 signature (RFC 8032 §5.1.6) with a 32-byte seed. */
export function signWithSeed(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return ed.sign(message, secretKey);
}

/** The public key of a 32-byte seed. */
export function publicKeyOf(secretKey: Uint8Array): Uint8Array {
  return ed.getPublicKey(secretKey);
}

/** 32 random bytes from `crypto.getRandomValues`, a fresh seed. */
export function randomSeed(): Uint8Array {
  return ed.utils.randomSecretKey();
}
