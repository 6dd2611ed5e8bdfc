/**
 * The public properties of `<ikrar-netralitas>`, each declared once: one decorated field with its
 * initializer drives the property, its attribute (the kebab-case of the property's name; the
 * `IkrarNetralitasAttributes` JSX type is derived from this class the same way) and the docs (the
 * JSDoc here feeds the custom elements manifest). The element class extends this one, so the
 * controllers can read the options without importing the element.
 *
 * @module
 * @example
 * ```ts
 * class IkrarNetralitas extends IkrarNetralitasProperties { ... }
 * ```
 */
import type { IndonesianTimeZone, PledgeTemplate } from '@ikrar/core/form';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { parsePrefill } from '../../internal/options.js';
import type { IdentityFields, SigningMode } from '../../internal/types.js';

/**
 * The options an `<ikrar-netralitas>` takes as properties and attributes. A removed attribute reads
 * as the property's initial value (Lit's `useDefault`), never `null`.
 */
export class IkrarNetralitasProperties extends LitElement {
  /** Built-in template id (`skb-2022-asn`, `jembrana-2024`) or a template from `defineTemplate`. */
  @property({ useDefault: true }) template: string | PledgeTemplate = 'skb-2022-asn';
  /** Exact template version; the newest when empty. */
  @property({ attribute: 'template-version', useDefault: true }) templateVersion: string = '';
  /** `id` or `en`; when empty, the nearest `lang` attribute decides (Indonesian otherwise). */
  @property({ useDefault: true }) language: string = '';
  /** The agency's name, e.g. `Pemerintah Kabupaten Klaten`. Required. */
  @property({ useDefault: true }) agency: string = '';
  /** The agency's DID (`did:key`/`did:web`): the record's issuer. Required for `endpoint` and `event` modes. */
  @property({ useDefault: true }) issuer: string = '';
  /** The occasion, e.g. `Pilkada Serentak 2024`. Required. */
  @property({ attribute: 'event-name', useDefault: true }) eventName: string = '';
  /** Where the pledge is made. */
  @property({ attribute: 'event-place', useDefault: true }) eventPlace: string = '';
  /** Event date, `YYYY-MM-DD`. */
  @property({ attribute: 'event-date', useDefault: true }) eventDate: string = '';
  /** The signer's zone: `WIB`, `WITA` or `WIT`. */
  @property({ attribute: 'time-zone', useDefault: true }) timeZone: IndonesianTimeZone = 'WIB';
  /** Identity the host fills in: `{ name, employeeType, identifier, position, workUnit }` (attribute: JSON). */
  @property({ converter: { fromAttribute: parsePrefill } }) prefill: Partial<IdentityFields> = {};
  /** Prefilled fields the signer cannot change: a space-separated list, or empty / `all` for every prefilled field. */
  @property() lock: string | null = null;
  /** Allowed signature types, space-separated: `drawn typed` (default), `drawn` or `typed`. */
  @property({ attribute: 'signature-types', useDefault: true }) signatureTypes: string = 'drawn typed';
  /** `endpoint`, `event` or `browser-key`. Default: `endpoint` when `endpoint` is set, else `browser-key`. */
  @property({ attribute: 'signing-mode', useDefault: true }) signingMode: SigningMode | '' = '';
  /** URL the unsigned credential is POSTed to; it answers with the countersigned record. */
  @property({ useDefault: true }) endpoint: string = '';
  /** Milliseconds per endpoint attempt. */
  @property({ attribute: 'endpoint-timeout', type: Number, useDefault: true }) endpointTimeout: number = 15000;
  /** Extra endpoint attempts after a 5xx, timeout or network failure. */
  @property({ attribute: 'endpoint-retries', type: Number, useDefault: true }) endpointRetries: number = 2;
  /** Extra request headers for the endpoint (property only), e.g. a CSRF token. */
  @property({ attribute: false }) endpointHeaders: Record<string, string> = {};
  /** QR code target on the PDF certificate: a URL where `{id}` and `{code}` are replaced. */
  @property({ attribute: 'verification-url', useDefault: true }) verificationUrl: string = '';
  /**
   * The host's own certificate of the record, a URL where `{id}` is replaced by the record's UUID
   * (e.g. `/api/records/{id}/certificate.pdf`): "Unduh PDF" links there instead of making a PDF in
   * the page, so the signer sees one PDF button, not two.
   */
  @property({ attribute: 'certificate-url', useDefault: true }) certificateUrl: string = '';
  /** Form field name. */
  @property({ reflect: true, useDefault: true }) name: string = '';
  /** The form cannot submit until the pledge is signed. */
  @property({ type: Boolean, reflect: true }) required: boolean = false;
  /** Disables every control. */
  @property({ type: Boolean, reflect: true }) disabled: boolean = false;
}
