/**
 * Crypto providers for `createPledgeAsync`, `signPledge` and `verifyPledge` (option `crypto`):
 * the default {@link WEBCRYPTO_PROVIDER} (SHA-256 and Ed25519 from `crypto.subtle`, `@noble/*`
 * loaded by `import()` only where the runtime lacks them), and {@link createCryptoProvider} to put
 * a faster SHA-256 or a native Ed25519 (node:crypto, libsodium) in its place. `NOBLE_PROVIDER`
 * (all `@noble/*`, synchronous) is in `@ikrar/core/crypto`.
 *
 * @module
 * @example
 * ```ts
 * import { createCryptoProvider, strictVerifier } from '@ikrar/core/crypto';
 * const crypto = createCryptoProvider({ sha256: nodeSha256, verify: strictVerifier(sodiumVerify) });
 * await verifyPledge(record, { crypto });
 * ```
 */
import type { CryptoProvider } from './types.js';
import { isStrictPublicKeyAsync, sha256Async, verifyEd25519Async } from './webcrypto-verify.js';

/** WebCrypto first, noble loaded on demand: the default provider. */
export const WEBCRYPTO_PROVIDER: CryptoProvider = {
  sha256: sha256Async,
  verify: verifyEd25519Async,
  isStrictPublicKey: isStrictPublicKeyAsync,
};

/**
 * A provider with some parts replaced. A `verify` must be strict (the verdicts of
 * `verifyEd25519`): wrap a raw native one with `strictVerifier` first.
 *
 * @param parts - the parts to replace: `sha256`, `verify`, `isStrictPublicKey`
 * @param base - the provider for the other parts; default {@link WEBCRYPTO_PROVIDER}
 * @returns a new provider
 * @example createCryptoProvider({ sha256: (b) => createHash('sha256').update(b).digest() })
 */
export function createCryptoProvider(
  parts: Partial<CryptoProvider>,
  base: CryptoProvider = WEBCRYPTO_PROVIDER,
): CryptoProvider {
  return {
    sha256: parts.sha256 ?? base.sha256,
    verify: parts.verify ?? base.verify,
    isStrictPublicKey: parts.isStrictPublicKey ?? base.isStrictPublicKey,
  };
}
export type { CryptoProvider } from './types.js';
