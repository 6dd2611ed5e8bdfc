/**
 * The agency logo: PNG or JPEG bytes, checked before pdf-lib sees them. pdf-lib's PNG decoder
 * (`@pdf-lib/upng`) trusts chunk lengths, so a truncated PNG makes it copy up to 4 GiB byte by byte
 * (the page never renders); here every chunk must lie inside the file (PNG §5.3), IHDR must come first
 * and IEND last, and the image may be at most 4096 × 4096 pixels.
 *
 * @module
 * @example
 * ```ts
 * const image = await embedLogo(doc, logoBytes);
 * ```
 */
import type { PDFDocument, PDFImage } from 'pdf-lib';

/** Largest logo side accepted, in pixels. */
export const MAX_LOGO_SIDE = 4096;

const damaged = (what: string, cause?: unknown): RangeError =>
  new RangeError(`"options.logo" is a damaged ${what} image`, cause === undefined ? undefined : { cause });

function checkPng(bytes: Uint8Array): void {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  let first = true;
  while (pos + 12 <= bytes.length) {
    const len = v.getUint32(pos);
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    if (len > bytes.length - pos - 12) throw damaged('PNG');
    if (first && (type !== 'IHDR' || len !== 13)) throw damaged('PNG');
    if (first) {
      const w = v.getUint32(pos + 8);
      const h = v.getUint32(pos + 12);
      if (w === 0 || h === 0 || w > MAX_LOGO_SIDE || h > MAX_LOGO_SIDE) {
        throw new RangeError(
          `"options.logo" must be at most ${MAX_LOGO_SIDE} × ${MAX_LOGO_SIDE} pixels, got ${w} × ${h}`,
        );
      }
    }
    first = false;
    pos += 12 + len;
    if (type === 'IEND') return;
  }
  throw damaged('PNG');
}

/**
 * Embeds a PNG or JPEG logo.
 * @param doc - the document
 * @param bytes - the image file
 * @returns the embedded image
 * @throws TypeError when `bytes` is not a Uint8Array
 * @throws RangeError when it is neither PNG nor JPEG, is damaged, or is too large
 * @example await embedLogo(doc, png)
 */
export async function embedLogo(doc: PDFDocument, bytes: Uint8Array): Promise<PDFImage> {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('"options.logo" expected Uint8Array');
  // PNG signature (PNG §5.2) or the JPEG SOI marker.
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b);
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  if (!png && !jpeg) throw new RangeError('"options.logo" expected PNG or JPEG bytes');
  if (png) checkPng(bytes);
  try {
    const image = await (png ? doc.embedPng(bytes) : doc.embedJpg(bytes));
    if (image.width > MAX_LOGO_SIDE || image.height > MAX_LOGO_SIDE) {
      throw new RangeError(`"options.logo" must be at most ${MAX_LOGO_SIDE} × ${MAX_LOGO_SIDE} pixels`);
    }
    return image;
  } catch (cause) {
    if (cause instanceof RangeError && cause.message.startsWith('"options.logo"')) throw cause;
    throw damaged(png ? 'PNG' : 'JPEG', cause);
  }
}
