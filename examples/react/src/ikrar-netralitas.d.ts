// React 19 reads JSX element types from its own namespace: register <ikrar-netralitas> there with
// the widget's attribute type, and its events as typed `on<event>` props (React 19 attaches a prop
// named `on` + event name on a custom element as a listener for that event).
import type { IkrarErrorEvent, IkrarNetralitasAttributes, IkrarSignedEvent } from '@ikrar/widget';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'ikrar-netralitas': IkrarNetralitasAttributes & {
        'onikrar-signed'?: (event: IkrarSignedEvent) => void;
        'onikrar-error'?: (event: IkrarErrorEvent) => void;
      };
    }
  }
}
