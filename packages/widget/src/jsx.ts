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
import type { LitElement } from 'lit';
import type { IkrarNetralitasProperties } from './components/ikrar-netralitas/ikrar-netralitas.properties.js';
import type { IdentityFields } from './internal/types.js';

/** `eventName` → `event-name`: the attribute of a property, as Lit is told in its declaration. */
type Kebab<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `-${Lowercase<H>}`}${Kebab<T>}`
  : S;

/** The options that have an attribute (`endpointHeaders` is a property only). */
type AttributeProperty = Exclude<keyof IkrarNetralitasProperties, keyof LitElement | 'endpointHeaders'>;

/** What an attribute takes for a property of type `T`: numbers may be written as text, objects as JSON. */
type AttributeValue<T> = T extends boolean
  ? boolean
  : T extends number
    ? number | string
    : T extends string
      ? T
      : string;

/**
 * The attributes of `<ikrar-netralitas>` as written in markup or JSX, derived from the element's
 * property declarations (`ikrar-netralitas.properties.ts`), plus the global attributes frameworks pass.
 */
export type IkrarNetralitasAttributes = {
  [K in AttributeProperty as Kebab<K>]?: AttributeValue<IkrarNetralitasProperties[K]>;
} & {
  lang?: string;
  id?: string;
  class?: string;
  className?: string;
  hidden?: boolean;
  ref?: unknown;
  key?: string | number;
};

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
