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
import { notoFontSet } from './noto-sans.js';
import type { FontSet } from './types.js';

/**
 * The fonts of a certificate (loaded once per realm).
 * @returns a font set for layout and drawing
 * @example const fonts = await loadFontSet();
 */
export function loadFontSet(): Promise<FontSet> {
  return notoFontSet();
}
