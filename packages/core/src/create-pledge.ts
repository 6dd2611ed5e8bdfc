/**
 * Builds the unsigned pledge credential from a template, the signer, the event and the consent.
 * The record carries the full text of every point as shown, and a digest of it.
 *
 * @module
 * @example
 * ```ts
 * import { createPledge } from '@ikrar/core';
 * const credential = createPledge({
 *   template: 'skb-2022-asn',
 *   issuer: { id: agency.controller, name: 'Pemerintah Kabupaten Klaten' },
 *   signer: { name: 'Sri Wahyuni', employeeType: 'PNS', identifier: '199001012015032001' },
 *   event: { name: 'Pemilu dan Pemilihan 2024', place: 'Pendopo Pemkab Klaten', date: '2024-01-08' },
 *   consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'click' },
 *   timeZone: 'WIB',
 * });
 * ```
 */
import type { CreatePledgeInput } from './credential-types.js';
import { digestJson } from './digest.js';
import { planPledge } from './internal/build-pledge.js';
import { knownPledgeDigest, rememberPledgeDigest } from './internal/pledge-digest.js';
import type { PledgeCredential } from './record.js';

export type { CreatePledgeInput } from './credential-types.js';

/**
 * Builds the unsigned credential: the plan (`planPledge`: every check, the pledge text) finished
 * with the text's digest, hashed synchronously (`@noble/hashes`, or `input.hash`). The synchronous
 * twin of `createPledgeAsync` (same credential), kept because its SHA-256 is synchronous.
 *
 * @param input - template, issuer, signer, event, consent, zone
 * @returns a `PledgeCredential`, ready for `signPledge`
 * @throws {TemplateUnknownError} when the template id is unknown
 * @throws {IdentifierInvalidError} when the NIP / NI PPPK / NIK is malformed
 * @throws {ConsentIncompleteError} when a point was not acknowledged
 * @throws {RecordInvalidError} when a field is missing or malformed (`path` names it)
 * @example createPledge({ template: 'jembrana-2024', issuer, signer, event, consent })
 */
export function createPledge(input: CreatePledgeInput): PledgeCredential {
  const plan = planPledge(input);
  const known = knownPledgeDigest(plan.body, input.hash);
  if (known !== undefined) return plan.finish(known);
  return plan.finish(rememberPledgeDigest(plan.body, input.hash, digestJson(plan.body, input.hash)));
}
