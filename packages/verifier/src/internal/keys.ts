/** Keys of trust store entries for DIDs other than did:key (did:web …), by DID. Never exported from the package entry. */
import { multibaseToPublicKey } from '@ikrar/core';
import type { TrustStore } from '../trust-store.js';

/**
 * @param store - the trust store
 * @returns a resolver from a verification method to the entry's 32-byte key, or `null`
 */
export function keyResolver(store: TrustStore): (vm: string) => Uint8Array | null {
  const keyed = new Map<string, Uint8Array>();
  for (const e of store.issuers) {
    if (e.publicKeyMultibase) keyed.set(e.id, multibaseToPublicKey(e.publicKeyMultibase));
  }
  return (vm) => keyed.get(vm.split('#')[0] as string) ?? null;
}
