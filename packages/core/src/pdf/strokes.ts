/**
 * A signature drawing (strokes, as `signature_pad` records them) as a vector path: sharper than a
 * bitmap and far cheaper to make (no PNG decoding, a few hundred bytes of path operators). Each stroke
 * is smoothed with quadratic curves through the midpoints of its points.
 *
 * @module
 * @example
 * ```ts
 * const path = signaturePath(strokes, { x: 300, y: 120, width: 170, height: 60 }); // "x y m … S"
 * ```
 */
import type { SignatureStrokes } from '../signature-strokes.js';

/** A box on the page, in PDF points from the bottom-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const r2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * The path of the strokes, fitted (aspect ratio kept) and centred in `box`, each stroke ending in `S`
 * (ISO 32000-1 §8.5.2 and §8.5.3.1); the caller sets pen width, colour and round caps.
 * @param drawing - a normalized drawing (see `normalizeSignatureStrokes`)
 * @param box - where to draw
 * @param pad - margin kept inside the box (the pen width)
 * @returns the path operators
 * @example signaturePath(drawing, { x: 0, y: 0, width: 170, height: 60 })
 */
export function signaturePath(drawing: SignatureStrokes, box: Box, pad = 1.2): string {
  const scale = Math.min((box.width - 2 * pad) / drawing.width, (box.height - 2 * pad) / drawing.height);
  const ox = box.x + (box.width - drawing.width * scale) / 2;
  // Canvas y grows downwards, PDF y upwards.
  const oy = box.y + (box.height + drawing.height * scale) / 2;
  const px = (x: number): number => r2(ox + x * scale);
  const py = (y: number): number => r2(oy - y * scale);
  const out: string[] = [];
  for (const points of drawing.strokes) {
    const first = points[0];
    if (!first) continue;
    let cx = px(first.x);
    let cy = py(first.y);
    out.push(`${cx} ${cy} m`);
    if (points.length === 1) {
      // A dot: a zero-length segment, drawn as a disc by the round cap.
      out.push(`${cx} ${cy} l`);
    } else {
      for (let i = 1; i < points.length - 1; i++) {
        const c = points[i] as { x: number; y: number };
        const n = points[i + 1] as { x: number; y: number };
        const qx = px(c.x);
        const qy = py(c.y);
        const ex = r2((qx + px(n.x)) / 2);
        const ey = r2((qy + py(n.y)) / 2);
        // The quadratic (current, q, e) as the cubic PDF draws: control points 2/3 of the way to q.
        const c1x = r2(cx + (2 / 3) * (qx - cx));
        const c1y = r2(cy + (2 / 3) * (qy - cy));
        const c2x = r2(ex + (2 / 3) * (qx - ex));
        const c2y = r2(ey + (2 / 3) * (qy - ey));
        out.push(`${c1x} ${c1y} ${c2x} ${c2y} ${ex} ${ey} c`);
        cx = ex;
        cy = ey;
      }
      const last = points[points.length - 1] as { x: number; y: number };
      out.push(`${px(last.x)} ${py(last.y)} l`);
    }
    out.push('S');
  }
  return out.join('\n');
}
