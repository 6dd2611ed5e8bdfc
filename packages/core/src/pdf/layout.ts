/**
 * A small flow layout for A4 pages: wraps text to a width (breaking over-long words by character),
 * places lines top to bottom and starts a new page when the next block does not fit. It only measures
 * and records drawing operations; `render-certificate.ts` paints them with pdf-lib afterwards.
 *
 * @module
 * @example
 * ```ts
 * const flow = new Flow(fonts, A4);
 * flow.paragraph('Kami Aparatur Sipil Negara …', { size: 10.5 });
 * ```
 */
import type { FontRole, FontSet } from './types.js';
import type { Box } from './strokes.js';

/** An RGB colour, 0 to 1 per channel. */
export type Rgb = readonly [number, number, number];

/** One drawing operation of a page. */
export type DrawOp =
  | { kind: 'text'; x: number; y: number; size: number; role: FontRole; text: string; color: Rgb }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color: Rgb }
  | { kind: 'signature'; box: Box }
  | { kind: 'qr'; box: Box }
  | { kind: 'logo'; box: Box };

/** Page geometry in PDF points. */
export interface PageGeometry {
  width: number;
  height: number;
  marginX: number;
  marginTop: number;
  /** Lowest y the flow may reach (room for the footer is kept below it). */
  bottom: number;
}

/** A4 (ISO 216) in points. */
export const A4_WIDTH = 595.28;
/** A4 (ISO 216) in points. */
export const A4_HEIGHT = 841.89;

/** Text options of {@link Flow.paragraph}. */
export interface TextOptions {
  size: number;
  role?: FontRole;
  color?: Rgb;
  align?: 'left' | 'center' | 'right';
  /** Left edge, from the page's left margin. */
  indent?: number;
  /** Width available; the rest of the line by default. */
  width?: number;
  /** Line height as a multiple of `size`. Default 1.35. */
  leading?: number;
}

/** Default text colour (near black). */
export const INK: Rgb = [0.1, 0.1, 0.12];
/** Secondary text colour. */
export const GREY: Rgb = [0.36, 0.36, 0.4];

/**
 * Wraps text into lines no wider than `width`. Whitespace runs collapse to one space; a word wider than
 * the line is broken between characters, so nothing ever runs past the edge.
 * @param fonts - measures text
 * @param text - the text (newlines start new lines)
 * @param width - line width in points
 * @param size - font size
 * @param role - face
 * @returns the lines
 * @example wrapText(fonts, 'a long text', 200, 10, 'regular')
 */
