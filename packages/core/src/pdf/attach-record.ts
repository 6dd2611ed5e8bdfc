/**
 * Embeds the signed record as the document's one attached file (ISO 32000-1 §7.11.4 embedded file
 * streams, §7.7.4 `EmbeddedFiles` name tree; PDF 2.0 §14.13 associated files with `AFRelationship
 * /Source`, as PDF/A-3 expects), so the certificate alone is enough to verify it.
 *
 * @module
 * @example
 * ```ts
 * attachRecord(doc, streams, jsonBytes, 'ikrar-….json', 'Rekaman ikrar bertanda tangan', date);
 * ```
 */
import { PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import type { StreamWriter } from './paint.js';

/**
 * Attaches `bytes` as `fileName` (`application/json`).
 * @param doc - the document
 * @param streams - where the file stream goes
 * @param bytes - the file content
 * @param fileName - its name, ending in `.json`
 * @param description - shown by PDF viewers in the attachment list
 * @param date - creation and modification date of the file
 * @example attachRecord(doc, streams, json, 'ikrar-….json', 'Rekaman ikrar bertanda tangan', new Date(record.validFrom))
 */
export function attachRecord(
  doc: PDFDocument,
  streams: StreamWriter,
  bytes: Uint8Array,
  fileName: string,
  description: string,
  date: Date,
): void {
  const ctx = doc.context;
  const stream = streams.add(bytes, {
    Type: 'EmbeddedFile',
    Subtype: 'application/json',
    Params: { Size: bytes.length, CreationDate: PDFString.fromDate(date), ModDate: PDFString.fromDate(date) },
  });
  const spec = ctx.register(
    ctx.obj({
      Type: 'Filespec',
      F: PDFString.of(fileName),
      UF: PDFHexString.fromText(fileName),
      EF: { F: stream },
      Desc: PDFHexString.fromText(description),
      AFRelationship: 'Source',
    }),
  );
  doc.catalog.set(
    PDFName.of('Names'),
    ctx.obj({ EmbeddedFiles: ctx.obj({ Names: ctx.obj([PDFHexString.fromText(fileName), spec]) }) }),
  );
  doc.catalog.set(PDFName.of('AF'), ctx.obj([spec]));
}
