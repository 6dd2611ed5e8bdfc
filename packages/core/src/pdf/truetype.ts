/**
 * Reads what a PDF needs from a TrueType font (OpenType spec, "glyf" flavour): character-to-glyph
 * mapping (`cmap` formats 4 and 12), advance widths (`hmtx`), the metrics a font descriptor holds,
 * and writes a subset that keeps only the glyph outlines a document uses. Glyph ids stay as they are
 * (unused glyphs become empty), so the PDF maps CIDs to glyphs with `/CIDToGIDMap /Identity`.
 *
 * No shaping: a certificate draws NFC text glyph by glyph, advancing by the glyph widths, which is
 * what the PDF viewer does with the widths we write (ISO 32000-1 §9.7.4.3).
 *
 * @module
 * @example
 * ```ts
 * const font = parseTrueType(ttfBytes);
 * const gid = font.glyphOf(0x15a); // Ś
 * const program = font.subset(new Set([0, gid]));
 * ```
 */

/** A parsed TrueType font. */
export interface TrueTypeFont {
  readonly unitsPerEm: number;
  readonly numGlyphs: number;
  /** head.xMin, yMin, xMax, yMax in font units. */
  readonly bbox: readonly [number, number, number, number];
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  /** post.italicAngle in degrees. */
  readonly italicAngle: number;
  /** The glyph of a code point, 0 (`.notdef`) when the font has none. */
  glyphOf(codePoint: number): number;
  /** Advance width of a glyph in font units. */
  advanceOf(glyph: number): number;
  /**
   * The font program with only `glyphs` (and the components they use) outlined.
   * @param glyphs - glyph ids used; `.notdef` is always kept
   */
  subset(glyphs: ReadonlySet<number>): Uint8Array;
}

/** One table of an sfnt file. */
export interface Table {
  readonly tag: string;
  readonly data: Uint8Array;
}

/** Tables a PDF viewer may read from an embedded TrueType program (ISO 32000-1 §9.9); the rest are left out. */
const KEEP = new Set(['head', 'hhea', 'maxp', 'hmtx', 'cmap', 'OS/2', 'name', 'post', 'cvt ', 'fpgm', 'prep', 'gasp']);

const REWRITTEN = new Set(['head', 'hmtx', 'post']);

function fail(what: string): never {
  throw new RangeError(`Malformed TrueType font: ${what}`);
}

function readTables(bytes: Uint8Array): Map<string, Table> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || v.getUint32(0) !== 0x00010000) fail('not a TrueType (glyf) font');
  const n = v.getUint16(4);
  const tables = new Map<string, Table>();
  for (let i = 0; i < n; i++) {
    const r = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(r, r + 4));
    const offset = v.getUint32(r + 8);
    const length = v.getUint32(r + 12);
    if (offset + length > bytes.length) fail(`table ${tag} out of bounds`);
    tables.set(tag, { tag, data: bytes.subarray(offset, offset + length) });
  }
  for (const t of ['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf', 'cmap']) if (!tables.has(t)) fail(`no ${t} table`);
  return tables;
}

const view = (t: Table): DataView => new DataView(t.data.buffer, t.data.byteOffset, t.data.byteLength);

