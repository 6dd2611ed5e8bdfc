/**
 * Draws a signature drawing (strokes, as `signature_pad` records them) as vector paths: sharper than a
 * bitmap and far cheaper to make (no PNG decoding, a few hundred bytes of path operators). Each stroke
 * is smoothed with quadratic curves through the midpoints of its points.
 *
 * @module
 * @example
 * ```ts
 * page.pushOperators(...signatureOperators(strokes, { x: 300, y: 120, width: 170, height: 60 }));
 * ```
 */
import {
  appendBezierCurve,
  LineCapStyle,
  LineJoinStyle,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  setLineCap,
  setLineJoin,
  setLineWidth,
  setStrokingRgbColor,
  stroke,
  type PDFOperator,
} from 'pdf-lib';
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
 * PDF operators that draw the strokes fitted (aspect ratio kept) and centred in `box`.
 * @param drawing - a normalized drawing (see `normalizeSignatureStrokes`)
 * @param box - where to draw
 * @param lineWidth - pen width in points
 * @returns operators for `page.pushOperators`
 * @example signatureOperators(drawing, { x: 0, y: 0, width: 170, height: 60 })
 */
export function signatureOperators(drawing: SignatureStrokes, box: Box, lineWidth = 1.2): PDFOperator[] {
  const pad = lineWidth;
  const scale = Math.min((box.width - 2 * pad) / drawing.width, (box.height - 2 * pad) / drawing.height);
  const ox = box.x + (box.width - drawing.width * scale) / 2;
  // Canvas y grows downwards, PDF y upwards.
  const oy = box.y + (box.height + drawing.height * scale) / 2;
  const px = (x: number): number => r2(ox + x * scale);
  const py = (y: number): number => r2(oy - y * scale);
  const ops: PDFOperator[] = [
    pushGraphicsState(),
    setStrokingRgbColor(0.06, 0.12, 0.4),
    setLineWidth(lineWidth),
    setLineCap(LineCapStyle.Round),
    setLineJoin(LineJoinStyle.Round),
  ];
  for (const points of drawing.strokes) {
    const first = points[0];
    if (!first) continue;
    let cx = px(first.x);
    let cy = py(first.y);
    ops.push(moveTo(cx, cy));
    if (points.length === 1) {
      // A dot: a zero-length segment with round caps.
      ops.push(lineTo(cx, cy));
    } else if (points.length === 2) {
      const p = points[1] as { x: number; y: number };
      ops.push(lineTo(px(p.x), py(p.y)));
    } else {
      for (let i = 1; i < points.length - 1; i++) {
        const c = points[i] as { x: number; y: number };
        const n = points[i + 1] as { x: number; y: number };
        const qx = px(c.x);
        const qy = py(c.y);
        const ex = r2((qx + px(n.x)) / 2);
        const ey = r2((qy + py(n.y)) / 2);
        // Quadratic (current, q, e) as the cubic PDF draws: control points 2/3 of the way to q.
        ops.push(
          appendBezierCurve(
            r2(cx + (2 / 3) * (qx - cx)),
            r2(cy + (2 / 3) * (qy - cy)),
            r2(ex + (2 / 3) * (qx - ex)),
            r2(ey + (2 / 3) * (qy - ey)),
            ex,
            ey,
          ),
        );
        cx = ex;
        cy = ey;
      }
      const last = points[points.length - 1] as { x: number; y: number };
      ops.push(lineTo(px(last.x), py(last.y)));
    }
    ops.push(stroke());
  }
  ops.push(popGraphicsState());
  return ops;
}
