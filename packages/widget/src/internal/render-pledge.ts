/**
 * Step 1: the pledge as it will be recorded (title, event, preamble, every point with its own
 * acknowledgement, closing, legal basis).
 *
 * @module
 * @example
 * ```ts
 * renderPledge(view);
 * ```
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from './format.js';
import { renderHeading, renderNav, type StepView } from './view.js';

/**
 * The pledge step.
 * @param v - the view
 * @returns the step's markup
 */
export function renderPledge(v: StepView): TemplateResult {
  const t = v.t;
  const text = v.text;
  const remaining = text.points.length - v.acknowledgedCount;
  return html`${renderHeading(v)}
    <p class="hint" id="ack-help">${t.acknowledgeHelp}</p>
    <h3 lang=${v.pledgeLanguage}>${v.fill(text.title)}</h3>
    <p class="event">
      <strong>${t.eventLabel}:</strong> ${v.eventName}${
        v.eventPlace ? html`<br /><strong>${t.placeLabel}:</strong> ${v.eventPlace}` : nothing
      }${v.eventDate ? html`<br /><strong>${t.dateLabel}:</strong> ${formatDate(v.eventDate, v.lang)}` : nothing}
    </p>
    <p lang=${v.pledgeLanguage}>${v.fill(text.preamble)}</p>
    <ol class="points">
      ${text.points.map((point, i) => {
        const checked = v.acknowledged[i] === true;
        return html`<li part="point" class="point ${checked ? 'acknowledged' : v.showErrors ? 'missing' : ''}">
          <span class="point-number">${t.pointLabel(i + 1)}</span>
          <p id="point-${i + 1}" lang=${v.pledgeLanguage}>${v.fill(point)}</p>
          <label class="check">
            <input
              type="checkbox"
              .checked=${checked}
              ?disabled=${v.disabled}
              aria-describedby="point-${i + 1}"
              aria-invalid=${v.showErrors && !checked ? 'true' : 'false'}
              @change=${(e: Event) => v.on.acknowledge(i, e)}
            />
            <span>${t.acknowledgePoint(i + 1)}</span>
          </label>
        </li>`;
      })}
    </ol>
    <p lang=${v.pledgeLanguage}>${v.fill(text.closing)}</p>
    ${
      text.legalBasis.length > 0
        ? html`<details>
            <summary>${t.legalBasis}</summary>
            <ul lang=${v.pledgeLanguage}>
              ${text.legalBasis.map((b) => html`<li>${b}</li>`)}
            </ul>
          </details>`
        : nothing
    }
    <p class=${v.showErrors && remaining > 0 ? 'error' : 'hint'}>${t.pointsRemaining(remaining)}</p>
    ${renderNav(v)}`;
}
