/**
 * Byte encodings at the edges of the API: hex, base64url, base58btc multibase, UTF-8.
 * Everything inside the SDK works on `Uint8Array`.
 *
 * @module
 * @example
 * ```ts
 * import { toMultibase58, fromMultibase58 } from '@ikrar/core/crypto';
 * fromMultibase58(toMultibase58(new Uint8Array([1, 2]))); // Uint8Array [1, 2]
 * ```
 */
import { base58, base64urlnopad, hex } from '@scure/base';
import { assertBytes, assertString } from './internal/assert.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Encodes a string as UTF-8.
 * @param text - text to encode
 * @returns its UTF-8 bytes
 * @throws TypeError when `text` is not a string
 * @example utf8ToBytes('ikrar')
 */
export function utf8ToBytes(text: string): Uint8Array {
  assertString(text, 'text');
  return encoder.encode(text);
}

/**
 * Decodes UTF-8 bytes, refusing invalid sequences.
 * @param bytes - UTF-8 bytes
 * @returns the decoded text
 * @throws TypeError when `bytes` is not a Uint8Array or is not valid UTF-8
 * @example bytesToUtf8(new Uint8Array([104, 105])) // 'hi'
 */
export function bytesToUtf8(bytes: Uint8Array): string {
  assertBytes(bytes, 'bytes');
  return decoder.decode(bytes);
}

/**
 * Lower-case hex of some bytes.
 * @param bytes - input bytes
 * @returns hex string
 * @example bytesToHex(new Uint8Array([255])) // 'ff'
 */
export function bytesToHex(bytes: Uint8Array): string {
  assertBytes(bytes, 'bytes');
  return hex.encode(bytes);
}

/**
 * Parses hex (either case, even length).
 * @param text - hex string
 * @returns the bytes
 * @throws TypeError when `text` is not valid hex
 * @example hexToBytes('ff') // Uint8Array [255]
 */
export function hexToBytes(text: string): Uint8Array {
  assertString(text, 'text');
  try {
    return hex.decode(text.toLowerCase());
  } catch (cause) {
    throw new TypeError('"text" expected hex string of even length, got invalid hex', { cause });
  }
}

/**
 * base64url without padding (RFC 4648 §5), as JWK uses.
 * @param bytes - input bytes
 * @returns base64url text
 * @example bytesToBase64url(new Uint8Array([0])) // 'AA'
 */
export function bytesToBase64url(bytes: Uint8Array): string {
  assertBytes(bytes, 'bytes');
  return base64urlnopad.encode(bytes);
}

/**
 * Parses base64url without padding.
 * @param text - base64url text
 * @returns the bytes
 * @throws TypeError when `text` is not base64url
 * @example base64urlToBytes('AA') // Uint8Array [0]
 */
export function base64urlToBytes(text: string): Uint8Array {
  assertString(text, 'text');
  try {
    return base64urlnopad.decode(text);
  } catch (cause) {
    throw new TypeError('"text" expected unpadded base64url, got invalid characters or length', {
      cause,
    });
  }
}

/**
 * Multibase base58btc (`z` prefix), as Multikey and `proofValue` use.
 * @param bytes - input bytes
 * @returns `z…` text
 * @example toMultibase58(new Uint8Array([0])) // 'z1'
 */
export function toMultibase58(bytes: Uint8Array): string {
  assertBytes(bytes, 'bytes');
  return 'z' + base58.encode(bytes);
}

/**
 * Parses multibase base58btc (`z` prefix).
 * @param text - `z…` text
 * @returns the bytes
 * @throws TypeError when the prefix is not `z` or the rest is not base58btc
 * @example fromMultibase58('z1') // Uint8Array [0]
 */
export function fromMultibase58(text: string): Uint8Array {
  assertString(text, 'text');
  if (!text.startsWith('z')) {
    throw new TypeError(`"text" expected multibase base58btc starting with "z", got "${text.slice(0, 1)}"`);
  }
  try {
    return base58.decode(text.slice(1));
  } catch (cause) {
    throw new TypeError('"text" expected base58btc after "z", got invalid characters', { cause });
  }
}

/**
 * Multibase base64url (`u` prefix), as `digestMultibase` uses.
 * @param bytes - input bytes
 * @returns `u…` text
 * @example toMultibase64url(new Uint8Array([0])) // 'uAA'
 */
export function toMultibase64url(bytes: Uint8Array): string {
  return 'u' + bytesToBase64url(bytes);
}
