/**
 * A signer over an in-memory key pair, signing with a given Ed25519 function (noble's unchecked
 * `signWithSeed`, loaded on demand by the WebCrypto-first path; `signEd25519`, statically, by
 * `createSigner`) after `signEd25519`'s argument checks.
 *
 * @module
 * @internal
 */
import type { Ed25519KeyPair, Signer } from '../types.js';
import { assertBytes } from './assert.js';

/**
 * A signer for a key pair, signing over a copy of the seed.
 * @param keyPair - the key pair
 * @param sign - Ed25519 signing with a 32-byte seed
 */
export function memorySigner(
  keyPair: Ed25519KeyPair,
  sign: (message: Uint8Array, secretKey: Uint8Array) => Uint8Array,
): Signer {
  const secret = keyPair.secretKey.slice();
  return {
    id: keyPair.id,
    controller: keyPair.controller,
    publicKey: keyPair.publicKey,
    sign: (data) => {
      assertBytes(data, 'message');
      assertBytes(secret, 'secretKey', 32);
      return sign(data, secret);
    },
  };
}
