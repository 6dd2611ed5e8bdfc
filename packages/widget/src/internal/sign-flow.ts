/**
 * The signing sequence behind the "Sign" button, apart from the element's state: load the
 * signing stack, make the credential, have it signed the way the host chose (endpoint, event or
 * a key in this browser), and check that the record verifies and is the credential shown. Each
 * failure is a {@link WidgetError} with a stable code.
 *
 * @module
 * @example
 * ```ts
 * const { record, verification } = await runSigning({ mode: 'endpoint', credential: input, endpoint, host, signal });
 * ```
 */
import type { PledgeCredential, SignedPledge, VerifyPledgeResult } from '@ikrar/core';
import { WidgetError } from '../errors.js';
import { loadSigning } from './lazy.js';
import type { CredentialInput, EndpointOptions } from './signing.js';
import type { SigningMode } from './types.js';

/** What {@link runSigning} needs. */
export interface SigningRun {
  readonly mode: SigningMode;
  /** The credential's content; `issuer.id` may be empty for a browser key, which then issues. */
  readonly credential: CredentialInput;
  /** Whether the host named the issuer (a browser key then signs as the subject only). */
  readonly hostIssuer: boolean;
  readonly endpoint: Omit<EndpointOptions, 'signal'>;
  /** The element: `event` mode asks it with `ikrar-sign-request`. */
  readonly host: HTMLElement;
  readonly signal: AbortSignal;
}

/**
 * Runs the signing sequence.
 * @param run - mode, credential content, endpoint options, host element, abort signal
 * @returns the checked record and its verification
 * @throws {WidgetError} `ERR_SIGNING_FAILED`, `ERR_CONFIG_INVALID`, `ERR_ENDPOINT_*`, `ERR_SIGN_REQUEST_*`,
 *   `ERR_RESPONSE_INVALID`, `ERR_RECORD_MISMATCH`, `ERR_RECORD_UNVERIFIED`
 */
export async function runSigning(run: SigningRun): Promise<{ record: SignedPledge; verification: VerifyPledgeResult }> {
  let signing: Awaited<ReturnType<typeof loadSigning>>;
  try {
    signing = await loadSigning();
  } catch (cause) {
    throw new WidgetError('ERR_SIGNING_FAILED', { detail: 'could not load the signing module', cause });
  }
  const key = run.mode === 'browser-key' ? await signing.browserSigner() : null;
  const endpoint = { ...run.endpoint, signal: run.signal };
  // A browser key for a host-set issuer with an endpoint: the agency's draft (record id, status
  // entry, presence) goes in before the employee signs, and the endpoint countersigns after.
  const countersign = !!(key && run.hostIssuer && endpoint.url);
  const draft = countersign ? await signing.requestDraft(endpoint) : undefined;
  const credential = await signing.buildCredential({
    ...run.credential,
    issuer: { id: run.credential.issuer.id || (key?.controller as string), name: run.credential.issuer.name },
    ...(key && run.hostIssuer && { subjectId: key.controller }),
    ...(draft && { draft }),
  });
  let record: PledgeCredential = credential;
  if (run.mode === 'event') record = await signing.signViaEvent(run.host, credential);
  else if (key) record = await signing.signWithBrowserKey(credential, key);
  if (run.mode === 'endpoint' || countersign) record = await signing.signViaEndpoint(record, endpoint);
  // A browser key with a host-set issuer and no endpoint makes the employee's proof only; the
  // agency countersigns later.
  const verification = await signing.checkRecord(record as SignedPledge, credential, {
    requireIssuerProof: countersign || !(key && run.hostIssuer),
  });
  return { record: record as SignedPledge, verification };
}
