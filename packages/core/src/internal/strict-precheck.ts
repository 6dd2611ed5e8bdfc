/**
 * The byte-level half shared by `strictVerifier` (synchronous natives) and `verifyEd25519Async`
 * (WebCrypto): argument checks, lengths, and the strict encodings of the signature and the key.
 * No curve arithmetic, no noble.
 *
 * @module
 * @internal
 */
import { isStrictSignatureEncoding } from '../strict-encoding.js';
import type { StrictVerifyStats } from '../types.js';
import { assertBytes } from './assert.js';

/**
 * `true` when the native check may run, `false` for a verdict of `false` already (wrong length,
 * non-canonical or small-order R or A, S ≥ L). `strictKey` is `isStrictPublicKeyEncoding`, or a
 * verifier's memo of it.
 * @throws TypeError when an argument is not a Uint8Array (the reference's error)
 */
export function strictPrecheck(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
  strictKey: (publicKey: Uint8Array) => boolean,
  stats?: StrictVerifyStats,
): boolean {
  assertBytes(signature, 'signature');
  assertBytes(message, 'message');
  assertBytes(publicKey, 'publicKey');
  if (
    signature.length !== 64 ||
    publicKey.length !== 32 ||
    !strictKey(publicKey) ||
    !isStrictSignatureEncoding(signature)
  ) {
    if (stats) stats.refusedEarly++;
    return false;
  }
  return true;
}
