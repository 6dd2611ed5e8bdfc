/**
 * `@ikrar/core`: the Ikrar Netralitas ASN as W3C Verifiable Credentials secured with Data
 * Integrity `eddsa-jcs-2022`. Runs in browsers, Node and workers (Web APIs only).
 *
 * Pledge-level operations only; the primitives under them (strict Ed25519, SHA-256, Data Integrity
 * proofs, encodings, crypto providers) are in `@ikrar/core/crypto`.
 *
 * @module
 * @example
 * ```ts
 * import { generateKeyPair, createPledge, signPledge, verifyPledge } from '@ikrar/core';
 * ```
 */
export * from './errors.js';
export * from './parse-json.js';
export * from './canonicalize.js';
export * from './keys.js';
export * from './webcrypto-signer.js';
export * from './time.js';
export * from './identity.js';
export * from './record.js';
export * from './signature-strokes.js';
export * from './signature-strokes-async.js';
export * from './templates/define-template.js';
export * from './templates/registry.js';
export { JEMBRANA_2024_TEMPLATE, SKB_2022_TEMPLATE } from './templates/builtin.js';
export * from './create-pledge.js';
export * from './sign-pledge.js';
export * from './verify-pledge.js';
export * from './verify-cache.js';
export * from './create-pledge-async.js';
export * from './check-pledge-text.js';
export * from './schema.js';
export * from './collective.js';
export { COLLECTIVE_TEMPLATES, PAKTA_INTEGRITAS_2024_TEMPLATE } from './templates/pakta-integritas.js';
export * from './context.js';
