/**
 * Revocation for auditors (Bitstring Status List v1.0): saved status list credentials are each
 * verified (core's checks of a record, then the list decoded once) and their issuer checked
 * against the trust store at the list's signing time. A record whose entry names a loaded list
 * with its bit set is `revoked`; with `requireStatus`, a record that names a list not given is
 * `status-unknown`. Runs in browsers as in Node (no I/O here).
 *
 * @module
 * @example
 * ```ts
 * import { loadStatusLists, createRecordVerifier } from '@ikrar/verifier';
 * const statusLists = await loadStatusLists([{ credential: JSON.parse(text), source: 'status-1.json' }], { trustStore });
 * const verifier = createRecordVerifier({ trustStore, statusLists, requireStatus: true });
 * ```
 */
import { isIkrarError } from '@ikrar/core';
import type { Reason } from '@ikrar/core/errors';
import { isEntrySet, readStatusEntries, verifyStatusListCredential, type VerifiedStatusList } from '@ikrar/core/status';
import { StatusListInvalidError, type VerifierMessage } from './errors.js';
import type { RecordReason } from './verdicts.js';
import type { StrictVerify } from './strict-signature.js';
import { trustAt, type TrustStore } from './trust-store.js';
import { keyResolver } from './internal/keys.js';

/** Verified lists by credential `id` (the URL records name). Plain data: it can be sent to a worker. */
export type StatusLists = ReadonlyMap<string, VerifiedStatusList>;

/** A list credential to load, with where it came from (for errors). */
export interface StatusListInput {
  readonly credential: unknown;
  readonly source?: string;
}

/** Options of {@link loadStatusLists}. */
export interface LoadStatusListsOptions {
  readonly trustStore: TrustStore;
  /** Signature check; default core's strict one. */
  readonly verifySignature?: StrictVerify;
  /** Largest list accepted, in entries (core's default 16,777,216). */
  readonly maxLength?: number;
}

const TRUST_TEXT: Record<string, VerifierMessage> = {
  untrusted: { id: 'penerbitnya tidak ada dalam daftar kepercayaan', en: 'its issuer is not in the trust store' },
  revoked: {
    id: 'kunci penerbitnya sudah dicabut saat daftar ditandatangani',
    en: "its issuer's key was revoked when it was signed",
  },
  'not-yet-valid': {
    id: 'ditandatangani sebelum kunci penerbit berlaku',
    en: "it was signed before the issuer's key became valid",
  },
  expired: { id: 'ditandatangani setelah kunci penerbit berakhir', en: "it was signed after the issuer's key expired" },
  'no-created': { id: 'buktinya tidak mencantumkan waktu (created)', en: 'its proof has no created time' },
  'duplicate-id': {
    id: 'id yang sama sudah dimuat dari daftar lain',
    en: 'another list with the same id was already loaded',
  },
};

function invalid(source: string, reason: Reason, why: VerifierMessage): StatusListInvalidError {
  const r = reason.path === undefined ? reason.code : `${reason.code} at ${reason.path}`;
  return new StatusListInvalidError(source, reason, {
    id: `Daftar status ${source} tidak dapat dipakai: ${why.id} (${r}).`,
    en: `Status list ${source} cannot be used: ${why.en} (${r}).`,
  });
}

/**
 * Verifies status list credentials against the trust store and decodes each list once.
 *
 * @param inputs - parsed credentials with their sources
 * @param options - trust store, signature check, size limit
 * @returns the lists by `id`
 * @throws {StatusListInvalidError} `ERR_STATUS_LIST_INVALID` for the first list that cannot be used
 * @example await loadStatusLists([{ credential, source: 'status.json' }], { trustStore })
 */
