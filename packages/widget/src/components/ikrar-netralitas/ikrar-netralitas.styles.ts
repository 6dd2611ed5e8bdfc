/**
 * Styles of `<ikrar-netralitas>`. Colours meet WCAG 2.1 AA contrast (4.5:1 for text, 3:1 for
 * controls) on the default background; hosts theme through the `--ikrar-*` custom properties and
 * `::part()`.
 *
 * @module
 * @example
 * ```ts
 * static override styles = styles;
 * ```
 */
import { css, type CSSResultGroup } from 'lit';
import { themeTokens } from '../../internal/theme.js';

const own = css`
  :host {
    --ikrar-signature-font: 'Segoe Script', 'Brush Script MT', 'Dancing Script', cursive;
    --ikrar-max-width: 46rem;

    display: block;
    container-type: inline-size;
    color: var(--ikrar-color-text);
    font-family: var(--ikrar-font-family);
    font-size: 1rem;
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .base {
    max-width: var(--ikrar-max-width);
    margin: 0 auto;
    padding: 1rem;
    background: var(--ikrar-color-background);
    border: 1px solid var(--ikrar-color-border);
    border-radius: var(--ikrar-radius);
  }
  .agency {
    margin: 0;
    color: var(--ikrar-color-muted);
    font-size: 0.875rem;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
  }
  .stepper[hidden] {
    display: none;
  }
  .stepper {
    display: flex;
    gap: 0.25rem;
    margin: 0.75rem 0 1rem;
    padding: 0;
    list-style: none;
    counter-reset: step;
  }
  .stepper li {
    flex: 1 1 0;
    min-width: 0;
    padding-top: 0.375rem;
    border-top: 4px solid #c9d1db;
    color: var(--ikrar-color-muted);
    font-size: 0.8125rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .stepper li.complete {
    border-top-color: var(--ikrar-color-primary);
  }
  .stepper li[aria-current='step'] {
    border-top-color: var(--ikrar-color-primary);
    color: var(--ikrar-color-text);
    font-weight: 700;
  }
  @container (max-width: 30rem) {
    .stepper .label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  }
  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.25rem;
    line-height: 1.3;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--ikrar-color-focus);
    outline-offset: 2px;
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.0625rem;
  }
  .step-of {
    display: block;
    color: var(--ikrar-color-muted);
    font-size: 0.8125rem;
    font-weight: 400;
  }
  p {
    margin: 0 0 0.75rem;
  }
  .hint {
    color: var(--ikrar-color-muted);
    font-size: 0.875rem;
  }
  .event {
    padding: 0.5rem 0.75rem;
    background: var(--ikrar-color-surface);
    border-radius: var(--ikrar-radius);
    font-size: 0.9375rem;
  }
  .points {
    margin: 0 0 0.75rem;
    padding: 0;
    list-style: none;
  }
  .point {
    margin: 0 0 0.75rem;
    padding: 0.75rem;
    border: 1px solid var(--ikrar-color-border);
    border-radius: var(--ikrar-radius);
  }
  .point.missing {
    border: 2px solid var(--ikrar-color-error);
  }
  .point.acknowledged {
    border-color: var(--ikrar-color-success);
    background: #f1f8f3;
  }
  .point-number {
    display: block;
    color: var(--ikrar-color-muted);
    font-size: 0.8125rem;
    font-weight: 700;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    min-height: 44px;
    padding-top: 0.25rem;
    font-weight: 600;
    cursor: pointer;
  }
  .check input {
    flex: none;
    width: 1.375rem;
    height: 1.375rem;
    margin: 0.125rem 0 0;
    accent-color: var(--ikrar-color-primary);
  }
  details {
    margin: 0 0 0.75rem;
    font-size: 0.875rem;
  }
  summary {
    min-height: 44px;
    padding: 0.625rem 0;
    cursor: pointer;
    color: var(--ikrar-color-primary);
    font-weight: 600;
  }
  .field {
    margin: 0 0 1rem;
  }
  label,
  legend {
    display: block;
    margin-bottom: 0.25rem;
    font-weight: 600;
  }
  .tag {
    color: var(--ikrar-color-muted);
    font-weight: 400;
    font-size: 0.875rem;
  }
  input[type='text'] {
    display: block;
    width: 100%;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--ikrar-color-border);
    border-radius: var(--ikrar-radius);
    background: var(--ikrar-color-background);
    color: var(--ikrar-color-text);
    font: inherit;
  }
  input[readonly] {
    background: var(--ikrar-color-surface);
    border-style: dashed;
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--ikrar-color-error);
  }
  input:focus-visible,
  button:focus-visible,
  a:focus-visible,
  summary:focus-visible,
  canvas:focus-visible {
    outline: 3px solid var(--ikrar-color-focus);
    outline-offset: 2px;
  }
  fieldset {
    margin: 0 0 1rem;
    padding: 0;
    border: 0;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 44px;
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--ikrar-color-border);
    border-radius: var(--ikrar-radius);
    font-weight: 400;
    cursor: pointer;
  }
  .choice input {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--ikrar-color-primary);
  }
  button.choice {
    color: var(--ikrar-color-text);
    border-color: var(--ikrar-color-border);
  }
  .choice[aria-pressed='true'],
  .choice:has(input:checked) {
    border: 2px solid var(--ikrar-color-primary);
    font-weight: 600;
  }
  .error {
    margin: 0.25rem 0 0;
    color: var(--ikrar-color-error);
    font-size: 0.875rem;
    font-weight: 600;
  }
  .ok {
    margin: 0.25rem 0 0;
    color: var(--ikrar-color-success);
    font-size: 0.875rem;
  }
  .pad-box {
    position: relative;
    width: 100%;
    aspect-ratio: 5 / 2;
    max-height: 16rem;
    border: 2px solid var(--ikrar-color-border);
    border-radius: var(--ikrar-radius);
    background: var(--ikrar-color-background);
  }
  .pad-box::after {
    content: '';
    position: absolute;
    left: 8%;
    right: 8%;
    bottom: 22%;
    border-bottom: 1px dashed var(--ikrar-color-border);
    pointer-events: none;
  }
  canvas {
    display: block;
    width: 100%;
    height: 100%;
    touch-action: none;
    border-radius: var(--ikrar-radius);
  }
  .typed-preview,
  .signature-preview {
    min-height: 4rem;
    padding: 0.5rem 0.75rem;
    border: 1px dashed var(--ikrar-color-border);
    border-radius: var(--ikrar-radius);
    font-family: var(--ikrar-signature-font);
    font-style: italic;
    font-size: 2rem;
    line-height: 1.4;
    overflow-wrap: anywhere;
  }
  .signature-preview svg {
    display: block;
    width: 100%;
    max-width: 20rem;
    height: auto;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-top: 1rem;
  }
  .actions .spacer {
    flex: 1 1 auto;
  }
  .tools {
    display: flex;
    gap: 0.5rem;
    margin: 0.5rem 0;
  }
  button {
    min-height: 44px;
    padding: 0.5rem 1rem;
    border: 1px solid var(--ikrar-color-primary);
    border-radius: var(--ikrar-radius);
    background: var(--ikrar-color-background);
    color: var(--ikrar-color-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  a.button {
    display: inline-flex;
    align-items: center;
    box-sizing: border-box;
    min-height: 44px;
    padding: 0.5rem 1rem;
    border: 1px solid var(--ikrar-color-primary);
    border-radius: var(--ikrar-radius);
    font-weight: 600;
    text-decoration: none;
  }
  a.button.primary,
  button.primary {
    background: var(--ikrar-color-primary);
    color: var(--ikrar-color-on-primary);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.7;
  }
  button.link {
    min-height: 44px;
    padding: 0 0.25rem;
    border: 0;
    background: none;
    text-decoration: underline;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) 1fr;
    gap: 0.375rem 1rem;
    margin: 0 0 1rem;
  }
  dt {
    color: var(--ikrar-color-muted);
    font-size: 0.875rem;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  @container (max-width: 30rem) {
    dl {
      grid-template-columns: 1fr;
      gap: 0 0;
    }
    dd {
      margin-bottom: 0.5rem;
    }
  }
  .section {
    margin: 0 0 1rem;
    padding: 0.75rem;
    background: var(--ikrar-color-surface);
    border-radius: var(--ikrar-radius);
  }
  .section-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem;
  }
  .section-head h3 {
    margin: 0;
  }
  .alert {
    margin: 0 0 1rem;
    padding: 0.75rem;
    border: 2px solid var(--ikrar-color-error);
    border-radius: var(--ikrar-radius);
    background: #fdf1f0;
  }
  .alert p {
    margin: 0 0 0.5rem;
  }
  .alert .code {
    color: var(--ikrar-color-muted);
    font-family: ui-monospace, monospace;
    font-size: 0.8125rem;
  }
  .badge {
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
    margin: 0 0 1rem;
    padding: 0.25rem 0.75rem;
    border-radius: 999px;
    background: #e3f3e8;
    color: var(--ikrar-color-success);
    font-weight: 700;
  }
  .busy {
    color: var(--ikrar-color-muted);
    font-weight: 600;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: no-preference) {
    .point,
    button {
      transition:
        background-color 0.15s,
        border-color 0.15s;
    }
  }
  @media (forced-colors: active) {
    .stepper li[aria-current='step'] {
      border-top-color: Highlight;
    }
  }
`;

const styles: CSSResultGroup = [themeTokens, own];
export default styles;
