/**
 * Styles of `<ikrar-verifikasi>`: the signing element's colours (WCAG 2.1 AA contrast), themed
 * through the same `--ikrar-*` custom properties and `::part()`.
 *
 * @module
 */
import { css, type CSSResultGroup } from 'lit';
import { themeTokens } from '../../internal/theme.js';

const own = css`
  :host {
    --ikrar-max-width: 56rem;
    display: block;
    color: var(--ikrar-color-text);
    font-family: var(--ikrar-font-family);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    max-width: var(--ikrar-max-width);
    background: var(--ikrar-color-background);
    border: 1px solid var(--ikrar-color-border);
    border-radius: var(--ikrar-radius);
    padding: 1rem;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.05rem;
    margin: 1rem 0 0.5rem;
  }
  .drop {
    border: 2px dashed var(--ikrar-color-border);
    border-radius: var(--ikrar-radius);
    padding: 0.75rem;
    background: var(--ikrar-color-surface);
    display: grid;
    gap: 0.5rem;
  }
  .drop.over {
    border-color: var(--ikrar-color-primary);
  }
  label {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
  }
  input[type='file'] {
    font: inherit;
    font-weight: normal;
    max-width: 100%;
  }
  button {
    font: inherit;
    min-height: 44px;
    padding: 0.5rem 1rem;
    border-radius: var(--ikrar-radius);
    border: 1px solid var(--ikrar-color-primary);
    background: var(--ikrar-color-background);
    color: var(--ikrar-color-primary);
    cursor: pointer;
  }
  button.primary {
    background: var(--ikrar-color-primary);
    color: var(--ikrar-color-on-primary);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--ikrar-color-focus);
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.75rem;
  }
  progress {
    width: 100%;
  }
  .error {
    color: var(--ikrar-color-error);
    font-weight: 600;
  }
  .ok {
    color: var(--ikrar-color-success);
    font-weight: 600;
  }
  .bad {
    color: var(--ikrar-color-error);
    font-weight: 600;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--ikrar-color-border);
    vertical-align: top;
  }
  td.n {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .muted {
    color: var(--ikrar-color-muted);
  }
  code {
    overflow-wrap: anywhere;
  }
`;

const styles: CSSResultGroup = [themeTokens, own];
export default styles;
