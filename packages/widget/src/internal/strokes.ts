/**
 * The drawing as the component keeps it (signature_pad's point groups and the size they were drawn
 * at), and as core's `SignatureStrokes`. Kept apart from `signature-canvas.ts` so that reading a
 * drawing never loads signature_pad.
 *
 * @module
 * @example
 * ```ts
 * const strokes = toSignatureStrokes(saved); // for digestSignatureStrokes and the PDF
 * ```
 */
import type { SignatureStrokes } from '@ikrar/core';
import type { PointGroup } from 'signature_pad';

/** What the component keeps between canvases: the strokes and the size they were drawn at. */
export interface SavedDrawing {
  groups: PointGroup[];
  width: number;
  height: number;
}

/**
 * The drawing as core's `SignatureStrokes` (what the record's digest and the PDF use).
 * @param saved - the kept drawing
 * @returns strokes, or null when nothing is drawn
 */
export function toSignatureStrokes(saved: SavedDrawing | null): SignatureStrokes | null {
  if (!saved || saved.groups.length === 0 || saved.width <= 0 || saved.height <= 0) return null;
  return {
    width: saved.width,
    height: saved.height,
    strokes: saved.groups.map((g) => g.points.map((p) => ({ x: p.x, y: p.y }))),
  };
}
