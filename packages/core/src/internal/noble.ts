/**
 * Everything the WebCrypto-first path needs from `@noble/*` where the runtime lacks SHA-256 or
 * Ed25519 in `crypto.subtle`, or where a caller hands it a key pair, behind one `import()`: one
 * chunk to fetch, and fewer chunks split around it. No public module that a bundle also reaches
 * statically through `export *` (keys.ts): esbuild would leave it uninitialised in a single-file bundle.
 *
 * @module
 * @internal
 */
import { getPublicKey, randomSecretKey, signEd25519 } from '../ed25519.js';
import type { Ed25519KeyPair, Signer } from '../types.js';
import { keyNames } from './did-key.js';
import { memorySigner } from './in-memory-signer.js';

export { sha256 } from '../digest.js';
export { isStrictPublicKey, verifyEd25519 } from '../ed25519.js';

/** A signer over a key pair held in memory (noble signs). */
export function keyPairSigner(keyPair: Ed25519KeyPair): Signer {
  return memorySigner(keyPair, signEd25519);
}

/** A signer over a fresh random key held only in memory. */
export function randomSigner(): Signer {
  const secretKey = randomSecretKey();
  return keyPairSigner({ ...keyNames(getPublicKey(secretKey)), secretKey });
}
