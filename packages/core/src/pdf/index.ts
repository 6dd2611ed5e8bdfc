/**
 * `@ikrar/core/pdf`: the *Ikrar Netralitas ASN* / *Pakta Integritas* certificate, a PDF that carries
 * its own signed record. The only entry of `@ikrar/core` that imports pdf-lib: load it lazily (for
 * example `await import('@ikrar/core/pdf')` on a download click).
 *
 * @module
 * @example
 * ```ts
 * import { renderCertificate, extractRecord } from '@ikrar/core/pdf';
 * const pdf = await renderCertificate(record, { signature });
 * const same = await extractRecord(pdf);
 * ```
 */
export * from './render-certificate.js';
export * from './extract-record.js';
export * from './verification-code.js';
export type { CertificateLanguage } from './labels.js';
