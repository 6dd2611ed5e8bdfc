/**
 * The strict Ed25519 primitive every verification path goes through (RFC 8032 §5.1.7 with the
 * checks DESIGN.md requires): S < L, canonical encodings of R and A, no small-order A or R.
 * Built on `@noble/ed25519` with `{ zip215: false }`, plus an explicit small-order check on R,
 * which noble's strict branch leaves to the cofactored equation.
 *
 * @module
 * @example
 * ```ts
 * import { verifyEd25519 } from '@ikrar/core';
 * verifyEd25519(signature, message, publicKey); // true or false
 * ```
 */
import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import { assertBytes } from './internal/assert.js';

// noble needs a synchronous SHA-512 for its sync API; @noble/hashes is the audited companion.
ed.hashes.sha512 = sha512;

/** The group order L (RFC 8032 §5.1). */
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
/** The field prime p = 2^255 - 19. */
const P = 2n ** 255n - 19n;

function bytesToNumberLE(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] as number);
  return n;
}

/**
 * The eight points of the torsion subgroup, encoded (the identity, then multiples of the order-8
 * point libsodium lists). Constants, so the byte checks need no curve arithmetic; a test
 * recomputes them with noble.
 */
const SMALL_ORDER_ENCODINGS: readonly Uint8Array[] = [
  '0100000000000000000000000000000000000000000000000000000000000000',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  '0000000000000000000000000000000000000000000000000000000000000000',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa',
  '0000000000000000000000000000000000000000000000000000000000000080',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85',
].map((hex) => Uint8Array.from(hex.match(/../g) as string[], (b) => parseInt(b, 16)));

/**
 * Whether a 32-byte point encoding is one of the small-order points, ignoring the sign bit (so
 * the non-canonical sign variants of x = 0 points are caught too), as libsodium's blocklist does.
 *
 * @param encoding - 32 bytes
 * @returns `true` for a small-order encoding
 * @throws TypeError / RangeError when `encoding` is not 32 bytes
 * @example isSmallOrderEncoding(new Uint8Array(32)) // true: y = 0 has order 4
 */
export function isSmallOrderEncoding(encoding: Uint8Array): boolean {
  assertBytes(encoding, 'encoding', 32);
  outer: for (const e of SMALL_ORDER_ENCODINGS) {
    for (let i = 0; i < 31; i++) if (e[i] !== encoding[i]) continue outer;
    if (((e[31] as number) & 0x7f) === ((encoding[31] as number) & 0x7f)) return true;
  }
  // y = p and y = p + 1 are non-canonical names of small-order points.
  const y = bytesToNumberLE(encoding) & ((1n << 255n) - 1n);
  return y === P || y === P + 1n;
}

/**
 * Cheap byte-level checks a native verifier must be preceded by: S < L (RFC 8032 §5.1.7 step 1),
 * R's y coordinate < p, and R not of small order. Public keys are checked once with
 * {@link isStrictPublicKey} and cached.
 *
 * @param signature - 64 bytes R ‖ S
 * @returns `false` when the signature must be rejected whatever the message
 * @throws TypeError when `signature` is not a Uint8Array
 * @example isStrictSignatureEncoding(sig) && nativeVerify(sig, msg, pub)
 */
export function isStrictSignatureEncoding(signature: Uint8Array): boolean {
  assertBytes(signature, 'signature');
  if (signature.length !== 64) return false;
  const r = signature.subarray(0, 32);
  const s = bytesToNumberLE(signature.subarray(32, 64));
  if (s >= L) return false;
  const y = bytesToNumberLE(r) & ((1n << 255n) - 1n);
  if (y >= P) return false;
  return !isSmallOrderEncoding(r);
}

/**
 * Byte-level checks of a public key for a native verifier (libsodium, OpenSSL, WebCrypto), which
 * decompresses the point itself and refuses one that is not on the curve: 32 bytes, y < p, and
 * not a small-order point. Together with the native check this refuses exactly what
 * {@link isStrictPublicKey} refuses, without curve arithmetic in JavaScript.
 *
 * @param publicKey - the key bytes
 * @returns `false` when the key must be refused whatever the signature
 * @throws TypeError when `publicKey` is not a Uint8Array
 * @example isStrictPublicKeyEncoding(pub) && isStrictSignatureEncoding(sig) && nativeVerify(sig, msg, pub)
 */
export function isStrictPublicKeyEncoding(publicKey: Uint8Array): boolean {
  assertBytes(publicKey, 'publicKey');
  if (publicKey.length !== 32) return false;
  const y = bytesToNumberLE(publicKey) & ((1n << 255n) - 1n);
  return y < P && !isSmallOrderEncoding(publicKey);
}

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
  if (publicKey.length !== 32) return false;
  try {
    const a = ed.Point.fromBytes(publicKey, false);
    return !a.isSmallOrder();
  } catch {
    return false;
  }
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
  if (!isStrictSignatureEncoding(signature)) return false;
  try {
    return ed.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
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
  return ed.sign(message, secretKey);
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
  return ed.getPublicKey(secretKey);
}

/**
 * 32 random bytes from `crypto.getRandomValues`, a fresh Ed25519 seed.
 * @returns a new secret key
 * @example randomSecretKey()
 */
export function randomSecretKey(): Uint8Array {
  return ed.utils.randomSecretKey();
}
