/**
 * Fonts of a certificate. When every string on the page is in WinAnsi (Latin-1 plus a few signs, which
 * covers Bahasa Indonesia and most names), the page uses the standard Helvetica family: nothing is
 * embedded and a certificate takes a few milliseconds. Otherwise the whole page switches to Noto Sans
 * (OFL, from `@fontsource/noto-sans`, shipped as base64 in `fonts/noto-sans-data.ts` and loaded with a
 * dynamic `import()` only then), subset-embedded per Unicode block: Latin, Latin Extended, Vietnamese,
 * Greek and Cyrillic. A character none of them covers is drawn as U+FFFD (the attached record keeps
 * the exact text).
 *
 * Layout measures synchronously; the PDF fonts are embedded afterwards, only those a drawn run uses.
 *
 * @module
 * @example
 * ```ts
 * const fonts = await loadFontSet(['Śri Wāhyuni']);
 * fonts.width('Śri', 10, 'bold');
 * ```
 */
import { StandardFontEmbedder, StandardFonts, type PDFDocument, type PDFFont } from 'pdf-lib';
import { notoFontSet } from './noto-sans.js';

/** Which face a text uses. */
export type FontRole = 'regular' | 'bold' | 'italic';

/** A piece of text that one PDF font draws. */
export interface FontRun {
  /** Key of the PDF font, resolved by {@link FontSet.embed}. */
  readonly font: string;
  readonly text: string;
  /** Width at size 1. */
  readonly width: number;
}

/** Measures text and splits it into runs per PDF font. */
export interface FontSet {
  readonly kind: 'standard' | 'noto';
  /** Runs of `text` in `role`, widths at size 1. */
  runs(text: string, role: FontRole): FontRun[];
  /** Width of `text` at `size`. */
  width(text: string, size: number, role: FontRole): number;
  /** The PDF font of a run key, embedded into `doc` on first use (once per document). */
  embed(doc: PDFDocument, key: string): Promise<PDFFont>;
}

const STANDARD: Readonly<Record<FontRole, StandardFonts>> = {
  regular: StandardFonts.Helvetica,
  bold: StandardFonts.HelveticaBold,
  italic: StandardFonts.HelveticaOblique,
};

interface StandardFace {
  readonly embedder: StandardFontEmbedder;
  readonly widths: Map<string, number>;
}

let standardFaces: Readonly<Record<FontRole, StandardFace>> | undefined;
let winAnsi: ReadonlySet<number> | undefined;

type StandardFontName = Parameters<typeof StandardFontEmbedder.for>[0];
const face = (role: FontRole): StandardFace => ({
  // StandardFonts values are the same strings as @pdf-lib/standard-fonts' FontNames.
  embedder: StandardFontEmbedder.for(STANDARD[role] as unknown as StandardFontName),
  widths: new Map(),
});

function faces(): Readonly<Record<FontRole, StandardFace>> {
  standardFaces ??= { regular: face('regular'), bold: face('bold'), italic: face('italic') };
  return standardFaces;
}

/**
 * Whether the standard PDF fonts (WinAnsi encoding) can draw every string.
 * @param texts - every string the page shows
 * @returns true when no font needs embedding
 * @example canUseStandardFonts(['Sri Wahyuni']) // true
 */
export function canUseStandardFonts(texts: readonly string[]): boolean {
  winAnsi ??= new Set(faces().regular.embedder.encoding.supportedCodePoints);
  for (const t of texts) {
    for (const ch of t) {
      if (!winAnsi.has(ch.codePointAt(0) as number)) return false;
    }
  }
  return true;
}

function standardFontSet(): FontSet {
  const f = faces();
  const embedded = new WeakMap<PDFDocument, Map<string, PDFFont>>();
  const width1 = (text: string, role: FontRole): number => {
    const face = f[role];
    let w = 0;
    for (const ch of text) {
      let cw = face.widths.get(ch);
      if (cw === undefined) {
        cw = face.embedder.widthOfTextAtSize(ch, 1);
        face.widths.set(ch, cw);
      }
      w += cw;
    }
    return w;
  };
  return {
    kind: 'standard',
    runs: (text, role) => [{ font: role, text, width: width1(text, role) }],
    width: (text, size, role) => width1(text, role) * size,
    embed(doc, key) {
      let map = embedded.get(doc);
      if (!map) embedded.set(doc, (map = new Map()));
      let font = map.get(key);
      if (!font) {
        font = doc.embedStandardFont(STANDARD[key as FontRole]);
        map.set(key, font);
      }
      return Promise.resolve(font);
    },
  };
}

/**
 * The fonts for a page showing `texts`: the standard Helvetica family when it can draw them all,
 * otherwise Noto Sans.
 * @param texts - every string the page shows
 * @returns a font set for layout and drawing
 * @example const fonts = await loadFontSet([record.credentialSubject.signer.name]);
 */
export async function loadFontSet(texts: readonly string[]): Promise<FontSet> {
  return canUseStandardFonts(texts) ? standardFontSet() : notoFontSet();
}
