/**
 * Everything the WebCrypto path needs from `@noble/*` where the runtime lacks SHA-256 or Ed25519
 * in `crypto.subtle`, behind one `import()`: one chunk to fetch, and fewer chunks split around it.
 */
export { sha256 } from '../digest.js';
export { isStrictPublicKey, verifyEd25519 } from '../ed25519.js';
export { createSigner, generateKeyPair } from '../keys.js';
