/**
 * The done step's downloads as a reactive controller (it holds its host and asks it to update; no lifecycle hooks): the signed record as JSON, and the PDF
 * certificate made in the page (`@ikrar/core/pdf`, loaded on the first click), one at a time.
 *
 * @module
 * @example
 * ```ts
 * readonly #download = new DownloadController(this, { signing, events, t, lang });
 * html`<button @click=${() => this.#download.pdf()}>`;
 * ```
 */
import { isIkrarError } from '@ikrar/core/errors';
import type { IkrarNetralitasProperties } from '../../components/ikrar-netralitas/ikrar-netralitas.properties.js';
import { WidgetError } from '../../errors.js';
import type { Translation } from '../../translations/translation.js';
import { downloadFile, recordFileName } from '../download.js';
import { renderPdf } from '../pdf.js';
import type { UiLanguage } from '../types.js';
import type { EventsController } from './events-controller.js';
import type { SigningController } from './signing-controller.js';

/** What the controller asks its host. */
export interface DownloadOptions {
  readonly signing: SigningController;
  readonly events: EventsController;
  t(): Translation;
  lang(): UiLanguage;
}

/** Saves the signed record. */
export class DownloadController {
  readonly #host: IkrarNetralitasProperties;
  readonly #o: DownloadOptions;
  #pdfBusy = false;

  /**
   * @param host - the element
   * @param options - the signing outcome, events, terms, language
   */
  constructor(host: IkrarNetralitasProperties, options: DownloadOptions) {
    this.#host = host;
    this.#o = options;
  }

  /** A PDF is being made. */
  get pdfBusy(): boolean {
    return this.#pdfBusy;
  }

  /** Saves the record as `ikrar-<id>.json`. */
  json(): void {
    const record = this.#o.signing.record;
    if (!record) return;
    downloadFile(recordFileName(record.id, 'json'), JSON.stringify(record, null, 2), 'application/json');
    this.#o.events.announce(this.#o.t().downloadStarted);
  }

  /** Makes the certificate and saves it as `ikrar-<id>.pdf`; a failure is `ERR_PDF_FAILED`. */
  async pdf(): Promise<void> {
    const { signing, events } = this.#o;
    const record = signing.record;
    if (!record || this.#pdfBusy) return;
    this.#setBusy(true);
    events.announce(this.#o.t().pdfPreparing);
    try {
      const signature = signing.strokes;
      const url = this.#host.verificationUrl;
      const bytes = await renderPdf(record, {
        language: this.#o.lang(),
        ...(signature && { signature }),
        ...(url && { verificationUrl: url }),
      });
      downloadFile(recordFileName(record.id, 'pdf'), bytes, 'application/pdf');
      events.announce(this.#o.t().downloadStarted);
    } catch (cause) {
      const detail = isIkrarError(cause) ? cause.code : cause instanceof Error ? cause.message.slice(0, 200) : '';
      signing.fail(new WidgetError('ERR_PDF_FAILED', { cause, detail }));
    } finally {
      this.#setBusy(false);
    }
  }

  /** Nothing is being made any more. */
  reset(): void {
    this.#setBusy(false);
  }

  #setBusy(busy: boolean): void {
    this.#pdfBusy = busy;
    this.#host.requestUpdate();
  }
}
