/**
 * Draws a QR code as vector rectangles (one per horizontal run of dark modules), encoded by `uqr`.
 * ISO/IEC 18004 §6.3.8 asks for a quiet zone of four modules, which the caller leaves free around the box.
 *
 * @module
 * @example
 * ```ts
 * page.pushOperators(...qrOperators('https://example.go.id/v/123', { x: 56, y: 60, size: 80 }));
 * ```
 */
import { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingRgbColor, type PDFOperator } from 'pdf-lib';
import { encode } from 'uqr';

const r3 = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * PDF operators for a QR code of `text`, error correction level M, filling a square.
 * @param text - what the code holds (a URL or a compact code)
 * @param at - bottom-left corner and side length in points
 * @returns operators for `page.pushOperators`, and the module count per side
 * @throws RangeError when the text is too long for a QR code
 * @example qrOperators('IKRAR:…', { x: 0, y: 0, size: 72 })
 */
export function qrOperators(text: string, at: { x: number; y: number; size: number }): PDFOperator[] {
  let qr;
  try {
    qr = encode(text, { ecc: 'M', border: 0 });
  } catch (cause) {
    throw new RangeError(`"verificationUrl" is too long for a QR code (${text.length} characters)`, { cause });
  }
  const n = qr.size;
  const m = at.size / n;
  const ops: PDFOperator[] = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  for (let row = 0; row < n; row++) {
    const line = qr.data[row] as boolean[];
    let col = 0;
    while (col < n) {
      if (!line[col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && line[col]) col++;
      // Overlap rows by a hair so no white seams show between modules when rasterized.
      ops.push(
        rectangle(r3(at.x + start * m), r3(at.y + at.size - (row + 1) * m), r3((col - start) * m), r3(m + 0.01)),
      );
    }
  }
  ops.push(fill(), popGraphicsState());
  return ops;
}
