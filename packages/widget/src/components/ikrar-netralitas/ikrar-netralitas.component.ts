/**
 * The `<ikrar-netralitas>` element class, without registering the tag (import
 * `@ikrar/widget` for that, or `@ikrar/widget/component` to register it yourself).
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
import type { SignatureStrokes, SignedPledge, VerifyPledgeResult } from '@ikrar/core';
import { isIkrarError } from '@ikrar/core/errors';
import {
  fillPlaceholders,
  getTemplate,
  type EmployeeType,
  type IndonesianTimeZone,
  type PledgeTemplate,
  type TemplateText,
} from '@ikrar/core/form';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { WidgetError } from '../../errors.js';
import type { IkrarChangeDetail } from '../../events/ikrar-change.js';
import type { IkrarErrorDetail } from '../../events/ikrar-error.js';
import type { IkrarReadyDetail } from '../../events/ikrar-ready.js';
import type { IkrarSignedDetail } from '../../events/ikrar-signed.js';
import { downloadFile, recordFileName } from '../../internal/download.js';
import { renderIdentity } from '../../internal/render-identity.js';
import { renderPledge } from '../../internal/render-pledge.js';
import { renderDone, renderReview } from '../../internal/render-review.js';
import { renderSignature } from '../../internal/render-signature.js';
import { checkConfig, identityErrors, isSignerName } from '../../internal/validate.js';
import { STEPS, type StepHandlers, type StepView } from '../../internal/view.js';
import { PDF_AVAILABLE, renderPdf } from '../../internal/pdf.js';
import { parseLock, parsePrefill, parseSignatureTypes } from '../../internal/options.js';
import { loadSignatureCanvas, loadSigning } from '../../internal/lazy.js';
import { FormControlController } from '../../internal/controllers/form-control-controller.js';
import { LocalizeController } from '../../internal/controllers/localize-controller.js';
import { SignaturePadController } from '../../internal/controllers/signature-pad-controller.js';
import { runSigning } from '../../internal/sign-flow.js';
import { toSignatureStrokes, type SavedDrawing } from '../../internal/strokes.js';
import type { IdentityField, IdentityFields, SignatureType, SigningMode, StepName } from '../../internal/types.js';
import { VERSION } from '../../internal/version.js';
import type { Translation } from '../../translations/translation.js';
import styles from './ikrar-netralitas.styles.js';

/** A removed attribute reads as the default, never `null` (Lit passes `null` on removal). */
const text = (fallback = ''): { fromAttribute: (v: string | null) => string; toAttribute: (v: string) => string } => ({
  fromAttribute: (v) => v ?? fallback,
  toAttribute: (v) => v,
});

const EMPTY_IDENTITY: IdentityFields = { name: '', employeeType: '', identifier: '', position: '', workUnit: '' };

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
export class IkrarNetralitas extends LitElement {
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  /** Form-associated: its value is the signed record (JSON). */
  static formAssociated = true;
  /** Package version, compared when the tag is registered twice. */
  static version: string = VERSION;

