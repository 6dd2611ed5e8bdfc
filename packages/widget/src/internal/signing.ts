/**
 * The three ways a pledge gets signed, and the check every returned record passes before the
 * element calls the pledge signed: it must verify with `verifyPledge`, and it must be exactly the
 * credential the signer saw, with proofs added.
 *
 * @module
 * @example
 * ```ts
 * const record = await signViaEndpoint(credential, { url: '/api/ikrar', timeoutMs: 15000, retries: 2 });
 * const verification = await checkRecord(record, credential, { requireIssuerProof: true });
 * ```
 */
import type {
  EmployeeType,
  IndonesianTimeZone,
  PledgeCredential,
  PledgeTemplate,
  SignatureStrokes,
  SignedPledge,
  Signer,
  VerifyPledgeResult,
} from '@ikrar/core';
// @ikrar/core/webcrypto hashes and verifies with WebCrypto and loads @noble/* only where the
// browser lacks SHA-256 or Ed25519 there (plain http has no crypto.subtle): a modern browser in a
// secure context signs and verifies without downloading noble.
import {
  canonicalize,
  createPledgeAsync,
  digestSignatureStrokesAsync,
  generateSigner,
  parseJson,
  signPledge,
  verifyPledge,
} from '@ikrar/core/webcrypto';
import { WidgetError } from '../errors.js';
import type { IdentityFields } from './types.js';

/** What the element knows when the signer presses "Sign". */
export interface CredentialInput {
  template: PledgeTemplate;
  language: 'id' | 'en';
  issuer: { id: string; name: string };
  /** The employee's own DID, when a browser key signs for a host-set issuer. */
  subjectId?: string;
  identity: IdentityFields;
  event: { name: string; place: string; date: string };
  pointCount: number;
  signature: { type: 'typed'; name: string } | { type: 'drawn'; strokes: SignatureStrokes };
  timeZone: IndonesianTimeZone;
  /** What the agency reserved (`requestDraft`): the record id, its status entry and evidence. */
  draft?: Draft;
}

/** The agency's draft: `POST <endpoint>/draft` (`@ikrar/server`'s drafts). */
export type Draft = Pick<PledgeCredential, 'id' | 'credentialStatus' | 'evidence'>;

/**
 * Builds the unsigned credential with core's `createPledgeAsync`; a drawn signature is recorded as
 * `digestSignatureStrokesAsync` of its strokes.
 * @param input - the element's state
 * @returns the credential
 * @throws {WidgetError} `ERR_CONFIG_INVALID` when core refuses a field (the detail names it)
 */
export async function buildCredential(input: CredentialInput): Promise<PledgeCredential> {
  const { identity: id, event, signature, draft } = input;
  try {
    const credential = await createPledgeAsync({
      ...(draft && { id: draft.id }),
      template: input.template,
      language: input.language,
      issuer: input.issuer,
      signer: {
        ...(input.subjectId !== undefined && { id: input.subjectId }),
        name: id.name,
        employeeType: id.employeeType as EmployeeType,
        identifier: id.identifier,
        ...(id.position.trim() && { position: id.position }),
        ...(id.workUnit.trim() && { workUnit: id.workUnit }),
      },
      event: {
        name: event.name.trim(),
        ...(event.place.trim() && { place: event.place.trim() }),
        ...(event.date && { date: event.date }),
      },
      consent: {
        acknowledgedPoints: Array.from({ length: input.pointCount }, (_, i) => i + 1),
        ...(signature.type === 'typed'
          ? { method: 'typed' as const, typedName: signature.name }
          : {
              method: 'drawn' as const,
              signatureDigestMultibase: await digestSignatureStrokesAsync(signature.strokes),
            }),
      },
      timeZone: input.timeZone,
    });
    return draft ? { ...credential, ...draft } : credential;
  } catch (cause) {
    const c = cause as { code?: string; message?: string };
    throw new WidgetError('ERR_CONFIG_INVALID', { detail: `${c.code ?? 'Error'}: ${c.message ?? ''}`, cause });
  }
}

