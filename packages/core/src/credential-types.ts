/**
 * The inputs and shapes of created and signed credentials (`createPledge`,
 * `createCollectivePledge`, `signPledge`), kept in a module of types only so that the planning code under `internal/` needs no public facade.
 *
 * @module
 * @example
 * ```ts
 * import type { CreatePledgeInput } from '@ikrar/core';
 * ```
 */
import type { EmployeeType, IdentifierScheme } from './identity.js';
import type {
  ConsentMethod,
  DataIntegrityProof,
  PledgeCredential,
  PledgeEvent,
  PledgeSigner,
  PledgeText,
} from './record.js';
import type { BitstringStatusListEntry } from './status-entry.js';
import type { PledgeLanguage, PledgeTemplate } from './templates/define-template.js';
import type { IndonesianTimeZone } from './time.js';
import type { CryptoProvider } from './types.js';

/** Input of `createPledge` and `createPledgeAsync`. */
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
  /**
   * A faster synchronous SHA-256 for the pledge digest (e.g. node:crypto's on a server) in place of
   * the default (`createPledge`: `@noble/hashes`; `createPledgeAsync`: its provider's).
   */
  hash?: (bytes: Uint8Array) => Uint8Array;
  /** The cryptography of `createPledgeAsync` (default WebCrypto); `createPledge` ignores it. */
  crypto?: CryptoProvider;
}

/** A representative named in the document, and the id their proof must carry. */
export type CollectiveRepresentative = Omit<PledgeSigner, 'id'> & {
  /** `urn:uuid:` id of this representative's proof. */
  proofId: string;
};

/** `credentialSubject` of a collective record. */
export interface CollectiveSubject {
  representatives: CollectiveRepresentative[];
  pledge: PledgeText;
  event: PledgeEvent;
}

/** An unsigned collective credential. */
export type CollectiveCredential = Omit<PledgeCredential, 'credentialSubject'> & {
  credentialSubject: CollectiveSubject;
};

/** A collective credential with some or all of its proofs. */
export type SignedCollective = CollectiveCredential & { proof: DataIntegrityProof | DataIntegrityProof[] };

/** Input of `createCollectivePledge`. */
export interface CreateCollectiveInput {
  /** A `pakta-integritas` template, or the id of a built-in one. */
  template: PledgeTemplate | string;
  templateVersion?: string;
  language?: PledgeLanguage;
  issuer: { id: string; name: string };
  event: { name: string; place?: string; date?: string };
  /** 1 to `MAX_REPRESENTATIVES` (50) people, each at most once. */
  representatives: readonly (Omit<CreatePledgeInput['signer'], 'id'> & {
    /** Default: a fresh `urn:uuid:`. */
    proofId?: string;
  })[];
  /** Zone of `validFrom` and, by default, of the proofs. Default WIB. */
  timeZone?: IndonesianTimeZone;
  id?: string;
  /**
   * Where the record's revocation bit lives (Bitstring Status List v1.0 §2.1), reserved by the
   * agency before anyone signs: every representative's proof and the agency's cover it.
   */
  credentialStatus?: BitstringStatusListEntry;
  validFrom?: Date | string;
  now?: Date;
}

/** Options of `signPledge`. */
export interface SignPledgeOptions {
  /** When the proof is made. Default: now. */
  created?: Date | string;
  /** Zone of `created`. Default: the consent's zone, else WIB. */
  timeZone?: IndonesianTimeZone;
  /** With existing proofs: `chain` (default) names them in `previousProof`; `set` adds a sibling. */
  mode?: 'chain' | 'set';
  /** Proof id. Default: a fresh `urn:uuid:`; `false` for none (then nothing can chain to it). */
  proofId?: string | false;
  /** Explicit `previousProof` ids, overriding `mode`. */
  previousProof?: string | string[];
  /**
   * The cryptography that hashes and self-checks (`createCryptoProvider`): default WebCrypto, with
   * `@noble/*` loaded on demand where the runtime lacks SHA-256 or Ed25519. The record is the same.
   */
  crypto?: CryptoProvider;
  /**
   * A faster SHA-256 for the proof's hashes (e.g. node:crypto's on a server) in place of the
   * provider's; the record is the same.
   */
  hash?: (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;
}
