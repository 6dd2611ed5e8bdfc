/**
 * A QR code as vector rectangles (one per horizontal run of dark modules), encoded by `uqr` at error
 * correction level M. ISO/IEC 18004 §6.3.8 asks for a quiet zone of four modules, which the layout
 * leaves free around the box.
 *
 * @module
 * @example
 * ```ts
 * const path = qrPath('https://example.go.id/v/123', { x: 56, y: 60, size: 84 }); // "x y w h re …"
 * ```
 */
import { encode } from 'uqr';

/**
 * Content-stream operators (ISO 32000-1 §8.5.2.1) that fill a QR code in black into a square: one
 * `re` per run of dark modules, in module units under a scaling `cm`, so coordinates are small integers.
 * @param text - what the code holds (a URL or a compact code)
 * @param at - bottom-left corner and side length, in points
 * @returns the operators, wrapped in `q … Q`
 * @throws RangeError when the text is too long for a QR code
 * @example qrPath('IKRAR:…', { x: 0, y: 0, size: 72 })
 */
export function qrPath(text: string, at: { x: number; y: number; size: number }): string {
  let qr;
  try {
    qr = encode(text, { ecc: 'M', border: 0 });
  } catch (cause) {
    throw new RangeError(`"verificationUrl" is too long for a QR code (${text.length} characters)`, { cause });
  }
  const n = qr.size;
  const m = Math.round((at.size / n) * 10000) / 10000;
  const out: string[] = [`q 0 0 0 rg ${m} 0 0 ${m} ${at.x} ${at.y} cm`];
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
      // Rows overlap by a hair so no white seams show between modules when rasterized.
      out.push(`${start} ${n - row - 1} ${col - start} 1.02 re`);
    }
  }
  out.push('f Q');
  return out.join('\n');
}
