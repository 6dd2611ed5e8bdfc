// Type-level test: the README's Vue declaration compiles against Vue's own types and gives the
// tag its attribute props. Compiled by `pnpm typecheck`, never run.
import type { DefineComponent } from 'vue';
import type { IkrarNetralitasAttributes } from '../src/index.js';

declare module 'vue' {
  interface GlobalComponents {
    'ikrar-netralitas': DefineComponent<IkrarNetralitasAttributes>;
  }
}

type Props = InstanceType<import('vue').GlobalComponents['ikrar-netralitas']>['$props'];
export const props: Props = { 'signing-mode': 'browser-key', 'time-zone': 'WIT', agency: 'Pemprov Papua' };
// @ts-expect-error: not a signing mode
export const bad: Props = { 'signing-mode': 'fax' };
// Derived from the property declarations: a new option's attribute is there, a property-only one is not.
export const certificate: Props = { 'certificate-url': '/api/records/{id}/certificate.pdf', 'endpoint-retries': 3 };
// @ts-expect-error: endpointHeaders is a property only
export const headers: Props = { 'endpoint-headers': 'x' };
