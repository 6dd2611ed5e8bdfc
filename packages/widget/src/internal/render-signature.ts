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
  return html`${renderHeading(v)}
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
                    ?disabled=${v.disabled}
                    @change=${(e: Event) => v.on.signatureType(e)}
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
              aria-invalid=${missing ? 'true' : 'false'}
              aria-describedby="typed-help${missing ? ' typed-error' : ''}"
              @input=${(e: Event) => v.on.typed(e)}
            />
            <p class="hint" id="typed-help">${t.typedHelp}</p>
            ${missing ? html`<p class="error" id="typed-error">${t.fieldRequired(t.typedLabel)}</p>` : nothing}
          </div>
          <p class="hint">${t.typedPreviewLabel}</p>
          <div class="typed-preview" part="typed-signature">${v.typedName}</div>`
  }
  ${renderNav(v)}`;
}
