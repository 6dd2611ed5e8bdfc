/**
 * The shape of a drawn signature and its normalizing, shared by `signature-strokes.ts` (with the
 * synchronous SHA-256) and `signature-strokes-async.ts` (WebCrypto), so neither path loads the
 * other's hash.
 *
 * @module
 * @internal
 */
import { RecordInvalidError } from './errors.js';

/** One point of a stroke, in CSS pixels of the drawing area. */
export interface StrokePoint {
  x: number;
  y: number;
}

/** A drawn signature. */
export interface SignatureStrokes {
  /** Width of the drawing area the points refer to. */
  width: number;
  /** Height of the drawing area. */
  height: number;
  /** Each stroke is the list of points between pen down and pen up. */
  strokes: StrokePoint[][];
}

/**
 * Checks the shape of a drawing: positive size, at most 200 strokes of at most 5000 points, finite
 * coordinates rounded to 0.1 px.
 * @param value - the drawing
 * @returns the drawing normalized (coordinates rounded to one decimal)
 * @throws {RecordInvalidError} `ERR_RECORD_INVALID` with `path` naming the bad part
 * @example normalizeSignatureStrokes(pad.toData())
 */
export function normalizeSignatureStrokes(value: SignatureStrokes): SignatureStrokes {
  const bad = (path: string): never => {
    throw new RecordInvalidError(path, 'drawing-malformed');
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
