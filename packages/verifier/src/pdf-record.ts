/**
 * The one place `.pdf` inputs are handled: reads the text of the record embedded in an Ikrar
 * certificate through `@ikrar/core/pdf` `extractRecordText`, not parsed: the verifier parses it
 * once (`verifyText`), as it does a `.json` record. A file that is no PDF, has no or several
 * records, or one that is not UTF-8, is a `malformed` verdict, never a crash.
 *
 * @module
 * @example
 * ```ts
 * const got = await recordFromPdf(bytes); // { text } or { reason, message }
 * ```
 */
import type { VerifierMessage } from './errors.js';
import type { ReasonCode, RecordReason } from './verdicts.js';

/** What a PDF gave: the embedded record's text (not parsed), or why not. */
export type PdfRecord =
  { readonly text: string } | { readonly reason: RecordReason; readonly message?: VerifierMessage };

type PdfModule = typeof import('@ikrar/core/pdf');
let loaded: Promise<PdfModule | null> | undefined;

// Loaded on the first .pdf only: pdf-lib is large and most runs read JSONL.
function loadPdfModule(): Promise<PdfModule | null> {
  loaded ??= import('@ikrar/core/pdf').then(
    (m) => m,
    () => null,
  );
  return loaded;
}

/** Codes core's PDF reader throws that name a reason of their own (anything else is `ERR_PDF_INVALID`). */
const PDF_CODES: ReadonlySet<string> = new Set([
  'ERR_PDF_INVALID',
  'ERR_PDF_NO_RECORD',
  'ERR_PDF_MULTIPLE_RECORDS',
  'ERR_JSON_INVALID',
]);

/**
 * Extracts the record text of a certificate.
 * @param bytes - the PDF file
 * @returns `{ text }` (the embedded file as it is: pass it to `verifyText`), or `{ reason, message }`
 *   for a malformed verdict
 * @example await recordFromPdf(await readFile('sertifikat.pdf'))
 */
export async function recordFromPdf(bytes: Uint8Array): Promise<PdfRecord> {
  // ISO 32000-1 §7.5.2: a PDF starts with %PDF- (readers allow up to 1024 bytes of junk before it).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) {
    return {
      reason: { code: 'ERR_PDF_INVALID' },
      message: { id: 'Berkas bukan PDF.', en: 'The file is not a PDF.' },
    };
  }
  const pdf = await loadPdfModule();
  if (!pdf) {
    return {
      reason: { code: 'ERR_PDF_UNSUPPORTED' },
      message: {
        id: 'Versi @ikrar/core ini belum dapat membaca rekaman dari PDF.',
        en: 'This @ikrar/core cannot read records from PDFs yet.',
      },
    };
  }
  try {
    return { text: (await pdf.extractRecordText(bytes)).text };
  } catch (err) {
    const e = err as { code?: unknown; reason?: unknown; messages?: { id?: unknown; en?: unknown } };
    const code: ReasonCode =
      typeof e?.code === 'string' && PDF_CODES.has(e.code) ? (e.code as ReasonCode) : 'ERR_PDF_INVALID';
    const m = e?.messages;
    return {
      reason: code === 'ERR_JSON_INVALID' && typeof e.reason === 'string' ? { code, detail: e.reason } : { code },
      ...(m && typeof m.id === 'string' && typeof m.en === 'string' && { message: { id: m.id, en: m.en } }),
    };
  }
}
