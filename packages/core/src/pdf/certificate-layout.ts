/**
 * Where everything goes on the certificate: agency header, title, event, the pledge text exactly as
 * signed, the signer table, then a block that is never split across pages with the QR code and
 * verification code on the left and place, date and signature on the right. A footer on every page
 * says what the document is and numbers the pages.
 *
 * The body size shrinks step by step (10.5 pt down to 7.5 pt) until everything fits on one A4 page;
 * longer texts (custom templates allow 20 points of 4000 characters) flow onto more pages at 9.5 pt,
 * each continuation page headed by the title and the signer's name.
 *
 * @module
 * @example
 * ```ts
 * const pages = layoutCertificate(view, fonts);
 * ```
 */
import type { FontSet } from './types.js';
import type { CertificateLabels } from './labels.js';
import { A4_HEIGHT, A4_WIDTH, Flow, GREY, INK, wrapText, type DrawOp, type Rgb } from './layout.js';
import { placeSigners, type SignerView } from './signers-layout.js';

export type { SignerView };

/** How the signature area is filled. */
export type SignatureView =
  { kind: 'drawn' } | { kind: 'drawn-missing' } | { kind: 'typed'; text: string } | { kind: 'click' };

/** Every string and choice the page shows, already localized and masked. */
export interface CertificateView {
  labels: CertificateLabels;
  agency: string;
  title: string;
  eventLine: string;
  preamble: string;
  points: readonly string[];
  closing: string;
  legalBasis: readonly string[];
  rows: readonly (readonly [string, string])[];
  placeDate: string;
  /** "Yang berikrar," or "Yang menyatakan,", by the kind of pledge. */
  pledgedBy: string;
  signedLine: string;
  signerName: string;
  signerIdLine: string;
  signature: SignatureView;
  code: string;
  hasLogo: boolean;
  footer: string;
  recordId: string;
  /**
   * A collective pakta integritas: every representative, listed under the text with their
   * electronic signature; the signature block then holds only place, date and *Mengetahui*.
   */
  signers?: readonly SignerView[] | undefined;
  /** The agency's countersignature (*Mengetahui*), under the signer's; absent when the agency has not signed. */
  countersignature?: { by: string; at: string } | undefined;
}

const MARGIN_X = 56;
const MARGIN_TOP = 48;
const MARGIN_BOTTOM = 36;
const FOOTER_SIZE = 6.8;
const BODY_SIZES = [10.5, 10, 9.5, 9, 8.5, 8, 7.5];
/** Body size when the text needs several pages anyway: readable rather than small. */
const MULTI_PAGE_BODY = 9.5;
const QR_SIZE = 84;
/** Light space kept around the QR code, in points (at least four modules). */
const QR_QUIET = 14;
const SIGNATURE_HEIGHT = 62;

function footerHeight(fonts: FontSet, view: CertificateView): number {
  const lines = wrapText(fonts, view.footer, A4_WIDTH - 2 * MARGIN_X, FOOTER_SIZE, 'regular').length + 1;
  return lines * FOOTER_SIZE * 1.3 + 10;
}

