/**
 * What makes a certificate PDF/A-3b (ISO 19005-3, conformance level B) beyond embedded fonts and the
 * associated file: the document information dictionary and an XMP metadata stream that say the same
 * (§6.6.2.1, §6.6.3: title, author, subject, keywords, creator tool, producer, dates), the PDF/A
 * identification `pdfaid:part` 3 / `pdfaid:conformance` B (§6.6.4), an sRGB output intent with its
 * ICC profile (§6.2.3), and a file identifier in the trailer (§6.1.3, ISO 32000-1 §14.4).
 *
 * @module
 * @example
 * ```ts
 * await writePdfA(doc, { title, author, subject, keywords, creator, producer, language, date, id });
 * ```
 */
import {
  PDFArray,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFString,
  type PDFDict,
  type PDFDocument,
} from 'pdf-lib';
import { deflate } from './paint.js';
import { SRGB_ICC_BASE64 } from './srgb-icc.js';

/** The document's descriptive metadata, written identically to the Info dictionary and XMP. */
export interface PdfAMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  producer: string;
  /** BCP 47 language of the text, the catalog's `/Lang`. */
  language: string;
  /** Creation and modification date. */
  date: Date;
  /** 16 bytes that identify this document (the trailer's `/ID`, both halves). */
  id: Uint8Array;
}

/** The ICC profile, compressed once per realm. */
let icc: Promise<{ bytes: Uint8Array; packed: Uint8Array | null }> | undefined;

function iccProfile(): Promise<{ bytes: Uint8Array; packed: Uint8Array | null }> {
  icc ??= (async () => {
    const bin = atob(SRGB_ICC_BASE64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return { bytes, packed: await deflate(bytes) };
  })();
  return icc;
}

/** XML 1.0 text: escaped markup characters, no characters XML cannot hold (§2.2). */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** An instant as XMP (ISO 8601) and PDF (ISO 32000-1 §7.9.4) dates, both in UTC, to the second. */
function dates(date: Date): { xmp: string; pdf: string } {
  const iso = new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().slice(0, 19);
  return { xmp: `${iso}Z`, pdf: `D:${iso.replace(/[-:T]/g, '')}Z` };
}

/**
 * The XMP packet (ISO 16684-1) of a certificate.
 * @param meta - the metadata
 * @returns the packet, UTF-8 text
 * @example xmpPacket(meta).includes('<pdfaid:part>3</pdfaid:part>') // true
 */
export function xmpPacket(meta: PdfAMetadata): string {
  const { xmp } = dates(meta.date);
  return [
    // §6.6.2.1 (ISO 19005-3): no "bytes" or "encoding" attributes in the packet header.
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about=""',
    '    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
    '    xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '   <pdfaid:part>3</pdfaid:part>',
    '   <pdfaid:conformance>B</pdfaid:conformance>',
    '   <dc:format>application/pdf</dc:format>',
    `   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    `   <dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `   <dc:language><rdf:Bag><rdf:li>${xml(meta.language)}</rdf:li></rdf:Bag></dc:language>`,
    `   <pdf:Keywords>${xml(meta.keywords)}</pdf:Keywords>`,
    `   <pdf:Producer>${xml(meta.producer)}</pdf:Producer>`,
    `   <xmp:CreatorTool>${xml(meta.creator)}</xmp:CreatorTool>`,
    `   <xmp:CreateDate>${xmp}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${xmp}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${xmp}</xmp:MetadataDate>`,
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/**
 * Writes the Info dictionary, XMP metadata, sRGB output intent and trailer `/ID`.
 * @param doc - the document
 * @param meta - the metadata
 * @example await writePdfA(doc, meta)
 */
export async function writePdfA(doc: PDFDocument, meta: PdfAMetadata): Promise<void> {
  const ctx = doc.context;
  const { pdf } = dates(meta.date);
  // Text strings as UTF-16BE (ISO 32000-1 §7.9.2.2), so any name survives; XMP holds the same text.
  const info = ctx.obj({
    Title: PDFHexString.fromText(meta.title),
    Author: PDFHexString.fromText(meta.author),
    Subject: PDFHexString.fromText(meta.subject),
    Keywords: PDFHexString.fromText(meta.keywords),
    Creator: PDFHexString.fromText(meta.creator),
    Producer: PDFHexString.fromText(meta.producer),
    CreationDate: PDFString.of(pdf),
    ModDate: PDFString.of(pdf),
  });
  ctx.trailerInfo.Info = ctx.register(info);
  const xmpBytes = new TextEncoder().encode(xmpPacket(meta));
  // Left uncompressed, so any tool (and a person with a text editor) finds the packet.
  const metadata = ctx.register(
    PDFRawStream.of(
      ctx.obj({ Type: 'Metadata', Subtype: 'XML', Length: xmpBytes.length }) as unknown as PDFDict,
      xmpBytes,
    ),
  );
  doc.catalog.set(PDFName.of('Metadata'), metadata);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.language));
  const profile = await iccProfile();
  const iccRef = ctx.nextRef();
  const body = profile.packed ?? profile.bytes;
  ctx.assign(
    iccRef,
    PDFRawStream.of(
      ctx.obj({
        N: 3,
        ...(profile.packed && { Filter: 'FlateDecode' }),
        Length: PDFNumber.of(body.length),
      } as never) as unknown as PDFDict,
      body,
    ),
  );
  doc.catalog.set(
    PDFName.of('OutputIntents'),
    ctx.obj([
      ctx.obj({
        Type: 'OutputIntent',
        S: 'GTS_PDFA1',
        OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
        RegistryName: PDFString.of('http://www.color.org'),
        Info: PDFString.of('sRGB IEC61966-2.1'),
        DestOutputProfile: iccRef,
      }),
    ]),
  );
  const hex = Array.from(meta.id, (b) => b.toString(16).padStart(2, '0')).join('');
  const id = PDFHexString.of(hex);
  ctx.trailerInfo.ID = PDFArray.withContext(ctx);
  (ctx.trailerInfo.ID as PDFArray).push(id);
  (ctx.trailerInfo.ID as PDFArray).push(id);
}
