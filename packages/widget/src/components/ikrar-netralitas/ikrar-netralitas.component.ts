/**
 * The `<ikrar-netralitas>` element class, without registering the tag (import
 * `@ikrar/widget` for that, or `@ikrar/widget/component` to register it yourself). The class wires
 * its controllers and renders; each concern lives in its own module: the options
 * (`ikrar-netralitas.properties.ts`, `OptionsController`), the signer's answers and steps
 * (`FormStateController`), signing (`SigningController`), downloads (`DownloadController`), events
 * and announcements (`EventsController`), form association, language and the drawing area.
 *
 * @module
 * @example
 * ```ts
 * import { IkrarNetralitas } from '@ikrar/widget/component';
 * customElements.define('my-ikrar', class extends IkrarNetralitas {});
 * ```
 */
// Only types from the main entry: the first view imports @ikrar/core/form (templates, identifier
// checks) and @ikrar/core/errors; the signing code comes with internal/signing.ts, on demand.
import type { VerifyPledgeResult } from '@ikrar/core';
import { fillPlaceholders, type PledgeTemplate, type TemplateText } from '@ikrar/core/form';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { WidgetError } from '../../errors.js';
import { DownloadController } from '../../internal/controllers/download-controller.js';
import { EventsController } from '../../internal/controllers/events-controller.js';
import { FormControlController } from '../../internal/controllers/form-control-controller.js';
import { FormStateController } from '../../internal/controllers/form-state-controller.js';
import { LocalizeController } from '../../internal/controllers/localize-controller.js';
import { OptionsController } from '../../internal/controllers/options-controller.js';
import { SignaturePadController } from '../../internal/controllers/signature-pad-controller.js';
import { SigningController } from '../../internal/controllers/signing-controller.js';
import { PDF_AVAILABLE } from '../../internal/pdf.js';
import { renderIdentity } from '../../internal/render-identity.js';
import { renderPledge } from '../../internal/render-pledge.js';
import { renderDone, renderReview } from '../../internal/render-review.js';
import { renderSignature } from '../../internal/render-signature.js';
import type { SavedDrawing } from '../../internal/strokes.js';
import type { IdentityFields, SignatureType, SigningMode, StepName } from '../../internal/types.js';
import { VERSION } from '../../internal/version.js';
import { STEPS, type StepHandlers, type StepView } from '../../internal/view.js';
import type { Translation } from '../../translations/translation.js';
import { IkrarNetralitasProperties } from './ikrar-netralitas.properties.js';
import styles from './ikrar-netralitas.styles.js';

/**
 * The Ikrar Netralitas ASN form: the employee reads the pledge, acknowledges each point, gives
 * their details, signs (drawn or typed), reviews, and gets a signed, verified record.
 *
 * @summary Read and sign the Ikrar Netralitas ASN; produces a W3C Verifiable Credential.
 *
 * @event ikrar-ready - After the first render with a valid configuration. `detail`: `{ language, template, signingMode }`.
 * @event ikrar-change - On every change by the signer. `detail`: `{ step, field, stepComplete }`.
 * @event ikrar-sign-request - `signing-mode="event"` only; cancelable. `detail`: `{ credential, respondWith(promise) }`.
 * @event ikrar-signed - The record is signed and verified. `detail`: `{ record, verification, signingMode, signature? }` (`signature`: the strokes of a drawn signature).
 * @event ikrar-error - Something failed. `detail`: `{ code, message, messages, retryable, status?, detail? }`.
 *
 * @csspart base - The outer frame.
 * @csspart header - Agency name and progress.
 * @csspart stepper - The list of steps.
 * @csspart heading - The heading of each step.
 * @csspart point - One pledge point with its acknowledgement.
 * @csspart field - A form field (label, input, messages).
 * @csspart input - A text input.
 * @csspart signature-pad - The drawing canvas.
 * @csspart typed-signature - The typed signature preview.
 * @csspart button - Every button.
 * @csspart button-primary - The main action of a step.
 * @csspart alert - An error box.
 * @csspart summary - The record summary on the done step.
 *
 * @cssproperty --ikrar-color-primary - Buttons, progress, focus. Default `#0b4f8a`.
 * @cssproperty --ikrar-color-on-primary - Text on primary. Default `#ffffff`.
 * @cssproperty --ikrar-color-text - Text. Default `#1b1f24`.
 * @cssproperty --ikrar-color-muted - Secondary text. Default `#4a5563`.
 * @cssproperty --ikrar-color-background - Background. Default `#ffffff`.
 * @cssproperty --ikrar-color-surface - Panels. Default `#f4f6f9`.
 * @cssproperty --ikrar-color-border - Borders. Default `#6b7685`.
 * @cssproperty --ikrar-color-error - Errors. Default `#b3261e`.
 * @cssproperty --ikrar-color-success - Success. Default `#17653a`.
 * @cssproperty --ikrar-color-focus - Focus ring. Default `#0b4f8a`.
 * @cssproperty --ikrar-radius - Corner radius. Default `8px`.
 * @cssproperty --ikrar-font-family - Text font.
 * @cssproperty --ikrar-signature-font - Typed signature font (cursive).
 * @cssproperty --ikrar-max-width - Maximum width. Default `46rem`.
 */
