/**
 * Step 3: the signature, drawn on a canvas (signature_pad attaches to it after render) or typed,
 * the keyboard path.
 *
 * @module
 * @example
 * ```ts
 * renderSignature(view);
 * ```
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderHeading, renderNav, type StepView } from './view.js';

/**
 * The signature step.
 * @param v - the view
 * @returns the step's markup
 */
export function renderSignature(v: StepView): TemplateResult {
  const t = v.t;
  const types = v.allowedTypes;
  const type = v.signatureType;
  const strokes = v.drawing?.groups.length ?? 0;
  const missing = v.showErrors && !v.signatureComplete;
  // The typed name must be the signer's name (case and spacing aside): said while typing, once typed.
  const mismatch = type === 'typed' && v.typedName.trim() !== '' && !v.typedMatches;
  const typedError = mismatch ? t.typedMismatch(v.identity.name.trim()) : missing ? t.fieldRequired(t.typedLabel) : '';
  return html`${renderHeading(v)}
  ${
    types.length > 1
      ? html`<fieldset>
          <legend>${t.signatureType}</legend>
          <p class="hint" id="type-help">${t.signatureTypeHelp}</p>
          <div class="choices">
            ${types.map(
              (st) =>
                html`<button
                  part="button"
                  class="choice"
                  type="button"
                  data-type=${st}
                  aria-pressed=${type === st ? 'true' : 'false'}
                  aria-describedby="type-help"
                  ?disabled=${v.disabled}
                  @click=${() => v.on.signatureType(st)}
                >
                  ${t.signatureTypes[st]}
                </button>`,
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
          <p class=${missing ? 'error' : 'hint'} id="draw-status">${missing ? t.drawEmpty : t.drawStrokes(strokes)}</p>
          <div class="tools">
            <button part="button" type="button" @click=${v.on.undo} ?disabled=${v.disabled || strokes === 0}>
              ${t.undo}
            </button>
            <button part="button" type="button" @click=${v.on.clear} ?disabled=${v.disabled || strokes === 0}>
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
              .value=${v.typedName}
              ?disabled=${v.disabled}
              aria-invalid=${typedError ? 'true' : 'false'}
              aria-describedby="typed-help${typedError ? ' typed-error' : ''}"
              @input=${(e: Event) => v.on.typed(e)}
            />
            <p class="hint" id="typed-help">${t.typedHelp(v.identity.name.trim())}</p>
            ${typedError ? html`<p class="error" id="typed-error">${typedError}</p>` : nothing}
          </div>
          <p class="hint">${t.typedPreviewLabel}</p>
          <div class="typed-preview" part="typed-signature">${v.typedName}</div>`
  }
  ${renderNav(v)}`;
}
