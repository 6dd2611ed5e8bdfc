/**
 * `ikrar-sign-request`: in `signing-mode="event"` the element asks the host page to sign. The host
 * calls `event.detail.respondWith(promise)` with the signed record (for example from its own
 * backend). The element verifies that record before it fires `ikrar-signed`. Calling
 * `preventDefault()` without responding cancels the signing.
 *
 * @module
 * @example
 * ```ts
 * el.addEventListener('ikrar-sign-request', (e) => {
 *   e.detail.respondWith(fetch('/sign', { method: 'POST', body: JSON.stringify(e.detail.credential) }).then((r) => r.json()));
 * });
 * ```
 */
import type { PledgeCredential, SignedPledge } from '@ikrar/core';

/** Detail of `ikrar-sign-request`. */
export interface IkrarSignRequestDetail {
  /** The unsigned credential, built by `createPledge`. */
  readonly credential: PledgeCredential;
  /**
   * Supplies the signed record: the record itself, its JSON text, or a promise of either.
   * Call it synchronously inside the listener.
   */
  respondWith(record: SignedPledge | string | Promise<SignedPledge | string | unknown>): void;
}

/** Cancelable: `preventDefault()` without `respondWith` cancels signing. */
export type IkrarSignRequestEvent = CustomEvent<IkrarSignRequestDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ikrar-sign-request': IkrarSignRequestEvent;
  }
}
