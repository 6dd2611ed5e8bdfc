/**
 * Byte-level Ed25519 checks that need no curve arithmetic, so they can run before a native
 * verifier (libsodium, OpenSSL, WebCrypto) without loading `@noble/ed25519`: S < L, canonical
 * encodings (y < p), and the small-order blocklist (RFC 8032 §5.1.7, DESIGN.md "Cryptography rules").
 *
 * @module
 * @example
 * ```ts
 * import { isStrictPublicKeyEncoding, isStrictSignatureEncoding } from '@ikrar/core/crypto';
 * isStrictPublicKeyEncoding(pub) && isStrictSignatureEncoding(sig); // then the native check
 * ```
 */
import { assertBytes } from './internal/assert.js';

/** The group order L (RFC 8032 §5.1), 32 bytes little-endian. */
const L_LE = Uint8Array.from(
  'edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010'.match(/../g) as string[],
  (b) => parseInt(b, 16),
);

/**
 * For y, the low 255 bits of the point encoding in `encoding`'s first 32 bytes: -1 when
 * y < p = 2^255 - 19, else y - p (0 to 18). y ≥ p only when bits 8..254 are all ones and the low
 * byte is at least 0xed.
 */
function yMinusP(encoding: Uint8Array): number {
  if (((encoding[31] as number) & 0x7f) !== 0x7f) return -1;
  for (let i = 30; i >= 1; i--) if (encoding[i] !== 0xff) return -1;
  const low = encoding[0] as number;
  return low >= 0xed ? low - 0xed : -1;
}

/**
 * The points of the torsion subgroup, encoded without their sign bit (the identity, then
 * multiples of the order-8 point libsodium lists; the other three of the eight differ from these
 * only in the sign bit, which the comparison ignores). Constants, so the byte checks need no
 * curve arithmetic; a test recomputes all eight with noble.
 */
const SMALL_ORDER_ENCODINGS: readonly Uint8Array[] = [
  '0100000000000000000000000000000000000000000000000000000000000000',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  '0000000000000000000000000000000000000000000000000000000000000000',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
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
  return isSmallOrder(encoding);
}

/** {@link isSmallOrderEncoding} of `encoding`'s first 32 bytes, unchecked. */
function isSmallOrder(encoding: Uint8Array): boolean {
  outer: for (const e of SMALL_ORDER_ENCODINGS) {
    for (let i = 0; i < 31; i++) if (e[i] !== encoding[i]) continue outer;
    if (((e[31] as number) & 0x7f) === ((encoding[31] as number) & 0x7f)) return true;
  }
  // y = p and y = p + 1 are non-canonical names of small-order points.
  const d = yMinusP(encoding);
  return d === 0 || d === 1;
}

/**
 * Cheap byte-level checks a native verifier must be preceded by: S < L (RFC 8032 §5.1.7 step 1),
 * R's y coordinate < p, and R not of small order. Public keys are checked once with
 * `isStrictPublicKey` and cached.
 *
 * @param signature - 64 bytes R ‖ S
 * @returns `false` when the signature must be rejected whatever the message
 * @throws TypeError when `signature` is not a Uint8Array
 * @example isStrictSignatureEncoding(sig) && nativeVerify(sig, msg, pub)
 */
export function isStrictSignatureEncoding(signature: Uint8Array): boolean {
  assertBytes(signature, 'signature');
  if (signature.length !== 64) return false;
  // R is bytes 0-31, S bytes 32-63 (little-endian), read in place. S < L: the highest byte that
  // differs decides; plain byte comparisons, no BigInt.
  let i = 31;
  while (i >= 0 && signature[32 + i] === L_LE[i]) i--;
  if (i < 0 || (signature[32 + i] as number) > (L_LE[i] as number)) return false;
  if (yMinusP(signature) >= 0) return false; // canonical R: y < p
  return !isSmallOrder(signature);
}

/**
 * Byte-level checks of a public key for a native verifier (libsodium, OpenSSL, WebCrypto), which
 * decompresses the point itself and refuses one that is not on the curve: 32 bytes, y < p, and
 * not a small-order point. Together with the native check this refuses exactly what
 * `isStrictPublicKey` refuses, without curve arithmetic in JavaScript.
 *
 * @param publicKey - the key bytes
 * @returns `false` when the key must be refused whatever the signature
 * @throws TypeError when `publicKey` is not a Uint8Array
 * @example isStrictPublicKeyEncoding(pub) && isStrictSignatureEncoding(sig) && nativeVerify(sig, msg, pub)
 */
export function isStrictPublicKeyEncoding(publicKey: Uint8Array): boolean {
  assertBytes(publicKey, 'publicKey');
  if (publicKey.length !== 32) return false;
  return yMinusP(publicKey) < 0 && !isSmallOrder(publicKey);
}