/** cmap format 4 (BMP) or 12 (full Unicode) from the best Unicode subtable (OpenType "cmap"). */
function readCmap(t: Table): Map<number, number> {
  const v = view(t);
  const n = v.getUint16(2);
  let best = -1;
  let bestRank = -1;
  for (let i = 0; i < n; i++) {
    const platform = v.getUint16(4 + 8 * i);
    const encoding = v.getUint16(6 + 8 * i);
    const offset = v.getUint32(8 + 8 * i);
    const format = v.getUint16(offset);
    const rank =
      format === 12 && (platform === 0 || (platform === 3 && encoding === 10))
        ? 2
        : format === 4 && (platform === 0 || (platform === 3 && encoding === 1))
          ? 1
          : -1;
    if (rank > bestRank) [best, bestRank] = [offset, rank];
  }
  if (best < 0) fail('no Unicode cmap');
  const map = new Map<number, number>();
  if (v.getUint16(best) === 12) {
    const groups = v.getUint32(best + 12);
    for (let g = 0; g < groups; g++) {
      const o = best + 16 + 12 * g;
      const [start, end, glyph] = [v.getUint32(o), v.getUint32(o + 4), v.getUint32(o + 8)];
      for (let c = start; c <= end; c++) map.set(c, glyph + c - start);
    }
    return map;
  }
  const segs = v.getUint16(best + 6) / 2;
  const ends = best + 14;
  const starts = ends + 2 * segs + 2;
  const deltas = starts + 2 * segs;
  const ranges = deltas + 2 * segs;
  for (let s = 0; s < segs; s++) {
    const end = v.getUint16(ends + 2 * s);
    const start = v.getUint16(starts + 2 * s);
    const delta = v.getInt16(deltas + 2 * s);
    const rangeAt = ranges + 2 * s;
    const range = v.getUint16(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (range === 0) glyph = (c + delta) & 0xffff;
      else {
        glyph = v.getUint16(rangeAt + range + 2 * (c - start));
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(c, glyph);
    }
  }
  return map;
}

/** OpenType checksum: the sum of big-endian uint32 words, zero-padded. */
function checksum(bytes: Uint8Array): number {
  const padded =
    bytes.length % 4 === 0
      ? bytes
      : (() => {
          const p = new Uint8Array((bytes.length + 3) & ~3);
          p.set(bytes);
          return p;
        })();
  const v = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  return sum;
}

/** The glyph ids a composite glyph refers to (OpenType "glyf", composite glyph description). */
function components(glyph: Uint8Array): number[] {
  const v = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
  if (glyph.length < 10 || v.getInt16(0) >= 0) return [];
  const out: number[] = [];
  let o = 10;
  for (;;) {
    const flags = v.getUint16(o);
    out.push(v.getUint16(o + 2));
    o += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) o += 2;
    else if (flags & 0x0040) o += 4;
    else if (flags & 0x0080) o += 8;
    if (!(flags & 0x0020) || o + 4 > glyph.length) return out;
  }
}

/**
 * Writes an sfnt file (OpenType "Organization of an OpenType font"): offset table, table records in
 * tag order with their checksums, 4-byte aligned tables, and the `head` checksum adjustment.
 * @param tables - the tables, `head` among them
 * @returns the font file
 * @example writeSfnt([{ tag: 'head', data: head }, …])
 */