export class IkrarNetralitas extends IkrarNetralitasProperties {
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  /** Form-associated: its value is the signed record (JSON). */
  static formAssociated = true;
  /** Package version, compared when the tag is registered twice. */
  static version: string = VERSION;

  readonly #localize = new LocalizeController(this, () => this.language);
  readonly #options = new OptionsController(this, () => this.#localize.lang);
  readonly #events = new EventsController(this, {
    configError: () => this.#options.configError(),
    ready: () => {
      const tpl = this.#options.template as PledgeTemplate;
      return {
        language: this.#localize.lang,
        template: { id: tpl.id, version: tpl.version },
        signingMode: this.#options.mode,
      };
    },
    lang: () => this.#localize.lang,
  });
  readonly #form: FormStateController = new FormStateController(this, {
    options: this.#options,
    t: () => this.#t,
    lang: () => this.#localize.lang,
    signed: () => this.#signing.record !== null,
    changed: (field) => this.#events.change({ step: this.#form.step, field, stepComplete: this.#form.stepComplete() }),
    announce: (text) => this.#events.announce(text),
  });
  readonly #signing: SigningController = new SigningController(this, {
    options: this.#options,
    form: this.#form,
    events: this.#events,
    t: () => this.#t,
    signed: () => this.#formControl.sync(),
  });
  readonly #download = new DownloadController(this, {
    signing: this.#signing,
    events: this.#events,
    t: () => this.#t,
    lang: () => this.#localize.lang,
  });
  readonly #formControl = new FormControlController(this, {
    value: () => this.value || null,
    required: () => this.required,
    message: () => this.#t.signRequired,
  });
  readonly #pad = new SignaturePadController(this, {
    drawing: () => this.#form.drawing,
    onDrawing: (saved, byUser) => this.#form.drew(saved, byUser),
    // Drawing is unavailable (the chunk did not load): offer the typed path instead.
    onUnavailable: () => this.#form.drawingUnavailable(),
  });

  /** The signed record as JSON text (the form value), or `''` before signing. */
  get value(): string {
    const record = this.#signing.record;
    return record ? JSON.stringify(record) : '';
  }

  /** The form that owns the element. */
  get form(): HTMLFormElement | null {
    return this.#formControl.form;
  }

  /** The verification of the signed record, or null before signing. */
  get verification(): VerifyPledgeResult | null {
    return this.#signing.verification;
  }

  /** The current step. */
  get currentStep(): StepName {
    return this.#form.step;
  }

  /** The signing mode in effect. */
  get resolvedSigningMode(): SigningMode {
    return this.#options.mode;
  }

  /** @internal The signer's details as they stand (tests). */
  get identity(): IdentityFields {
    return this.#form.identity;
  }

  /** @internal The signature type shown (tests). */
  get signatureType(): SignatureType {
    return this.#form.signatureType;
  }

  /** @internal The drawing as kept between canvases (tests). */
  get drawing(): SavedDrawing | null {
    return this.#form.drawing;
  }

  /** Checks validity like a native control (`valueMissing` when `required` and unsigned). */
  checkValidity(): boolean {
    return this.#formControl.checkValidity();
  }

  /** Like {@link checkValidity}, and shows the browser's message. */
  reportValidity(): boolean {
    return this.#formControl.reportValidity();
  }

  /** Starts over: clears every answer and the record, keeps the host's prefill. */
  reset(): void {
    this.#signing.reset();
    this.#download.reset();
    this.#form.reset();
    this.#events.announce('');
    this.#formControl.sync();
  }

  /** Form reset puts the element back to the start. */
  formResetCallback(): void {
    this.reset();
  }

  /** Follows a disabled `<fieldset>` or form. */
  formDisabledCallback(disabled: boolean): void {
    this.#formControl.setFormDisabled(disabled);
  }

  get #t(): Translation {
    return this.#localize.t;
  }

  /** Renders only once the language's terms are loaded (English comes on first use). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.#localize.pending();
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  readonly #handlers: StepHandlers = {
    next: () => this.#form.next(),
    back: () => this.#form.back(),
    goTo: (step) => this.#form.goTo(step),
    acknowledge: (i, e) => this.#form.acknowledge(i, (e.target as HTMLInputElement).checked),
    field: (f, e) => this.#form.field(f, (e.target as HTMLInputElement).value),
    blur: (f) => this.#form.blur(f),
    signatureType: (type) => this.#form.chooseSignatureType(type),
    typed: (e) => this.#form.typed((e.target as HTMLInputElement).value),
    undo: () => this.#pad.undo(),
    clear: () => this.#pad.clear(),
    sign: () => void this.#signing.sign(),
    downloadJson: () => this.#download.json(),
    downloadPdf: () => void this.#download.pdf(),
  };

  #view(): StepView {
    const form = this.#form;
    const options = this.#options;
    const record = this.#signing.record;
    const values = { agency: this.agency, event: this.eventName };
    return {
      t: this.#t,
      lang: this.#localize.lang,
      pledgeLanguage: options.pledgeLanguage,
      step: form.step,
      disabled: this.disabled || this.#formControl.formDisabled,
      busy: this.#signing.busy,
      pdfBusy: this.#download.pdfBusy,
      pdfAvailable: PDF_AVAILABLE,
      certificateUrl: options.certificateHref(record),
      showErrors: form.showErrors,
      eventName: this.eventName,
      eventPlace: this.eventPlace,
      eventDate: this.eventDate,
      text: options.text as TemplateText,
      fill: (text) => fillPlaceholders(text, values),
      acknowledged: form.acknowledged,
      acknowledgedCount: form.acknowledgedCount(),
      identity: form.identity,
      identityErrors: form.identityErrors(),
      touched: form.touched,
      locked: options.lockedFields,
      employeeTypes: options.employeeTypes,
      allowedTypes: options.allowedTypes,
      signatureType: form.signatureType,
      drawing: form.drawing,
      typedName: form.typedName,
      typedMatches: form.typedMatches(),
      signatureComplete: form.stepComplete('signature'),
      error: this.#signing.error,
      record,
      on: this.#handlers,
    };
  }

  #renderStep(): TemplateResult {
    const v = this.#view();
    switch (v.step) {
      case 'pledge':
        return renderPledge(v);
      case 'identity':
        return renderIdentity(v);
      case 'signature':
        return renderSignature(v);
      case 'review':
        return renderReview(v);
      case 'done':
        return renderDone(v);
    }
  }

  override render(): TemplateResult {
    const t = this.#t;
    const lang = this.#localize.lang;
    const config = this.#options.configError();
    const current = STEPS.indexOf(this.#form.step);
    return html`<section part="base" class="base" aria-label=${t.formLabel} lang=${lang}>
      <div part="header">
        ${this.agency ? html`<p class="agency">${this.agency}</p>` : nothing}
        <ol class="stepper" part="stepper" aria-label=${t.progressLabel} ?hidden=${config !== ''}>
          ${STEPS.map(
            (s, i) =>
              html`<li class=${i < current ? 'complete' : ''} aria-current=${i === current ? 'step' : nothing}>
                <span aria-hidden="true">${i + 1}</span> <span class="label">${t.steps[s]}</span>
              </li>`,
          )}
        </ol>
      </div>
      ${
        config
          ? html`<div class="alert" part="alert" role="alert">
              <p>${new WidgetError('ERR_CONFIG_INVALID').messages[lang]}</p>
              <p class="code">ERR_CONFIG_INVALID: ${config}</p>
            </div>`
          : this.#renderStep()
      }
      <div class="sr-only" role="status" aria-live="polite">${this.#events.status}</div>
    </section>`;
  }
}
