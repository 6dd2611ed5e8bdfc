/**
 * Everything the WebCrypto-first path needs from `@noble/*` where the runtime lacks SHA-256 or
 * Ed25519 in `crypto.subtle`, or where a caller hands it a key pair, behind one `import()`: one
 * chunk to fetch. It imports nothing of ours but `noble-ed25519.ts` (the callers check the
 * arguments and build the signer), so a bundle's noble chunk shares no module with the signing
 * code, which then stays whole instead of split into chunks around it. No public module that a
 * bundle also reaches statically through `export *` (keys.ts): esbuild would leave it
 * uninitialised in a single-file bundle.
 *
 * @module
 * @internal
 */
export { sha256 } from '@noble/hashes/sha2.js';
export { isLargeOrderPoint, publicKeyOf, randomSeed, signWithSeed, verifyStrict } from './noble-ed25519.js';
