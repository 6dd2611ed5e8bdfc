/**
 * `digestSignatureStrokesAsync`: the digest of a drawn signature (`digestSignatureStrokes`) with
 * SHA-256 from WebCrypto, for pages that keep `@noble/hashes` out of their bundle. The drawing is
 * checked and rounded by the same `normalizeSignatureStrokes`.
 *
 * @module
 * @example
 * ```ts
 * import { digestSignatureStrokesAsync } from '@ikrar/core';
 * await digestSignatureStrokesAsync({ width: 300, height: 100, strokes: [[{ x: 1, y: 2 }]] });
 * ```
 */
import { normalizeSignatureStrokes, type SignatureStrokes } from './normalize-strokes.js';
import { digestJsonAsync } from './webcrypto-verify.js';

/**
 * Digest of a drawing, as stored in `consent.signatureDigestMultibase`: the value of
 * `digestSignatureStrokes`, hashed through WebCrypto where available.
 * @param value - the drawing
 * @returns `digestMultibase` of the RFC 8785 form of the normalized drawing
 * @throws {RecordInvalidError} when the drawing is malformed (the same `path` as `digestSignatureStrokes`)
 * @example await digestSignatureStrokesAsync(drawing)
 */
export async function digestSignatureStrokesAsync(value: SignatureStrokes): Promise<string> {
  return digestJsonAsync(normalizeSignatureStrokes(value));
}
