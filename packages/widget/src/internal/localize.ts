/**
 * Resolves the element's language from its own `language` property or the nearest `lang`
 * attribute (crossing shadow roots), and re-renders elements when a `lang` attribute changes.
 * Indonesian is the fallback (webawesome `utilities/localize.ts` works the same way), always
 * bundled; English is loaded with `import()` the first time an element speaks it, so an
 * Indonesian page never downloads it.
 *
 * @module
 * @example
 * ```ts
 * const t = translationFor(resolveLanguage(el, el.language));
 * ```
 */
import id from '../translations/id.js';
import type { Translation } from '../translations/translation.js';
import type { UiLanguage } from './types.js';

const TRANSLATIONS: Partial<Record<UiLanguage, Translation>> = { id };
let english: Promise<void> | null = null;

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
 * Loads a language's terms if they are not there yet. A failed load is not cached.
 * @param lang - `id` or `en`
 * @returns `null` when the terms are ready, else a promise that settles when they are (or not)
 */
export function loadTranslation(lang: UiLanguage): Promise<void> | null {
  if (TRANSLATIONS[lang]) return null;
  english ??= import('../translations/en.js').then(
    (m) => {
      TRANSLATIONS.en = m.default;
    },
    (e: unknown) => {
      english = null;
      throw e;
    },
  );
  return english;
}

/**
 * The terms for a language; Indonesian until English has loaded (see {@link loadTranslation}).
 * @param lang - `id` or `en`
 * @returns the translation
 */
export function translationFor(lang: UiLanguage): Translation {
  return TRANSLATIONS[lang] ?? id;
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
