/**
 * Noto Sans for pages the standard PDF fonts cannot draw: the Latin, Latin Extended, Vietnamese,
 * Greek and Cyrillic faces of `@fontsource/noto-sans` (OFL 1.1), regular and bold, loaded with a
 * dynamic `import()` together with fontkit only when needed. Each character goes to the first face
 * whose cmap has it; a character none has is drawn as U+FFFD.
 *
 * @module
 * @example
 * ```ts
 * const fonts = await notoFontSet();
 * fonts.runs('Śri Nguyễn', 'bold'); // runs per face, with widths at size 1
 * ```
 */
import type { PDFDocument, PDFFont } from 'pdf-lib';
import type { FontRole, FontRun, FontSet } from './fonts.js';
import { woffToSfnt } from './woff.js';

/** The Unicode blocks each Noto Sans WOFF of `@fontsource/noto-sans` covers (its CSS unicode-range), in fallback order. */
const NOTO_SUBSETS: readonly { readonly name: string; readonly ranges: readonly (readonly [number, number])[] }[] = [
  {
    name: 'latin',
    ranges: [
      [0x0000, 0x00ff],
      [0x0131, 0x0131],
      [0x0152, 0x0153],
      [0x02bb, 0x02bc],
      [0x02c6, 0x02c6],
      [0x02da, 0x02da],
      [0x02dc, 0x02dc],
      [0x2000, 0x206f],
      [0x20ac, 0x20ac],
      [0x2122, 0x2122],
      [0x2212, 0x2212],
      [0xfffd, 0xfffd],
    ],
  },
  {
    name: 'latin-ext',
    ranges: [
      [0x0100, 0x02ba],
      [0x02bd, 0x02c5],
      [0x02c7, 0x02cc],
      [0x02ce, 0x02d7],
      [0x02dd, 0x02ff],
      [0x0304, 0x0304],
      [0x0308, 0x0308],
      [0x0329, 0x0329],
      [0x1d00, 0x1dbf],
      [0x1e00, 0x1e9f],
      [0x1ef2, 0x1eff],
      [0x2020, 0x2020],
      [0x20a0, 0x20ab],
      [0x20ad, 0x20c0],
      [0x2113, 0x2113],
      [0x2c60, 0x2c7f],
      [0xa720, 0xa7ff],
    ],
  },
  {
    name: 'vietnamese',
    ranges: [
      [0x0300, 0x0301],
      [0x0303, 0x0304],
      [0x0308, 0x0309],
      [0x0323, 0x0323],
      [0x1ea0, 0x1ef9],
      [0x20ab, 0x20ab],
    ],
  },
  {
    name: 'greek',
    ranges: [
      [0x0370, 0x0377],
      [0x037a, 0x037f],
      [0x0384, 0x038a],
      [0x038c, 0x038c],
      [0x038e, 0x03a1],
      [0x03a3, 0x03ff],
    ],
  },
  {
    name: 'cyrillic',
    ranges: [
      [0x0301, 0x0301],
      [0x0400, 0x045f],
      [0x0490, 0x0491],
      [0x04b0, 0x04b1],
      [0x2116, 0x2116],
    ],
  },
];

const subsetCache = new Map<number, string | undefined>();
let coverage: ReadonlyMap<string, ReadonlySet<number>> | undefined;

function subsetOf(cp: number): string | undefined {
  if (subsetCache.has(cp)) return subsetCache.get(cp);
  let found = findSubset(cp);
  // The CSS ranges are what a browser would pick; the font's own cmap is what it can draw.
  if (found !== undefined && coverage && !coverage.get(found)?.has(cp)) found = undefined;
  if (found === undefined && coverage) {
    for (const s of NOTO_SUBSETS) {
      if (coverage.get(s.name)?.has(cp)) {
        found = s.name;
        break;
      }
    }
  }
  subsetCache.set(cp, found);
  return found;
}

function findSubset(cp: number): string | undefined {
  for (const s of NOTO_SUBSETS) {
    for (const [lo, hi] of s.ranges) if (cp >= lo && cp <= hi) return s.name;
  }
  return undefined;
}

const WEIGHT: Readonly<Record<FontRole, number>> = { regular: 400, bold: 700, italic: 400 };
const REPLACEMENT = '\uFFFD';

