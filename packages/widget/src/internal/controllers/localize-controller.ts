/**
 * The element's language as a Lit `ReactiveController`: the explicit `language` property, else the
 * nearest `lang` attribute (followed live), else Indonesian; English terms load on first use, and
 * the host renders only once its terms are in (shoelace's `LocalizeController` pattern).
 *
 * @module
 * @example
 * ```ts
 * readonly #localize = new LocalizeController(this, () => this.language);
 * render() { return html`<p>${this.#localize.t.next}</p>`; }
 * ```
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Translation } from '../../translations/translation.js';
import { loadTranslation, resolveLanguage, translationFor, watchLang } from '../localize.js';
import type { UiLanguage } from '../types.js';

/** Resolves and watches the language of one element. */
export class LocalizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #explicit: () => string;
  #unwatch: (() => void) | null = null;

  /**
   * @param host - the element
   * @param explicit - its `language` property (`''`: follow the nearest `lang`)
   */
  constructor(host: ReactiveControllerHost & HTMLElement, explicit: () => string) {
    this.#host = host;
    this.#explicit = explicit;
    host.addController(this);
  }

  /** `id` or `en`. */
  get lang(): UiLanguage {
    return resolveLanguage(this.#host, this.#explicit());
  }

  /** The terms of {@link lang} (Indonesian until English has loaded). */
  get t(): Translation {
    return translationFor(this.lang);
  }

  /**
   * A promise while the terms of the current language are loading, else null. The host awaits it
   * in `scheduleUpdate`; should English fail to load, the element speaks Indonesian.
   * @returns the pending load, or null
   */
  pending(): Promise<void> | null {
    return loadTranslation(this.lang)?.catch(() => undefined) ?? null;
  }

  hostConnected(): void {
    this.#unwatch = watchLang(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unwatch?.();
    this.#unwatch = null;
  }
}
