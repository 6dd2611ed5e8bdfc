/**
 * `@ikrar/core/form`: what a pledge form needs before anything is signed (templates and their
 * text, NIP / NI PPPK / NIK checks, time zones), without the Ed25519, SHA-2 and RFC 8785 code. A
 * page that shows the pledge loads this first and the signing code (`@ikrar/core`) only when the
 * signer signs. Everything here is also exported from `@ikrar/core`.
 *
 * @module
 * @example
 * ```ts
 * import { getTemplate, validateIdentifier } from '@ikrar/core/form';
 * validateIdentifier('NIP', '19900101 201503 2 001').valid; // true
 * ```
 */
export * from './identity.js';
export * from './time.js';
export * from './templates/define-template.js';
export * from './templates/registry.js';
