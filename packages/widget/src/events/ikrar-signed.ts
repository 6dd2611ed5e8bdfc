/**
 * `ikrar-signed`: the pledge is signed **and** the record verified with `verifyPledge`. It never
 * fires for a record that does not verify, or that differs from what the signer saw.
 *
 * @module
 * @example
 * ```ts
 * el.addEventListener('ikrar-signed', (e) => save(e.detail.record));
 * ```
 */
import type { SignatureStrokes, SignedPledge, VerifyPledgeResult } from '@ikrar/core';
import type { SigningMode } from '../internal/types.js';

/** Detail of `ikrar-signed`. */
export interface IkrarSignedDetail {
  /** The signed, verified record (a W3C Verifiable Credential). */
  readonly record: SignedPledge;
  /** The verification result (`verified` is always `true` here). */
  readonly verification: VerifyPledgeResult;
  /** How it was signed. */
  readonly signingMode: SigningMode;
  /**
   * For a drawn signature, its strokes: the record keeps only their digest
   * (`consent.signatureDigestMultibase`). Pass them to `renderCertificate(record, { signature })`
   * or send them to the server that makes certificates.
   */
  readonly signature?: SignatureStrokes;
}

/** Fired once per completed signing. Not cancelable. */
export type IkrarSignedEvent = CustomEvent<IkrarSignedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ikrar-signed': IkrarSignedEvent;
  }
}
