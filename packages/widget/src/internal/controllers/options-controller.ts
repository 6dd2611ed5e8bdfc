/**
 * The host's options as the element uses them, as a Lit `ReactiveController`: the template and its
 * text in the pledge's language, the locked fields, the signature types in the order offered, the
 * employee types, the signing mode in effect, and why the configuration cannot work. It also
 * notices whether a pointer was used in the element, which decides whether typed comes first.
 *
 * @module
 * @example
 * ```ts
 * readonly #options = new OptionsController(this, this.#localize);
 * if (this.#options.configError()) return;
 * ```
 */
import type { SignedPledge } from '@ikrar/core';
import { getTemplate, type EmployeeType, type PledgeTemplate, type TemplateText } from '@ikrar/core/form';
import type { ReactiveController } from 'lit';
import type { IkrarNetralitasProperties } from '../../components/ikrar-netralitas/ikrar-netralitas.properties.js';
import { parseLock, parseSignatureTypes } from '../options.js';
import type { IdentityField, SignatureType, SigningMode, UiLanguage } from '../types.js';
import { checkConfig } from '../validate.js';

/** Reads the element's options; nothing here changes them. */
export class OptionsController implements ReactiveController {
  readonly #host: IkrarNetralitasProperties;
  readonly #lang: () => UiLanguage;
  /** A pointer (mouse, pen, finger) was used in the element; a keyboard-only signer never sets it. */
  #pointerSeen = false;
  #onPointer = (): void => {
    this.#pointerSeen = true;
  };

  /**
   * @param host - the element
   * @param lang - its UI language
   */
  constructor(host: IkrarNetralitasProperties, lang: () => UiLanguage) {
    this.#host = host;
    this.#lang = lang;
    host.addController(this);
  }

  /** The signing mode in effect: `endpoint` when an endpoint is set, else `browser-key`, unless the host chose. */
  get mode(): SigningMode {
    return this.#host.signingMode || (this.#host.endpoint ? 'endpoint' : 'browser-key');
  }

  /** The template, or null when the host named none that exists. */
  get template(): PledgeTemplate | null {
    const h = this.#host;
    try {
      return typeof h.template === 'string' ? getTemplate(h.template, h.templateVersion || undefined) : h.template;
    } catch {
      return null;
    }
  }

  /** The language of the pledge text: the UI language when the template has it, else Indonesian. */
  get pledgeLanguage(): UiLanguage {
    const tpl = this.template;
    return tpl && this.#lang() === 'en' && tpl.texts.en ? 'en' : 'id';
  }

  /** The template's text in {@link pledgeLanguage}. */
  get text(): TemplateText | null {
    const tpl = this.template;
    return tpl ? (tpl.texts[this.pledgeLanguage] ?? tpl.texts.id) : null;
  }

  /** How many points the signer acknowledges. */
  get pointCount(): number {
    return this.text?.points.length ?? 0;
  }

  /** The prefilled fields the signer cannot change. */
  get lockedFields(): ReadonlySet<IdentityField> {
    return parseLock(this.#host.lock, this.#host.prefill);
  }

  /** The allowed signature types, typed first for a signer without a pointer (see {@link preferTyped}). */
  get allowedTypes(): readonly SignatureType[] {
    const types = parseSignatureTypes(this.#host.signatureTypes);
    return types.includes('typed') && this.preferTyped() ? ['typed', ...types.filter((t) => t !== 'typed')] : types;
  }

  /** The employee types the template is for. */
  get employeeTypes(): readonly EmployeeType[] {
    return this.template?.appliesTo ?? ['PNS', 'PPPK', 'PPNPN'];
  }

  /**
   * Typed comes first when nothing suggests the signer can draw: no pointer (mouse, pen, finger) used
   * in the element so far, which covers a keyboard-only signer and a device with `pointer: none`
   * (headless and some kiosks report `pointer: none` yet click, so the media query alone misleads),
   * or `prefers-reduced-motion: reduce`.
   * @returns whether typed is offered first
   */
  preferTyped(): boolean {
    return !this.#pointerSeen || (globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false);
  }

  /** @returns why the configuration cannot work (for the developer, English), or `''` */
  configError(): string {
    const h = this.#host;
    return checkConfig({
      template: this.template,
      templateName: String(h.template),
      agency: h.agency,
      eventName: h.eventName,
      eventDate: h.eventDate,
      timeZone: h.timeZone,
      mode: this.mode,
      endpoint: h.endpoint,
      issuer: h.issuer,
    });
  }

  /**
   * The host's own certificate of a record (`certificate-url` with `{id}` replaced), or `''`.
   * @param record - the signed record, or null
   * @returns the URL
   */
  certificateHref(record: SignedPledge | null): string {
    const url = this.#host.certificateUrl;
    return url && record ? url.replaceAll('{id}', encodeURIComponent(record.id.replace(/^urn:uuid:/, ''))) : '';
  }

  hostConnected(): void {
    this.#host.addEventListener('pointerdown', this.#onPointer, { capture: true, passive: true });
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('pointerdown', this.#onPointer, { capture: true });
  }
}