function layoutAt(view: CertificateView, fonts: FontSet, body: number): DrawOp[][] {
  const footer = footerHeight(fonts, view);
  const flow = new Flow(fonts, {
    width: A4_WIDTH,
    height: A4_HEIGHT,
    marginX: MARGIN_X,
    marginTop: MARGIN_TOP,
    bottom: MARGIN_BOTTOM + footer + 6,
  });
  const L = view.labels;
  flow.onNewPage = (f) => {
    // Continuation pages say whose certificate they belong to.
    f.paragraph(`${view.title} · ${view.signerName}`, { size: 7.5, color: GREY });
    f.space(8);
  };
  // Header: logo box on the left, agency name beside it.
  const headerTop = flow.y;
  const logo = view.hasLogo ? 50 : 0;
  const indent = logo > 0 ? logo + 12 : 0;
  if (logo > 0) flow.ops.push({ kind: 'logo', box: { x: MARGIN_X, y: headerTop - logo, width: logo, height: logo } });
  const agencySize = 13;
  const agencyHeight = flow.measure(view.agency, { size: agencySize, role: 'bold', indent }).height;
  if (logo > agencyHeight) flow.space((logo - agencyHeight) / 2);
  flow.paragraph(view.agency, { size: agencySize, role: 'bold', indent, leading: 1.25 });
  flow.y = Math.min(flow.y, headerTop - logo) - 8;
  flow.rule(INK, 1.2);
  flow.space(18);
  flow.paragraph(view.title, { size: body + 5, role: 'bold', align: 'center', leading: 1.25 });
  flow.space(2);
  flow.paragraph(view.eventLine, { size: body, color: GREY, align: 'center' });
  flow.space(body * 1.2);
  if (view.preamble !== '') {
    flow.paragraph(view.preamble, { size: body });
    flow.space(body * 0.5);
  }
  const numberWidth = fonts.width(`${view.points.length}.`, body, 'regular') + body;
  view.points.forEach((point, i) => {
    const lineHeight = body * 1.35;
    flow.ensure(lineHeight);
    flow.placeLine(`${i + 1}.`, MARGIN_X, numberWidth, body, 'regular', INK, 'left');
    flow.paragraph(point, { size: body, indent: numberWidth });
    flow.space(body * 0.35);
  });
  if (view.closing !== '') {
    flow.space(body * 0.15);
    flow.paragraph(view.closing, { size: body });
  }
  if (view.legalBasis.length > 0) {
    flow.space(body * 0.5);
    flow.paragraph(`${L.legalBasis}: ${view.legalBasis.join('; ')}`, { size: body - 2.5, color: GREY });
  }
  // Signer table: labels in a fixed column, values wrapped beside them.
  flow.space(body * 1.1);
  const small = body - 0.5;
  const labelWidth = 118;
  for (const [label, value] of view.rows) {
    const m = flow.measure(value, { size: small, indent: labelWidth });
    flow.ensure(Math.min(m.height, small * 1.35 * 2));
    flow.placeLine(label, MARGIN_X, labelWidth, small, 'regular', GREY, 'left');
    flow.paragraph(value, { size: small, indent: labelWidth });
  }
  if (view.signers !== undefined) placeSigners(flow, view.pledgedBy, view.signers, body);
  // ISO/IEC 18004 §6.3.8: four light modules around the QR code; 14 pt covers version 2 and up.
  flow.space(Math.max(body * 1.4, QR_QUIET));
  placeSignatureBlock(flow, view, body);
  const pages = flow.pages;
  // Footer on every page, numbered once the page count is known.
  pages.forEach((ops, i) => {
    const f = new Flow(fonts, { ...flow.page, marginTop: A4_HEIGHT - MARGIN_BOTTOM - footer, bottom: 0 });
    f.pages[0] = ops;
    f.rule(GREY, 0.4);
    f.space(4);
    f.paragraph(view.footer, { size: FOOTER_SIZE, color: GREY, leading: 1.3 });
    const line = f.y;
    f.placeLine(view.recordId, MARGIN_X, f.contentWidth, FOOTER_SIZE, 'regular', GREY, 'left');
    f.y = line;
    f.placeLine(L.page(i + 1, pages.length), MARGIN_X, f.contentWidth, FOOTER_SIZE, 'regular', GREY, 'right');
  });
  return pages;
}

