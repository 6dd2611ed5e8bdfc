/**
 * Renders the *Ikrar Netralitas ASN* / *Pakta Integritas* certificate of a signed record as PDF bytes:
 * an A4 page with the agency header, the pledge text exactly as signed, the signer, place and date in
 * the signer's zone, the drawn signature (vector strokes) or typed name, a QR code and a short
 * verification code, and the signed record itself attached as `ikrar-<uuid>.json`, so the PDF alone
 * verifies offline. The same input gives the same bytes: every date in the file comes from the record
 * (or `options.date`), never from the clock.
 *
 * @module
 * @example
 * ```ts
 * import { renderCertificate } from '@ikrar/core/pdf';
 * const pdf = await renderCertificate(record, { signature: pad.toData(), language: 'id' });
 * ```
 */
import { PDFDocument, PDFName } from 'pdf-lib';
import { pdfRecordInvalid } from '../internal/pdf-messages.js';
import { maskIdentifier } from '../identity.js';
import type { SignedPledge } from '../record.js';
import { digestJson } from '../digest.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { normalizeSignatureStrokes, type SignatureStrokes } from '../signature-strokes.js';
import { parseTimestamp } from '../time.js';
import { representativesOf, type SignedCollective } from '../collective.js';
import { buildCollectiveView } from './collective-view.js';
import { bad, countersignature, labelsOf, pledgeTextView, presenceRow, readRecord, str } from './record-view.js';
import { attachRecord } from './attach-record.js';
import { layoutCertificate, type CertificateView } from './certificate-layout.js';
import { DocumentFonts } from './embed-font.js';
import { loadFontSet } from './fonts.js';
import { formatLocalDateTime } from './labels.js';
import { embedLogo } from './logo.js';
import { paintPages, StreamWriter } from './paint.js';
import { writePdfA } from './pdfa.js';
import { verificationCode } from './verification-code.js';
import type { RenderCertificateOptions } from './types.js';

export type { RenderCertificateOptions } from './types.js';

function fileNameOf(id: string): string {
  const m = /^urn:uuid:([0-9a-f-]{36})$/i.exec(id);
  return `ikrar-${m ? (m[1] as string).toLowerCase() : 'record'}.json`;
}

function buildView(
  record: SignedPledge,
  options: RenderCertificateOptions,
  code: string,
  fileName: string,
): CertificateView {
  const parts = readRecord(record);
  const { signer, pledge, consent } = parts;
  const L = labelsOf(options);
  const mask = options.maskIdentifiers ?? true;
  const identifier = str(signer.identifier, 'credentialSubject.signer.identifier');
  const shownId = mask ? maskIdentifier(identifier) : identifier;
  const scheme = L.identifier[signer.identifierScheme] ?? L.identifier.OTHER;
  const zone = str(consent.timeZone, 'credentialSubject.consent.timeZone');
  const at = formatLocalDateTime(str(consent.acknowledgedAt, 'credentialSubject.consent.acknowledgedAt'), zone, L);
  if (at === null) bad('credentialSubject.consent.acknowledgedAt', 'expected-time');
  const { eventName, place, text } = pledgeTextView(record, parts, L, at.date);
  const rows: [string, string][] = [
    [L.name, str(signer.name, 'credentialSubject.signer.name')],
    [scheme, shownId],
    [L.employeeType, L.employeeTypes[signer.employeeType] ?? String(signer.employeeType)],
  ];
  if (signer.position !== undefined) rows.push([L.position, str(signer.position, 'credentialSubject.signer.position')]);
  if (signer.workUnit !== undefined) rows.push([L.workUnit, str(signer.workUnit, 'credentialSubject.signer.workUnit')]);
  rows.push([L.event, eventName]);
  if (place !== '') rows.push([L.place, place]);
  const presence = presenceRow(record, zone, L);
  if (presence) rows.push(presence);
  const method = consent.method;
  let signature: CertificateView['signature'];
  if (method === 'typed') signature = { kind: 'typed', text: str(consent.typedName, 'consent.typedName') };
  else if (method === 'drawn') signature = { kind: options.signature ? 'drawn' : 'drawn-missing' };
  else signature = { kind: 'click' };
  return {
    labels: L,
    ...text,
    rows,
    pledgedBy: L.pledgedBy[pledge.kind] ?? L.pledgedBy.ikrar,
    signedLine: `${L.signedAt} ${at.date} ${at.time} · ${L.method[method] ?? String(method)}`,
    signerName: str(signer.name, 'credentialSubject.signer.name'),
    signerIdLine: `${scheme} ${shownId}`,
    signature,
    code,
    hasLogo: options.logo !== undefined,
    footer: L.footer(fileName),
    recordId: str(record.id, 'id'),
    countersignature: countersignature(record, zone, L),
  };
}