/** Options of {@link signViaEndpoint}. */
export interface EndpointOptions {
  url: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Extra attempts after a 5xx, a timeout or a network failure (the credential id makes it idempotent). */
  retries: number;
  /** Extra request headers (a CSRF token, for example). */
  headers?: Record<string, string>;
  /** Aborts every attempt (the element was reset or removed). */
  signal?: AbortSignal;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Parses a record from a response body (text or object) with core's strict JSON parser.
 * @param value - JSON text or an object
 * @returns the object
 * @throws {WidgetError} `ERR_RESPONSE_INVALID`
 */
export function parseRecord(value: unknown): SignedPledge {
  let parsed: unknown;
  try {
    if (typeof value === 'string') parsed = parseJson(value);
    else parsed = parseJson(JSON.stringify(value));
  } catch (cause) {
    throw new WidgetError('ERR_RESPONSE_INVALID', { detail: 'not strict JSON', cause });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new WidgetError('ERR_RESPONSE_INVALID', { detail: 'not a JSON object' });
  }
  return parsed as SignedPledge;
}

async function attempt(credential: object, o: EndpointOptions): Promise<SignedPledge> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  o.signal?.addEventListener('abort', onAbort);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, o.timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(o.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...o.headers },
        body: JSON.stringify(credential),
        credentials: 'same-origin',
        signal: controller.signal,
      });
    } catch (cause) {
      throw new WidgetError(timedOut ? 'ERR_ENDPOINT_TIMEOUT' : 'ERR_ENDPOINT_NETWORK', { cause });
    }
    if (response.status >= 500) throw new WidgetError('ERR_ENDPOINT_FAILED', { status: response.status });
    if (!response.ok) throw new WidgetError('ERR_ENDPOINT_REJECTED', { status: response.status });
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw new WidgetError(timedOut ? 'ERR_ENDPOINT_TIMEOUT' : 'ERR_ENDPOINT_NETWORK', { cause });
    }
    return parseRecord(text);
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * POSTs the unsigned credential as JSON; the answer is the countersigned record. A 5xx, a timeout or
 * a network failure is retried (1 s, then 2 s apart); a 4xx is not.
 * @param credential - from `createPledge`
 * @param options - url, timeout, retries, headers, signal
 * @returns the record as received (not yet checked)
 * @throws {WidgetError} `ERR_ENDPOINT_*` or `ERR_RESPONSE_INVALID`
 */
export async function signViaEndpoint(credential: object, options: EndpointOptions): Promise<SignedPledge> {
  for (let i = 0; ; i++) {
    try {
      return await attempt(credential, options);
    } catch (e) {
      const again = e instanceof WidgetError && e.retryable && i < options.retries && !options.signal?.aborted;
      if (!again) throw e;
      await sleep(1000 * 2 ** i);
    }
  }
}

/**
 * Asks the agency for its draft, `POST <endpoint>/draft`, before a browser key signs: the record
 * id, its `credentialStatus` and `evidence` go into the credential the employee signs. Retried as
 * {@link signViaEndpoint}.
 * @param options - the endpoint's options
 * @returns the draft: `id`, and `credentialStatus` and `evidence` when the agency gives them
 * @throws {WidgetError} `ERR_ENDPOINT_*` or `ERR_RESPONSE_INVALID`
 */
