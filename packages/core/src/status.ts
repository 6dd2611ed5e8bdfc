/**
 * `@ikrar/core/status`: revocation with W3C Bitstring Status List v1.0. Lists (create, set,
 * encode, decode with limits), the `BitstringStatusListCredential` (build, sign with
 * eddsa-jcs-2022, verify and decode once), and a record's `credentialStatus` entry (build, read,
 * look up, a random free index).
 *
 * @module
 * @example
 * ```ts
 * import { createStatusList, setStatus, issueStatusListCredential } from '@ikrar/core/status';
 * const list = createStatusList();
 * setStatus(list, 94567, true);
 * const credential = await issueStatusListCredential({ id: url, issuer: agency.controller, list }, agency);
 * ```
 */
export * from './status-list.js';
export * from './status-entry.js';
export * from './status-list-credential.js';
