/**
 * The `--ikrar-*` custom properties both elements start from (WCAG 2.1 AA contrast on the
 * default background); hosts override them.
 *
 * @module
 * @example
 * ```ts
 * static override styles = [themeTokens, styles];
 * ```
 */
import { css } from 'lit';

export const themeTokens = css`
  :host {
    --ikrar-color-primary: #0b4f8a;
    --ikrar-color-on-primary: #ffffff;
    --ikrar-color-text: #1b1f24;
    --ikrar-color-muted: #4a5563;
    --ikrar-color-background: #ffffff;
    --ikrar-color-surface: #f4f6f9;
    --ikrar-color-border: #6b7685;
    --ikrar-color-error: #b3261e;
    --ikrar-color-success: #17653a;
    --ikrar-color-focus: #0b4f8a;
    --ikrar-radius: 8px;
    --ikrar-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
  }
`;