interface FontkitFont {
  readonly unitsPerEm: number;
  readonly characterSet: readonly number[];
  layout(text: string, features?: Record<string, boolean>): { glyphs: readonly { advanceWidth: number }[] };
}

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
let notoFiles: Promise<Readonly<Record<string, string>>> | undefined;
let fontkitModule: Promise<Fontkit> | undefined;
const notoBytes = new Map<string, Uint8Array>();
type ParsedFont = ReturnType<Fontkit['create']>;
// Parsed once per realm and shared by every document: fontkit fonts are read-only once parsed.
const parsedFonts = new Map<Uint8Array, ParsedFont>();
// Width at size 1 of each run measured so far, by face and text.
const notoWidths = new Map<string, number>();
const NO_POSITIONING: Record<string, boolean> = { kern: false, mark: false, mkmk: false, dist: false, cpsp: false };

/**
 * The Noto Sans font set: loads the font data and fontkit (once per realm), unwraps the WOFF files,
 * and splits text into runs per face by each face's own cmap.
 * @returns a font set for layout and drawing
 * @example const fonts = await notoFontSet();
 */
export async function notoFontSet(): Promise<FontSet> {
  // A separate chunk: bundlers load the 330 KB of font data only for pages that need it.
  notoFiles ??= import('./fonts/noto-sans-data.js').then((m) => m.NOTO_SANS_WOFF);
  // fontkit (700 KB) is needed only here, so it loads only here too.
  fontkitModule ??= import('@pdf-lib/fontkit').then((m) => m.default as Fontkit);
  const [files, fontkit] = await Promise.all([notoFiles, fontkitModule]);
  // Unwrap every face once per realm; about 10 ms for all ten.
  for (const [key, b64] of Object.entries(files)) {
    if (!notoBytes.has(key)) notoBytes.set(key, await woffToSfnt(base64ToBytes(b64)));
  }
  const bytesOf = (key: string): Uint8Array => {
    const b = notoBytes.get(key);
    if (b === undefined) throw new RangeError(`No Noto Sans face "${key}"`);
    return b;
  };
  const widths = notoWidths;
  // Positioning features change only glyph offsets, which pdf-lib does not draw (it advances by
  // glyph widths); substitutions (ccmp, liga, locl) stay on. Measuring and drawing use the same set.
  const features = NO_POSITIONING;
  const parse = (bytes: Uint8Array): ParsedFont => {
    let f = parsedFonts.get(bytes);
    if (!f) parsedFonts.set(bytes, (f = fontkit.create(bytes)));
    return f;
  };
  // pdf-lib parses a font again for every document; hand it the one already parsed.
  const sharedFontkit: Fontkit = { create: (bytes) => parse(bytes) };
  const metricsOf = (key: string): FontkitFont => parse(bytesOf(key)) as unknown as FontkitFont;
  coverage ??= new Map(
    NOTO_SUBSETS.map((s) => [s.name, new Set((metricsOf(`${s.name}-400`) as FontkitFont).characterSet)]),
  );
  const embedded = new WeakMap<PDFDocument, Map<string, Promise<PDFFont>>>();
  const runs = (text: string, role: FontRole): FontRun[] => {
    const out: FontRun[] = [];
    let current: string | undefined;
    let buf = '';
    const flush = (): void => {
      if (buf === '' || current === undefined) return;
      const m = metricsOf(current);
      const cacheKey = `${current}\u0000${buf}`;
      let w = widths.get(cacheKey);
      if (w === undefined) {
        // Sum of advances without kerning: pdf-lib draws glyphs by their advances alone.
        w = 0;
        for (const g of m.layout(buf, features).glyphs) w += g.advanceWidth;
        if (widths.size > 50_000) widths.clear();
        w /= m.unitsPerEm;
        widths.set(cacheKey, w);
      }
      out.push({ font: current, text: buf, width: w });
      buf = '';
    };
    for (const raw of text) {
      let ch = raw;
      let subset = subsetOf(ch.codePointAt(0) as number);
      if (subset === undefined) {
        ch = REPLACEMENT;
        subset = 'latin';
      }
      const key = `${subset}-${WEIGHT[role]}`;
      if (key !== current) {
        flush();
        current = key;
      }
      buf += ch;
    }
    flush();
    return out;
  };
  return {
    kind: 'noto',
    runs,
    width: (text, size, role) => runs(text, role).reduce((w, r) => w + r.width, 0) * size,
    embed(doc, key) {
      let map = embedded.get(doc);
      if (!map) embedded.set(doc, (map = new Map()));
      let font = map.get(key);
      if (!font) {
        doc.registerFontkit(sharedFontkit);
        // subset: true writes only the glyphs used, as TrueType (the WOFF wrapper is not embedded).
        font = doc.embedFont(bytesOf(key), { subset: true, features });
        map.set(key, font);
      }
      return font;
    },
  };
}
