/**
 * The package version, compared when the tag is registered twice. Keep in step with package.json
 * (a test checks it).
 *
 * @module
 * @example
 * ```ts
 * import { VERSION } from './version.js';
 * ```
 */
export const VERSION = '0.1.0';
