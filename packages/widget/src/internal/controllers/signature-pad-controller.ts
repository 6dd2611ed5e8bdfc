/**
 * The drawing area as a Lit `ReactiveController`: after each update it attaches `signature_pad`
 * (loaded on demand) to the canvas the signature step rendered, keeps it sized to its box, and lets
 * go of it when the canvas goes away or the element leaves the page.
 *
 * @module
 * @example
 * ```ts
 * readonly #pad = new SignaturePadController(this, {
 *   drawing: () => this.drawing,
 *   onDrawing: (saved, byUser) => { this.drawing = saved; },
 *   onUnavailable: () => { this.signatureType = 'typed'; },
 * });
 * ```
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadSignatureCanvas } from '../lazy.js';
import type { SignatureCanvas } from '../signature-canvas.js';
import type { SavedDrawing } from '../strokes.js';

/** What the controller asks its host. */
export interface SignaturePadOptions {
  /** The drawing to restore on a new canvas (from an earlier one), or null. */
  drawing(): SavedDrawing | null;
  /** After every stroke, undo and clear (`byUser`), and after a resize rescaled the strokes. */
  onDrawing(saved: SavedDrawing, byUser: boolean): void;
  /** The drawing code did not load: the host offers another way to sign. */
  onUnavailable(): void;
}

/** Attaches signature_pad to the host's `<canvas>`, whenever one is rendered. */
export class SignaturePadController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
  readonly #options: SignaturePadOptions;
  #pad: SignatureCanvas | null = null;
  #canvas: HTMLCanvasElement | null = null;
  #resizeObserver: ResizeObserver | null = null;

  /**
   * @param host - the element; its render root holds at most one canvas
   * @param options - the drawing and what to do when it changes
   */
  constructor(
    host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    options: SignaturePadOptions,
  ) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Removes the last stroke. */
  undo(): void {
    this.#pad?.undo();
  }

  /** Removes every stroke. */
  clear(): void {
    this.#pad?.clear();
  }

  hostUpdated(): void {
    const canvas = this.#host.renderRoot.querySelector('canvas');
    if (!canvas) {
      this.#teardown();
      return;
    }
    if (this.#canvas === canvas) return;
    this.#teardown();
    this.#canvas = canvas;
    loadSignatureCanvas().then(
      ({ SignatureCanvas }) => {
        if (this.#canvas !== canvas || !canvas.isConnected) return;
        const color = getComputedStyle(this.#host).getPropertyValue('--ikrar-color-text').trim() || '#1b1f24';
        this.#pad = new SignatureCanvas(canvas, this.#options.drawing(), this.#options.onDrawing, color);
        this.#pad.resize();
        this.#resizeObserver = new ResizeObserver(() => this.#pad?.resize());
        this.#resizeObserver.observe(canvas);
        canvas.toggleAttribute('data-ready', true);
      },
      () => {
        this.#canvas = null;
        this.#options.onUnavailable();
      },
    );
  }

  hostDisconnected(): void {
    this.#teardown();
  }

  #teardown(): void {
    this.#canvas = null;
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    this.#pad?.destroy();
    this.#pad = null;
  }
}
