/**
 * Reads the signed record back out of a certificate: the one embedded file whose name ends in `.json`
 * (in the document's `EmbeddedFiles` name tree, ISO 32000-1 §7.7.4 and §7.11.4). Nothing is verified
 * here: pass the result to `verifyPledge` (or `ikrar-verify`), which is what makes the paper trustworthy.
 *
 * @module
 * @example
 * ```ts
 * import { extractRecord } from '@ikrar/core/pdf';
 * import { verifyPledge } from '@ikrar/core';
 * const result = await verifyPledge(await extractRecord(pdfBytes));
 * ```
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';
import { bytesToUtf8 } from '../encoding.js';
import { PdfInvalidError } from '../errors.js';
import { embeddedNotUtf8, pdfInvalid, pdfMultipleRecords, pdfNoRecord } from '../internal/pdf-messages.js';
import { parseJson } from '../parse-json.js';

/** The embedded record file as found in the PDF. */
export interface EmbeddedRecordFile {
  /** Its file name, e.g. `ikrar-0f8f….json`. */
  fileName: string;
  /** Its bytes (UTF-8 JSON), decompressed. */
  bytes: Uint8Array;
}

/** Largest PDF accepted, in bytes (a certificate is 10 to 30 KB). */
export const MAX_PDF_BYTES: number = 64 * 1024 * 1024;

/** Largest embedded record accepted, in bytes. */
export const MAX_RECORD_BYTES: number = 16 * 1024 * 1024;
const MAX_TREE_DEPTH = 32;

function textOf(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

// Walks a name tree (ISO 32000-1 §7.9.6): leaves hold /Names [key value …], other nodes /Kids.
function collectFileSpecs(node: PDFDict, out: PDFDict[], depth: number, seen: Set<PDFDict>): void {
  if (depth > MAX_TREE_DEPTH || seen.has(node)) {
    throw pdfInvalid('attachment-tree');
  }
  seen.add(node);
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let i = 1; i < names.size(); i += 2) {
      const spec = names.lookup(i);
      if (spec instanceof PDFDict) out.push(spec);
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids) {
    for (let i = 0; i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) collectFileSpecs(kid, out, depth + 1, seen);
    }
  }
}

function fileNameOf(spec: PDFDict): string {
  // §7.11.3: /UF is the Unicode file name; /F the older byte-string one.
  return textOf(spec.lookup(PDFName.of('UF'))) ?? textOf(spec.lookup(PDFName.of('F'))) ?? '';
}

/**
 * Finds the embedded `.json` record file of a PDF.
 * @param pdfBytes - the PDF file
 * @returns its file name and bytes
 * @throws TypeError when `pdfBytes` is not a Uint8Array
 * @throws {PdfInvalidError} `ERR_PDF_INVALID` when the bytes are not a readable PDF (or are encrypted,
 *   or larger than {@link MAX_PDF_BYTES})
 * @throws {PdfNoRecordError} `ERR_PDF_NO_RECORD` when no embedded file name ends in `.json`
 * @throws {PdfMultipleRecordsError} `ERR_PDF_MULTIPLE_RECORDS` when more than one does
 * @example const { fileName, bytes } = await extractRecordFile(pdfBytes);
 */
