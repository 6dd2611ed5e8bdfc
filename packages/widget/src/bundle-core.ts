/**
 * `@ikrar/widget/bundle/core`: the `@ikrar/core` functions a page without a build step needs to
 * answer `ikrar-sign-request` or check a record, as a self-contained ES module
 * (`dist/browser/ikrar-core.js`) that shares its chunks with the element's bundle.
 *
 * @module
 * @example
 * ```js
 * import { signPledge, verifyPledge } from '/assets/ikrar/ikrar-core.js';
 * ```
 */
export { createSigner, generateKeyPair, keyPairFromSecretKey, parseJson, signPledge, verifyPledge } from '@ikrar/core';
