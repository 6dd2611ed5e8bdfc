/**
 * The byte-level half shared by `strictVerifier` (synchronous natives) and `verifyEd25519Async`
 * (WebCrypto): argument checks, lengths, and the strict encodings of the signature and the key.
 * No curve arithmetic, no noble.
 *
 * @module
 * @internal
 */
import { isStrictPublicKeyEncoding, isStrictSignatureEncoding } from '../strict-encoding.js';
import type { StrictVerifyStats } from '../types.js';
import { assertBytes } from './assert.js';

/**
 * `true` when the native check may run, `false` for a verdict of `false` already (wrong length,
 * non-canonical or small-order R or A, S ≥ L). The key's check is done each time: it costs
 * less than looking a key up in a memo (about 50 ns against the 0.5 µs of hashing the key).
 * @throws TypeError when an argument is not a Uint8Array (the reference's error)
 */
export function strictPrecheck(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
  stats?: StrictVerifyStats,
): boolean {
  assertBytes(signature, 'signature');
  assertBytes(message, 'message');
  assertBytes(publicKey, 'publicKey');
  if (
    signature.length !== 64 ||
    publicKey.length !== 32 ||
    !isStrictPublicKeyEncoding(publicKey) ||
    !isStrictSignatureEncoding(signature)
  ) {
    if (stats) stats.refusedEarly++;
    return false;
  }
  return true;
}
