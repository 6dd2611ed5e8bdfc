/**
 * Steps 4 and 5: the review before signing (with errors and "Coba lagi"), and the done view with
 * the record summary and the downloads.
 *
 * @module
 * @example
 * ```ts
 * view.step === 'done' ? renderDone(view) : renderReview(view);
 * ```
 */
import type { SignedPledge } from '@ikrar/core';
import { DEFAULT_SCHEME, maskIdentifier, validateIdentifier, type EmployeeType } from '@ikrar/core/form';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { formatMoment } from './format.js';
import { toSignatureStrokes } from './strokes.js';
import type { StepName } from './types.js';
import { renderHeading, type StepView } from './view.js';

/** The identifier as the record will hold it (spaces and dots people type are dropped). */
function normalizedIdentifier(type: EmployeeType, value: string): string {
  const r = validateIdentifier(DEFAULT_SCHEME[type], value);
  return r.valid ? r.parsed.value : value;
}

function renderSignaturePreview(v: StepView): TemplateResult {
  const strokes = v.signatureType === 'drawn' ? toSignatureStrokes(v.drawing) : null;
  if (!strokes) return html`<div class="signature-preview" part="typed-signature">${v.typedName}</div>`;
  return html`<div class="signature-preview">
    <svg
      viewBox="0 0 ${strokes.width} ${strokes.height}"
      role="img"
      aria-label=${v.t.drawStrokes(strokes.strokes.length)}
    >
      ${strokes.strokes.map((s) =>
        s.length === 1
          ? // A dot, as signature_pad drew it (radius: the mean of its pen widths).
            svg`<circle fill="currentColor" cx=${s[0]!.x} cy=${s[0]!.y} r="1.7"></circle>`
          : svg`<polyline fill="none" stroke="currentColor" stroke-width="2.5" vector-effect="non-scaling-stroke" stroke-linecap="round"
          stroke-linejoin="round" points=${s.map((p) => `${p.x},${p.y}`).join(' ')}></polyline>`,
      )}
    </svg>
  </div>`;
}

function renderSection(v: StepView, step: StepName, body: TemplateResult): TemplateResult {
  const t = v.t;
  return html`<div class="section">
    <div class="section-head">
      <h3>${t.steps[step]}</h3>
      <button
        part="button"
        class="link"
        aria-label=${t.edit(t.steps[step])}
        type="button"
        ?disabled=${v.busy || v.disabled}
        @click=${() => v.on.goTo(step)}
      >
        ${t.editShort}
      </button>
    </div>
    ${body}
  </div>`;
}

/**
 * The review step.
 * @param v - the view
 * @returns the step's markup
 */
export function renderReview(v: StepView): TemplateResult {
  const t = v.t;
  const id = v.identity;
  const type = id.employeeType as EmployeeType;
  const text = v.text;
  const error = v.error;
  return html`${renderHeading(v)}
    <p class="hint">${t.reviewHelp}</p>
    ${renderSection(
      v,
      'pledge',
      html`<p lang=${v.pledgeLanguage}>${v.fill(text.title)}</p>
        <p>${t.pointsRemaining(0)}</p>`,
    )}
    ${renderSection(
      v,
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
    ${renderSection(v, 'signature', renderSignaturePreview(v))}
    ${
      error
        ? html`<div class="alert" part="alert" role="alert">
            <p>${error.messages[v.lang]}</p>
            <p class="code">${error.code}${error.status ? ` (HTTP ${error.status})` : ''}</p>
            ${
              error.retryable
                ? html`<button part="button" type="button" @click=${v.on.sign}>${t.retry}</button>`
                : nothing
            }
          </div>`
        : nothing
    }
    <div class="actions">
      <button part="button" type="button" @click=${v.on.back} ?disabled=${v.busy || v.disabled}>${t.back}</button>
      <span class="spacer"></span>
      ${v.busy ? html`<span class="busy">${t.signing}</span>` : nothing}
      <button
        part="button button-primary"
        class="primary"
        type="button"
        aria-busy=${v.busy ? 'true' : 'false'}
        ?disabled=${v.busy || v.disabled}
        @click=${v.on.sign}
      >
        ${t.sign}
      </button>
    </div>`;
}

/**
 * The done step.
 * @param v - the view
 * @returns the step's markup
 */
export function renderDone(v: StepView): TemplateResult {
  const t = v.t;
  const record = v.record as SignedPledge;
  const s = record.credentialSubject;
  const error = v.error;
  return html`${renderHeading(v)}
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
      <dd>${formatMoment(s.consent.acknowledgedAt, s.consent.timeZone, v.lang)}</dd>
      <dt>${t.issuer}</dt>
      <dd>${record.issuer.name}</dd>
    </dl>
    ${error ? html`<div class="alert" part="alert" role="alert"><p>${error.messages[v.lang]}</p></div>` : nothing}
    <div class="actions">
      ${
        v.certificateUrl
          ? html`<a part="button button-primary" class="button primary" href=${v.certificateUrl} download>
              ${t.downloadPdf}
            </a>`
          : v.pdfAvailable
            ? html`<button
                part="button button-primary"
                class="primary"
                type="button"
                aria-busy=${v.pdfBusy ? 'true' : 'false'}
                ?disabled=${v.pdfBusy}
                @click=${v.on.downloadPdf}
              >
                ${v.pdfBusy ? t.pdfPreparing : t.downloadPdf}
              </button>`
            : nothing
      }
      <button part="button" class="secondary" type="button" @click=${v.on.downloadJson}>${t.downloadJson}</button>
    </div>`;
}
