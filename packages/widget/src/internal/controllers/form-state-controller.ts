/**
 * The signer's answers and where they are, as a Lit `ReactiveController`: the step, the
 * acknowledged points, the identity fields (with the host's prefill merged in and the locked ones
 * kept), the signature (type, drawing, typed name), whether each step is complete, and moving
 * between steps (focus on the new heading, an announcement, the next step's code prefetched).
 *
 * @module
 * @example
 * ```ts
 * readonly #form = new FormStateController(this, { options, t, changed, announce, signed });
 * this.#form.next();
 * ```
 */
import type { ReactiveController } from 'lit';
import type { IkrarNetralitasProperties } from '../../components/ikrar-netralitas/ikrar-netralitas.properties.js';
import type { Translation } from '../../translations/translation.js';
import { loadSignatureCanvas, loadSigning } from '../lazy.js';
import type { SavedDrawing } from '../strokes.js';
import type { IdentityField, IdentityFields, SignatureType, StepName, UiLanguage } from '../types.js';
import { identityErrors, isSignerName } from '../validate.js';
import { STEPS } from '../view.js';
import type { OptionsController } from './options-controller.js';

const EMPTY_IDENTITY: IdentityFields = { name: '', employeeType: '', identifier: '', position: '', workUnit: '' };

/** What the controller asks its host. */
export interface FormStateOptions {
  readonly options: OptionsController;
  /** The element's terms and language. */
  t(): Translation;
  lang(): UiLanguage;
  /** Whether the record is signed (the review step is then complete). */
  signed(): boolean;
  /** The signer changed `field` (the host fires `ikrar-change`). */
  changed(field: string): void;
  /** Says something on the status line. */
  announce(text: string): void;
}

/** Holds the signer's answers and the current step. */
export class FormStateController implements ReactiveController {
  readonly #host: IkrarNetralitasProperties;
  readonly #o: FormStateOptions;
  #step: StepName = 'pledge';
  #acknowledged: readonly boolean[] = [];
  #identity: IdentityFields = { ...EMPTY_IDENTITY };
  #touched: ReadonlySet<IdentityField> = new Set();
  #signatureType: SignatureType = 'drawn';
  #drawing: SavedDrawing | null = null;
  #typedName = '';
  #showErrors = false;
  /** The signature type was picked: by the signer, or by the element on the first visit of the signature step. */
  #typeChosen = false;
  #focusHeading = false;
  #prefill: unknown;

  /**
   * @param host - the element
   * @param options - its options and what to tell it
   */
  constructor(host: IkrarNetralitasProperties, options: FormStateOptions) {
    this.#host = host;
    this.#o = options;
    host.addController(this);
  }

  get step(): StepName {
    return this.#step;
  }
  get acknowledged(): readonly boolean[] {
    return this.#acknowledged;
  }
  get identity(): IdentityFields {
    return this.#identity;
  }
  get touched(): ReadonlySet<IdentityField> {
    return this.#touched;
  }
  get signatureType(): SignatureType {
    return this.#signatureType;
  }
  get drawing(): SavedDrawing | null {
    return this.#drawing;
  }
  get typedName(): string {
    return this.#typedName;
  }
  /** The signer pressed Next on an incomplete step: show what is missing. */
  get showErrors(): boolean {
    return this.#showErrors;
  }

