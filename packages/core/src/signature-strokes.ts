/**
 * A drawn signature as strokes (what `signature_pad` records), and the digest a record carries of
 * it. Strokes are sharper and far smaller than a bitmap, so the PDF draws them as vector paths.
 *
 * @module
 * @example
 * ```ts
 * import { digestSignatureStrokes } from '@ikrar/core';
 * digestSignatureStrokes({ width: 300, height: 100, strokes: [[{ x: 1, y: 2 }, { x: 5, y: 9 }]] });
 * ```
 */
import { digestJson } from './digest.js';
import { normalizeSignatureStrokes, type SignatureStrokes } from './normalize-strokes.js';

export type { SignatureStrokes, StrokePoint } from './normalize-strokes.js';
export { normalizeSignatureStrokes } from './normalize-strokes.js';

/**
 * Digest of a drawing, as stored in `consent.signatureDigestMultibase`.
 * @param value - the drawing
 * @returns `digestMultibase` of the RFC 8785 form of the normalized drawing
 * @throws {RecordInvalidError} when the drawing is malformed
 * @example digestSignatureStrokes(drawing)
 */
export function digestSignatureStrokes(value: SignatureStrokes): string {
  return digestJson(normalizeSignatureStrokes(value));
}
