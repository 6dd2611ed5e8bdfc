/**
 * What the certificate of a collective *pakta integritas* shows: every named representative with
 * their electronic signature (when they signed, in the event's zone, and the key they signed with),
 * or that they have not signed yet; the agency's *Mengetahui* line comes from its chained proof as
 * for a single signer.
 *
 * @module
 * @example
 * ```ts
 * const signers = representativeViews(record, 'WIB', CERTIFICATE_LABELS.id, true);
 * ```
 */
import { collectiveProgress, type SignedCollective } from '../collective.js';
import { maskIdentifier } from '../identity.js';
import type { SignerView } from './certificate-layout.js';
import { formatLocalDateTime, type CertificateLabels } from './labels.js';
import type { CertificateView } from './certificate-layout.js';
import type { RenderCertificateOptions } from './types.js';
import { bad, countersignature, labelsOf, pledgeTextView, readRecord, str } from './record-view.js';
import type { SignedPledge } from '../record.js';
import { zoneOfTimestamp } from '../time.js';

function text(value: unknown, path: string): string {
  if (typeof value !== 'string') {
    bad(path, 'expected-text');
  }
  return value.normalize('NFC');
}

/** `did:key:z6MkhaXg…` → `z6Mkha…Xg12`: enough to tell keys apart on paper. */
function shortKey(controller: string): string {
  const key = controller.startsWith('did:key:') ? controller.slice('did:key:'.length) : controller;
  return key.length <= 16 ? key : `${key.slice(0, 8)}…${key.slice(-6)}`;
}

/**
 * One view per representative, in the document's order.
 * @param record - a collective record (`PaktaIntegritasCredential`), signed or not yet by all
 * @param zone - the event's zone
 * @param L - the labels' language
 * @param mask - print only the last four characters of the identifiers
 * @returns the signers' views
 * @throws {RecordInvalidError} when a representative lacks what the page shows
 */
export function representativeViews(
  record: SignedCollective,
  zone: string,
  L: CertificateLabels,
  mask: boolean,
): SignerView[] {
  const progress = collectiveProgress(record);
  return record.credentialSubject.representatives.map((rep, i) => {
    const path = `credentialSubject.representatives[${i}]`;
    const id = text(rep.identifier, `${path}.identifier`);
    const scheme = L.identifier[rep.identifierScheme] ?? L.identifier.OTHER;
    const details = [rep.position, rep.workUnit]
      .filter((v) => v !== undefined)
      .map((v, j) => text(v, `${path}.${j === 0 && rep.position !== undefined ? 'position' : 'workUnit'}`));
    const p = progress.representatives[i];
    const at = p?.signedAt === undefined ? null : formatLocalDateTime(p.signedAt, zone, L);
    return {
      name: text(rep.name, `${path}.name`),
      idLine: `${scheme} ${mask ? maskIdentifier(id) : id}`,
      details: details.join(' · '),
      signedLine:
        p?.signed && at !== null
          ? L.representativeSigned(at.date, at.time, shortKey(p.controller ?? ''))
          : L.representativeNotSigned,
      signed: p?.signed === true,
    };
  });
}

/** The page of a collective pakta integritas: the text, the event, every representative, Mengetahui. */
export function buildCollectiveView(
  record: SignedCollective,
  options: RenderCertificateOptions,
  code: string,
  fileName: string,
): CertificateView {
  const parts = readRecord(record as unknown as SignedPledge, true);
  const { pledge } = parts;
  const L = labelsOf(options);
  const zone = zoneOfTimestamp(str(record.validFrom, 'validFrom')) ?? 'WIB';
  const at = formatLocalDateTime(record.validFrom, zone, L);
  if (at === null) bad('validFrom', 'expected-time');
  const signers = representativeViews(record, zone, L, options.maskIdentifiers ?? true);
  const { eventName, place, text } = pledgeTextView(record as unknown as SignedPledge, parts, L, at.date);
  const rows: [string, string][] = [[L.event, eventName]];
  if (place !== '') rows.push([L.place, place]);
  return {
    labels: L,
    ...text,
    rows,
    pledgedBy: L.pledgedBy[pledge.kind] ?? L.pledgedBy['pakta-integritas'],
    signedLine: '',
    signerName: signers.map((s) => s.name).join(', '),
    signerIdLine: '',
    signature: { kind: 'click' },
    signers,
    code,
    hasLogo: options.logo !== undefined,
    footer: L.footer(fileName),
    recordId: str(record.id, 'id'),
    countersignature: countersignature(record as unknown as SignedPledge, zone, L),
  };
}
