/**
 * The types the certificate modules share: the renderer's options, the fonts as layout and the
 * embedder see them, and the stream sink the embedder writes to. They sit below the modules that
 * use them, so no two modules import each other (the renderer and the views, the painter and the
 * embedder, the font set and Noto Sans).
 *
 * @module
 * @internal
 * @example
 * ```ts
 * import type { FontSet, RenderCertificateOptions } from './types.js';
 * ```
 */
import type { PDFRef } from 'pdf-lib';
import type { SignatureStrokes } from '../signature-strokes.js';
import type { CertificateLanguage } from './labels.js';
import type { TrueTypeFont } from './truetype.js';

/** Options of `renderCertificate`. */
export interface RenderCertificateOptions {
  /** The drawn signature; must match `consent.signatureDigestMultibase` of a `drawn` record. */
  signature?: SignatureStrokes;
  /**
   * What the QR code holds: a URL where the host verifies certificates. `{id}` is replaced by the
   * record's UUID (its `id` without `urn:uuid:`, as the widget's `certificate-url` and the portal's
   * `/verifikasi/<uuid>` use it) and `{code}` by the verification code (both URI-encoded). Without
   * it the QR code holds the compact `IKRAR:<uuid>:<code>`.
   */
  verificationUrl?: string;
  /** The agency logo, PNG or JPEG bytes, drawn in a 50 pt square. */
  logo?: Uint8Array;
  /** Print only the last four characters of NIP / NI PPPK / NIK (UU PDP 27/2022). Default `true`. */
  maskIdentifiers?: boolean;
  /** Language of the labels around the pledge (the pledge keeps its own). Default `'id'`. */
  language?: CertificateLanguage;
  /** Creation and modification date written into the PDF and the attachment. Default: the record's `validFrom`. */
  date?: Date | string;
}

/** A face to embed: the parsed font and its PostScript name. */
export interface FontFace {
  readonly font: TrueTypeFont;
  readonly postScriptName: string;
}

/** Which face a text uses. Italic is drawn slanted from the regular face. */
export type FontRole = 'regular' | 'bold' | 'italic';

/** A piece of text that one face draws. */
export interface FontRun {
  /** Key of the face, resolved by {@link FontSet.face}. */
  readonly font: string;
  readonly text: string;
  /** Width at size 1. */
  readonly width: number;
}

/** Measures text and splits it into runs per face. */
export interface FontSet {
  /** Runs of `text` in `role`, widths at size 1. */
  runs(text: string, role: FontRole): FontRun[];
  /** Width of `text` at `size`. */
  width(text: string, size: number, role: FontRole): number;
  /** The face of a run key. */
  face(key: string): FontFace;
}

/** Where stream objects go (the painter's `StreamWriter`): a reference now, the object later. */
export interface StreamSink {
  /**
   * Reserves a reference for a stream.
   * @param bytes - the stream data
   * @param entries - extra dictionary entries
   * @returns the stream's reference
   */
  add(bytes: Uint8Array, entries?: Record<string, unknown>): PDFRef;
}
