/**
 * Noto Sans, the one typeface of every certificate: the Latin, Latin Extended, Vietnamese, Greek and
 * Cyrillic faces of `@fontsource/noto-sans` (OFL 1.1), regular and bold, loaded with a dynamic
 * `import()` on the first certificate of a realm. Each character goes to the first face whose cmap
 * has it; a character none has is drawn as U+FFFD. Text is measured and drawn glyph by glyph from the
 * cmap and the advance widths (no shaping), so what layout measures is what the PDF draws.
 *
 * @module
 * @example
 * ```ts
 * const fonts = await notoFontSet();
 * fonts.runs('Śri Nguyễn', 'bold'); // runs per face, with widths at size 1
 * ```
 */
import type { FontFace, FontRole, FontRun, FontSet } from './types.js';
import { parseTrueType } from './truetype.js';
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

const WEIGHT: Readonly<Record<FontRole, number>> = { regular: 400, bold: 700, italic: 400 };
const POSTSCRIPT: Readonly<Record<number, string>> = { 400: 'NotoSans-Regular', 700: 'NotoSans-Bold' };

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

let loaded: Promise<FontSet> | undefined;

async function load(): Promise<FontSet> {
  // A separate chunk: bundlers load the 330 KB of font data with the first certificate only.
  const { NOTO_SANS_WOFF } = await import('./fonts/noto-sans-data.js');
  const faces = new Map<string, FontFace>();
  // Unwrapped and parsed once per realm; faces are read-only afterwards.
  for (const [key, b64] of Object.entries(NOTO_SANS_WOFF)) {
    const weight = Number(key.slice(key.lastIndexOf('-') + 1));
    const font = parseTrueType(await woffToSfnt(base64ToBytes(b64)));
    faces.set(key, { font, postScriptName: POSTSCRIPT[weight] ?? 'NotoSans' });
  }
  const faceOf = (key: string): FontFace => {
    const f = faces.get(key);
    if (f === undefined) throw new RangeError(`No Noto Sans face "${key}"`);
    return f;
  };
  // Which face draws a code point: the CSS ranges first (what a browser would pick), then any face
  // whose cmap has it; cached per realm.
  const subsetOf = new Map<number, string | null>();
  const pick = (cp: number): string | null => {
    let found = subsetOf.get(cp);
    if (found !== undefined) return found;
    found = null;
    for (const s of NOTO_SUBSETS) {
      if (s.ranges.some(([lo, hi]) => cp >= lo && cp <= hi) && faceOf(`${s.name}-400`).font.glyphOf(cp) !== 0) {
        found = s.name;
        break;
      }
    }
    if (found === null) {
      for (const s of NOTO_SUBSETS) {
        if (faceOf(`${s.name}-400`).font.glyphOf(cp) !== 0 && faceOf(`${s.name}-700`).font.glyphOf(cp) !== 0) {
          found = s.name;
          break;
        }
      }
    }
    if (subsetOf.size > 100_000) subsetOf.clear();
    subsetOf.set(cp, found);
    return found;
  };
  // .notdef is never drawn (ISO 19005-3 §6.2.11.8): U+FFFD stands in, or "?" in a face without it.
  const replacement = faceOf('latin-400').font.glyphOf(0xfffd) !== 0 ? '\uFFFD' : '?';
  const runs = (text: string, role: FontRole): FontRun[] => {
    const out: FontRun[] = [];
    let current = '';
    let buf = '';
    let width = 0;
    const weight = WEIGHT[role];
    for (const raw of text) {
      let ch = raw;
      let subset = pick(ch.codePointAt(0) as number);
      if (subset === null) {
        ch = replacement;
        subset = 'latin';
      }
      const key = `${subset}-${weight}`;
      if (key !== current) {
        if (buf !== '') out.push({ font: current, text: buf, width });
        current = key;
        buf = '';
        width = 0;
      }
      const { font } = faceOf(key);
      buf += ch;
      width += font.advanceOf(font.glyphOf(ch.codePointAt(0) as number)) / font.unitsPerEm;
    }
    if (buf !== '') out.push({ font: current, text: buf, width });
    return out;
  };
  return {
    runs,
    width: (text, size, role) => {
      let w = 0;
      for (const r of runs(text, role)) w += r.width;
      return w * size;
    },
    face: faceOf,
  };
}

/**
 * The Noto Sans font set: loads and parses the font data once per realm.
 * @returns a font set for layout and drawing
 * @example const fonts = await notoFontSet();
 */
export function notoFontSet(): Promise<FontSet> {
  loaded ??= load().catch((e: unknown) => {
    loaded = undefined;
    throw e;
  });
  return loaded;
}
