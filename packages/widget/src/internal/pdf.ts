/**
 * The PDF certificate, loaded only when the signer asks for it, so pdf-lib (about 178 KB gzip) never
 * weighs on the page before that.
 *
 * `@ikrar/core/pdf` is being built alongside this element. Until it is published this module
 * reports the PDF as unavailable and the element hides its button; wiring it in is the one change
 * marked below.
 *
 * @module
 * @example
 * ```ts
 * if (PDF_AVAILABLE) downloadFile(name, await renderPdf(record, { language: 'id' }), 'application/pdf');
 * ```
 */
import type { SignatureStrokes, SignedPledge } from '@ikrar/core';

/** Options passed to `renderCertificate`. */
export interface PdfOptions {
  signature?: SignatureStrokes;
  language?: 'id' | 'en';
}

type RenderCertificate = (record: SignedPledge, options?: PdfOptions) => Promise<Uint8Array>;

/** Whether this build can make the PDF certificate. */
export const PDF_AVAILABLE: boolean = false;

/**
 * Loads `@ikrar/core/pdf` on demand.
 * @returns `renderCertificate`, or null when this build has no PDF support
 */
async function loadRenderer(): Promise<RenderCertificate | null> {
  // WIRING: when @ikrar/core/pdf lands, set PDF_AVAILABLE to true and return
  // (await import('@ikrar/core/pdf')).renderCertificate here.
  return null;
}

/**
 * Renders the certificate.
 * @param record - the signed record
 * @param options - the drawn strokes and language
 * @returns PDF bytes
 * @throws {Error} when PDF support is missing or rendering fails
 */
export async function renderPdf(record: SignedPledge, options: PdfOptions): Promise<Uint8Array> {
  const render = await loadRenderer();
  if (!render) throw new Error('PDF support is not available in this build');
  return render(record, options);
}
