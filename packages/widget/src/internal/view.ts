/**
 * What the step templates see: the element's state and its handlers, gathered once per render, so
 * that each step's markup lives in its own small module (`render-*.ts`) and reads like a page.
 *
 * @module
 * @example
 * ```ts
 * html`${renderHeading(view)} … ${renderNav(view)}`;
 * ```
 */
import type { EmployeeType, SignedPledge, TemplateText } from '@ikrar/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { WidgetError } from '../errors.js';
import type { Translation } from '../translations/translation.js';
import type { SavedDrawing } from './strokes.js';
import type { IdentityField, IdentityFields, SignatureType, StepName, UiLanguage } from './types.js';

/** The steps, in order. */
export const STEPS: readonly StepName[] = ['pledge', 'identity', 'signature', 'review', 'done'];

/** Handlers the templates call; they belong to the element. */
export interface StepHandlers {
  next(): void;
  back(): void;
  goTo(step: StepName): void;
  acknowledge(index: number, e: Event): void;
  field(field: IdentityField, e: Event): void;
  blur(field: IdentityField): void;
  signatureType(type: SignatureType): void;
  typed(e: Event): void;
  undo(): void;
  clear(): void;
  sign(): void;
  downloadJson(): void;
  downloadPdf(): void;
}

/** The element's state as the templates read it. */
export interface StepView {
  readonly t: Translation;
  readonly lang: UiLanguage;
  /** Language of the pledge text (the template may lack English). */
  readonly pledgeLanguage: UiLanguage;
  readonly step: StepName;
  readonly disabled: boolean;
  readonly busy: boolean;
  readonly pdfBusy: boolean;
  readonly pdfAvailable: boolean;
  /** The host's certificate for this record (from `certificate-url`), or `''`: the PDF button links there. */
  readonly certificateUrl: string;
  readonly showErrors: boolean;
  readonly eventName: string;
  readonly eventPlace: string;
  readonly eventDate: string;
  readonly text: TemplateText;
  /** Fills `{agency}` and `{event}`. */
  fill(text: string): string;
  readonly acknowledged: readonly boolean[];
  readonly acknowledgedCount: number;
  readonly identity: IdentityFields;
  readonly identityErrors: Partial<Record<IdentityField, string>>;
  readonly touched: ReadonlySet<IdentityField>;
  readonly locked: ReadonlySet<IdentityField>;
  readonly employeeTypes: readonly EmployeeType[];
  readonly allowedTypes: readonly SignatureType[];
  readonly signatureType: SignatureType;
  readonly drawing: SavedDrawing | null;
  readonly typedName: string;
  /** The typed name is the signer's name (case and spacing aside). */
  readonly typedMatches: boolean;
  readonly signatureComplete: boolean;
  readonly error: WidgetError | null;
  readonly record: SignedPledge | null;
  readonly on: StepHandlers;
}

/**
 * The step heading ("Langkah 2 dari 5" above "Identitas"); focus moves here on each step change.
 * @param v - the view
 * @returns the `<h2>`
 */
export function renderHeading(v: StepView): TemplateResult {
  const t = v.t;
  const n = STEPS.indexOf(v.step) + 1;
  return html`<h2 part="heading" tabindex="-1">
    <span class="step-of">${t.stepOf(n, STEPS.length, t.steps[v.step]).split(':')[0]}</span>${
      v.step === 'done' ? t.doneHeading : t.steps[v.step]
    }
  </h2>`;
}

/**
 * Back and Next.
 * @param v - the view
 * @param nextLabel - label of the main button
 * @returns the action row
 */
export function renderNav(v: StepView, nextLabel?: string): TemplateResult {
  const t = v.t;
  const first = v.step === 'pledge';
  return html`<div class="actions">
    ${
      first
        ? nothing
        : html`<button part="button" type="button" @click=${v.on.back} ?disabled=${v.disabled}>${t.back}</button>`
    }
    <span class="spacer"></span>
    <button part="button button-primary" class="primary" type="button" @click=${v.on.next} ?disabled=${v.disabled}>
      ${nextLabel ?? t.next}
    </button>
  </div>`;
}
