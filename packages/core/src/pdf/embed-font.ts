/**
 * Embeds TrueType fonts into a PDF as composite fonts (ISO 32000-1 §9.7: `Type0` with
 * `/Identity-H`, a `CIDFontType2` descendant with `/CIDToGIDMap /Identity`), each a subset that
 * carries only the glyphs the document draws, named with a six-letter subset tag (§9.6.4), with a
 * `ToUnicode` CMap (§9.10.3) so text can be searched and copied. PDF/A-3 (ISO 19005-3 §6.2.11)
 * asks for exactly this: every font embedded, widths in the dictionary equal to the program's.
 *
 * @module
 * @example
 * ```ts
 * const fonts = new DocumentFonts(doc, streams);
 * const hex = fonts.encode('latin-400', face, 'Śri'); // '<0123…>' for a Tj operator
 * fonts.finish();
 * ```
 */
import { PDFString, type PDFDocument, type PDFRef } from 'pdf-lib';
import { sha256 } from '@noble/hashes/sha2.js';
import type { FontFace, StreamSink } from './types.js';

interface Used {
  readonly face: FontFace;
  readonly ref: PDFRef;
  /** Glyph id → the text it stands for (first seen). */
  readonly glyphs: Map<number, string>;
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0').toUpperCase();

function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out;
}

/** A six-letter tag from the glyphs used, so the same subset gets the same name (§9.6.4). */
function subsetTag(name: string, glyphs: readonly number[]): string {
  const digest = sha256(new TextEncoder().encode(`${name}:${glyphs.join(',')}`));
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

function toUnicodeCMap(glyphs: ReadonlyMap<number, string>): string {
  const entries = [...glyphs].sort((a, b) => a[0] - b[0]);
  const chunks: string[] = [];
  // §9.10.3 / Adobe TN 5411: at most 100 entries per beginbfchar block.
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    chunks.push(
      `${part.length} beginbfchar\n${part.map(([g, t]) => `<${hex4(g)}> <${utf16Hex(t)}>`).join('\n')}\nendbfchar`,
    );
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...chunks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** The `/W` array (§9.7.4.3): runs of consecutive glyph ids with their widths in 1/1000 em. */
function widthArray(face: FontFace, glyphs: readonly number[]): (number | number[])[] {
  const scale = 1000 / face.font.unitsPerEm;
  const out: (number | number[])[] = [];
  let run: number[] = [];
  let last = -2;
  for (const g of glyphs) {
    const w = Math.round(face.font.advanceOf(g) * scale * 100) / 100;
    if (g === last + 1) run.push(w);
    else {
      run = [w];
      out.push(g, run);
    }
    last = g;
  }
  return out;
}

/** The fonts of one document: encodes text as glyph ids and writes each face used, once. */
export class DocumentFonts {
  readonly #doc: PDFDocument;
  readonly #streams: StreamSink;
  readonly #used = new Map<string, Used>();

  constructor(doc: PDFDocument, streams: StreamSink) {
    this.#doc = doc;
    this.#streams = streams;
  }

  /**
   * The reference of a face's font dictionary (reserved on first use).
   * @param key - the face's key
   * @param face - the face
   * @returns the reference to put in a page's `/Font` resources
   */
  ref(key: string, face: FontFace): PDFRef {
    return this.#entry(key, face).ref;
  }

  /**
   * Encodes text as the 2-byte glyph ids `Identity-H` reads, recording the glyphs used.
   * @param key - the face's key
   * @param face - the face, which must have every character of `text`
   * @param text - what to draw
   * @returns a hex string operand, e.g. `<00240025>`
   */
  encode(key: string, face: FontFace, text: string): string {
    const used = this.#entry(key, face);
    let out = '<';
    for (const ch of text) {
      const g = face.font.glyphOf(ch.codePointAt(0) as number);
      if (!used.glyphs.has(g)) used.glyphs.set(g, ch);
      out += hex4(g);
    }
    return `${out}>`;
  }

  #entry(key: string, face: FontFace): Used {
    let used = this.#used.get(key);
    if (!used) this.#used.set(key, (used = { face, ref: this.#doc.context.nextRef(), glyphs: new Map() }));
    return used;
  }

  /** Writes every face used: font dictionaries, descriptor, subset program and ToUnicode map. */
  finish(): void {
    const ctx = this.#doc.context;
    for (const { face, ref, glyphs } of this.#used.values()) {
      const { font } = face;
      const ids = [...glyphs.keys()].sort((a, b) => a - b);
      const name = `${subsetTag(face.postScriptName, ids)}+${face.postScriptName}`;
      const program = font.subset(new Set(ids));
      const scale = 1000 / font.unitsPerEm;
      const s = (n: number): number => Math.round(n * scale);
      const fontFile = this.#streams.add(program, { Length1: program.length });
      const toUnicode = this.#streams.add(new TextEncoder().encode(toUnicodeCMap(glyphs)));
      const descriptor = ctx.register(
        ctx.obj({
          Type: 'FontDescriptor',
          FontName: name,
          // §9.8.2: symbolic (bit 3), as the glyphs are reached by id, not by a standard encoding.
          Flags: 4,
          FontBBox: font.bbox.map(s),
          ItalicAngle: font.italicAngle,
          Ascent: s(font.ascent),
          Descent: s(font.descent),
          CapHeight: s(font.capHeight),
          StemV: 80,
          FontFile2: fontFile,
        }),
      );
      const cidFont = ctx.register(
        ctx.obj({
          Type: 'Font',
          Subtype: 'CIDFontType2',
          BaseFont: name,
          CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
          FontDescriptor: descriptor,
          W: widthArray(face, ids),
          CIDToGIDMap: 'Identity',
        }),
      );
      ctx.assign(
        ref,
        ctx.obj({
          Type: 'Font',
          Subtype: 'Type0',
          BaseFont: name,
          Encoding: 'Identity-H',
          DescendantFonts: [cidFont],
          ToUnicode: toUnicode,
        }),
      );
    }
  }
}
