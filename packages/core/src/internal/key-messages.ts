/**
 * The message catalog of `ERR_KEY_INVALID`, kept beside the key code that throws it.
 *
 * @module
 * @internal
 */
import { type Entry, fill, type IkrarErrorOptions } from '../errors/base.js';
import { KeyInvalidError } from '../errors.js';
import type { KeyInvalidReason } from '../types.js';

/** `ERR_KEY_INVALID`, by reason. */
export const KEY_INVALID: Readonly<Record<KeyInvalidReason, Entry>> = {
  'public-key-unusable': [
    'Bukan kunci publik Ed25519 yang dapat dipakai (panjang salah, tidak kanonik, atau orde kecil).',
    'Not a usable Ed25519 public key (wrong length, non-canonical or small order).',
  ],
  'public-key-not-multibase': ['Kunci publik bukan multibase base58btc.', 'Public key is not multibase base58btc.'],
  'public-key-not-multikey': [
    'Bukan Multikey Ed25519 (kodek 0xed01 dan 32 byte).',
    'Not an Ed25519 Multikey (expected codec 0xed01 and 32 bytes).',
  ],
  'secret-key-not-multibase': ['Kunci rahasia bukan multibase base58btc.', 'Secret key is not multibase base58btc.'],
  'secret-key-not-multikey': [
    'Bukan Multikey rahasia Ed25519 (kodek 0x1300 dan 32 byte).',
    'Not an Ed25519 secret Multikey (expected codec 0x1300 and 32 bytes).',
  ],
  'not-did-key': ['Bukan metode verifikasi did:key Ed25519.', 'Not an Ed25519 did:key verification method.'],
  'jwk-no-private': [
    'Tidak dapat mengekspor JWK privat dari kunci publik.',
    'Cannot export a private JWK from a public key.',
  ],
  'jwk-not-ed25519': [
    'Bukan JWK Ed25519 (harus kty "OKP", crv "Ed25519", dan x).',
    'Not an Ed25519 JWK (expected kty "OKP", crv "Ed25519" and x).',
  ],
  'jwk-x-not-base64url': ['JWK "x" bukan base64url.', 'JWK "x" is not base64url.'],
  'jwk-x-length': ['JWK "x" harus 32 byte.', 'JWK "x" must be 32 bytes.'],
  'jwk-d-not-string': ['JWK "d" harus string.', 'JWK "d" must be a string.'],
  'jwk-d-not-base64url': ['JWK "d" bukan base64url.', 'JWK "d" is not base64url.'],
  'jwk-d-length': ['JWK "d" harus 32 byte.', 'JWK "d" must be 32 bytes.'],
  'jwk-x-d-mismatch': ['JWK "x" tidak cocok dengan "d".', 'JWK "x" does not match "d".'],
};

/**
 * The error for a key refused for `reason`, with its catalog message.
 * @param reason - what is wrong
 * @param options - `cause` (never secret-key material)
 * @returns the error to throw
 */
export function keyInvalid(reason: KeyInvalidReason, options?: IkrarErrorOptions): KeyInvalidError {
  return new KeyInvalidError(reason, fill(KEY_INVALID[reason]), options);
}
