/**
 * `ikrar-ready`: the element has rendered its first step and is ready for input.
 *
 * @module
 * @example
 * ```ts
 * el.addEventListener('ikrar-ready', (e) => console.log(e.detail.template.id));
 * ```
 */
import type { SigningMode, UiLanguage } from '../internal/types.js';

/** Detail of `ikrar-ready`. */
export interface IkrarReadyDetail {
  /** Language the element speaks (`id` or `en`). */
  readonly language: UiLanguage;
  /** The template shown. */
  readonly template: { readonly id: string; readonly version: string };
  /** How the pledge will be signed. */
  readonly signingMode: SigningMode;
}

/** Fired once, after the first render. Not cancelable. */
export type IkrarReadyEvent = CustomEvent<IkrarReadyDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ikrar-ready': IkrarReadyEvent;
  }
}
