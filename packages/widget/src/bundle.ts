/**
 * The self-contained ESM bundle for pages without a build step: the element with lit,
 * signature_pad and `@ikrar/core` inside, plus the core functions a host page needs to answer
 * `ikrar-sign-request` or check a record (they are in the bundle anyway).
 *
 * @module
 * @example
 * ```html
 * <script type="module" src="/node_modules/@ikrar/widget/dist/ikrar-netralitas.bundle.js"></script>
 * ```
 */
export * from './index.js';
export { createSigner, generateKeyPair, keyPairFromSecretKey, parseJson, signPledge, verifyPledge } from '@ikrar/core';
