/**
 * The all-noble provider: `@noble/hashes` SHA-256 and the reference strict Ed25519, synchronous,
 * loaded statically. The verifier's `--engine noble`; pages that must never fetch a chunk late.
 *
 * @module
 * @example
 * ```ts
 * import { NOBLE_PROVIDER } from '@ikrar/core/crypto';
 * await verifyPledge(record, { crypto: NOBLE_PROVIDER });
 * ```
 */
import { sha256 } from './digest.js';
import { isStrictPublicKey, verifyEd25519 } from './ed25519.js';
import type { CryptoProvider } from './types.js';

/** `@noble/hashes` and `@noble/ed25519` (strict), each call synchronous. */
export const NOBLE_PROVIDER: CryptoProvider = Object.freeze({
  sha256,
  verify: verifyEd25519,
  isStrictPublicKey,
});
