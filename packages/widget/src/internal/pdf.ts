/**
 * The PDF certificate, loaded only when the signer asks for it, so pdf-lib (about 178 KB gzip) never
 * weighs on the page before that.
 *
 * `@ikrar/core/pdf` (pdf-lib, fonts) is imported through `certificate.ts` with a dynamic `import()`
 * here and nowhere else, so bundlers put it in a separate chunk that is fetched on the first click
 * of "Unduh PDF".
 *
 * @module
 * @example
 * ```ts
 * if (PDF_AVAILABLE) downloadFile(name, await renderPdf(record, { language: 'id' }), 'application/pdf');
 * ```
 */
import type { SignedPledge } from '@ikrar/core';
import type { RenderCertificateOptions } from '@ikrar/core/pdf';

/** Whether this build can make the PDF certificate (a feature flag for hosts that strip it). */
export const PDF_AVAILABLE: boolean = true;

/**
 * Renders the certificate, loading `@ikrar/core/pdf` on first use.
 * @param record - the signed record
 * @param options - the drawn strokes, label language, verification URL
 * @returns PDF bytes
 * @throws {Error} when loading or rendering fails (the element reports `ERR_PDF_FAILED`)
 */
export async function renderPdf(record: SignedPledge, options: RenderCertificateOptions): Promise<Uint8Array> {
  const { renderCertificate } = await import('./certificate.js');
  return renderCertificate(record, options);
}
