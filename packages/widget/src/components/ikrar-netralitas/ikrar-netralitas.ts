/**
 * Registers `<ikrar-netralitas>`, defensively: loading the script twice is harmless, and another
 * version already holding the tag gets a console warning instead of an exception.
 *
 * @module
 * @example
 * ```ts
 * import '@ikrar/widget';
 * document.body.append(document.createElement('ikrar-netralitas'));
 * ```
 */
import { defineElement } from '../../internal/define.js';
import { VERSION } from '../../internal/version.js';
import { IkrarNetralitas } from './ikrar-netralitas.component.js';

defineElement('ikrar-netralitas', IkrarNetralitas, VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'ikrar-netralitas': IkrarNetralitas;
  }
}
