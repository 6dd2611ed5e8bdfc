/**
 * `digestSignatureStrokesAsync`: the digest of a drawn signature (`digestSignatureStrokes`) with
 * SHA-256 from WebCrypto, for pages that keep `@noble/hashes` out of their bundle. The drawing is
 * checked and rounded exactly as `normalizeSignatureStrokes` does; a test holds the two equal.
 *
 * @module
 * @example
 * ```ts
 * import { digestSignatureStrokesAsync } from '@ikrar/core';
 * await digestSignatureStrokesAsync({ width: 300, height: 100, strokes: [[{ x: 1, y: 2 }]] });
 * ```
 */
import { RecordInvalidError } from './errors.js';
import type { SignatureStrokes } from './signature-strokes.js';
import { digestJsonAsync } from './webcrypto-verify.js';

// `normalizeSignatureStrokes` lives in signature-strokes.ts, which imports the synchronous
// SHA-256; this copy keeps it out. Same limits: 200 strokes of 5000 points, 0.1 px.
function normalize(value: SignatureStrokes): SignatureStrokes {
  const bad = (path: string): never => {
    throw new RecordInvalidError(path, {
      en: `Signature drawing is malformed at ${path}.`,
      id: `Gambar tanda tangan tidak sah di ${path}.`,
    });
  };
  if (typeof value !== 'object' || value === null) bad('signature');
  const { width, height, strokes } = value;
  if (!(Number.isFinite(width) && width > 0 && Number.isFinite(height) && height > 0)) bad('signature.width');
  if (!Array.isArray(strokes) || strokes.length === 0 || strokes.length > 200) bad('signature.strokes');
  const round = (n: number): number => Math.round(n * 10) / 10;
  return {
    width: round(width),
    height: round(height),
    strokes: strokes.map((stroke, i) => {
      if (!Array.isArray(stroke) || stroke.length === 0 || stroke.length > 5000) bad(`signature.strokes[${i}]`);
      return stroke.map((p, j) => {
        if (typeof p !== 'object' || p === null || !Number.isFinite(p.x) || !Number.isFinite(p.y)) {
          bad(`signature.strokes[${i}][${j}]`);
        }
        return { x: round(p.x), y: round(p.y) };
      });
    }),
  };
}

/**
 * Digest of a drawing, as stored in `consent.signatureDigestMultibase`: the value of
 * `digestSignatureStrokes`, hashed through WebCrypto where available.
 * @param value - the drawing
 * @returns `digestMultibase` of the RFC 8785 form of the normalized drawing
 * @throws {RecordInvalidError} when the drawing is malformed (the same `path` as `digestSignatureStrokes`)
 * @example await digestSignatureStrokesAsync(drawing)
 */
export async function digestSignatureStrokesAsync(value: SignatureStrokes): Promise<string> {
  return digestJsonAsync(normalize(value));
}
