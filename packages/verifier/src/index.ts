/**
 * `@ikrar/verifier`: batch verification of Ikrar Netralitas records with an auditor's trust
 * store, batch checks (duplicates, deadline, roster coverage) and reports. The library does no
 * I/O and has no `node:` imports, so a web page can verify a dropped file; the `ikrar-verify`
 * command is built on it.
 *
 * @module
 * @example
 * ```ts
 * import { parseTrustStore, verifyRecords } from '@ikrar/verifier';
 * for await (const r of verifyRecords(lines, { trustStore: parseTrustStore(json) })) console.log(r.verdict);
 * ```
 */
export * from './errors.js';
export * from './verdicts.js';
export * from './trust-store.js';
export * from './strict-signature.js';
export * from './verify-record.js';
export * from './status-lists.js';
export * from './duplicates.js';
export * from './roster.js';
export * from './report.js';
export * from './verify-records.js';
export * from './html-report.js';
export * from './jobs.js';
export * from './read-inputs.js';
export * from './pdf-record.js';
