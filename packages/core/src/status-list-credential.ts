/**
 * The `BitstringStatusListCredential` (Bitstring Status List v1.0 §2.2): a VC 2.0 credential whose
 * subject carries the `encodedList`, signed with eddsa-jcs-2022 by the agency key through core's
 * own signing, and verified the same way as a record, then decoded once.
 *
 * @module
 * @example
 * ```ts
 * import { createStatusList, issueStatusListCredential, verifyStatusListCredential } from '@ikrar/core/status';
 * const signed = await issueStatusListCredential(
 *   { id: 'https://dinas.example/status/1', issuer: agency.controller, list: createStatusList() },
 *   agency,
 * );
 * const result = await verifyStatusListCredential(signed);
 * if (result.verified) result.statusList.list; // the bits, decoded once
 * ```
 */
import { IkrarError, type LocalizedText } from './errors.js';
import { assertBytes, assertString, isPlainObject } from './internal/assert.js';
import { fill } from './errors/base.js';
import { STATUS_CREDENTIAL_INVALID } from './internal/status-messages.js';
import type { VerificationCode, VerifyPledgeOptions } from './verification.js';
import type { Ed25519KeyPair, Signer } from './types.js';
import { VC_V2_CONTEXT, type DataIntegrityProof, type PledgeCredential } from './record.js';
import { signPledge, type SignPledgeOptions } from './sign-pledge.js';
import type { StatusPurpose } from './status-entry.js';
import { decodeStatusList, encodeStatusList } from './status-list.js';
import { parseTimestamp } from './time.js';
import { verifyPledge } from './verify-pledge.js';

/** The credential type of a status list. */
export const STATUS_LIST_CREDENTIAL_TYPE = 'BitstringStatusListCredential';

/** An unsigned status list credential. */
export interface StatusListCredential {
  '@context': string[];
  /** The URL it is served at; records name it in `statusListCredential`. */
  id: string;
  type: string[];
  issuer: string | { id: string; name?: string };
  validFrom?: string;
  validUntil?: string;
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: StatusPurpose;
    encodedList: string;
    /** Milliseconds a verifier may cache it (§2.2). */
    ttl?: number;
  };
}

/** A signed status list credential. */
export interface SignedStatusListCredential extends StatusListCredential {
  proof: DataIntegrityProof | DataIntegrityProof[];
}

/** What {@link createStatusListCredential} needs. */
export interface StatusListCredentialInput {
  /** URL the credential will be served at (no fragment). */
  id: string;
  /** The agency: its DID, or `{ id, name }`. Records listing it must name the same issuer. */
  issuer: string | { id: string; name?: string };
  /** The bits (`createStatusList`). */
  list: Uint8Array;
  /** Default `revocation`. */
  statusPurpose?: StatusPurpose;
  /** RFC 3339 with an offset. */
  validFrom?: string;
  /** RFC 3339 with an offset. */
  validUntil?: string;
  /** Milliseconds a verifier may cache it. */
  ttl?: number;
}

/** Why a status list credential did not verify. */
export type StatusListCredentialCode =
  | VerificationCode
  | 'ERR_STATUS_LIST_CREDENTIAL_INVALID'
  | 'ERR_STATUS_LIST_ENCODING'
  | 'ERR_STATUS_LIST_TOO_SHORT'
  | 'ERR_STATUS_LIST_TOO_LARGE';

/** A verified, decoded status list. */
export interface VerifiedStatusList {
  /** The credential's `id`: the URL records name. */
  readonly id: string;
  /** `issuer` or `issuer.id`. */
  readonly issuer: string;
  readonly statusPurpose: StatusPurpose;
  /** The decoded bits. */
  readonly list: Uint8Array;
  /** `created` of the issuer's final proof, when it has one (for a trust store's validity window). */
  readonly created?: string;
  readonly validFrom?: string;
  readonly validUntil?: string;
}

/** Result of {@link verifyStatusListCredential}. */
export type StatusListVerification =
  | { readonly verified: true; readonly statusList: VerifiedStatusList }
  | {
      readonly verified: false;
      readonly code: StatusListCredentialCode;
      readonly message: LocalizedText;
      /** JSON path of a structural problem. */
      readonly path?: string;
    };

/** Options of {@link verifyStatusListCredential}: keys and signature check as for records, and a size limit. */
export interface VerifyStatusListOptions extends Pick<VerifyPledgeOptions, 'keys' | 'resolveKey' | 'verifySignature'> {
  /** Largest list accepted, in entries (see `decodeStatusList`). */
  maxLength?: number;
}

/**
 * Builds the unsigned credential for a list (encoding it).
 * @param input - id, issuer, list, purpose, validity, ttl
 * @returns the credential, ready for {@link signStatusListCredential}
 * @throws TypeError / RangeError for an input of the wrong type or a list that is too short
 * @example await createStatusListCredential({ id: url, issuer: agency.controller, list })
 */
