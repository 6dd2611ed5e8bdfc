/**
 * The "Sign" button as a reactive controller (it holds its host and asks it to update; no lifecycle hooks): one signing at a time (a reset or a newer
 * attempt makes an older one's answer count for nothing, and aborts its requests), the credential
 * built from the host's options and the signer's answers, the signing run (`sign-flow.ts`), and
 * the outcome: the checked record and its verification, or a `WidgetError` shown and reported.
 *
 * @module
 * @example
 * ```ts
 * readonly #signing = new SigningController(this, { options, form, t, events, signed });
 * html`<button @click=${() => this.#signing.sign()}>`;
 * ```
 */
import type { PledgeTemplate, SignatureStrokes, SignedPledge, VerifyPledgeResult } from '@ikrar/core';
import type { IkrarNetralitasProperties } from '../../components/ikrar-netralitas/ikrar-netralitas.properties.js';
import { WidgetError } from '../../errors.js';
import type { Translation } from '../../translations/translation.js';
import { runSigning } from '../sign-flow.js';
import { toSignatureStrokes } from '../strokes.js';
import type { EventsController } from './events-controller.js';
import type { FormStateController } from './form-state-controller.js';
import type { OptionsController } from './options-controller.js';

/** What the controller asks its host. */
export interface SigningOptions {
  readonly options: OptionsController;
  readonly form: FormStateController;
  readonly events: EventsController;
  t(): Translation;
  /** The record is in: the host puts it in the form before anyone hears of it. */
  signed(): void;
}

/** Runs the signing and holds its outcome. */
export class SigningController {
  readonly #host: IkrarNetralitasProperties;
  readonly #o: SigningOptions;
  #busy = false;
  #error: WidgetError | null = null;
  #record: SignedPledge | null = null;
  #verification: VerifyPledgeResult | null = null;
  #strokes: SignatureStrokes | null = null;
  #attempt = 0;
  #abort: AbortController | null = null;

  /**
   * @param host - the element
   * @param options - its options, answers, events, terms
   */
  constructor(host: IkrarNetralitasProperties, options: SigningOptions) {
    this.#host = host;
    this.#o = options;
  }

  /** A signing is under way. */
  get busy(): boolean {
    return this.#busy;
  }
  /** The last failure shown (signing or PDF), or null. */
  get error(): WidgetError | null {
    return this.#error;
  }
  /** The signed, checked record, or null. */
  get record(): SignedPledge | null {
    return this.#record;
  }
  /** The verification of {@link record}. */
  get verification(): VerifyPledgeResult | null {
    return this.#verification;
  }
  /** The strokes of a drawn signature that was signed (for the PDF), or null. */
  get strokes(): SignatureStrokes | null {
    return this.#strokes;
  }

  /**
   * Shows and reports a failure.
   * @param error - what failed
   */
  fail(error: WidgetError): void {
    this.#error = error;
    this.#host.requestUpdate();
    this.#o.events.error(error);
  }

  /** Signs the pledge as the signer answered it. */
  async sign(): Promise<void> {
    if (this.#busy) return;
    const attempt = ++this.#attempt;
    this.#abort = new AbortController();
    const signal = this.#abort.signal;
    const { options, form, events } = this.#o;
    const h = this.#host;
    const mode = options.mode;
    this.#error = null;
    this.#busy = true;
    events.announce(this.#o.t().signing);
    try {
      const config = options.configError();
      if (config) throw new WidgetError('ERR_CONFIG_INVALID', { detail: config });
      const strokes = form.signatureType === 'drawn' ? toSignatureStrokes(form.drawing) : null;
      this.#strokes = strokes;
      const { record, verification } = await runSigning({
        mode,
        credential: {
          template: options.template as PledgeTemplate,
          language: options.pledgeLanguage,
          issuer: { id: h.issuer, name: h.agency.trim() },
          identity: form.identity,
          event: { name: h.eventName, place: h.eventPlace, date: h.eventDate },
          pointCount: options.pointCount,
          signature: strokes
            ? { type: 'drawn', strokes }
            : { type: 'typed', name: form.typedName.trim().replace(/\s+/g, ' ') },
          timeZone: h.timeZone,
        },
        hostIssuer: h.issuer !== '',
        endpoint: {
          url: h.endpoint,
          timeoutMs: h.endpointTimeout,
          retries: h.endpointRetries,
          headers: h.endpointHeaders,
        },
        host: h,
        signal,
      });
      if (attempt !== this.#attempt) return;
      this.#record = record;
      this.#verification = verification;
      this.#busy = false;
      // The form holds the record before the host hears of it (an ikrar-signed listener may submit).
      this.#o.signed();
      form.goTo('done');
      const t = this.#o.t();
      events.announce(`${t.doneHeading}. ${t.verified}.`);
      // The host gets its own copy: changing it cannot change the form value.
      events.signed({
        record: structuredClone(record),
        verification,
        signingMode: mode,
        ...(strokes && { signature: structuredClone(strokes) }),
      });
    } catch (e) {
      if (attempt !== this.#attempt) return;
      this.#busy = false;
      events.announce('');
      this.fail(e instanceof WidgetError ? e : new WidgetError('ERR_SIGNING_FAILED', { cause: e }));
      void h.updateComplete.then(() => h.renderRoot.querySelector<HTMLElement>('.alert button')?.focus());
    } finally {
      if (attempt === this.#attempt) this.#abort = null;
    }
  }

  /** Forgets the record and any failure, and makes a signing under way count for nothing. */
  reset(): void {
    this.#attempt++;
    this.#abort?.abort();
    this.#abort = null;
    this.#busy = false;
    this.#error = null;
    this.#record = null;
    this.#verification = null;
    this.#strokes = null;
    this.#host.requestUpdate();
  }
}
