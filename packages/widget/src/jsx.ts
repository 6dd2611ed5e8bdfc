/**
 * Typings for using `<ikrar-netralitas>` in JSX (Preact, Solid, React 18 and earlier through the
 * global `JSX` namespace) and the attribute shape to register it yourself in React 19 or Vue
 * (see the README).
 *
 * @module
 * @example
 * ```tsx
 * <ikrar-netralitas agency="Pemkab Klaten" event-name="Pemilu 2024" signing-mode="browser-key" />
 * ```
 */
import type { IdentityFields, SigningMode } from './internal/types.js';

/** The attributes of `<ikrar-netralitas>` as written in markup or JSX. */
export interface IkrarNetralitasAttributes {
  template?: string;
  'template-version'?: string;
  language?: 'id' | 'en' | '';
  agency?: string;
  issuer?: string;
  'event-name'?: string;
  'event-place'?: string;
  'event-date'?: string;
  'time-zone'?: 'WIB' | 'WITA' | 'WIT';
  /** JSON of {@link IdentityFields}. */
  prefill?: string;
  lock?: string;
  'signature-types'?: string;
  'signing-mode'?: SigningMode;
  endpoint?: string;
  'endpoint-timeout'?: number | string;
  'endpoint-retries'?: number | string;
  'verification-url'?: string;
  name?: string;
  required?: boolean;
  disabled?: boolean;
  lang?: string;
  id?: string;
  class?: string;
  className?: string;
  hidden?: boolean;
  ref?: unknown;
  key?: string | number;
}

/** Prefill as an object, for frameworks that set properties (`.prefill=${{…}}` in lit, `:prefill` in Vue). */
export type IkrarPrefill = Partial<IdentityFields>;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'ikrar-netralitas': IkrarNetralitasAttributes;
    }
  }
}
