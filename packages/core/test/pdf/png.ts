/** Decodes the PNGs pdftoppm writes (8-bit grey or RGB, not interlaced) to grey levels, to compare pages. */
import { inflateSync } from 'node:zlib';
import { encodeRgbaPng as encodePng } from './encode-png.mjs';

/** A decoded image as one grey level (0–255) per pixel. */
export interface GreyImage {
  width: number;
  height: number;
  grey: Uint8Array;
}

/**
 * Decodes a PNG (PNG spec §11.2.2, filters §9).
 * @param png - the file
 * @returns its pixels as grey levels
 */
export function decodePng(png: Uint8Array): GreyImage {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  while (pos < png.length) {
    const len = v.getUint32(pos);
    const type = String.fromCharCode(...png.subarray(pos + 4, pos + 8));
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      const d = new DataView(data.buffer, data.byteOffset, data.byteLength);
      width = d.getUint32(0);
      height = d.getUint32(4);
      const depth = data[8];
      const colour = data[9];
      if (depth !== 8 || data[12] !== 0) throw new Error('only 8-bit, non-interlaced PNG');
      channels = colour === 0 ? 1 : colour === 2 ? 3 : colour === 6 ? 4 : 0;
      if (channels === 0) throw new Error(`unsupported PNG colour type ${colour}`);
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (row[x - channels] as number) : 0;
      const b = prev[x] as number;
      const c = x >= channels ? (prev[x - channels] as number) : 0;
      let p = src[x] as number;
      if (filter === 1) p += a;
      else if (filter === 2) p += b;
      else if (filter === 3) p += (a + b) >> 1;
      else if (filter === 4) {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        p += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      row[x] = p & 0xff;
    }
  }
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    if (channels === 1) grey[i] = pixels[i] as number;
    else {
      const o = i * channels;
      grey[i] = Math.round(
        0.299 * (pixels[o] as number) + 0.587 * (pixels[o + 1] as number) + 0.114 * (pixels[o + 2] as number),
      );
    }
  }
  return { width, height, grey };
}

/**
 * Compares two images of the same size.
 * @returns mean absolute grey difference and the share of pixels differing by more than 64 levels
 */
export function compareImages(a: GreyImage, b: GreyImage): { meanDiff: number; changedShare: number } {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`image sizes differ: ${a.width}×${a.height} vs ${b.width}×${b.height}`);
  }
  let sum = 0;
  let changed = 0;
  for (let i = 0; i < a.grey.length; i++) {
    const d = Math.abs((a.grey[i] as number) - (b.grey[i] as number));
    sum += d;
    if (d > 64) changed++;
  }
  return { meanDiff: sum / a.grey.length, changedShare: changed / a.grey.length };
}

/** Encodes an RGBA image as PNG: `encodePng(width, height, (x, y) => [r, g, b, a])`. */
export { encodePng };

/** A 96 × 96 emblem (a shield-like disc), to stand in for an agency logo. */
export function testLogo(): Buffer {
  return encodePng(96, 96, (x, y) => {
    const d = Math.hypot(x - 47.5, y - 47.5);
    if (d > 46) return [0, 0, 0, 0];
    if (d > 40) return [180, 140, 20, 255];
    return Math.abs(x - 47.5) < 6 || Math.abs(y - 40) < 5 ? [250, 250, 250, 255] : [150, 20, 30, 255];
  });
}
