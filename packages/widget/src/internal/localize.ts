/**
 * Resolves the element's language from its own `language` property or the nearest `lang`
 * attribute (crossing shadow roots), and re-renders elements when a `lang` attribute changes.
 * Indonesian is the fallback (webawesome `utilities/localize.ts` works the same way).
 *
 * @module
 * @example
 * ```ts
 * const t = translationFor(resolveLanguage(el, el.language));
 * ```
 */
import en from '../translations/en.js';
import id from '../translations/id.js';
import type { Translation } from '../translations/translation.js';
import type { UiLanguage } from './types.js';

const TRANSLATIONS: Readonly<Record<UiLanguage, Translation>> = { id, en };

/**
 * Maps a BCP 47 tag to a language we speak: `en*` is English, everything else Indonesian.
 * @param tag - e.g. `en-GB`, `id-ID`, `jv`
 * @returns `en` or `id`
 */
export function normalizeLanguage(tag: string | null | undefined): UiLanguage | null {
  if (!tag) return null;
  const t = tag.trim().toLowerCase();
  if (t === '') return null;
  return t === 'en' || t.startsWith('en-') ? 'en' : 'id';
}

/**
 * The nearest `lang` above (or on) an element, looking through shadow roots to their hosts.
 * @param el - the element
 * @returns the tag, or null when no ancestor sets one
 */
export function closestLang(el: Element): string | null {
  let node: Element | null = el;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) return found.getAttribute('lang');
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/**
 * The language to speak.
 * @param el - the element
 * @param explicit - its `language` property, which wins when set
 * @returns `id` or `en`
 */
export function resolveLanguage(el: Element, explicit: string | undefined): UiLanguage {
  return normalizeLanguage(explicit) ?? normalizeLanguage(closestLang(el)) ?? 'id';
}

/**
 * The terms for a language.
 * @param lang - `id` or `en`
 * @returns the translation
 */
export function translationFor(lang: UiLanguage): Translation {
  return TRANSLATIONS[lang];
}

const listeners = new Set<() => void>();
let observer: MutationObserver | null = null;

/**
 * Calls `onChange` whenever any `lang` attribute in the document changes.
 * @param onChange - usually `() => el.requestUpdate()`
 * @returns a function that stops watching
 */
export function watchLang(onChange: () => void): () => void {
  listeners.add(onChange);
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => listeners.forEach((fn) => fn()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0 && observer) {
      observer.disconnect();
      observer = null;
    }
  };
}
