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
import {
  DEFAULT_SCHEME,
  fillPlaceholders,
  getTemplate,
  isIkrarError,
  maskIdentifier,
  validateIdentifier,
  type EmployeeType,
  type IndonesianTimeZone,
  type PledgeTemplate,
  type SignatureStrokes,
  type SignedPledge,
  type TemplateText,
  type VerifyPledgeResult,
} from '@ikrar/core';
import {
  html,
  LitElement,
  nothing,
  svg,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { WidgetError } from '../../errors.js';
import type { IkrarChangeDetail } from '../../events/ikrar-change.js';
import type { IkrarErrorDetail } from '../../events/ikrar-error.js';
import type { IkrarReadyDetail } from '../../events/ikrar-ready.js';
import type { IkrarSignedDetail } from '../../events/ikrar-signed.js';
import { downloadFile, recordFileName } from '../../internal/download.js';
import { formatDate, formatMoment } from '../../internal/format.js';
import { resolveLanguage, translationFor, watchLang } from '../../internal/localize.js';
import { PDF_AVAILABLE, renderPdf } from '../../internal/pdf.js';
import { parseLock, parsePrefill, parseSignatureTypes } from '../../internal/options.js';
import { loadSignatureCanvas, loadSigning } from '../../internal/lazy.js';
import type { SignatureCanvas } from '../../internal/signature-canvas.js';
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

/** The identifier as the record will hold it (spaces and dots people type are dropped). */
function normalizedIdentifier(type: EmployeeType, value: string): string {
  const r = validateIdentifier(DEFAULT_SCHEME[type], value);
  return r.valid ? r.parsed.value : value;
}

const STEPS: readonly StepName[] = ['pledge', 'identity', 'signature', 'review', 'done'];
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
 * @event ikrar-signed - The record is signed and verified. `detail`: `{ record, verification, signingMode }`.
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
  static override properties: PropertyDeclarations = {
    template: { converter: text('skb-2022-asn') },
    templateVersion: { attribute: 'template-version', converter: text() },
    language: { converter: text() },
    agency: { converter: text() },
    issuer: { converter: text() },
    eventName: { attribute: 'event-name', converter: text() },
    eventPlace: { attribute: 'event-place', converter: text() },
    eventDate: { attribute: 'event-date', converter: text() },
    timeZone: { attribute: 'time-zone', converter: text('WIB') },
    prefill: { converter: { fromAttribute: parsePrefill } },
    lock: {},
    signatureTypes: { attribute: 'signature-types', converter: text('drawn typed') },
    signingMode: { attribute: 'signing-mode', converter: text() },
    endpoint: { converter: text() },
    endpointTimeout: { attribute: 'endpoint-timeout', type: Number },
    endpointRetries: { attribute: 'endpoint-retries', type: Number },
    endpointHeaders: { attribute: false },
    verificationUrl: { attribute: 'verification-url', converter: text() },
    name: { reflect: true, converter: text() },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    step: { state: true },
    acknowledged: { state: true },
    identity: { state: true },
    touched: { state: true },
    signatureType: { state: true },
    drawing: { state: true },
    typedName: { state: true },
    showErrors: { state: true },
    busy: { state: true },
    pdfBusy: { state: true },
    error: { state: true },
    status: { state: true },
    record: { state: true },
    formDisabled: { state: true },
  };

  /** Built-in template id (`skb-2022-asn`, `jembrana-2024`) or a template from `defineTemplate`. */
  declare template: string | PledgeTemplate;
  /** Exact template version; the newest when empty. */
  declare templateVersion: string;
  /** `id` or `en`; when empty, the nearest `lang` attribute decides (Indonesian otherwise). */
  declare language: string;
  /** The agency's name, e.g. `Pemerintah Kabupaten Klaten`. Required. */
  declare agency: string;
  /** The agency's DID (`did:key`/`did:web`): the record's issuer. Required for `endpoint` and `event` modes. */
  declare issuer: string;
  /** The occasion, e.g. `Pilkada Serentak 2024`. Required. */
  declare eventName: string;
  /** Where the pledge is made. */
  declare eventPlace: string;
  /** Event date, `YYYY-MM-DD`. */
  declare eventDate: string;
  /** The signer's zone: `WIB`, `WITA` or `WIT`. */
  declare timeZone: IndonesianTimeZone;
  /** Identity the host fills in: `{ name, employeeType, identifier, position, workUnit }` (attribute: JSON). */
  declare prefill: Partial<IdentityFields>;
  /** Prefilled fields the signer cannot change: a space-separated list, or empty / `all` for every prefilled field. */
  declare lock: string | null;
  /** Allowed signature types, space-separated: `drawn typed` (default), `drawn` or `typed`. */
  declare signatureTypes: string;
  /** `endpoint`, `event` or `browser-key`. Default: `endpoint` when `endpoint` is set, else `browser-key`. */
  declare signingMode: SigningMode | '';
  /** URL the unsigned credential is POSTed to; it answers with the countersigned record. */
  declare endpoint: string;
  /** Milliseconds per endpoint attempt. */
  declare endpointTimeout: number;
  /** Extra endpoint attempts after a 5xx, timeout or network failure. */
  declare endpointRetries: number;
  /** Extra request headers for the endpoint (property only), e.g. a CSRF token. */
  declare endpointHeaders: Record<string, string>;
  /** QR code target on the PDF certificate: a URL where `{id}` and `{code}` are replaced. */
  declare verificationUrl: string;
  /** Form field name. */
  declare name: string;
  /** The form cannot submit until the pledge is signed. */
  declare required: boolean;
  /** Disables every control. */
  declare disabled: boolean;

  declare step: StepName;
  declare acknowledged: readonly boolean[];
  declare identity: IdentityFields;
  declare touched: ReadonlySet<IdentityField>;
  declare signatureType: SignatureType;
  declare drawing: SavedDrawing | null;
  declare typedName: string;
  declare showErrors: boolean;
  declare busy: boolean;
  declare pdfBusy: boolean;
  declare error: WidgetError | null;
  declare status: string;
  declare record: SignedPledge | null;
  declare formDisabled: boolean;

  readonly #internals: ElementInternals;
  #pad: SignatureCanvas | null = null;
  #padCanvas: HTMLCanvasElement | null = null;
  #resizeObserver: ResizeObserver | null = null;
  #unwatchLang: (() => void) | null = null;
  #focusHeading = false;
  #readyFired = false;
  #configError = '';
  #attempt = 0;
  #abort: AbortController | null = null;
  #verification: VerifyPledgeResult | null = null;
  #signedStrokes: SignatureStrokes | null = null;

  constructor() {
    super();
    this.template = 'skb-2022-asn';
    this.templateVersion = '';
    this.language = '';
    this.agency = '';
    this.issuer = '';
    this.eventName = '';
    this.eventPlace = '';
    this.eventDate = '';
    this.timeZone = 'WIB';
    this.prefill = {};
    this.lock = null;
    this.signatureTypes = 'drawn typed';
    this.signingMode = '';
    this.endpoint = '';
    this.endpointTimeout = 15000;
    this.endpointRetries = 2;
    this.endpointHeaders = {};
    this.verificationUrl = '';
    this.name = '';
    this.required = false;
    this.disabled = false;
    this.step = 'pledge';
    this.acknowledged = [];
    this.identity = { ...EMPTY_IDENTITY };
    this.touched = new Set();
    this.signatureType = 'drawn';
    this.drawing = null;
    this.typedName = '';
    this.showErrors = false;
    this.busy = false;
    this.pdfBusy = false;
    this.error = null;
    this.status = '';
    this.record = null;
    this.formDisabled = false;
    this.#internals = this.attachInternals();
  }

  /** The signed record as JSON text (the form value), or `''` before signing. */
  get value(): string {
    return this.record ? JSON.stringify(this.record) : '';
  }

  /** The form that owns the element. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
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
    return this.#internals.checkValidity();
  }

  /** Like {@link checkValidity}, and shows the browser's message. */
  reportValidity(): boolean {
    return this.#internals.reportValidity();
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
    this.showErrors = false;
    this.step = 'pledge';
    this.status = '';
    this.#syncForm();
  }

  /** Form reset puts the element back to the start. */
  formResetCallback(): void {
    this.reset();
  }

  /** Follows a disabled `<fieldset>` or form. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unwatchLang = watchLang(() => this.requestUpdate());
    this.#syncForm();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatchLang?.();
    this.#unwatchLang = null;
    this.#teardownPad();
  }

  get #t(): Translation {
    return translationFor(this.#lang);
  }

  get #lang(): 'id' | 'en' {
    return resolveLanguage(this, this.language);
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

  #fill(text: string): string {
    return fillPlaceholders(text, { agency: this.agency, event: this.eventName });
  }

  get #lockedFields(): ReadonlySet<IdentityField> {
    return parseLock(this.lock, this.prefill);
  }

  get #allowedTypes(): readonly SignatureType[] {
    return parseSignatureTypes(this.signatureTypes);
  }

  get #employeeTypes(): readonly EmployeeType[] {
    return this.#template?.appliesTo ?? ['PNS', 'PPPK', 'PPNPN'];
  }

  /** Why the configuration cannot work, or `''`. */
  #checkConfig(): string {
    if (!this.#template) return `unknown template "${String(this.template)}"`;
    if (!this.agency.trim()) return 'the "agency" attribute is required';
    if (!this.eventName.trim()) return 'the "event-name" attribute is required';
    if (this.eventDate && !/^\d{4}-\d{2}-\d{2}$/.test(this.eventDate)) return '"event-date" must be YYYY-MM-DD';
    if (!['WIB', 'WITA', 'WIT'].includes(this.timeZone)) return '"time-zone" must be WIB, WITA or WIT';
    const mode = this.resolvedSigningMode;
    if (!['endpoint', 'event', 'browser-key'].includes(mode)) return `unknown signing-mode "${mode}"`;
    if (mode === 'endpoint' && !this.endpoint) return 'signing-mode "endpoint" needs the "endpoint" attribute';
    if (mode !== 'browser-key' && !/^did:[a-z0-9]+:\S+$/.test(this.issuer)) {
      return `signing-mode "${mode}" needs "issuer": the agency DID`;
    }
    if (this.issuer && !/^did:[a-z0-9]+:\S+$/.test(this.issuer)) return '"issuer" must be a DID';
    return '';
  }

  #identityErrors(): Partial<Record<IdentityField, string>> {
    const t = this.#t;
    const id = this.identity;
    const errors: Partial<Record<IdentityField, string>> = {};
    if (!id.name.trim()) errors.name = t.fieldRequired(t.name);
    if (!id.employeeType) errors.employeeType = t.fieldRequired(t.employeeType);
    else if (!this.#employeeTypes.includes(id.employeeType)) errors.employeeType = t.fieldRequired(t.employeeType);
    if (id.employeeType) {
      const scheme = DEFAULT_SCHEME[id.employeeType];
      if (!id.identifier.trim()) errors.identifier = t.fieldRequired(t.identifier[scheme]);
      else {
        const r = validateIdentifier(scheme, id.identifier);
        if (!r.valid) errors.identifier = r.messages[this.#lang];
      }
    }
    return errors;
  }

  #stepComplete(step: StepName = this.step): boolean {
    const points = this.#text?.points.length ?? 0;
    switch (step) {
      case 'pledge':
        return points > 0 && this.#acknowledgedCount() === points;
      case 'identity':
        return Object.keys(this.#identityErrors()).length === 0;
      case 'signature':
        return this.signatureType === 'typed' ? this.typedName.trim() !== '' : (this.drawing?.groups.length ?? 0) > 0;
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

  #syncForm(): void {
    this.#internals.setFormValue(this.record ? JSON.stringify(this.record) : null);
    if (this.required && !this.record) {
      this.#internals.setValidity({ valueMissing: true }, this.#t.signRequired);
    } else {
      this.#internals.setValidity({});
    }
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
    if (step === 'identity') loadSignatureCanvas().catch(() => undefined);
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

  #handleSignatureType(e: Event): void {
    this.signatureType = (e.target as HTMLInputElement).value as SignatureType;
    this.#changed('signatureType');
  }

  #handleTyped(e: Event): void {
    this.typedName = (e.target as HTMLInputElement).value;
    this.#changed('signature');
  }

  #handleUndo = (): void => this.#pad?.undo();
  #handleClear = (): void => this.#pad?.clear();

  #onDrawing = (saved: SavedDrawing, byUser: boolean): void => {
    this.drawing = saved.groups.length > 0 ? saved : null;
    if (!byUser) return;
    this.status = this.#t.drawStrokes(saved.groups.length);
    this.#changed('signature');
  };

  #setupPad(): void {
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas');
    if (!canvas) {
      this.#teardownPad();
      return;
    }
    if (this.#padCanvas === canvas) return;
    this.#teardownPad();
    this.#padCanvas = canvas;
    loadSignatureCanvas().then(
      ({ SignatureCanvas }) => {
        if (this.#padCanvas !== canvas || !canvas.isConnected) return;
        const color = getComputedStyle(this).getPropertyValue('--ikrar-color-text').trim() || '#1b1f24';
        this.#pad = new SignatureCanvas(canvas, this.drawing, this.#onDrawing, color);
        this.#pad.resize();
        this.#resizeObserver = new ResizeObserver(() => this.#pad?.resize());
        this.#resizeObserver.observe(canvas);
        canvas.toggleAttribute('data-ready', true);
      },
      () => {
        // Drawing is unavailable (the chunk did not load): offer the typed path instead.
        this.#padCanvas = null;
        if (this.#allowedTypes.includes('typed')) this.signatureType = 'typed';
      },
    );
  }

  #teardownPad(): void {
    this.#padCanvas = null;
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    this.#pad?.destroy();
    this.#pad = null;
  }

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
      let signing: Awaited<ReturnType<typeof loadSigning>>;
      try {
        signing = await loadSigning();
      } catch (cause) {
        throw new WidgetError('ERR_SIGNING_FAILED', { detail: 'could not load the signing module', cause });
      }
      const key = mode === 'browser-key' ? await signing.browserSigner() : null;
      const strokes = this.signatureType === 'drawn' ? toSignatureStrokes(this.drawing) : null;
      this.#signedStrokes = strokes;
      const credential = signing.buildCredential({
        template: this.#template as PledgeTemplate,
        language: this.#pledgeLanguage,
        issuer: { id: this.issuer || (key?.controller as string), name: this.agency.trim() },
        ...(key && this.issuer && { subjectId: key.controller }),
        identity: this.identity,
        event: { name: this.eventName, place: this.eventPlace, date: this.eventDate },
        pointCount: this.#text?.points.length ?? 0,
        signature: strokes ? { type: 'drawn', strokes } : { type: 'typed', name: this.typedName },
        timeZone: this.timeZone,
      });
      let record: SignedPledge;
      if (mode === 'endpoint') {
        record = await signing.signViaEndpoint(credential, {
          url: this.endpoint,
          timeoutMs: this.endpointTimeout,
          retries: this.endpointRetries,
          headers: this.endpointHeaders,
          signal,
        });
      } else if (mode === 'event') {
        record = await signing.signViaEvent(this, credential);
      } else {
        record = await signing.signWithBrowserKey(credential, key!);
      }
      // A browser key with a host-set issuer makes the employee's proof only; the agency countersigns later.
      const verification = await signing.checkRecord(record, credential, {
        requireIssuerProof: !(mode === 'browser-key' && this.issuer),
      });
      if (attempt !== this.#attempt) return;
      this.record = record;
      this.#verification = verification;
      this.busy = false;
      this.#syncForm();
      this.#goTo('done');
      this.status = `${this.#t.doneHeading}. ${this.#t.verified}.`;
      this.#emit<IkrarSignedDetail>('ikrar-signed', { record, verification, signingMode: mode });
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
    if (changed.has('required') || changed.has('language')) this.#syncForm();
  }

  protected override updated(): void {
    this.#setupPad();
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

  #isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  #renderHeading(): TemplateResult {
    const t = this.#t;
    const n = STEPS.indexOf(this.step) + 1;
    return html`<h2 part="heading" tabindex="-1">
      <span class="step-of">${t.stepOf(n, STEPS.length, t.steps[this.step]).split(':')[0]}</span>${
        this.step === 'done' ? t.doneHeading : t.steps[this.step]
      }
    </h2>`;
  }

  #renderNav(nextLabel?: string): TemplateResult {
    const t = this.#t;
    const first = this.step === 'pledge';
    return html`<div class="actions">
      ${
        first
          ? nothing
          : html`<button part="button" type="button" @click=${this.#handleBack} ?disabled=${this.#isDisabled()}>
              ${t.back}
            </button>`
      }
      <span class="spacer"></span>
      <button
        part="button button-primary"
        class="primary"
        type="button"
        @click=${this.#handleNext}
        ?disabled=${this.#isDisabled()}
      >
        ${nextLabel ?? t.next}
      </button>
    </div>`;
  }

  #renderPledge(): TemplateResult {
    const t = this.#t;
    const text = this.#text as TemplateText;
    const remaining = text.points.length - this.#acknowledgedCount();
    return html`${this.#renderHeading()}
      <p class="hint" id="ack-help">${t.acknowledgeHelp}</p>
      <h3 lang=${this.#pledgeLanguage}>${this.#fill(text.title)}</h3>
      <p class="event">
        <strong>${t.eventLabel}:</strong> ${this.eventName}${
          this.eventPlace ? html`<br /><strong>${t.placeLabel}:</strong> ${this.eventPlace}` : nothing
        }${
          this.eventDate
            ? html`<br /><strong>${t.dateLabel}:</strong> ${formatDate(this.eventDate, this.#lang)}`
            : nothing
        }
      </p>
      <p lang=${this.#pledgeLanguage}>${this.#fill(text.preamble)}</p>
      <ol class="points">
        ${text.points.map((point, i) => {
          const checked = this.acknowledged[i] === true;
          return html`<li part="point" class="point ${checked ? 'acknowledged' : this.showErrors ? 'missing' : ''}">
            <span class="point-number">${t.pointLabel(i + 1)}</span>
            <p id="point-${i + 1}" lang=${this.#pledgeLanguage}>${this.#fill(point)}</p>
            <label class="check">
              <input
                type="checkbox"
                .checked=${checked}
                ?disabled=${this.#isDisabled()}
                aria-describedby="point-${i + 1}"
                aria-invalid=${this.showErrors && !checked ? 'true' : 'false'}
                @change=${(e: Event) => this.#handleAcknowledge(i, e)}
              />
              <span>${t.acknowledgePoint(i + 1)}</span>
            </label>
          </li>`;
        })}
      </ol>
      <p lang=${this.#pledgeLanguage}>${this.#fill(text.closing)}</p>
      ${
        text.legalBasis.length > 0
          ? html`<details>
              <summary>${t.legalBasis}</summary>
              <ul lang=${this.#pledgeLanguage}>
                ${text.legalBasis.map((b) => html`<li>${b}</li>`)}
              </ul>
            </details>`
          : nothing
      }
      <p class=${this.showErrors && remaining > 0 ? 'error' : 'hint'}>${t.pointsRemaining(remaining)}</p>
      ${this.#renderNav()}`;
  }

  #renderInput(
    field: Exclude<IdentityField, 'employeeType'>,
    label: string,
    opts: {
      required: boolean;
      help?: string;
      autocomplete?: string;
      inputmode?: string;
      error?: string;
      ok?: string;
    },
  ): TemplateResult {
    const t = this.#t;
    const locked = this.#lockedFields.has(field);
    const show = opts.error && (this.showErrors || this.touched.has(field));
    const describedBy = [opts.help ? `help-${field}` : '', show ? `error-${field}` : '', locked ? 'locked-help' : '']
      .filter(Boolean)
      .join(' ');
    return html`<div class="field" part="field">
      <label for="f-${field}">
        ${label}
        <span class="tag">(${locked ? t.lockedByAgency : opts.required ? t.required : t.optional})</span>
      </label>
      <input
        part="input"
        id="f-${field}"
        type="text"
        .value=${this.identity[field]}
        ?readonly=${locked}
        ?disabled=${this.#isDisabled()}
        ?required=${opts.required}
        autocomplete=${opts.autocomplete ?? 'off'}
        inputmode=${opts.inputmode ?? 'text'}
        spellcheck="false"
        aria-invalid=${show ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @input=${(e: Event) => this.#handleField(field, e)}
        @blur=${() => this.#handleBlur(field)}
      />
      ${opts.help ? html`<p class="hint" id="help-${field}">${opts.help}</p>` : nothing}
      ${show ? html`<p class="error" id="error-${field}">${opts.error}</p>` : nothing}
      ${!opts.error && opts.ok && this.identity[field] ? html`<p class="ok">${opts.ok}</p>` : nothing}
    </div>`;
  }

  #renderIdentity(): TemplateResult {
    const t = this.#t;
    const errors = this.#identityErrors();
    const type = this.identity.employeeType;
    const scheme = type ? DEFAULT_SCHEME[type] : 'NIP';
    const typeLocked = this.#lockedFields.has('employeeType') && type !== '';
    const typeError = errors.employeeType && (this.showErrors || this.touched.has('employeeType'));
    return html`${this.#renderHeading()}
      <p class="hint">${t.identityHelp}</p>
      <p class="sr-only" id="locked-help">${t.lockedByAgency}</p>
      ${this.#renderInput('name', t.name, { required: true, autocomplete: 'name', error: errors.name })}
      <fieldset part="field" aria-describedby=${typeError ? 'error-employeeType' : nothing}>
        <legend>${t.employeeType} <span class="tag">(${typeLocked ? t.lockedByAgency : t.required})</span></legend>
        <div class="choices" role="radiogroup" aria-label=${t.employeeType}>
          ${this.#employeeTypes
            .filter((et) => !typeLocked || et === type)
            .map(
              (et) =>
                html`<label class="choice">
                  <input
                    type="radio"
                    name="employeeType"
                    value=${et}
                    .checked=${type === et}
                    ?disabled=${this.#isDisabled()}
                    aria-invalid=${typeError ? 'true' : 'false'}
                    @change=${(e: Event) => this.#handleField('employeeType', e)}
                  />
                  ${t.employeeTypes[et]}
                </label>`,
            )}
        </div>
        ${typeError ? html`<p class="error" id="error-employeeType">${errors.employeeType}</p>` : nothing}
      </fieldset>
      ${this.#renderInput('identifier', t.identifier[scheme], {
        required: true,
        help: t.identifierHelp[scheme],
        inputmode: scheme === 'OTHER' ? 'text' : 'numeric',
        error: errors.identifier,
        ok: t.identifierValid,
      })}
      ${this.#renderInput('position', t.position, { required: false, autocomplete: 'organization-title' })}
      ${this.#renderInput('workUnit', t.workUnit, { required: false })} ${this.#renderNav()}`;
  }

  #renderSignature(): TemplateResult {
    const t = this.#t;
    const types = this.#allowedTypes;
    const type = this.signatureType;
    const strokes = this.drawing?.groups.length ?? 0;
    const missing = this.showErrors && !this.#stepComplete('signature');
    return html`${this.#renderHeading()}
    ${
      types.length > 1
        ? html`<fieldset>
            <legend>${t.signatureType}</legend>
            <div class="choices" role="radiogroup" aria-label=${t.signatureType}>
              ${types.map(
                (st) =>
                  html`<label class="choice">
                    <input
                      type="radio"
                      name="signatureType"
                      value=${st}
                      .checked=${type === st}
                      ?disabled=${this.#isDisabled()}
                      @change=${(e: Event) => this.#handleSignatureType(e)}
                    />
                    ${t.signatureTypes[st]}
                  </label>`,
              )}
            </div>
          </fieldset>`
        : nothing
    }
    ${
      type === 'drawn'
        ? html`<p class="hint" id="draw-help">${t.drawHelp}</p>
            <div class="pad-box">
              <canvas
                part="signature-pad"
                role="img"
                aria-label=${t.drawAreaLabel}
                aria-describedby="draw-help draw-status"
              ></canvas>
            </div>
            <p class=${missing ? 'error' : 'hint'} id="draw-status">
              ${missing ? t.drawEmpty : t.drawStrokes(strokes)}
            </p>
            <div class="tools">
              <button
                part="button"
                type="button"
                @click=${this.#handleUndo}
                ?disabled=${this.#isDisabled() || strokes === 0}
              >
                ${t.undo}
              </button>
              <button
                part="button"
                type="button"
                @click=${this.#handleClear}
                ?disabled=${this.#isDisabled() || strokes === 0}
              >
                ${t.clear}
              </button>
            </div>`
        : html`<div class="field" part="field">
              <label for="f-typed">${t.typedLabel}</label>
              <input
                part="input"
                id="f-typed"
                type="text"
                autocomplete="name"
                spellcheck="false"
                .value=${this.typedName}
                ?disabled=${this.#isDisabled()}
                aria-invalid=${missing ? 'true' : 'false'}
                aria-describedby="typed-help${missing ? ' typed-error' : ''}"
                @input=${(e: Event) => this.#handleTyped(e)}
              />
              <p class="hint" id="typed-help">${t.typedHelp}</p>
              ${missing ? html`<p class="error" id="typed-error">${t.fieldRequired(t.typedLabel)}</p>` : nothing}
            </div>
            <p class="hint">${t.typedPreviewLabel}</p>
            <div class="typed-preview" part="typed-signature">${this.typedName}</div>`
    }
    ${this.#renderNav()}`;
  }

  #renderSignaturePreview(): TemplateResult {
    const strokes = this.signatureType === 'drawn' ? toSignatureStrokes(this.drawing) : null;
    if (!strokes) return html`<div class="signature-preview" part="typed-signature">${this.typedName}</div>`;
    return html`<div class="signature-preview">
      <svg
        viewBox="0 0 ${strokes.width} ${strokes.height}"
        role="img"
        aria-label=${this.#t.drawStrokes(strokes.strokes.length)}
      >
        ${strokes.strokes.map(
          (
            s,
          ) => svg`<polyline fill="none" stroke="currentColor" stroke-width="2.5" vector-effect="non-scaling-stroke" stroke-linecap="round"
            stroke-linejoin="round" points=${s.map((p) => `${p.x},${p.y}`).join(' ')}></polyline>`,
        )}
      </svg>
    </div>`;
  }

  #renderSection(step: StepName, body: TemplateResult): TemplateResult {
    const t = this.#t;
    return html`<div class="section">
      <div class="section-head">
        <h3>${t.steps[step]}</h3>
        <button
          part="button"
          class="link"
          aria-label=${t.edit(t.steps[step])}
          type="button"
          ?disabled=${this.busy || this.#isDisabled()}
          @click=${() => this.#goTo(step)}
        >
          ${t.editShort}
        </button>
      </div>
      ${body}
    </div>`;
  }

  #renderReview(): TemplateResult {
    const t = this.#t;
    const id = this.identity;
    const type = id.employeeType as EmployeeType;
    const text = this.#text as TemplateText;
    const error = this.error;
    return html`${this.#renderHeading()}
      <p class="hint">${t.reviewHelp}</p>
      ${this.#renderSection(
        'pledge',
        html`<p lang=${this.#pledgeLanguage}>${this.#fill(text.title)}</p>
          <p>${t.pointsRemaining(0)}</p>`,
      )}
      ${this.#renderSection(
        'identity',
        html`<dl>
          <dt>${t.name}</dt>
          <dd>${id.name}</dd>
          <dt>${t.employeeType}</dt>
          <dd>${t.employeeTypes[type]}</dd>
          <dt>${t.identifier[DEFAULT_SCHEME[type]]}</dt>
          <dd>${normalizedIdentifier(type, id.identifier)}</dd>
          ${
            id.position
              ? html`<dt>${t.position}</dt>
                  <dd>${id.position}</dd>`
              : nothing
          }
          ${
            id.workUnit
              ? html`<dt>${t.workUnit}</dt>
                  <dd>${id.workUnit}</dd>`
              : nothing
          }
        </dl>`,
      )}
      ${this.#renderSection('signature', this.#renderSignaturePreview())}
      ${
        error
          ? html`<div class="alert" part="alert" role="alert">
              <p>${error.messages[this.#lang]}</p>
              <p class="code">${error.code}${error.status ? ` (HTTP ${error.status})` : ''}</p>
              ${
                error.retryable
                  ? html`<button part="button" type="button" @click=${this.#handleSign}>${t.retry}</button>`
                  : nothing
              }
            </div>`
          : nothing
      }
      <div class="actions">
        <button part="button" type="button" @click=${this.#handleBack} ?disabled=${this.busy || this.#isDisabled()}>
          ${t.back}
        </button>
        <span class="spacer"></span>
        ${this.busy ? html`<span class="busy">${t.signing}</span>` : nothing}
        <button
          part="button button-primary"
          class="primary"
          type="button"
          aria-busy=${this.busy ? 'true' : 'false'}
          ?disabled=${this.busy || this.#isDisabled()}
          @click=${this.#handleSign}
        >
          ${t.sign}
        </button>
      </div>`;
  }

  #renderDone(): TemplateResult {
    const t = this.#t;
    const record = this.record as SignedPledge;
    const s = record.credentialSubject;
    const error = this.error;
    return html`${this.#renderHeading()}
      <p class="badge" part="summary">✓ ${t.verified}</p>
      <p>${t.doneText}</p>
      <dl part="summary">
        <dt>${t.recordId}</dt>
        <dd>${record.id.replace(/^urn:uuid:/, '')}</dd>
        <dt>${t.name}</dt>
        <dd>${s.signer.name}</dd>
        <dt>${t.identifier[s.signer.identifierScheme]}</dt>
        <dd>${maskIdentifier(s.signer.identifier)}</dd>
        <dt>${t.signedAt}</dt>
        <dd>${formatMoment(s.consent.acknowledgedAt, s.consent.timeZone, this.#lang)}</dd>
        <dt>${t.issuer}</dt>
        <dd>${record.issuer.name}</dd>
      </dl>
      ${error ? html`<div class="alert" part="alert" role="alert"><p>${error.messages[this.#lang]}</p></div>` : nothing}
      <div class="actions">
        <button part="button button-primary" class="primary" type="button" @click=${this.#handleDownloadJson}>
          ${t.downloadJson}
        </button>
        ${
          PDF_AVAILABLE
            ? html`<button
                part="button"
                type="button"
                aria-busy=${this.pdfBusy ? 'true' : 'false'}
                ?disabled=${this.pdfBusy}
                @click=${this.#handleDownloadPdf}
              >
                ${this.pdfBusy ? t.pdfPreparing : t.downloadPdf}
              </button>`
            : nothing
        }
      </div>`;
  }

  #renderStep(): TemplateResult {
    switch (this.step) {
      case 'pledge':
        return this.#renderPledge();
      case 'identity':
        return this.#renderIdentity();
      case 'signature':
        return this.#renderSignature();
      case 'review':
        return this.#renderReview();
      case 'done':
        return this.#renderDone();
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
