/**
 * Registers `<ikrar-verifikasi>`, defensively (see `define.ts`).
 *
 * @module
 * @example
 * ```ts
 * import '@ikrar/widget/verifikasi';
 * ```
 */
import { defineElement } from '../../internal/define.js';
import { VERSION } from '../../internal/version.js';
import { IkrarVerifikasi } from './ikrar-verifikasi.component.js';

defineElement('ikrar-verifikasi', IkrarVerifikasi, VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'ikrar-verifikasi': IkrarVerifikasi;
  }
}
