/**
 * Unwraps a WOFF 1.0 font into the plain TrueType (sfnt) it carries. fontkit reads WOFF, but inflates
 * the whole `glyf` table again for every glyph it touches, which makes layout and subsetting of a
 * WOFF font about a hundred times slower than of the same font as TTF. Inflation uses the standard
 * `DecompressionStream` (browsers, workers, Node 18+).
 *
 * @module
 * @example
 * ```ts
 * const ttf = await woffToSfnt(woffBytes);
 * ```
 */

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  // WOFF 1.0 §5: compressed tables are zlib streams (RFC 1950), which "deflate" means here.
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Converts WOFF 1.0 bytes to sfnt (TrueType / OpenType) bytes.
 * @param woff - the WOFF file
 * @returns the sfnt file
 * @throws RangeError when the bytes are not WOFF 1.0 or a table is malformed
 * @example await woffToSfnt(bytes)
 */
export async function woffToSfnt(woff: Uint8Array): Promise<Uint8Array> {
  const v = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.length < 44 || v.getUint32(0) !== 0x774f4646) throw new RangeError('Not a WOFF 1.0 font');
  const flavor = v.getUint32(4);
  const numTables = v.getUint16(12);
  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const offset = v.getUint32(e + 4);
    const compLength = v.getUint32(e + 8);
    const origLength = v.getUint32(e + 12);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? await inflate(raw) : raw;
    if (data.length !== origLength) throw new RangeError('WOFF table has the wrong length');
    tables.push({ tag: v.getUint32(e), checksum: v.getUint32(e + 16), data });
  }
  // OpenType §"Organization of an OpenType font": offset table, table records, 4-byte aligned tables.
  let size = 12 + 16 * numTables;
  for (const t of tables) size += (t.data.length + 3) & ~3;
  const out = new Uint8Array(size);
  const o = new DataView(out.buffer);
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  o.setUint32(0, flavor);
  o.setUint16(4, numTables);
  o.setUint16(6, searchRange);
  o.setUint16(8, entrySelector);
  o.setUint16(10, numTables * 16 - searchRange);
  let at = 12 + 16 * numTables;
  tables.forEach((t, i) => {
    const r = 12 + i * 16;
    o.setUint32(r, t.tag);
    o.setUint32(r + 4, t.checksum);
    o.setUint32(r + 8, at);
    o.setUint32(r + 12, t.data.length);
    out.set(t.data, at);
    at += (t.data.length + 3) & ~3;
  });
  return out;
}