function placeSignatureBlock(flow: Flow, view: CertificateView, body: number): void {
  const L = view.labels;
  const size = body - 0.5;
  const colX = MARGIN_X + flow.contentWidth * 0.48;
  const colW = flow.contentWidth * 0.52;
  const right = (text: string, s: number, role: 'regular' | 'bold' = 'regular') =>
    wrapText(flow.fonts, text, colW, s, role);
  const placeLines = right(view.placeDate, size);
  const nameLines = right(view.signerName, size + 0.5, 'bold');
  const idLines = right(view.signerIdLine, size - 0.5);
  const signedLines = right(view.signedLine, size - 2);
  // The agency's countersignature under the signer's: "Mengetahui,", the agency, when it signed.
  const counter = view.countersignature;
  const counterLines: { text: string; size: number; role: 'regular' | 'bold'; color: Rgb }[] = [];
  if (counter !== undefined) {
    for (const text of right(counter.by, size)) counterLines.push({ text, size, role: 'regular', color: INK });
    for (const text of right(view.agency, size, 'bold')) counterLines.push({ text, size, role: 'bold', color: INK });
    if (counter.at !== '') {
      for (const text of right(counter.at, size - 2))
        counterLines.push({ text, size: size - 2, role: 'regular', color: GREY });
    }
  }
  const counterHeight = counter === undefined ? 0 : size * 1.2 + counterLines.reduce((h, l) => h + l.size * 1.3, 0);
  // A collective record lists its signers above; this block then holds place, date and Mengetahui.
  const personal = view.signers === undefined;
  const rightHeight = personal
    ? counterHeight +
      (placeLines.length + 1) * size * 1.35 +
      SIGNATURE_HEIGHT +
      8 +
      nameLines.length * (size + 0.5) * 1.3 +
      idLines.length * (size - 0.5) * 1.3 +
      signedLines.length * (size - 2) * 1.3
    : counterHeight + placeLines.length * size * 1.35;
  const leftHeight = QR_SIZE + QR_QUIET + 3 * 9 * 1.3;
  flow.ensure(Math.max(rightHeight, leftHeight));
  const top = flow.y;
  // Left: QR code, verification code.
  flow.ops.push({ kind: 'qr', box: { x: MARGIN_X, y: top - QR_SIZE, width: QR_SIZE, height: QR_SIZE } });
  flow.y = top - QR_SIZE - QR_QUIET;
  flow.placeLine(L.verificationCode, MARGIN_X, 160, 7.5, 'regular', GREY, 'left');
  flow.y -= 7.5 * 1.35;
  flow.placeLine(view.code, MARGIN_X, 160, 11, 'bold', INK, 'left');
  flow.y -= 11 * 1.3;
  flow.placeLine(L.scanToVerify, MARGIN_X, 160, 7.5, 'regular', GREY, 'left');
  const leftBottom = flow.y - 7.5 * 1.35;
  // Right: place and date, "pledged by", the signature, name and identifier.
  flow.y = top;
  const lines = (ls: string[], s: number, role: 'regular' | 'bold' | 'italic', color = INK, leading = 1.35) => {
    for (const l of ls) {
      flow.placeLine(l, colX, colW, s, role, color, 'left');
      flow.y -= s * leading;
    }
  };
  lines(placeLines, size, 'regular');
  if (!personal) {
    for (const l of counterLines) lines([l.text], l.size, l.role, l.color, 1.3);
    flow.y = Math.min(flow.y, leftBottom);
    return;
  }
  lines([view.pledgedBy], size, 'regular');
  const box = { x: colX, y: flow.y - SIGNATURE_HEIGHT, width: Math.min(200, colW), height: SIGNATURE_HEIGHT };
  const sig = view.signature;
  if (sig.kind === 'drawn') {
    flow.ops.push({ kind: 'signature', box });
  } else {
    const note = sig.kind === 'typed' ? sig.text : sig.kind === 'click' ? L.clickNote : L.drawnMissing;
    let s = sig.kind === 'typed' ? 20 : size - 1;
    while (s > 7 && flow.fonts.width(note, s, 'italic') > box.width) s -= 0.5;
    const noteLines = wrapText(flow.fonts, note, box.width, s, 'italic');
    flow.y = box.y + box.height / 2 + (noteLines.length * s * 1.2) / 2;
    for (const l of noteLines) {
      flow.placeLine(l, box.x, box.width, s, 'italic', [0.06, 0.12, 0.4], 'left');
      flow.y -= s * 1.2;
    }
  }
  flow.ops.push({
    kind: 'line',
    x1: box.x,
    y1: box.y - 2,
    x2: box.x + box.width,
    y2: box.y - 2,
    width: 0.5,
    color: GREY,
  });
  flow.y = box.y - 8;
  lines(nameLines, size + 0.5, 'bold', INK, 1.3);
  lines(idLines, size - 0.5, 'regular', INK, 1.3);
  lines(signedLines, size - 2, 'regular', GREY, 1.3);
  if (counter !== undefined) flow.y -= size * 1.2;
  for (const l of counterLines) lines([l.text], l.size, l.role, l.color, 1.3);
  flow.y = Math.min(flow.y, leftBottom);
}

/**
 * Lays the certificate out at the largest body size that fits one page (else at 9.5 pt, on as many
 * pages as needed).
 * @param view - the certificate view
 * @param fonts - measures text
 * @returns drawing operations per page
 * @example const pages = layoutCertificate(view, fonts); // pages.length === 1 for the built-in templates
 */
export function layoutCertificate(view: CertificateView, fonts: FontSet): DrawOp[][] {
  for (const body of BODY_SIZES) {
    const pages = layoutAt(view, fonts, body);
    if (pages.length === 1) return pages;
  }
  return layoutAt(view, fonts, MULTI_PAGE_BODY);
}
