/**
 * The signers of a collective *pakta integritas* on the certificate: under "Yang menyatakan,", two
 * to a row, each with a rule, name, identifier, position and unit, and their electronic signature
 * line; a row is never split across pages.
 *
 * @module
 * @example
 * ```ts
 * placeSigners(flow, 'Yang menyatakan,', signers, 10);
 * ```
 */
import { GREY, INK, wrapText, type Flow } from './layout.js';

/** One representative of a collective pakta integritas. */
export interface SignerView {
  name: string;
  idLine: string;
  /** Position and work unit, when known. */
  details: string;
  /** When and with which key they signed, or that they have not yet. */
  signedLine: string;
  signed: boolean;
}

/** The representatives of a collective pakta integritas, two to a row, each kept on one page. */
export function placeSigners(flow: Flow, pledgedBy: string, signers: readonly SignerView[], body: number): void {
  const size = body - 0.5;
  flow.space(body * 1.1);
  flow.paragraph(pledgedBy, { size });
  flow.space(size * 0.4);
  const gap = 16;
  const colW = (flow.contentWidth - gap) / 2;
  const linesOf = (s: SignerView) => [
    ...wrapText(flow.fonts, s.name, colW, size + 0.5, 'bold').map((t) => ({
      t,
      s: size + 0.5,
      r: 'bold' as const,
      c: INK,
    })),
    ...wrapText(flow.fonts, s.idLine, colW, size - 0.5, 'regular').map((t) => ({
      t,
      s: size - 0.5,
      r: 'regular' as const,
      c: INK,
    })),
    ...(s.details === ''
      ? []
      : wrapText(flow.fonts, s.details, colW, size - 1.5, 'regular').map((t) => ({
          t,
          s: size - 1.5,
          r: 'regular' as const,
          c: GREY,
        }))),
    ...wrapText(flow.fonts, s.signedLine, colW, size - 2, s.signed ? 'regular' : 'italic').map((t) => ({
      t,
      s: size - 2,
      r: s.signed ? ('regular' as const) : ('italic' as const),
      c: GREY,
    })),
  ];
  const heightOf = (ls: ReturnType<typeof linesOf>) => ls.reduce((h, l) => h + l.s * 1.3, 0);
  for (let i = 0; i < signers.length; i += 2) {
    const row = signers.slice(i, i + 2).map(linesOf);
    const height = Math.max(...row.map(heightOf)) + 10;
    flow.ensure(height);
    const top = flow.y;
    row.forEach((ls, j) => {
      const x = flow.page.marginX + j * (colW + gap);
      flow.y = top;
      flow.ops.push({ kind: 'line', x1: x, y1: top, x2: x + Math.min(colW, 200), y2: top, width: 0.5, color: GREY });
      flow.y -= 3;
      for (const l of ls) {
        flow.placeLine(l.t, x, colW, l.s, l.r, l.c, 'left');
        flow.y -= l.s * 1.3;
      }
    });
    flow.y = top - height;
  }
}