export async function requestDraft(options: EndpointOptions): Promise<Draft> {
  const { id, credentialStatus, evidence } = (await signViaEndpoint(
    {},
    { ...options, url: options.url.replace(/\/?(?=[?#]|$)/, '/draft') },
  )) as Partial<Draft>;
  if (typeof id !== 'string') throw new WidgetError('ERR_RESPONSE_INVALID', { detail: 'draft without an id' });
  return { id, ...(credentialStatus && { credentialStatus }), ...(evidence && { evidence }) };
}

/**
 * Asks the host page through a cancelable `ikrar-sign-request` event.
 * @param target - the element
 * @param credential - from `createPledge`
 * @returns the record the host supplied (not yet checked)
 * @throws {WidgetError} `ERR_SIGN_REQUEST_UNANSWERED`, `ERR_SIGN_REQUEST_CANCELED`, `ERR_SIGN_REQUEST_FAILED`, `ERR_RESPONSE_INVALID`
 */
export async function signViaEvent(target: HTMLElement, credential: PledgeCredential): Promise<SignedPledge> {
  let answer: Promise<unknown> | null = null;
  const event = new CustomEvent('ikrar-sign-request', {
    bubbles: true,
    composed: true,
    cancelable: true,
    detail: {
      credential: structuredClone(credential),
      respondWith(record: unknown): void {
        if (answer) throw new Error('respondWith() was already called');
        answer = Promise.resolve(record);
      },
    },
  });
  target.dispatchEvent(event);
  const pending = answer as Promise<unknown> | null;
  if (!pending) {
    throw new WidgetError(event.defaultPrevented ? 'ERR_SIGN_REQUEST_CANCELED' : 'ERR_SIGN_REQUEST_UNANSWERED');
  }
  let value: unknown;
  try {
    value = await pending;
  } catch (cause) {
    throw new WidgetError('ERR_SIGN_REQUEST_FAILED', { cause });
  }
  return parseRecord(value);
}

/**
 * A fresh key for this signing: WebCrypto Ed25519, non-extractable, where the browser has it; else
 * a noble key held only in memory for this one signature (noble is loaded for it then).
 * @returns the signer
 */
export async function browserSigner(): Promise<Signer> {
  return generateSigner();
}

/**
 * Signs in the browser with a fresh key (from {@link browserSigner}), hashing with WebCrypto where
 * the browser has it.
 * @param credential - from `createPledge` (its issuer or subject id is the signer's DID)
 * @param signer - from {@link browserSigner}
 * @returns the signed record
 * @throws {WidgetError} `ERR_SIGNING_FAILED`
 */
export async function signWithBrowserKey(credential: PledgeCredential, signer: Signer): Promise<SignedPledge> {
  try {
    return await signPledge(credential, signer);
  } catch (cause) {
    throw new WidgetError('ERR_SIGNING_FAILED', { cause });
  }
}

/**
 * Checks a returned record: it verifies, and without its proofs it is byte for byte (RFC 8785) the
 * credential the signer saw (plus, under the agency's proof, the agency's `credentialStatus`).
 * @param record - as returned
 * @param credential - as sent
 * @param options - `requireIssuerProof`
 * @returns the verification
 * @throws {WidgetError} `ERR_RECORD_MISMATCH`, `ERR_RECORD_UNVERIFIED`
 */
export async function checkRecord(
  record: SignedPledge,
  credential: PledgeCredential,
  options: { requireIssuerProof: boolean },
): Promise<VerifyPledgeResult> {
  const { proof: _proof, ...rest } = record as SignedPledge & Record<string, unknown>;
  // The agency may add what it checked itself (VC 2.0 §5.6 `evidence`, e.g. presence at the apel):
  // its own statement, covered by its proof, which verifyPledge checks below. Everything the
  // signer saw must still be exactly as sent.
  if (!('evidence' in credential)) delete rest.evidence;
  // Likewise its revocation entry (Bitstring Status List), when its proof is required.
  if (options.requireIssuerProof && !('credentialStatus' in credential)) delete rest.credentialStatus;
  let same: boolean;
  try {
    same = canonicalize(rest) === canonicalize(credential);
  } catch {
    same = false;
  }
  if (!same) throw new WidgetError('ERR_RECORD_MISMATCH');
  const verification = await verifyPledge(record, { requireIssuerProof: options.requireIssuerProof });
  if (!verification.verified) throw new WidgetError('ERR_RECORD_UNVERIFIED', { detail: verification.code });
  return verification;
}