  /** Built-in template id (`skb-2022-asn`, `jembrana-2024`) or a template from `defineTemplate`. */
  @property({ converter: text('skb-2022-asn') }) template: string | PledgeTemplate = 'skb-2022-asn';
  /** Exact template version; the newest when empty. */
  @property({ attribute: 'template-version', converter: text() }) templateVersion: string = '';
  /** `id` or `en`; when empty, the nearest `lang` attribute decides (Indonesian otherwise). */
  @property({ converter: text() }) language: string = '';
  /** The agency's name, e.g. `Pemerintah Kabupaten Klaten`. Required. */
  @property({ converter: text() }) agency: string = '';
  /** The agency's DID (`did:key`/`did:web`): the record's issuer. Required for `endpoint` and `event` modes. */
  @property({ converter: text() }) issuer: string = '';
  /** The occasion, e.g. `Pilkada Serentak 2024`. Required. */
  @property({ attribute: 'event-name', converter: text() }) eventName: string = '';
  /** Where the pledge is made. */
  @property({ attribute: 'event-place', converter: text() }) eventPlace: string = '';
  /** Event date, `YYYY-MM-DD`. */
  @property({ attribute: 'event-date', converter: text() }) eventDate: string = '';
  /** The signer's zone: `WIB`, `WITA` or `WIT`. */
  @property({ attribute: 'time-zone', converter: text('WIB') }) timeZone: IndonesianTimeZone = 'WIB';
  /** Identity the host fills in: `{ name, employeeType, identifier, position, workUnit }` (attribute: JSON). */
  @property({ converter: { fromAttribute: parsePrefill } }) prefill: Partial<IdentityFields> = {};
  /** Prefilled fields the signer cannot change: a space-separated list, or empty / `all` for every prefilled field. */
  @property() lock: string | null = null;
  /** Allowed signature types, space-separated: `drawn typed` (default), `drawn` or `typed`. */
  @property({ attribute: 'signature-types', converter: text('drawn typed') }) signatureTypes: string = 'drawn typed';
  /** `endpoint`, `event` or `browser-key`. Default: `endpoint` when `endpoint` is set, else `browser-key`. */
  @property({ attribute: 'signing-mode', converter: text() }) signingMode: SigningMode | '' = '';
  /** URL the unsigned credential is POSTed to; it answers with the countersigned record. */
  @property({ converter: text() }) endpoint: string = '';
  /** Milliseconds per endpoint attempt. */
  @property({ attribute: 'endpoint-timeout', type: Number }) endpointTimeout: number = 15000;
  /** Extra endpoint attempts after a 5xx, timeout or network failure. */
  @property({ attribute: 'endpoint-retries', type: Number }) endpointRetries: number = 2;
  /** Extra request headers for the endpoint (property only), e.g. a CSRF token. */
  @property({ attribute: false }) endpointHeaders: Record<string, string> = {};
  /** QR code target on the PDF certificate: a URL where `{id}` and `{code}` are replaced. */
  @property({ attribute: 'verification-url', converter: text() }) verificationUrl: string = '';
  /**
   * The host's own certificate of the record, a URL where `{id}` is replaced by the record's UUID
   * (e.g. `/api/records/{id}/certificate.pdf`): "Unduh PDF" links there instead of making a PDF in
   * the page, so the signer sees one PDF button, not two.
   */
  @property({ attribute: 'certificate-url', converter: text() }) certificateUrl: string = '';
  /** Form field name. */
  @property({ reflect: true, converter: text() }) name: string = '';
  /** The form cannot submit until the pledge is signed. */
  @property({ type: Boolean, reflect: true }) required: boolean = false;
  /** Disables every control. */
  @property({ type: Boolean, reflect: true }) disabled: boolean = false;

  @state() step: StepName = 'pledge';
  @state() acknowledged: readonly boolean[] = [];
  @state() identity: IdentityFields = { ...EMPTY_IDENTITY };
  @state() touched: ReadonlySet<IdentityField> = new Set();
  @state() signatureType: SignatureType = 'drawn';
  @state() drawing: SavedDrawing | null = null;
  @state() typedName: string = '';
  @state() showErrors: boolean = false;
  @state() busy: boolean = false;
  @state() pdfBusy: boolean = false;
  @state() error: WidgetError | null = null;
  @state() status: string = '';
  @state() record: SignedPledge | null = null;

