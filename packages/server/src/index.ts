/**
 * `@ikrar/server`: the agency's Ikrar Netralitas signing service. Checks and countersigns the
 * pledges `<ikrar-netralitas>` posts, stores each once (SQLite or PostgreSQL), serves VC-API
 * endpoints and `trust.json`. Built on Hono; mount it in any Node or Web-standard host.
 *
 * @module
 * @example
 * ```ts
 * import { createIkrarService, createRecordStore, loadOrCreateAgencyKey, openDatabase } from '@ikrar/server';
 * ```
 */
export * from './errors.js';
export * from './database.js';
export * from './migrate.js';
export * from './record-store.js';
export * from './agency-key.js';
export * from './check-credential.js';
export * from './logger.js';
export * from './service.js';
export * from './status-list-store.js';
export * from './draft-store.js';
export * from './collective-store.js';
export * from './collective.js';
