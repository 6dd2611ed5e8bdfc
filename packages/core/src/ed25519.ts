/**
 * The strict Ed25519 primitive every verification path goes through (RFC 8032 §5.1.7 with the
 * checks DESIGN.md requires): S < L, canonical encodings of R and A, no small-order A or R.
 * Built on `@noble/ed25519` with `{ zip215: false }`, plus an explicit small-order check on R,
 * which noble's strict branch leaves to the cofactored equation.
 *
 * @module
 * @example
 * ```ts
 * import { verifyEd25519 } from '@ikrar/core/crypto';
 * verifyEd25519(signature, message, publicKey); // true or false
 * ```
 */
import { assertBytes } from './internal/assert.js';
import { isLargeOrderPoint, publicKeyOf, randomSeed, signWithSeed, verifyStrict } from './internal/noble-ed25519.js';
import { isStrictSignatureEncoding } from './strict-encoding.js';

export { isSmallOrderEncoding, isStrictPublicKeyEncoding, isStrictSignatureEncoding } from './strict-encoding.js';

/**
 * Whether 32 bytes are a canonical encoding of a curve point of large order.
 *
 * @param publicKey - 32 bytes
 * @returns `true` for a usable Ed25519 public key
 * @throws TypeError when `publicKey` is not a Uint8Array
 * @example isStrictPublicKey(keyPair.publicKey) // true
 */
export function isStrictPublicKey(publicKey: Uint8Array): boolean {
  assertBytes(publicKey, 'publicKey');
  return publicKey.length === 32 && isLargeOrderPoint(publicKey);
}

/**
 * Strict Ed25519 verification (RFC 8032 §5.1.7, cofactored, `zip215: false`, small-order A and R
 * refused). A yes/no check: a bad signature gives `false`.
 *
 * @param signature - 64 bytes; any other length gives `false`
 * @param message - the signed bytes
 * @param publicKey - 32 bytes; any other length gives `false`
 * @returns whether the signature is valid
 * @throws TypeError when an argument is not a Uint8Array
 * @example
 * ```ts
 * verifyEd25519(sig, msg, pub);
 * ```
 */
export function verifyEd25519(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  assertBytes(signature, 'signature');
  assertBytes(message, 'message');
  assertBytes(publicKey, 'publicKey');
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  return isStrictSignatureEncoding(signature) && verifyStrict(signature, message, publicKey);
}

/**
 * Ed25519 signature (RFC 8032 §5.1.6) with a 32-byte secret key (seed).
 *
 * @param message - bytes to sign
 * @param secretKey - 32-byte seed
 * @returns 64-byte signature
 * @throws TypeError / RangeError for wrong types or lengths
 * @example signEd25519(utf8ToBytes('x'), keyPair.secretKey)
 */
export function signEd25519(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  assertBytes(message, 'message');
  assertBytes(secretKey, 'secretKey', 32);
  return signWithSeed(message, secretKey);
}

/**
 * The public key of a 32-byte secret key.
 *
 * @param secretKey - 32-byte seed
 * @returns 32-byte public key
 * @throws TypeError / RangeError for wrong types or lengths
 * @example getPublicKey(secretKey)
 */
export function getPublicKey(secretKey: Uint8Array): Uint8Array {
  assertBytes(secretKey, 'secretKey', 32);
  return publicKeyOf(secretKey);
}

/**
 * 32 random bytes from `crypto.getRandomValues`, a fresh Ed25519 seed.
 * @returns a new secret key
 * @example randomSecretKey()
 */
export function randomSecretKey(): Uint8Array {
  return randomSeed();
}