export async function loadStatusLists(
  inputs: readonly StatusListInput[],
  options: LoadStatusListsOptions,
): Promise<StatusLists> {
  const lists = new Map<string, VerifiedStatusList>();
  const resolveKey = keyResolver(options.trustStore);
  for (const [i, input] of inputs.entries()) {
    const source = input.source ?? `#${i + 1}`;
    const r = await verifyStatusListCredential(input.credential, {
      resolveKey,
      ...(options.verifySignature && { verifySignature: options.verifySignature }),
      ...(options.maxLength !== undefined && { maxLength: options.maxLength }),
    });
    if (!r.verified) {
      throw invalid(source, r.path !== undefined ? { code: r.code, path: r.path } : { code: r.code }, {
        id: r.message.id.replace(/\.$/, '').toLowerCase(),
        en: r.message.en.replace(/\.$/, '').toLowerCase(),
      });
    }
    const list = r.statusList;
    if (list.created === undefined)
      throw invalid(source, { code: 'no-created' }, TRUST_TEXT['no-created'] as VerifierMessage);
    const trust = trustAt(options.trustStore, list.issuer, list.created);
    if (trust.status !== 'trusted') {
      throw invalid(source, { code: trust.status }, TRUST_TEXT[trust.status] as VerifierMessage);
    }
    if (lists.has(list.id))
      throw invalid(source, { code: 'duplicate-id' }, TRUST_TEXT['duplicate-id'] as VerifierMessage);
    lists.set(list.id, list);
  }
  return lists;
}

type StatusUnknownCode = 'ERR_STATUS_LIST_NOT_GIVEN' | 'ERR_STATUS_ISSUER_MISMATCH' | 'ERR_STATUS_PURPOSE_MISMATCH';

/** What {@link statusOfRecord} says about a verified record. */
export type RecordStatus =
  | { readonly status: 'not-revoked' | 'unchecked' }
  | { readonly status: 'revoked' | 'unknown' | 'malformed'; readonly reason: RecordReason };

/**
 * The revocation status of a record whose signatures and issuer already check out.
 *
 * @param record - the parsed record
 * @param issuer - its issuer (a list by another issuer does not speak for it)
 * @param lists - from {@link loadStatusLists}
 * @param requireStatus - a record naming no loaded list is `unknown` (else `unchecked`)
 * @returns the status, with a stable reason when it is not good
 * @example statusOfRecord(record, issuer, lists, true).status
 */
export function statusOfRecord(
  record: unknown,
  issuer: string,
  lists: StatusLists,
  requireStatus: boolean,
): RecordStatus {
  let entries;
  try {
    entries = readStatusEntries(record).filter((e) => e.statusPurpose === 'revocation');
  } catch (err) {
    if (isIkrarError(err) && err.code === 'ERR_STATUS_ENTRY_INVALID') {
      return { status: 'malformed', reason: { code: 'ERR_STATUS_ENTRY_INVALID', path: err.path } };
    }
    throw err;
  }
  if (entries.length === 0)
    return requireStatus ? { status: 'unknown', reason: { code: 'ERR_STATUS_MISSING' } } : { status: 'unchecked' };
  let unknown: StatusUnknownCode | undefined;
  for (const entry of entries) {
    const list = lists.get(entry.statusListCredential);
    if (!list) {
      unknown ??= 'ERR_STATUS_LIST_NOT_GIVEN';
      continue;
    }
    if (list.issuer !== issuer) {
      unknown = 'ERR_STATUS_ISSUER_MISMATCH';
      continue;
    }
    if (list.statusPurpose !== 'revocation') {
      unknown = 'ERR_STATUS_PURPOSE_MISMATCH';
      continue;
    }
    if (entry.statusListIndex >= list.list.length * 8) {
      return {
        status: 'malformed',
        reason: { code: 'ERR_STATUS_ENTRY_INVALID', path: 'credentialStatus.statusListIndex' },
      };
    }
    if (isEntrySet(list.list, entry)) {
      return {
        status: 'revoked',
        reason: {
          code: 'ERR_STATUS_REVOKED',
          path: 'credentialStatus',
          detail: `${entry.statusListCredential}#${entry.statusListIndex}`,
        },
      };
    }
  }
  if (unknown === undefined) return { status: 'not-revoked' };
  // A list by another issuer, or of another purpose, can never vouch: unknown even when not required.
  if (unknown === 'ERR_STATUS_LIST_NOT_GIVEN' && !requireStatus) return { status: 'unchecked' };
  return { status: 'unknown', reason: { code: unknown } };
}
