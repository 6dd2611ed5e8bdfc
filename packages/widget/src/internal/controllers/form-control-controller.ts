/**
 * Form association as a Lit `ReactiveController` (shoelace's `FormControlController` pattern, on
 * `ElementInternals` as webawesome's form-associated element does): the form value, `valueMissing`
 * for a required control without a value, and a disabled `<fieldset>` or form. The host declares
 * `static formAssociated = true` and forwards `formResetCallback` / `formDisabledCallback`.
 *
 * @module
 * @example
 * ```ts
 * readonly #form = new FormControlController(this, {
 *   value: () => (this.record ? JSON.stringify(this.record) : null),
 *   required: () => this.required,
 *   message: () => this.#localize.t.signRequired,
 * });
 * ```
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the controller reads from its host on every update. */
export interface FormControlOptions {
  /** The form value, or null for none. */
  value(): string | null;
  /** Whether a value is required. */
  required(): boolean;
  /** The browser's validation message when the value is missing. */
  message(): string;
}

/** Keeps an element's form value and validity in step with its state. */
export class FormControlController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #internals: ElementInternals;
  readonly #options: FormControlOptions;
  #value: string | null | undefined;
  #invalid: string | undefined;
  #formDisabled = false;

  /**
   * @param host - a form-associated element (`static formAssociated = true`)
   * @param options - how to read its value, whether it is required, and the message
   */
  constructor(host: ReactiveControllerHost & HTMLElement, options: FormControlOptions) {
    this.#host = host;
    this.#internals = host.attachInternals();
    this.#options = options;
    host.addController(this);
  }

  /** The form that owns the element. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  /** A disabled `<fieldset>` or form holds the element. */
  get formDisabled(): boolean {
    return this.#formDisabled;
  }

  /** @returns whether the control is valid (fires `invalid` when not) */
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  /** @returns like {@link checkValidity}, and shows the browser's message */
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  /**
   * The host's `formDisabledCallback`.
   * @param disabled - whether the fieldset or form is disabled
   */
  setFormDisabled(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.#host.requestUpdate();
  }

  /** Writes the value and validity now (they are also written before every update). */
  sync(): void {
    const value = this.#options.value();
    if (value !== this.#value) {
      this.#value = value;
      this.#internals.setFormValue(value);
    }
    const invalid = this.#options.required() && value === null ? this.#options.message() : '';
    if (invalid !== this.#invalid) {
      this.#invalid = invalid;
      if (invalid) this.#internals.setValidity({ valueMissing: true }, invalid);
      else this.#internals.setValidity({});
    }
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }
}