export function writeSfnt(tables: readonly Table[]): Uint8Array {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const n = sorted.length;
  let size = 12 + 16 * n;
  for (const t of sorted) size += (t.data.length + 3) & ~3;
  const out = new Uint8Array(size);
  const o = new DataView(out.buffer);
  let selector = 0;
  while (2 ** (selector + 1) <= n) selector++;
  o.setUint32(0, 0x00010000);
  o.setUint16(4, n);
  o.setUint16(6, 2 ** selector * 16);
  o.setUint16(8, selector);
  o.setUint16(10, n * 16 - 2 ** selector * 16);
  let at = 12 + 16 * n;
  let headAt = -1;
  sorted.forEach((t, i) => {
    const r = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[r + k] = t.tag.charCodeAt(k);
    out.set(t.data, at);
    // "head" is summed with checkSumAdjustment as 0.
    if (t.tag === 'head') o.setUint32((headAt = at) + 8, 0);
    o.setUint32(r + 4, checksum(out.subarray(at, at + t.data.length)));
    o.setUint32(r + 8, at);
    o.setUint32(r + 12, t.data.length);
    at += (t.data.length + 3) & ~3;
  });
  // OpenType "head": checkSumAdjustment = 0xB1B0AFBA minus the sum of the whole font.
  if (headAt >= 0) o.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/**
 * Parses a TrueType font.
 * @param bytes - an sfnt file with `glyf` outlines (see `woff.ts` for WOFF)
 * @returns the font
 * @throws RangeError when a table the PDF needs is missing or out of bounds
 * @example parseTrueType(ttf).glyphOf(0x41)
 */
export function parseTrueType(bytes: Uint8Array): TrueTypeFont {
  const tables = readTables(bytes);
  const get = (tag: string): Table => tables.get(tag) as Table;
  const head = view(get('head'));
  const hhea = view(get('hhea'));
  const unitsPerEm = head.getUint16(18);
  const longLoca = head.getInt16(50) === 1;
  const numGlyphs = view(get('maxp')).getUint16(4);
  const numMetrics = hhea.getUint16(34);
  const hmtx = view(get('hmtx'));
  const loca = view(get('loca'));
  const glyf = get('glyf').data;
  const cmap = readCmap(get('cmap'));
  const os2 = tables.get('OS/2');
  const os2v = os2 ? view(os2) : undefined;
  const post = tables.get('post');
  const offsetOf = (g: number): number => (longLoca ? loca.getUint32(4 * g) : 2 * loca.getUint16(2 * g));
  if (loca.byteLength < (longLoca ? 4 : 2) * (numGlyphs + 1) || hmtx.byteLength < 4 * numMetrics)
    fail('short loca or hmtx');
  const glyphBytes = (g: number): Uint8Array => glyf.subarray(offsetOf(g), offsetOf(g + 1));
  const ascent = hhea.getInt16(4);
  return {
    unitsPerEm,
    numGlyphs,
    bbox: [head.getInt16(36), head.getInt16(38), head.getInt16(40), head.getInt16(42)],
    ascent,
    descent: hhea.getInt16(6),
    capHeight: os2v && os2v.getUint16(0) >= 2 && os2v.byteLength >= 90 ? os2v.getInt16(88) : ascent,
    italicAngle: post ? view(post).getInt32(4) / 65536 : 0,
    glyphOf: (cp) => cmap.get(cp) ?? 0,
    advanceOf: (g) => hmtx.getUint16(4 * Math.min(g, numMetrics - 1)),
    subset(glyphs) {
      const keep = new Set<number>([0]);
      const pending = [...glyphs];
      while (pending.length > 0) {
        const g = pending.pop() as number;
        if (g >= numGlyphs || keep.has(g)) continue;
        keep.add(g);
        pending.push(...components(glyphBytes(g)));
      }
      let glyfSize = 0;
      for (const g of keep) glyfSize += (glyphBytes(g).length + 3) & ~3;
      const newGlyf = new Uint8Array(glyfSize);
      const newLoca = new Uint8Array(4 * (numGlyphs + 1));
      const lv = new DataView(newLoca.buffer);
      let at = 0;
      for (let g = 0; g < numGlyphs; g++) {
        lv.setUint32(4 * g, at);
        if (keep.has(g)) {
          const b = glyphBytes(g);
          newGlyf.set(b, at);
          at += (b.length + 3) & ~3;
        }
      }
      lv.setUint32(4 * numGlyphs, at);
      const newHead = get('head').data.slice();
      new DataView(newHead.buffer).setInt16(50, 1);
      // Metrics of glyphs left out are zeroed: they compress to nothing and nothing draws them.
      const newHmtx = new Uint8Array(hmtx.byteLength);
      const mv = new DataView(newHmtx.buffer);
      for (let g = 0; g < numMetrics; g++) {
        // The last long metric also gives the advance of every glyph after it.
        if (keep.has(g) || g === numMetrics - 1) mv.setUint32(4 * g, hmtx.getUint32(4 * g));
      }
      newHmtx.set(get('hmtx').data.subarray(4 * numMetrics), 4 * numMetrics);
      const out: Table[] = [
        { tag: 'head', data: newHead },
        { tag: 'loca', data: newLoca },
        { tag: 'glyf', data: newGlyf },
        { tag: 'hmtx', data: newHmtx },
      ];
      if (post && post.data.length >= 32) {
        // OpenType "post" version 3.0: no glyph names (PDF reaches glyphs by id).
        const newPost = post.data.slice(0, 32);
        new DataView(newPost.buffer).setUint32(0, 0x00030000);
        out.push({ tag: 'post', data: newPost });
      }
      for (const t of tables.values()) if (KEEP.has(t.tag) && !REWRITTEN.has(t.tag)) out.push(t);
      return writeSfnt(out);
    },
  };
}