export function wrapText(fonts: FontSet, text: string, width: number, size: number, role: FontRole): string[] {
  const lines: string[] = [];
  const space = fonts.width(' ', size, role);
  for (const para of text.split(/\r\n|\r|\n/)) {
    const words = para.split(/[ \t\u00a0]+/).filter((w) => w !== '');
    let line = '';
    let lineWidth = 0;
    for (const word of words) {
      let w = fonts.width(word, size, role);
      if (line !== '' && lineWidth + space + w <= width) {
        line += ` ${word}`;
        lineWidth += space + w;
        continue;
      }
      if (line !== '') lines.push(line);
      let rest = word;
      while (w > width) {
        // Break an over-long word (a URL, an unspaced name) at the last character that fits.
        const chars = [...rest];
        let cut = 1;
        let cutWidth = fonts.width(chars[0] as string, size, role);
        while (cut < chars.length) {
          const next = fonts.width(chars[cut] as string, size, role);
          if (cutWidth + next > width) break;
          cutWidth += next;
          cut++;
        }
        lines.push(chars.slice(0, cut).join(''));
        rest = chars.slice(cut).join('');
        w = fonts.width(rest, size, role);
      }
      line = rest;
      lineWidth = w;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Lays text out down a sequence of pages, recording drawing operations per page.
 *
 * @example
 * ```ts
 * const flow = new Flow(fonts, { width: A4_WIDTH, height: A4_HEIGHT, marginX: 56, marginTop: 48, bottom: 80 });
 * flow.paragraph('Demikian ikrar ini …', { size: 10.5 });
 * flow.pages.length; // 1
 * ```
 */
export class Flow {
  /** Drawing operations, one list per page. */
  readonly pages: DrawOp[][] = [[]];
  /** Current top of the free space, in points from the bottom of the page. */
  y: number;
  readonly fonts: FontSet;
  readonly page: PageGeometry;
  /** Called at the top of every page after the first (a running header). */
  onNewPage: ((flow: Flow) => void) | undefined;

  constructor(fonts: FontSet, page: PageGeometry) {
    this.fonts = fonts;
    this.page = page;
    this.y = page.height - page.marginTop;
  }

  /** Width between the margins. */
  get contentWidth(): number {
    return this.page.width - 2 * this.page.marginX;
  }

  /** Operations of the current page. */
  get ops(): DrawOp[] {
    return this.pages[this.pages.length - 1] as DrawOp[];
  }

  /**
   * Starts a new page unless `height` points still fit on this one.
   * @param height - space the next block needs
   */
  ensure(height: number): void {
    if (this.y - height >= this.page.bottom) return;
    this.pages.push([]);
    this.y = this.page.height - this.page.marginTop;
    this.onNewPage?.(this);
  }

  /**
   * Moves down.
   * @param height - points
   */
  space(height: number): void {
    this.y -= height;
  }

  /**
   * Measures a paragraph without placing it.
   * @param text - the text
   * @param o - size, face, width
   * @returns its lines and total height
   */
  measure(text: string, o: TextOptions): { lines: string[]; height: number } {
    const width = o.width ?? this.contentWidth - (o.indent ?? 0);
    const lines = wrapText(this.fonts, text, width, o.size, o.role ?? 'regular');
    return { lines, height: lines.length * o.size * (o.leading ?? 1.35) };
  }

  /**
   * Places a wrapped paragraph, breaking pages between lines when needed.
   * @param text - the text
   * @param o - size, face, colour, alignment, indent, width
   * @returns the height used
   */
  paragraph(text: string, o: TextOptions): number {
    const { lines } = this.measure(text, o);
    const role = o.role ?? 'regular';
    const lineHeight = o.size * (o.leading ?? 1.35);
    const left = this.page.marginX + (o.indent ?? 0);
    const width = o.width ?? this.contentWidth - (o.indent ?? 0);
    const start = this.y;
    for (const line of lines) {
      this.ensure(lineHeight);
      this.placeLine(line, left, width, o.size, role, o.color ?? INK, o.align ?? 'left');
      this.y -= lineHeight;
    }
    return start - this.y;
  }

  /**
   * Places one line of text at the current position without moving down.
   * @param line - text that fits
   * @param left - left edge in points
   * @param width - box width for alignment
   * @param size - font size
   * @param role - face
   * @param color - colour
   * @param align - alignment in the box
   */
  placeLine(
    line: string,
    left: number,
    width: number,
    size: number,
    role: FontRole,
    color: Rgb,
    align: 'left' | 'center' | 'right',
  ): void {
    if (line === '') return;
    const w = align === 'left' ? 0 : this.fonts.width(line, size, role);
    const x = align === 'center' ? left + (width - w) / 2 : align === 'right' ? left + width - w : left;
    // Baseline about 0.8 em below the top of the line box, as Helvetica and Noto Sans ascend ~0.75 em.
    this.ops.push({ kind: 'text', x, y: this.y - size * 0.8, size, role, text: line, color });
  }

  /**
   * Draws a horizontal rule across the content width at the current position.
   * @param color - colour
   * @param width - line width
   */
  rule(color: Rgb = GREY, width = 0.6): void {
    const x1 = this.page.marginX;
    this.ops.push({ kind: 'line', x1, y1: this.y, x2: x1 + this.contentWidth, y2: this.y, width, color });
  }
}
