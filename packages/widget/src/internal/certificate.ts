/**
 * The chunk behind "Unduh PDF": `@ikrar/core/pdf` (pdf-lib and the fonts, about 200 KB gzip). It
 * also re-exports the signing module, which is always loaded by then (a certificate needs a
 * signed record): a bundler then sees the PDF reach everything signing reaches, and keeps the
 * signing code in one chunk instead of splitting off the parts the two share, one more file on
 * every signing (`pnpm --filter @ikrar/widget bench`: 0.7 KB gzip on the typed path).
 *
 * @module
 * @example
 * ```ts
 * const { renderCertificate } = await import('./certificate.js');
 * ```
 */
export * from './signing.js';
export { renderCertificate } from '@ikrar/core/pdf';
