/**
 * `@ikrar/widget/component`: the element class and its types, without registering the tag.
 *
 * @module
 * @example
 * ```ts
 * import { IkrarNetralitas } from '@ikrar/widget/component';
 * customElements.define('agency-ikrar', class extends IkrarNetralitas {});
 * ```
 */
export { IkrarNetralitas } from './components/ikrar-netralitas/ikrar-netralitas.component.js';
export * from './errors.js';
export type * from './events/ikrar-ready.js';
export type * from './events/ikrar-change.js';
export type * from './events/ikrar-signed.js';
export type * from './events/ikrar-error.js';
export type * from './events/ikrar-sign-request.js';
export type { IdentityFields, SignatureType, SigningMode, StepName, UiLanguage } from './internal/types.js';
export type { Translation } from './translations/translation.js';
export type * from './jsx.js';
