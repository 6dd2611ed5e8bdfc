/**
 * Fonts of a certificate: Noto Sans (OFL 1.1) for every page, embedded as subsets (PDF/A-3 allows no
 * font that is not embedded, so the standard 14 fonts are never used). The font data is a separate
 * chunk loaded with a dynamic `import()` (see `noto-sans.ts`).
 *
 * Layout measures synchronously; the PDF fonts are written once the pages are painted, each with only
 * the glyphs drawn (`embed-font.ts`).
 *
 * @module
 * @example
 * ```ts
 * const fonts = await loadFontSet();
 * fonts.width('Śri', 10, 'bold');
 * ```
 */
import type { FontFace } from './embed-font.js';
import { notoFontSet } from './noto-sans.js';

/** Which face a text uses. Italic is drawn slanted from the regular face. */
export type FontRole = 'regular' | 'bold' | 'italic';

/** A piece of text that one face draws. */
export interface FontRun {
  /** Key of the face, resolved by {@link FontSet.face}. */
  readonly font: string;
  readonly text: string;
  /** Width at size 1. */
  readonly width: number;
}

/** Measures text and splits it into runs per face. */
export interface FontSet {
  /** Runs of `text` in `role`, widths at size 1. */
  runs(text: string, role: FontRole): FontRun[];
  /** Width of `text` at `size`. */
  width(text: string, size: number, role: FontRole): number;
  /** The face of a run key. */
  face(key: string): FontFace;
}

/**
 * The fonts of a certificate (loaded once per realm).
 * @returns a font set for layout and drawing
 * @example const fonts = await loadFontSet();
 */
export function loadFontSet(): Promise<FontSet> {
  return notoFontSet();
}
