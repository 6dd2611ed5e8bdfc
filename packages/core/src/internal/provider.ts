/**
 * The provider an operation runs on: the caller's `crypto`, else WebCrypto.
 *
 * @module
 * @internal
 */
import type { CryptoProvider } from '../types.js';
import { WEBCRYPTO_PROVIDER } from '../crypto-provider.js';

export function providerOf(crypto: CryptoProvider | undefined): CryptoProvider {
  return crypto ?? WEBCRYPTO_PROVIDER;
}
