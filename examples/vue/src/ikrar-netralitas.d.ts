// Vue checks templates against GlobalComponents: register <ikrar-netralitas> with the widget's
// attribute type and its events as typed listeners (`@ikrar-signed` is the prop `onIkrarSigned`).
// Vue camelizes attribute names before it checks them (`signing-mode` is checked as `signingMode`),
// so the widget's kebab-case attribute names are given in camelCase here.
import type { DefineComponent } from 'vue';
import type { IkrarErrorEvent, IkrarNetralitasAttributes, IkrarPrefill, IkrarSignedEvent } from '@ikrar/widget';

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type CamelKeys<T> = { [K in keyof T as K extends string ? Camel<K> : K]: T[K] };

declare module 'vue' {
  interface GlobalComponents {
    'ikrar-netralitas': DefineComponent<
      CamelKeys<Omit<IkrarNetralitasAttributes, 'prefill' | 'ref' | 'key' | 'class' | 'className'>> & {
        /** JSON text as an attribute, or an object as a property (`:prefill.prop="{ … }"`). */
        prefill?: string | IkrarPrefill;
        onIkrarSigned?: (event: IkrarSignedEvent) => void;
        onIkrarError?: (event: IkrarErrorEvent) => void;
      }
    >;
  }
}
