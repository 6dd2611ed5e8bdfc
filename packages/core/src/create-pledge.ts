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
import { digestJson, type Sha256 } from './digest.js';
import type { EmployeeType, IdentifierScheme } from './identity.js';
import { buildPledge } from './internal/build-pledge.js';
import { createdPledgeDigest } from './internal/pledge-digest.js';
import type { ConsentMethod, PledgeCredential } from './record.js';
import type { PledgeLanguage, PledgeTemplate } from './templates/define-template.js';
import type { IndonesianTimeZone } from './time.js';

/** Input of {@link createPledge}. */
export interface CreatePledgeInput {
  /** A template, or the id of a built-in one. */
  template: PledgeTemplate | string;
  /** Exact version when `template` is an id; the newest when omitted. */
  templateVersion?: string;
  /** Language shown to the signer. Default `id`. */
  language?: PledgeLanguage;
  /** The agency: its DID (`did:key` of its key, or a `did:web`) and name. */
  issuer: { id: string; name: string };
  /** The person pledging. `identifierScheme` defaults by employee type (PNS: NIP, PPPK: NI-PPPK, PPNPN: NIK). */
  signer: {
    id?: string;
    name: string;
    employeeType: EmployeeType;
    identifier: string;
    identifierScheme?: IdentifierScheme;
    position?: string;
    workUnit?: string;
  };
  /** The occasion; `date` is `YYYY-MM-DD`. */
  event: { name: string; place?: string; date?: string };
  /** What the signer did. Every point must be acknowledged. */
  consent: {
    acknowledgedPoints: readonly number[];
    acknowledgedAt?: Date | string;
    method: ConsentMethod;
    typedName?: string;
    signatureDigestMultibase?: string;
  };
  /** Signer's zone for every timestamp. Default WIB. */
  timeZone?: IndonesianTimeZone;
  /** `urn:uuid:` id; a random one when omitted. */
  id?: string;
  /** Default: `consent.acknowledgedAt`. */
  validFrom?: Date | string;
  /** Clock for defaults and identifier date checks. */
  now?: Date;
  /** A faster SHA-256 for the pledge digest (e.g. node:crypto's on a server). Default `@noble/hashes`. */
  hash?: Sha256;
}

/**
 * Builds the unsigned credential.
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
  return buildPledge(input, (pledgeBody) =>
    createdPledgeDigest(pledgeBody as Record<string, unknown>, input.hash, () => digestJson(pledgeBody, input.hash)),
  );
}
