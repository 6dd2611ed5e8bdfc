/**
 * `createPledgeAsync`: the credential `createPledge` builds, with the pledge digest hashed by
 * WebCrypto where available (`sha256Async`), so a browser bundle needs no `@noble/hashes` for it.
 *
 * @module
 * @example
 * ```ts
 * import { createPledgeAsync } from '@ikrar/core/webcrypto';
 * const credential = await createPledgeAsync(input);
 * ```
 */
import type { CreatePledgeInput } from './create-pledge.js';
import { buildPledge } from './internal/build-pledge.js';
import type { PledgeCredential } from './record.js';
import { digestJsonAsync } from './webcrypto-verify.js';

/**
 * Builds the unsigned credential: `createPledge` with the pledge digest from `sha256Async`.
 *
 * @param input - template, issuer, signer, event, consent, zone
 * @returns the same credential `createPledge` builds
 * @throws as `createPledge` (`TemplateUnknownError`, `IdentifierInvalidError`,
 *   `ConsentIncompleteError`, `RecordInvalidError`)
 * @example await createPledgeAsync({ template: 'skb-2022-asn', issuer, signer, event, consent })
 */
export async function createPledgeAsync(input: CreatePledgeInput): Promise<PledgeCredential> {
  let body: object | undefined;
  const credential = buildPledge(input, (pledgeBody) => {
    body = pledgeBody;
    return '';
  });
  // The digest is the last key of `pledge` either way, so the JSON is that of createPledge.
  const hash = input.hash;
  (credential.credentialSubject.pledge as { digestMultibase: string }).digestMultibase = await digestJsonAsync(
    body,
    hash && (async (bytes) => hash(bytes)),
  );
  return credential;
}