export async function createStatusListCredential(input: StatusListCredentialInput): Promise<StatusListCredential> {
  assertString(input.id, 'id');
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(input.id) || input.id.includes('#')) {
    throw new TypeError(`"id" expected a URL without a fragment, got ${input.id}`);
  }
  assertBytes(input.list, 'list');
  const issuer = input.issuer;
  if (typeof issuer !== 'string' && !(isPlainObject(issuer) && typeof issuer.id === 'string')) {
    throw new TypeError('"issuer" expected a DID string or { id, name }');
  }
  for (const key of ['validFrom', 'validUntil'] as const) {
    if (input[key] !== undefined && parseTimestamp(input[key]) === null) {
      throw new RangeError(`"${key}" expected an RFC 3339 time with an offset, got ${String(input[key])}`);
    }
  }
  if (input.ttl !== undefined && !(Number.isSafeInteger(input.ttl) && input.ttl >= 0)) {
    throw new RangeError(`"ttl" expected a non-negative integer of milliseconds, got ${input.ttl}`);
  }
  return {
    '@context': [VC_V2_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', STATUS_LIST_CREDENTIAL_TYPE],
    issuer: typeof issuer === 'string' ? issuer : { ...issuer },
    ...(input.validFrom !== undefined && { validFrom: input.validFrom }),
    ...(input.validUntil !== undefined && { validUntil: input.validUntil }),
    credentialSubject: {
      id: `${input.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: input.statusPurpose ?? 'revocation',
      encodedList: await encodeStatusList(input.list),
      ...(input.ttl !== undefined && { ttl: input.ttl }),
    },
  };
}

/**
 * Signs a status list credential with eddsa-jcs-2022 (the agency key), through core's signing.
 * @param credential - from {@link createStatusListCredential}
 * @param key - the agency's {@link Signer} or key pair
 * @param options - `created`, `timeZone`, `proofId`
 * @returns the signed credential
 * @throws as `signPledge`
 * @example await signStatusListCredential(credential, agencyKey)
 */
export async function signStatusListCredential(
  credential: StatusListCredential,
  key: Ed25519KeyPair | Signer,
  options: Pick<SignPledgeOptions, 'created' | 'timeZone' | 'proofId'> = {},
): Promise<SignedStatusListCredential> {
  const signed = await signPledge(credential as unknown as PledgeCredential, key, options);
  return signed as unknown as SignedStatusListCredential;
}

/**
 * Builds and signs the credential for a list in one step.
 * @param input - as {@link createStatusListCredential}
 * @param key - the agency's {@link Signer} or key pair
 * @param options - as {@link signStatusListCredential}
 * @returns the signed credential
 * @throws as both
 * @example await issueStatusListCredential({ id: url, issuer: agency.controller, list }, agency)
 */
export async function issueStatusListCredential(
  input: StatusListCredentialInput,
  key: Ed25519KeyPair | Signer,
  options: Pick<SignPledgeOptions, 'created' | 'timeZone' | 'proofId'> = {},
): Promise<SignedStatusListCredential> {
  return signStatusListCredential(await createStatusListCredential(input), key, options);
}

function structure(c: unknown): string | null {
  if (!isPlainObject(c)) return '$';
  if (typeof c.id !== 'string' || c.id.includes('#')) return 'id';
  if (!Array.isArray(c.type) || !c.type.includes(STATUS_LIST_CREDENTIAL_TYPE)) return 'type';
  for (const key of ['validFrom', 'validUntil']) {
    if (c[key] !== undefined && parseTimestamp(c[key]) === null) return key;
  }
  const s = c.credentialSubject;
  if (!isPlainObject(s)) return 'credentialSubject';
  if (s.type !== 'BitstringStatusList') return 'credentialSubject.type';
  if (s.statusPurpose !== 'revocation' && s.statusPurpose !== 'suspension') return 'credentialSubject.statusPurpose';
  if (typeof s.encodedList !== 'string') return 'credentialSubject.encodedList';
  return null;
}

/**
 * Verifies a status list credential (every proof, a final proof by the issuer: the checks of a
 * record) and decodes its list once. Never throws for bad input: the result says why. Whether the
 * issuer is one the caller trusts is the caller's check (`issuer`, `created`).
 * @param credential - a parsed credential (use `parseJson` on untrusted text)
 * @param options - keys, resolver, signature check, size limit
 * @returns `{ verified: true, statusList }` or `{ verified: false, code, message }`
 * @example const r = await verifyStatusListCredential(parseJson(text)); if (!r.verified) console.log(r.code);
 */
export async function verifyStatusListCredential(
  credential: unknown,
  options: VerifyStatusListOptions = {},
): Promise<StatusListVerification> {
  const path = structure(credential);
  if (path !== null) {
    return {
      verified: false,
      code: 'ERR_STATUS_LIST_CREDENTIAL_INVALID',
      message: fill(STATUS_CREDENTIAL_INVALID, { p: path }),
      path,
    };
  }
  const { maxLength, ...verifyOptions } = options;
  const result = await verifyPledge(credential, verifyOptions);
  if (!result.verified) {
    return {
      verified: false,
      code: result.code as VerificationCode,
      message: result.message as LocalizedText,
      ...(result.path !== undefined && { path: result.path }),
    };
  }
  const c = credential as unknown as SignedStatusListCredential;
  let list: Uint8Array;
  try {
    list = await decodeStatusList(c.credentialSubject.encodedList, maxLength === undefined ? {} : { maxLength });
  } catch (err) {
    if (err instanceof IkrarError) {
      return {
        verified: false,
        code: err.code as StatusListCredentialCode,
        message: err.messages,
        path: 'credentialSubject.encodedList',
      };
    }
    throw err;
  }
  const created = result.issuerProof === undefined ? undefined : result.proofs[result.issuerProof]?.created;
  return {
    verified: true,
    statusList: {
      id: c.id,
      issuer: result.issuer as string,
      statusPurpose: c.credentialSubject.statusPurpose,
      list,
      ...(created !== undefined && { created }),
      ...(c.validFrom !== undefined && { validFrom: c.validFrom }),
      ...(c.validUntil !== undefined && { validUntil: c.validUntil }),
    },
  };
}