  readonly #localize = new LocalizeController(this, () => this.language);
  readonly #formControl = new FormControlController(this, {
    value: () => (this.record ? JSON.stringify(this.record) : null),
    required: () => this.required,
    message: () => this.#t.signRequired,
  });
  readonly #pad = new SignaturePadController(this, {
    drawing: () => this.drawing,
    onDrawing: (saved, byUser) => this.#onDrawing(saved, byUser),
    // Drawing is unavailable (the chunk did not load): offer the typed path instead.
    onUnavailable: () => {
      if (this.#allowedTypes.includes('typed')) this.signatureType = 'typed';
    },
  });
  #focusHeading = false;
  #readyFired = false;
  #configError = '';
  #attempt = 0;
  #abort: AbortController | null = null;
  #verification: VerifyPledgeResult | null = null;
  #signedStrokes: SignatureStrokes | null = null;
  /** The signature type was picked: by the signer, or by the element on the first visit of the signature step. */
  #typeChosen = false;
  /** A pointer (mouse, pen, finger) was used in the element; a keyboard-only signer never sets it. */
  #pointerSeen = false;
  #onPointer = (): void => {
    this.#pointerSeen = true;
  };

  /** The signed record as JSON text (the form value), or `''` before signing. */
  get value(): string {
    return this.record ? JSON.stringify(this.record) : '';
  }

  /** The form that owns the element. */
  get form(): HTMLFormElement | null {
    return this.#formControl.form;
  }

  /** The verification of the signed record, or null before signing. */
  get verification(): VerifyPledgeResult | null {
    return this.#verification;
  }

  /** The current step. */
  get currentStep(): StepName {
    return this.step;
  }

  /** The signing mode in effect. */
  get resolvedSigningMode(): SigningMode {
    return this.signingMode || (this.endpoint ? 'endpoint' : 'browser-key');
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
    this.#attempt++;
    this.#abort?.abort();
    this.#abort = null;
    this.busy = false;
    this.pdfBusy = false;
    this.error = null;
    this.record = null;
    this.#verification = null;
    this.#signedStrokes = null;
    this.acknowledged = [];
    this.identity = { ...EMPTY_IDENTITY, ...this.prefill };
    this.touched = new Set();
    this.drawing = null;
    this.typedName = '';
    this.#typeChosen = false;
    this.showErrors = false;
    this.step = 'pledge';
    this.status = '';
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

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('pointerdown', this.#onPointer, { capture: true, passive: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('pointerdown', this.#onPointer, { capture: true });
  }

  get #t(): Translation {
    return this.#localize.t;
  }

  get #lang(): 'id' | 'en' {
    return this.#localize.lang;
  }

  get #template(): PledgeTemplate | null {
    try {
      return typeof this.template === 'string'
        ? getTemplate(this.template, this.templateVersion || undefined)
        : this.template;
    } catch {
      return null;
    }
  }

  /** The language of the pledge text: the UI language when the template has it, else Indonesian. */
  get #pledgeLanguage(): 'id' | 'en' {
    const tpl = this.#template;
    return tpl && this.#lang === 'en' && tpl.texts.en ? 'en' : 'id';
  }

  get #text(): TemplateText | null {
    const tpl = this.#template;
    return tpl ? (tpl.texts[this.#pledgeLanguage] ?? tpl.texts.id) : null;
  }

  get #lockedFields(): ReadonlySet<IdentityField> {
    return parseLock(this.lock, this.prefill);
  }

  /** The allowed signature types, typed first for a signer without a pointer (see {@link #preferTyped}). */
  get #allowedTypes(): readonly SignatureType[] {
    const types = parseSignatureTypes(this.signatureTypes);
    return types.includes('typed') && this.#preferTyped() ? ['typed', ...types.filter((t) => t !== 'typed')] : types;
  }

  /**
   * Typed comes first when nothing suggests the signer can draw: no pointer (mouse, pen, finger) used
   * in the element so far, which covers a keyboard-only signer and a device with `pointer: none`
   * (headless and some kiosks report `pointer: none` yet click, so the media query alone misleads),
   * or `prefers-reduced-motion: reduce`.
   */
  #preferTyped(): boolean {
    return !this.#pointerSeen || (globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false);
  }

  get #employeeTypes(): readonly EmployeeType[] {
    return this.#template?.appliesTo ?? ['PNS', 'PPPK', 'PPNPN'];
  }

  /** Why the configuration cannot work, or `''`. */
  #checkConfig(): string {
    return checkConfig({
      template: this.#template,
      templateName: String(this.template),
      agency: this.agency,
      eventName: this.eventName,
      eventDate: this.eventDate,
      timeZone: this.timeZone,
      mode: this.resolvedSigningMode,
      endpoint: this.endpoint,
      issuer: this.issuer,
    });
  }

  #identityErrors(): Partial<Record<IdentityField, string>> {
    return identityErrors(this.identity, this.#employeeTypes, this.#t, this.#lang);
  }

  #stepComplete(step: StepName = this.step): boolean {
    const points = this.#text?.points.length ?? 0;
    switch (step) {
      case 'pledge':
        return points > 0 && this.#acknowledgedCount() === points;
      case 'identity':
        return Object.keys(this.#identityErrors()).length === 0;
      case 'signature':
        return this.signatureType === 'typed'
          ? isSignerName(this.typedName, this.identity.name)
          : (this.drawing?.groups.length ?? 0) > 0;
      case 'review':
        return this.record !== null;
      case 'done':
        return true;
    }
  }

  #acknowledgedCount(): number {
    const n = this.#text?.points.length ?? 0;
    return this.acknowledged.slice(0, n).filter(Boolean).length;
  }

  #emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  #changed(field: string): void {
    this.#emit<IkrarChangeDetail>('ikrar-change', { step: this.step, field, stepComplete: this.#stepComplete() });
  }

  #report(error: WidgetError): void {
    this.#emit<IkrarErrorDetail>('ikrar-error', {
      code: error.code,
      message: error.messages[this.#lang],
      messages: error.messages,
      retryable: error.retryable,
      ...(error.status !== undefined && { status: error.status }),
      ...(error.detail !== undefined && { detail: error.detail }),
    });
  }

  #goTo(step: StepName): void {
    if (step === this.step) return;
    this.step = step;
    this.showErrors = false;
    this.#focusHeading = true;
    const t = this.#t;
    const n = STEPS.indexOf(step) + 1;
    this.status = t.stepAnnounce(n, STEPS.length, t.steps[step]);
    this.#changed('step');
    // Prefetch what the next step needs, so it is there when the signer is.
    // signature_pad only when the drawing area will show: a typed-only page never loads it.
    if (step === 'signature' && !this.#typeChosen) {
      // Picked once, on the first visit: coming back from the review keeps what the signer used.
      this.signatureType = this.#allowedTypes[0] ?? 'typed';
      this.#typeChosen = true;
    }
    if (step === 'identity' && this.#allowedTypes[0] === 'drawn') loadSignatureCanvas().catch(() => undefined);
    if (step === 'signature') loadSigning().catch(() => undefined);
  }

  #handleNext = (): void => {
    if (!this.#stepComplete()) {
      this.showErrors = true;
      if (this.step === 'identity') this.touched = new Set(Object.keys(EMPTY_IDENTITY) as IdentityField[]);
      void this.updateComplete.then(() => {
        const invalid = this.renderRoot.querySelector<HTMLElement>(
          '[aria-invalid="true"], input[type="checkbox"]:not(:checked)',
        );
        invalid?.focus();
      });
      return;
    }
    const i = STEPS.indexOf(this.step);
    const next = STEPS[i + 1];
    if (next && next !== 'done') this.#goTo(next);
  };

  #handleBack = (): void => {
    const i = STEPS.indexOf(this.step);
    const prev = STEPS[i - 1];
    if (prev) this.#goTo(prev);
  };

  #handleAcknowledge(index: number, e: Event): void {
    const next = [...this.acknowledged];
    next[index] = (e.target as HTMLInputElement).checked;
    this.acknowledged = next;
    this.#changed(`point-${index + 1}`);
  }

  #handleField(field: IdentityField, e: Event): void {
    if (this.#lockedFields.has(field)) return;
    const value = (e.target as HTMLInputElement).value;
    this.identity = { ...this.identity, [field]: value };
    if (field === 'employeeType') this.touched = new Set([...this.touched, field]);
    this.#changed(field);
  }

  #handleBlur(field: IdentityField): void {
    if (!this.touched.has(field)) this.touched = new Set([...this.touched, field]);
  }

  #handleSignatureType(type: SignatureType): void {
    this.signatureType = type;
    this.#typeChosen = true;
    this.#changed('signatureType');
  }

  #handleTyped(e: Event): void {
    this.typedName = (e.target as HTMLInputElement).value;
    this.#changed('signature');
  }

  #onDrawing = (saved: SavedDrawing, byUser: boolean): void => {
    this.drawing = saved.groups.length > 0 ? saved : null;
    if (!byUser) return;
    this.status = this.#t.drawStrokes(saved.groups.length);
    this.#changed('signature');
  };

  #handleSign = async (): Promise<void> => {
    if (this.busy) return;
    const attempt = ++this.#attempt;
    this.#abort = new AbortController();
    const signal = this.#abort.signal;
    const mode = this.resolvedSigningMode;
    this.error = null;
    this.busy = true;
    this.status = this.#t.signing;
    try {
      const config = this.#checkConfig();
      if (config) throw new WidgetError('ERR_CONFIG_INVALID', { detail: config });
      const strokes = this.signatureType === 'drawn' ? toSignatureStrokes(this.drawing) : null;
      this.#signedStrokes = strokes;
      const { record, verification } = await runSigning({
        mode,
        credential: {
          template: this.#template as PledgeTemplate,
          language: this.#pledgeLanguage,
          issuer: { id: this.issuer, name: this.agency.trim() },
          identity: this.identity,
          event: { name: this.eventName, place: this.eventPlace, date: this.eventDate },
          pointCount: this.#text?.points.length ?? 0,
          signature: strokes
            ? { type: 'drawn', strokes }
            : { type: 'typed', name: this.typedName.trim().replace(/\s+/g, ' ') },
          timeZone: this.timeZone,
        },
        hostIssuer: this.issuer !== '',
        endpoint: {
          url: this.endpoint,
          timeoutMs: this.endpointTimeout,
          retries: this.endpointRetries,
          headers: this.endpointHeaders,
        },
        host: this,
        signal,
      });
      if (attempt !== this.#attempt) return;
      this.record = record;
      this.#verification = verification;
      this.busy = false;
      // The form holds the record before the host hears of it (an ikrar-signed listener may submit).
      this.#formControl.sync();
      this.#goTo('done');
      this.status = `${this.#t.doneHeading}. ${this.#t.verified}.`;
      // The host gets its own copy: changing it cannot change the form value.
      this.#emit<IkrarSignedDetail>('ikrar-signed', {
        record: structuredClone(record),
        verification,
        signingMode: mode,
        ...(strokes && { signature: structuredClone(strokes) }),
      });
    } catch (e) {
      if (attempt !== this.#attempt) return;
      const error = e instanceof WidgetError ? e : new WidgetError('ERR_SIGNING_FAILED', { cause: e });
      this.busy = false;
      this.error = error;
      this.status = '';
      this.#report(error);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.alert button')?.focus());
    } finally {
      if (attempt === this.#attempt) this.#abort = null;
    }
  };

  #handleDownloadJson = (): void => {
    if (!this.record) return;
    downloadFile(recordFileName(this.record.id, 'json'), JSON.stringify(this.record, null, 2), 'application/json');
    this.status = this.#t.downloadStarted;
  };

  #handleDownloadPdf = async (): Promise<void> => {
    if (!this.record || this.pdfBusy) return;
    this.pdfBusy = true;
    this.status = this.#t.pdfPreparing;
    try {
      const signature = this.#signedStrokes;
      const bytes = await renderPdf(this.record, {
        language: this.#lang,
        ...(signature && { signature }),
        ...(this.verificationUrl && { verificationUrl: this.verificationUrl }),
      });
      downloadFile(recordFileName(this.record.id, 'pdf'), bytes, 'application/pdf');
      this.status = this.#t.downloadStarted;
    } catch (cause) {
      const detail = isIkrarError(cause) ? cause.code : cause instanceof Error ? cause.message.slice(0, 200) : '';
      const error = new WidgetError('ERR_PDF_FAILED', { cause, detail });
      this.error = error;
      this.#report(error);
    } finally {
      this.pdfBusy = false;
    }
  };

  /** Renders only once the language's terms are loaded (English comes on first use). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.#localize.pending();
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('prefill')) {
      const locked = this.#lockedFields;
      const next: Record<IdentityField, string> = { ...this.identity };
      for (const [k, v] of Object.entries(this.prefill) as [IdentityField, string][]) {
        if (locked.has(k) || !this.touched.has(k) || !next[k]) next[k] = v;
      }
      this.identity = next as IdentityFields;
    }
    if (changed.has('signatureTypes') || !this.#allowedTypes.includes(this.signatureType)) {
      if (!this.#allowedTypes.includes(this.signatureType)) this.signatureType = this.#allowedTypes[0] ?? 'typed';
    }
  }

  protected override updated(): void {
    const config = this.#checkConfig();
    if (config !== this.#configError) {
      this.#configError = config;
      if (config) this.#report(new WidgetError('ERR_CONFIG_INVALID', { detail: config }));
    }
    if (!config && !this.#readyFired) {
      this.#readyFired = true;
      const tpl = this.#template as PledgeTemplate;
      this.#emit<IkrarReadyDetail>('ikrar-ready', {
        language: this.#lang,
        template: { id: tpl.id, version: tpl.version },
        signingMode: this.resolvedSigningMode,
      });
    }
    if (this.#focusHeading) {
      this.#focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    }
  }

  readonly #handlers: StepHandlers = {
    next: () => this.#handleNext(),
    back: () => this.#handleBack(),
    goTo: (step) => this.#goTo(step),
    acknowledge: (i, e) => this.#handleAcknowledge(i, e),
    field: (f, e) => this.#handleField(f, e),
    blur: (f) => this.#handleBlur(f),
    signatureType: (type) => this.#handleSignatureType(type),
    typed: (e) => this.#handleTyped(e),
    undo: () => this.#pad.undo(),
    clear: () => this.#pad.clear(),
    sign: () => void this.#handleSign(),
    downloadJson: () => this.#handleDownloadJson(),
    downloadPdf: () => void this.#handleDownloadPdf(),
  };

  #view(): StepView {
    const agency = this.agency;
    const event = this.eventName;
    return {
      t: this.#t,
      lang: this.#lang,
      pledgeLanguage: this.#pledgeLanguage,
      step: this.step,
      disabled: this.disabled || this.#formControl.formDisabled,
      busy: this.busy,
      pdfBusy: this.pdfBusy,
      pdfAvailable: PDF_AVAILABLE,
      certificateUrl:
        this.certificateUrl && this.record
          ? this.certificateUrl.replaceAll('{id}', encodeURIComponent(this.record.id.replace(/^urn:uuid:/, '')))
          : '',
      showErrors: this.showErrors,
      eventName: this.eventName,
      eventPlace: this.eventPlace,
      eventDate: this.eventDate,
      text: this.#text as TemplateText,
      fill: (text) => fillPlaceholders(text, { agency, event }),
      acknowledged: this.acknowledged,
      acknowledgedCount: this.#acknowledgedCount(),
      identity: this.identity,
      identityErrors: this.#identityErrors(),
      touched: this.touched,
      locked: this.#lockedFields,
      employeeTypes: this.#employeeTypes,
      allowedTypes: this.#allowedTypes,
      signatureType: this.signatureType,
      drawing: this.drawing,
      typedName: this.typedName,
      typedMatches: isSignerName(this.typedName, this.identity.name),
      signatureComplete: this.#stepComplete('signature'),
      error: this.error,
      record: this.record,
      on: this.#handlers,
    };
  }

  #renderStep(): TemplateResult {
    const v = this.#view();
    switch (this.step) {
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
    const config = this.#checkConfig();
    const current = STEPS.indexOf(this.step);
    return html`<section part="base" class="base" aria-label=${t.formLabel} lang=${this.#lang}>
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
              <p>${new WidgetError('ERR_CONFIG_INVALID').messages[this.#lang]}</p>
              <p class="code">ERR_CONFIG_INVALID: ${config}</p>
            </div>`
          : this.#renderStep()
      }
      <div class="sr-only" role="status" aria-live="polite">${this.status}</div>
    </section>`;
  }
}