  /** @returns what is missing or malformed in the identity, in the signer's language */
  identityErrors(): Partial<Record<IdentityField, string>> {
    return identityErrors(this.#identity, this.#o.options.employeeTypes, this.#o.t(), this.#o.lang());
  }

  /** @returns how many of the template's points are acknowledged */
  acknowledgedCount(): number {
    return this.#acknowledged.slice(0, this.#o.options.pointCount).filter(Boolean).length;
  }

  /** @returns whether the typed name is the signer's name (case and spacing aside) */
  typedMatches(): boolean {
    return isSignerName(this.#typedName, this.#identity.name);
  }

  /**
   * @param step - a step, the current one by default
   * @returns whether the signer may go on from it
   */
  stepComplete(step: StepName = this.#step): boolean {
    const points = this.#o.options.pointCount;
    switch (step) {
      case 'pledge':
        return points > 0 && this.acknowledgedCount() === points;
      case 'identity':
        return Object.keys(this.identityErrors()).length === 0;
      case 'signature':
        return this.#signatureType === 'typed' ? this.typedMatches() : (this.#drawing?.groups.length ?? 0) > 0;
      case 'review':
        return this.#o.signed();
      case 'done':
        return true;
    }
  }

  /**
   * Shows a step: focus on its heading, announced, and what the step after needs prefetched.
   * @param step - the step
   */
  goTo(step: StepName): void {
    if (step === this.#step) return;
    this.#step = step;
    this.#showErrors = false;
    this.#focusHeading = true;
    const t = this.#o.t();
    this.#o.announce(t.stepAnnounce(STEPS.indexOf(step) + 1, STEPS.length, t.steps[step]));
    this.#o.changed('step');
    const first = this.#o.options.allowedTypes[0];
    if (step === 'signature' && !this.#typeChosen) {
      // Picked once, on the first visit: coming back from the review keeps what the signer used.
      this.#signatureType = first ?? 'typed';
      this.#typeChosen = true;
    }
    // signature_pad only when the drawing area will show: a typed-only page never loads it.
    if (step === 'identity' && first === 'drawn') loadSignatureCanvas().catch(() => undefined);
    if (step === 'signature') loadSigning().catch(() => undefined);
  }

  /** Next: on an incomplete step, shows what is missing and focuses it instead. */
  next(): void {
    if (!this.stepComplete()) {
      this.#showErrors = true;
      if (this.#step === 'identity') this.#touched = new Set(Object.keys(EMPTY_IDENTITY) as IdentityField[]);
      this.#host.requestUpdate();
      void this.#host.updateComplete.then(() => {
        const invalid = this.#host.renderRoot.querySelector<HTMLElement>(
          '[aria-invalid="true"], input[type="checkbox"]:not(:checked)',
        );
        invalid?.focus();
      });
      return;
    }
    const next = STEPS[STEPS.indexOf(this.#step) + 1];
    if (next && next !== 'done') this.goTo(next);
  }

  /** Back one step. */
  back(): void {
    const prev = STEPS[STEPS.indexOf(this.#step) - 1];
    if (prev) this.goTo(prev);
  }

  /**
   * A point's checkbox.
   * @param index - 0-based point
   * @param checked - its state
   */
  acknowledge(index: number, checked: boolean): void {
    const next = [...this.#acknowledged];
    next[index] = checked;
    this.#acknowledged = next;
    this.#update(`point-${index + 1}`);
  }

  /**
   * An identity field typed or chosen (locked fields stay as prefilled).
   * @param field - the field
   * @param value - its new value
   */
  field(field: IdentityField, value: string): void {
    if (this.#o.options.lockedFields.has(field)) return;
    this.#identity = { ...this.#identity, [field]: value };
    if (field === 'employeeType') this.#touched = new Set([...this.#touched, field]);
    this.#update(field);
  }

  /**
   * A field lost focus: its problems show from now on.
   * @param field - the field
   */
  blur(field: IdentityField): void {
    if (this.#touched.has(field)) return;
    this.#touched = new Set([...this.#touched, field]);
    this.#host.requestUpdate();
  }

  /**
   * The signer chose drawn or typed.
   * @param type - the type
   */
  chooseSignatureType(type: SignatureType): void {
    this.#signatureType = type;
    this.#typeChosen = true;
    this.#update('signatureType');
  }

  /**
   * The typed signature changed.
   * @param value - the text
   */
  typed(value: string): void {
    this.#typedName = value;
    this.#update('signature');
  }

  /**
   * The drawing changed.
   * @param saved - the strokes and the size they were drawn at
   * @param byUser - a stroke, undo or clear (not a resize)
   */
  drew(saved: SavedDrawing, byUser: boolean): void {
    this.#drawing = saved.groups.length > 0 ? saved : null;
    this.#host.requestUpdate();
    if (!byUser) return;
    this.#o.announce(this.#o.t().drawStrokes(saved.groups.length));
    this.#o.changed('signature');
  }

  /** Drawing is unavailable (its code did not load): typed instead, when allowed. */
  drawingUnavailable(): void {
    if (!this.#o.options.allowedTypes.includes('typed')) return;
    this.#signatureType = 'typed';
    this.#host.requestUpdate();
  }

  /** Back to the first step with no answers; the host's prefill stays. */
  reset(): void {
    this.#acknowledged = [];
    this.#identity = { ...EMPTY_IDENTITY, ...this.#host.prefill };
    this.#touched = new Set();
    this.#drawing = null;
    this.#typedName = '';
    this.#typeChosen = false;
    this.#showErrors = false;
    this.#step = 'pledge';
    this.#host.requestUpdate();
  }

  /** Before each render: a new prefill fills the fields the signer has not changed; the signature type stays allowed. */
  hostUpdate(): void {
    const prefill = this.#host.prefill;
    if (prefill !== this.#prefill) {
      this.#prefill = prefill;
      const locked = this.#o.options.lockedFields;
      const next: Record<IdentityField, string> = { ...this.#identity };
      for (const [k, v] of Object.entries(prefill) as [IdentityField, string][]) {
        if (locked.has(k) || !this.#touched.has(k) || !next[k]) next[k] = v;
      }
      this.#identity = next as IdentityFields;
    }
    const types = this.#o.options.allowedTypes;
    if (!types.includes(this.#signatureType)) this.#signatureType = types[0] ?? 'typed';
  }

  /** After a step change, focus goes to the new step's heading. */
  hostUpdated(): void {
    if (!this.#focusHeading) return;
    this.#focusHeading = false;
    this.#host.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  #update(field: string): void {
    this.#host.requestUpdate();
    this.#o.changed(field);
  }
}
