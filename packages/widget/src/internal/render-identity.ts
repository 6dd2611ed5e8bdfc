/**
 * Step 2: the signer's identity, with live NIP / NI PPPK / NIK checks from core and fields the host
 * prefilled and locked shown read-only.
 *
 * @module
 * @example
 * ```ts
 * renderIdentity(view);
 * ```
 */
import { DEFAULT_SCHEME } from '@ikrar/core/form';
import { html, nothing, type TemplateResult } from 'lit';
import type { IdentityField } from './types.js';
import { renderHeading, renderNav, type StepView } from './view.js';

function renderInput(
  v: StepView,
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
  const t = v.t;
  const locked = v.locked.has(field);
  const show = opts.error && (v.showErrors || v.touched.has(field));
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
      .value=${v.identity[field]}
      ?readonly=${locked}
      ?disabled=${v.disabled}
      ?required=${opts.required}
      autocomplete=${opts.autocomplete ?? 'off'}
      inputmode=${opts.inputmode ?? 'text'}
      spellcheck="false"
      aria-invalid=${show ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      @input=${(e: Event) => v.on.field(field, e)}
      @blur=${() => v.on.blur(field)}
    />
    ${opts.help ? html`<p class="hint" id="help-${field}">${opts.help}</p>` : nothing}
    ${show ? html`<p class="error" id="error-${field}">${opts.error}</p>` : nothing}
    ${!opts.error && opts.ok && v.identity[field] ? html`<p class="ok">${opts.ok}</p>` : nothing}
  </div>`;
}

/**
 * The identity step.
 * @param v - the view
 * @returns the step's markup
 */
export function renderIdentity(v: StepView): TemplateResult {
  const t = v.t;
  const errors = v.identityErrors;
  const type = v.identity.employeeType;
  const scheme = type ? DEFAULT_SCHEME[type] : 'NIP';
  const typeLocked = v.locked.has('employeeType') && type !== '';
  const typeError = errors.employeeType && (v.showErrors || v.touched.has('employeeType'));
  return html`${renderHeading(v)}
    <p class="hint">${t.identityHelp}</p>
    <p class="sr-only" id="locked-help">${t.lockedByAgency}</p>
    ${renderInput(v, 'name', t.name, { required: true, autocomplete: 'name', error: errors.name })}
    <fieldset part="field" aria-describedby=${typeError ? 'error-employeeType' : nothing}>
      <legend>${t.employeeType} <span class="tag">(${typeLocked ? t.lockedByAgency : t.required})</span></legend>
      <div class="choices" role="radiogroup" aria-label=${t.employeeType}>
        ${v.employeeTypes
          .filter((et) => !typeLocked || et === type)
          .map(
            (et) =>
              html`<label class="choice">
                <input
                  type="radio"
                  name="employeeType"
                  value=${et}
                  .checked=${type === et}
                  ?disabled=${v.disabled}
                  aria-invalid=${typeError ? 'true' : 'false'}
                  @change=${(e: Event) => v.on.field('employeeType', e)}
                />
                ${t.employeeTypes[et]}
              </label>`,
          )}
      </div>
      ${typeError ? html`<p class="error" id="error-employeeType">${errors.employeeType}</p>` : nothing}
    </fieldset>
    ${renderInput(v, 'identifier', t.identifier[scheme], {
      required: true,
      help: t.identifierHelp[scheme],
      inputmode: scheme === 'OTHER' ? 'text' : 'numeric',
      error: errors.identifier,
      ok: t.identifierValid,
    })}
    ${renderInput(v, 'position', t.position, { required: false, autocomplete: 'organization-title' })}
    ${renderInput(v, 'workUnit', t.workUnit, { required: false })} ${renderNav(v)}`;
}
