/**
 * Paints laid-out pages into a pdf-lib document by writing each page's content stream directly
 * (ISO 32000-1 §8 and §9 operators) and compressing it with the platform's `CompressionStream`
 * (native zlib in browsers and Node). pdf-lib's own drawing methods format every number through a
 * slow generic path and deflate in JavaScript; for a page of QR modules and signature curves that is
 * most of the time a certificate takes.
 *
 * @module
 * @example
 * ```ts
 * paintPages(doc, streams, pages, { fonts, embedded, qrText, signature, logo });
 * ```
 */
import {
  PDFNumber,
  PDFRawStream,
  type PDFDict,
  type PDFDocument,
  type PDFImage,
  type PDFRef,
  type PDFPage,
} from 'pdf-lib';
import type { SignatureStrokes } from '../signature-strokes.js';
import type { DocumentFonts } from './embed-font.js';
import type { FontSet } from './types.js';
import { A4_HEIGHT, A4_WIDTH, type DrawOp, type Rgb } from './layout.js';
import { qrPath } from './qr.js';
import { signaturePath } from './strokes.js';

/** What the painter needs beside the operations. */
export interface PaintInput {
  fonts: FontSet;
  /** Where the glyphs drawn are recorded, to embed the fonts afterwards. */
  embedded: DocumentFonts;
  qrText: string;
  signature: SignatureStrokes | undefined;
  logo: PDFImage | undefined;
}

/**
 * Formats a number for a content stream: at most two decimals, no exponent (§7.3.3).
 * @param n - the number
 * @returns its PDF form
 * @example num(12.345) // '12.35'
 */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return r === 0 ? '0' : String(r);
}

const colour = (c: Rgb): string => `${num(c[0])} ${num(c[1])} ${num(c[2])}`;

/**
 * Compresses bytes as a zlib stream (RFC 1950), what `/FlateDecode` reads.
 * @param bytes - data
 * @returns the compressed data, or `null` where the platform has no `CompressionStream`
 * @example await deflate(new TextEncoder().encode('BT ET'))
 */
export async function deflate(bytes: Uint8Array): Promise<Uint8Array | null> {
  if (typeof CompressionStream === 'undefined') return null;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Collects stream objects and compresses them all at once (in parallel where the platform's zlib
 * runs off the main thread), so the document waits for the slowest stream, not for their sum.
 *
 * @example
 * ```ts
 * const streams = new StreamWriter(doc);
 * page.node.addContentStream(streams.add(bytes));
 * await streams.flush();
 * ```
 */
export class StreamWriter {
  readonly #pending: Promise<void>[] = [];
  readonly #doc: PDFDocument;

  constructor(doc: PDFDocument) {
    this.#doc = doc;
  }

  /**
   * Reserves a reference for a stream, flate-compressed when the platform can.
   * @param bytes - the stream data
   * @param entries - extra dictionary entries
   * @returns the stream's reference (the object is filled in by {@link flush})
   */
  add(bytes: Uint8Array, entries: Record<string, unknown> = {}): PDFRef {
    const ctx = this.#doc.context;
    const ref = ctx.nextRef();
    this.#pending.push(
      deflate(bytes).then((packed) => {
        const dict = ctx.obj({
          ...entries,
          ...(packed && { Filter: 'FlateDecode' }),
          Length: PDFNumber.of((packed ?? bytes).length),
        } as never) as unknown as PDFDict;
        ctx.assign(ref, PDFRawStream.of(dict, packed ?? bytes));
      }),
    );
    return ref;
  }

  /** Waits until every stream is in the document. */
  async flush(): Promise<void> {
    await Promise.all(this.#pending);
  }
}

/** Slant of italic text drawn from an upright face: tan 12°, as in a typical oblique. */
const ITALIC_SLANT = '0.21';

function pageContent(page: PDFPage, ops: DrawOp[], input: PaintInput): string {
  const out: string[] = [];
  const fontKeys = new Map<string, ReturnType<PDFPage['node']['newFontDictionary']>>();
  let inText = false;
  let textFont = '';
  let textColour = '';
  const endText = (): void => {
    if (inText) out.push('ET');
    inText = false;
  };
  for (const op of ops) {
    if (op.kind !== 'text') endText();
    switch (op.kind) {
      case 'text': {
        if (!inText) {
          out.push('BT');
          inText = true;
          textFont = '';
          textColour = '';
        }
        const c = colour(op.color);
        if (c !== textColour) out.push(`${c} rg`);
        textColour = c;
        let x = op.x;
        const slant = op.role === 'italic' ? ITALIC_SLANT : '0';
        for (const run of input.fonts.runs(op.text, op.role)) {
          const face = input.fonts.face(run.font);
          let key = fontKeys.get(run.font);
          if (!key) {
            key = page.node.newFontDictionary('F', input.embedded.ref(run.font, face));
            fontKeys.set(run.font, key);
          }
          const tf = `${key.toString()} ${num(op.size)} Tf`;
          if (tf !== textFont) out.push(tf);
          textFont = tf;
          // §9.4.2: Tm sets the text matrix absolutely, so runs need no bookkeeping of the pen.
          out.push(`1 0 ${slant} 1 ${num(x)} ${num(op.y)} Tm`, `${input.embedded.encode(run.font, face, run.text)} Tj`);
          x += run.width * op.size;
        }
        break;
      }
      case 'line':
        out.push(
          `${num(op.width)} w ${colour(op.color)} RG ${num(op.x1)} ${num(op.y1)} m ${num(op.x2)} ${num(op.y2)} l S`,
        );
        break;
      case 'qr':
        out.push(qrPath(input.qrText, { x: op.box.x, y: op.box.y, size: op.box.width }));
        break;
      case 'signature':
        if (input.signature) {
          out.push('q 0.06 0.12 0.4 RG 1.2 w 1 J 1 j', signaturePath(input.signature, op.box, 1.2), 'Q');
        }
        break;
      case 'logo': {
        const logo = input.logo;
        if (!logo) break;
        const s = Math.min(op.box.width / logo.width, op.box.height / logo.height);
        const w = logo.width * s;
        const h = logo.height * s;
        const key = page.node.newXObject('Im', logo.ref);
        const x = op.box.x + (op.box.width - w) / 2;
        const y = op.box.y + (op.box.height - h) / 2;
        out.push(`q ${num(w)} 0 0 ${num(h)} ${num(x)} ${num(y)} cm ${key.toString()} Do Q`);
        break;
      }
    }
  }
  endText();
  return out.join('\n');
}

/**
 * Adds one A4 page per list of operations and writes its content.
 * @param doc - the document
 * @param streams - where the content streams go
 * @param pages - operations per page
 * @param input - fonts, QR text, signature drawing, embedded logo
 * @example paintPages(doc, streams, layoutCertificate(view, fonts), { fonts, embedded, qrText, signature, logo })
 */
export function paintPages(doc: PDFDocument, streams: StreamWriter, pages: DrawOp[][], input: PaintInput): void {
  for (const ops of pages) {
    const page = doc.addPage([A4_WIDTH, A4_HEIGHT]);
    const content = pageContent(page, ops, input);
    page.node.addContentStream(streams.add(new TextEncoder().encode(content)));
  }
}