export async function extractRecordFile(pdfBytes: Uint8Array): Promise<EmbeddedRecordFile> {
  if (!(pdfBytes instanceof Uint8Array)) {
    throw new TypeError(`"pdfBytes" expected Uint8Array, got ${pdfBytes === null ? 'null' : typeof pdfBytes}`);
  }
  if (pdfBytes.length > MAX_PDF_BYTES) {
    throw pdfInvalid('too-large', { max: MAX_PDF_BYTES });
  }
  // §7.5.2: the header %PDF- starts the file; readers accept it within the first 1024 bytes.
  const head = String.fromCharCode(...pdfBytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) {
    throw pdfInvalid('not-pdf');
  }
  let doc: PDFDocument;
  try {
    // A damaged object is an error, not a console warning and a guess: auditors get a clear verdict.
    doc = await PDFDocument.load(pdfBytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (cause) {
    throw pdfInvalid('unreadable', { cause });
  }
  const specs: PDFDict[] = [];
  try {
    const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
    const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
    if (tree) collectFileSpecs(tree, specs, 0, new Set());
  } catch (cause) {
    if (cause instanceof PdfInvalidError) throw cause;
    throw pdfInvalid('attachment-list', { cause });
  }
  const records = specs.filter((s) => fileNameOf(s).toLowerCase().endsWith('.json'));
  if (records.length === 0) {
    throw pdfNoRecord();
  }
  if (records.length > 1) {
    throw pdfMultipleRecords(records.length);
  }
  const spec = records[0] as PDFDict;
  const fileName = fileNameOf(spec);
  let bytes: Uint8Array;
  try {
    // §7.11.4: /EF maps /F (and optionally /UF) to the embedded file stream.
    const ef = spec.lookup(PDFName.of('EF'), PDFDict);
    const stream = ef.lookup(PDFName.of('F')) ?? ef.lookup(PDFName.of('UF'));
    if (!(stream instanceof PDFRawStream)) throw new Error('embedded file is not a stream');
    bytes = decodePDFRawStream(stream).decode();
  } catch (cause) {
    throw pdfInvalid('embedded-unreadable', { name: fileName, cause });
  }
  if (bytes.length > MAX_RECORD_BYTES) {
    throw pdfInvalid('record-too-large', { max: MAX_RECORD_BYTES });
  }
  return { fileName, bytes };
}

/** The embedded record file's text; see {@link extractRecordText}. */
export interface EmbeddedRecordText {
  /** Its file name, e.g. `ikrar-0f8f….json`. */
  fileName: string;
  /** Its text (strict UTF-8, a byte order mark dropped), not parsed. */
  text: string;
}

/**
 * Returns the text of the record file embedded in a certificate, as it is in the file (a
 * certificate's is `JSON.stringify(record, null, 2)` and a newline). For a caller that parses it
 * once itself, e.g. a verifier's `verifyText`; {@link extractRecord} is this, parsed.
 * @param pdfBytes - the PDF file
 * @returns its file name and text
 * @throws {PdfInvalidError} `ERR_PDF_INVALID` when the bytes are not a readable PDF
 * @throws {PdfNoRecordError} `ERR_PDF_NO_RECORD` when it has no embedded `.json` file
 * @throws {PdfMultipleRecordsError} `ERR_PDF_MULTIPLE_RECORDS` when it has several
 * @throws {JsonInvalidError} `ERR_JSON_INVALID` (reason `syntax`) when the embedded file is not UTF-8
 * @example const { text } = await extractRecordText(await readFile('ikrar.pdf'));
 */
export async function extractRecordText(pdfBytes: Uint8Array): Promise<EmbeddedRecordText> {
  const { bytes, fileName } = await extractRecordFile(pdfBytes);
  try {
    return { fileName, text: bytesToUtf8(bytes) };
  } catch {
    throw embeddedNotUtf8(fileName);
  }
}

/**
 * Returns the signed record embedded in a certificate, parsed with the strict JSON rules of
 * `parseJson` (no duplicate keys, lone surrogates or `__proto__`). It is not verified.
 * @param pdfBytes - the PDF file
 * @returns the record as parsed JSON (verify it with `verifyPledge`)
 * @throws {PdfInvalidError} `ERR_PDF_INVALID` when the bytes are not a readable PDF
 * @throws {PdfNoRecordError} `ERR_PDF_NO_RECORD` when it has no embedded `.json` file
 * @throws {PdfMultipleRecordsError} `ERR_PDF_MULTIPLE_RECORDS` when it has several
 * @throws {JsonInvalidError} `ERR_JSON_INVALID` when the embedded file is not strict UTF-8 JSON
 * @example const record = await extractRecord(await readFile('ikrar.pdf'));
 */
export async function extractRecord(pdfBytes: Uint8Array): Promise<unknown> {
  return parseJson((await extractRecordText(pdfBytes)).text);
}