function checkSignature(record: SignedPledge, signature: SignatureStrokes | undefined): SignatureStrokes | undefined {
  if (signature === undefined) return undefined;
  const consent = record.credentialSubject.consent;
  const path = 'credentialSubject.consent.signatureDigestMultibase';
  if (consent.method !== 'drawn' || typeof consent.signatureDigestMultibase !== 'string') {
    throw pdfRecordInvalid(path, 'drawing-not-drawn');
  }
  // The same as digestSignatureStrokes(signature), normalizing once for both the check and the drawing.
  const normalized = normalizeSignatureStrokes(signature);
  if (digestJson(normalized) !== consent.signatureDigestMultibase) {
    throw pdfRecordInvalid(path, 'drawing-mismatch');
  }
  return normalized;
}

function metadataDate(record: SignedPledge, option: Date | string | undefined): Date {
  const d = option === undefined ? parseTimestamp(record.validFrom) : new Date(option);
  if (d === null) bad('validFrom', 'expected-time');
  if (Number.isNaN(d.getTime())) throw new RangeError('"options.date" expected a valid date');
  return d;
}

/**
 * Renders the certificate of a signed record. It does not verify the record: verify it first
 * (`verifyPledge`) when it comes from elsewhere.
 * @param document - the signed record (attached as is, as pretty-printed JSON), or a collective
 *   pakta integritas (`PaktaIntegritasCredential`): every representative is listed with the time
 *   and key of their signature, or that they have not signed yet
 * @param options - drawn signature, QR URL, logo, masking, label language, fixed date
 * @returns the PDF bytes
 * @throws TypeError when `record` is not an object or `logo` not bytes
 * @throws RangeError for an unknown language, an invalid date, a logo that is neither PNG nor JPEG,
 *   or a verification URL too long for a QR code
 * @throws {RecordInvalidError} `ERR_RECORD_INVALID` when the record lacks what the page shows, or
 *   `options.signature` does not match its `consent.signatureDigestMultibase`
 * @throws {CanonicalizationError} `ERR_CANONICALIZATION_FAILED` when the record is not plain JSON
 * @example const bytes = await renderCertificate(record, { signature, verificationUrl: 'https://x.go.id/v/{id}' });
 */
export async function renderCertificate(
  document: SignedPledge | SignedCollective,
  options: RenderCertificateOptions = {},
): Promise<Uint8Array> {
  if (typeof document !== 'object' || document === null) throw new TypeError('"record" expected object');
  const record = document as SignedPledge;
  const code = verificationCode(record);
  const fileName = fileNameOf(String(record.id));
  const collective = representativesOf(document) !== null;
  if (collective && options.signature !== undefined) {
    throw pdfRecordInvalid('credentialSubject.representatives', 'drawing-collective');
  }
  // The view checks the fields the page shows, so the signature check may rely on them.
  const view = collective
    ? buildCollectiveView(document as SignedCollective, options, code, fileName)
    : buildView(record, options, code, fileName);
  const signature = collective ? undefined : checkSignature(record, options.signature);
  const date = metadataDate(record, options.date);
  const qrText =
    options.verificationUrl === undefined
      ? `IKRAR:${fileName.slice(6, -5).toUpperCase()}:${code}`
      : options.verificationUrl
          .replaceAll('{id}', encodeURIComponent(view.recordId.replace(/^urn:uuid:/i, '')))
          .replaceAll('{code}', encodeURIComponent(code));

  const fonts = await loadFontSet();
  const pages = layoutCertificate(view, fonts);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const logo = options.logo === undefined ? undefined : await embedLogo(doc, options.logo);
  const streams = new StreamWriter(doc);
  const embedded = new DocumentFonts(doc, streams);
  paintPages(doc, streams, pages, { fonts, embedded, qrText, signature, logo });
  embedded.finish();
  const L = view.labels;
  doc.catalog.set(PDFName.of('ViewerPreferences'), doc.context.obj({ DisplayDocTitle: true }));
  const json = new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`);
  await writePdfA(doc, {
    title: `${view.title} — ${view.signerName}`,
    author: view.signerName,
    subject: `${view.agency} · ${view.eventLine} · ${L.verificationCode} ${code}`,
    keywords: ['ikrar-netralitas', 'verifiable-credential', 'eddsa-jcs-2022', view.recordId].join(' '),
    creator: '@ikrar/core/pdf',
    producer: '@ikrar/core/pdf (pdf-lib)',
    language: L.locale,
    date,
    // ISO 32000-1 §14.4: the same record and options give the same identifier, others another.
    id: sha256(
      new TextEncoder().encode(
        `${JSON.stringify([date.toISOString(), view.labels.locale, options.maskIdentifiers ?? true, qrText])}\n${JSON.stringify(record)}`,
      ),
    ).subarray(0, 16),
  });
  attachRecord(doc, streams, json, fileName, L.attachmentDescription, date);
  await streams.flush();
  // A classic cross-reference table: object streams would be deflated again in JavaScript.
  return doc.save({ useObjectStreams: false });
}
