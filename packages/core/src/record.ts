/**
 * The shape of a pledge record: a W3C Verifiable Credential 2.0 whose `credentialSubject` carries
 * everything a reader of the paper form would see. Field by field documentation is in the package
 * README; the JSON Schema is `schema/pledge-record.schema.json` (the constant `PLEDGE_RECORD_SCHEMA`),
 * and the JSON-LD context of our terms is `contexts/v1.jsonld` (`IKRAR_CONTEXT_DOCUMENT`).
 *
 * @module
 * @example
 * ```ts
 * import type { PledgeCredential } from '@ikrar/core';
 * ```
 */
import type { EmployeeType, IdentifierScheme } from './identity.js';
import type { PledgeKind, PledgeLanguage } from './templates/define-template.js';
import type { IndonesianTimeZone } from './time.js';
import type { BitstringStatusListEntry } from './status-entry.js';

/** Where our JSON-LD context document is published; records carry this URL in `@context` (see `IKRAR_CONTEXT_DOCUMENT`). */
export const IKRAR_CONTEXT_URL = 'https://ikrar-netralitas.github.io/ns/v1';
/** The VC 2.0 base context; always first. */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
/**
 * VC 2.0's context for issuer-defined terms (VC 2.0 §5.2), which records written before our own
 * vocabulary carry second; they still verify.
 */
export const UNDEFINED_TERMS_CONTEXT = 'https://www.w3.org/ns/credentials/undefined-terms/v2';
/** The `@context` every record we create carries: VC 2.0's, then ours (VC 2.0 §4.3). */
export const PLEDGE_CONTEXT: readonly string[] = Object.freeze([VC_V2_CONTEXT, IKRAR_CONTEXT_URL]);
/** Our credential type, beside `VerifiableCredential`. */
export const PLEDGE_CREDENTIAL_TYPE = 'IkrarNetralitasCredential';
/** The Data Integrity cryptosuite we sign with. */
export const CRYPTOSUITE = 'eddsa-jcs-2022';

/** How the signer expressed consent. */
export type ConsentMethod = 'drawn' | 'typed' | 'click';

/** The person who pledged. */
export interface PledgeSigner {
  /** `did:key` of the employee's own key, when they signed with one. */
  id?: string;
  name: string;
  employeeType: EmployeeType;
  identifierScheme: IdentifierScheme;
  identifier: string;
  position?: string;
  workUnit?: string;
}

/** The text pledged, exactly as shown. */
export interface PledgeText {
  templateId: string;
  templateVersion: string;
  language: PledgeLanguage;
  kind: PledgeKind;
  title: string;
  preamble: string;
  points: string[];
  closing: string;
  legalBasis: string[];
  /** `digestMultibase` (SHA-256, multihash, base64url) of the RFC 8785 form of this object without this field. */
  digestMultibase: string;
}

/** The occasion. */
export interface PledgeEvent {
  /** e.g. "Pilkada Serentak 2024". */
  name: string;
  /** e.g. "Halaman Kantor Bupati Jembrana". */
  place?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
}

/** What the signer did to consent. */
export interface PledgeConsent {
  /** 1-based numbers of the points acknowledged; all of them. */
  acknowledgedPoints: number[];
  /** RFC 3339 with the signer's offset. */
  acknowledgedAt: string;
  method: ConsentMethod;
  /** The signer's time zone. */
  timeZone: IndonesianTimeZone;
  /** For `typed`: the name as typed. */
  typedName?: string;
  /** For `drawn`: digest of the signature drawing (see `digestSignatureStrokes`). */
  signatureDigestMultibase?: string;
}

/** `credentialSubject` of a pledge record. */
export interface PledgeSubject {
  /** The employee's `did:key`, when they signed with their own key. */
  id?: string;
  signer: Omit<PledgeSigner, 'id'>;
  pledge: PledgeText;
  event: PledgeEvent;
  consent: PledgeConsent;
}

/** The agency that issues (countersigns) the record. */
export interface PledgeIssuer {
  /** `did:key:…` or `did:web:…`. */
  id: string;
  name: string;
}

/** A Data Integrity proof with `eddsa-jcs-2022`. */
export interface DataIntegrityProof {
  '@context'?: string[];
  id?: string;
  type: 'DataIntegrityProof';
  cryptosuite: 'eddsa-jcs-2022';
  created?: string;
  verificationMethod: string;
  proofPurpose: string;
  previousProof?: string | string[];
  proofValue: string;
}

/**
 * Where the pledge was signed, as the agency checked it when it countersigned: at the apel (the
 * morning assembly), proven by the short-lived code its projector showed, or outside it. An
 * `evidence` entry (VC 2.0 §5.6): the agency's own statement, covered by its proof only.
 */
export interface ApelPresenceEvidence {
  type: ['ApelPresence'];
  /** `true`: signed at the apel with a code the agency accepted; `false`: signed without one. */
  atApel: boolean;
  /** The apel code the employee's phone brought (`<window>.<mac>`), when at the apel. */
  apelCode?: string;
  /** When that code began to be shown on the projector (RFC 3339, the event's zone). */
  apelCodeShownAt?: string;
  /** When the agency checked the code (RFC 3339, the event's zone). */
  checkedAt?: string;
}

/** An unsigned pledge credential. */
export interface PledgeCredential {
  '@context': string[];
  id: string;
  type: string[];
  issuer: PledgeIssuer;
  validFrom: string;
  name?: string;
  credentialSubject: PledgeSubject;
  /** Where the record's revocation bit lives (Bitstring Status List v1.0), when the agency gives one. */
  credentialStatus?: BitstringStatusListEntry;
  /** What the agency checked besides the content: presence at the apel. */
  evidence?: ApelPresenceEvidence[];
}

/** A signed pledge: the credential with one proof or a set / chain of proofs. */
export interface SignedPledge extends PledgeCredential {
  proof: DataIntegrityProof | DataIntegrityProof[];
}
