/**
 * Registers a custom element defensively: an intranet page may load our script twice, or two
 * versions of it (shoelace `src/internal/shoelace-element.ts`, `define`).
 *
 * @module
 * @example
 * ```ts
 * defineElement('ikrar-netralitas', IkrarNetralitas, '0.1.0');
 * ```
 */

/**
 * Defines `tag` unless it is already defined. A different version holding the tag is reported with
 * `console.warn`, since the page then runs the other version's element.
 * @param tag - the tag name
 * @param ctor - the class
 * @param version - our version
 * @returns `true` when this call defined the tag
 */
export function defineElement(tag: string, ctor: CustomElementConstructor, version: string): boolean {
  const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
  if (!existing) {
    customElements.define(tag, ctor);
    return true;
  }
  if (existing !== ctor && existing.version !== version) {
    console.warn(
      `<${tag}>: version ${existing.version ?? 'unknown'} is already registered; version ${version} was not registered. / ` +
        `versi ${existing.version ?? 'tidak dikenal'} sudah terdaftar; versi ${version} tidak didaftarkan.`,
    );
  }
  return false;
}
