/**
 * `createPledgeAsync`: the credential `createPledge` builds, from the same plan (`planPledge`),
 * with the pledge digest hashed through the crypto provider (default WebCrypto), so a browser
 * bundle needs no `@noble/hashes` for it.
 *
 * @module
 * @example
 * ```ts
 * import { createPledgeAsync } from '@ikrar/core/webcrypto';
 * const credential = await createPledgeAsync(input);
 * ```
 */
import { canonicalizeToBytes } from './canonicalize.js';
import type { CreatePledgeInput } from './credential-types.js';
import { planPledge } from './internal/build-pledge.js';
import { sha256DigestMultibase } from './internal/multihash.js';
import { providerOf } from './internal/provider.js';
import type { PledgeCredential } from './record.js';

/**
 * Builds the unsigned credential: `createPledge` with the pledge digest from the provider.
 *
 * @param input - template, issuer, signer, event, consent, zone, `crypto` or `hash`
 * @returns the same credential `createPledge` builds
 * @throws as `createPledge` (`TemplateUnknownError`, `IdentifierInvalidError`,
 *   `ConsentIncompleteError`, `RecordInvalidError`)
 * @example await createPledgeAsync({ template: 'skb-2022-asn', issuer, signer, event, consent })
 */
export async function createPledgeAsync(input: CreatePledgeInput): Promise<PledgeCredential> {
  const plan = planPledge(input);
  const sha256 = input.hash ?? providerOf(input.crypto).sha256;
  return plan.finish(sha256DigestMultibase(await sha256(canonicalizeToBytes(plan.body))));
}
