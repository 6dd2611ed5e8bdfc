/**
 * What the element tells the page, as a Lit `ReactiveController`: its DOM events (`ikrar-ready`
 * once the configuration works, `ikrar-error` when it stops working or something fails,
 * `ikrar-change`, `ikrar-signed`) and the polite `aria-live` status line screen readers announce.
 * Every event bubbles and crosses the shadow boundary.
 *
 * @module
 * @example
 * ```ts
 * readonly #events = new EventsController(this, { configError, ready, lang });
 * this.#events.announce(t.signing);
 * ```
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { WidgetError } from '../../errors.js';
import type { IkrarChangeDetail } from '../../events/ikrar-change.js';
import type { IkrarErrorDetail } from '../../events/ikrar-error.js';
import type { IkrarReadyDetail } from '../../events/ikrar-ready.js';
import type { IkrarSignedDetail } from '../../events/ikrar-signed.js';
import type { UiLanguage } from '../types.js';

/** What the controller reads from its host after each update. */
export interface EventsOptions {
  /** Why the configuration cannot work, or `''`. */
  configError(): string;
  /** The detail of `ikrar-ready` (called only while the configuration works). */
  ready(): IkrarReadyDetail;
  /** The language messages are reported in. */
  lang(): UiLanguage;
}

/** Fires the element's events and keeps its status line. */
export class EventsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: EventsOptions;
  #readyFired = false;
  #configError = '';
  #status = '';

  /**
   * @param host - the element
   * @param options - its configuration check, ready detail and language
   */
  constructor(host: ReactiveControllerHost & HTMLElement, options: EventsOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The text of the `aria-live` status line. */
  get status(): string {
    return this.#status;
  }

  /**
   * Says something to screen readers (the status line).
   * @param text - the announcement, `''` to clear it
   */
  announce(text: string): void {
    this.#status = text;
    this.#host.requestUpdate();
  }

  /**
   * `ikrar-change`.
   * @param detail - step, field, whether the step is complete
   */
  change(detail: IkrarChangeDetail): void {
    this.#emit('ikrar-change', detail);
  }

  /**
   * `ikrar-signed`.
   * @param detail - the host's own copy of the record, its verification, the mode, the strokes
   */
  signed(detail: IkrarSignedDetail): void {
    this.#emit('ikrar-signed', detail);
  }

  /**
   * `ikrar-error`, with the message in the element's language.
   * @param error - what failed
   */
  error(error: WidgetError): void {
    this.#emit<IkrarErrorDetail>('ikrar-error', {
      code: error.code,
      message: error.messages[this.#options.lang()],
      messages: error.messages,
      retryable: error.retryable,
      ...(error.status !== undefined && { status: error.status }),
      ...(error.detail !== undefined && { detail: error.detail }),
    });
  }

  /**
   * After each update: a configuration that stopped working is reported once (`ERR_CONFIG_INVALID`);
   * the first time it works, `ikrar-ready`.
   */
  hostUpdated(): void {
    const config = this.#options.configError();
    if (config !== this.#configError) {
      this.#configError = config;
      if (config) this.error(new WidgetError('ERR_CONFIG_INVALID', { detail: config }));
    }
    if (!config && !this.#readyFired) {
      this.#readyFired = true;
      this.#emit('ikrar-ready', this.#options.ready());
    }
  }

  #emit<T>(type: string, detail: T): void {
    this.#host.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}
