/**
 * SHA-256 digests in the `digestMultibase` form VC 2.0 defines: multibase base64url (`u`) of the
 * multihash (0x12 0x20 ‖ digest).
 *
 * @module
 * @example
 * ```ts
 * import { digestMultibase } from '@ikrar/core/crypto';
 * digestMultibase(new TextEncoder().encode('x')); // 'uEiC…'
 * ```
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { canonicalizeToBytes } from './canonicalize.js';
import { assertBytes } from './internal/assert.js';
import { sha256DigestMultibase } from './internal/multihash.js';

/**
 * SHA-256 of some bytes.
 * @param bytes - input
 * @returns 32-byte digest
 * @throws TypeError when `bytes` is not a Uint8Array
 * @example sha256(new Uint8Array())
 */
export function sha256(bytes: Uint8Array): Uint8Array {
  assertBytes(bytes, 'bytes');
  return nobleSha256(bytes);
}

/** A SHA-256 implementation: 32 bytes of any input (e.g. node:crypto's, faster for batches). */
export type Sha256 = (bytes: Uint8Array) => Uint8Array;

/**
 * `digestMultibase` of some bytes: `u` + base64url(0x12 0x20 ‖ SHA-256(bytes)).
 * @param bytes - input
 * @param hash - SHA-256 to use; default `@noble/hashes`
 * @returns the multibase multihash
 * @throws TypeError when `bytes` is not a Uint8Array
 * @example digestMultibase(pngBytes)
 */
export function digestMultibase(bytes: Uint8Array, hash: Sha256 = sha256): string {
  return sha256DigestMultibase(hash(bytes));
}

/**
 * `digestMultibase` of the RFC 8785 canonical form of a JSON value.
 * @param value - JSON value
 * @param hash - SHA-256 to use; default `@noble/hashes`
 * @returns the multibase multihash
 * @throws {CanonicalizationError} when the value cannot be canonicalized
 * @example digestJson({ points: ['…'] })
 */
export function digestJson(value: unknown, hash: Sha256 = sha256): string {
  return digestMultibase(canonicalizeToBytes(value), hash);
}
