/**
 * The drawing area: `signature_pad` on a canvas, with its strokes kept as data so that a resize or
 * a phone rotation (which clears a canvas) redraws them scaled to the new size, and so that undo
 * and the record digest work on exactly what was drawn.
 *
 * @module
 * @example
 * ```ts
 * const pad = new SignatureCanvas(canvas, saved, () => this.requestUpdate());
 * pad.resize();
 * ```
 */
import SignaturePad, { type PointGroup } from 'signature_pad';
import type { SavedDrawing } from './strokes.js';

/**
 * Scales stroke data from one drawing size to another.
 * @param groups - `signature_pad` data
 * @param from - size the points refer to
 * @param to - new size
 * @returns new data
 */
export function scaleGroups(
  groups: readonly PointGroup[],
  from: { width: number; height: number },
  to: { width: number; height: number },
): PointGroup[] {
  const sx = from.width > 0 ? to.width / from.width : 1;
  const sy = from.height > 0 ? to.height / from.height : 1;
  return groups.map((g) => ({ ...g, points: g.points.map((p) => ({ ...p, x: p.x * sx, y: p.y * sy })) }));
}

/**
 * A stroke as the signer saw it. signature_pad shows the first point of a stroke as a dot and draws
 * a curve only from the third point on, so a two-point stroke is shown as a dot while drawing, yet
 * `fromData` (undo, resize) would redraw it as a line: keep the dot that was shown.
 * @param group - one stroke from `toData()`
 * @returns the stroke as recorded
 */
export function asDrawn(group: PointGroup): PointGroup {
  return group.points.length === 2 ? { ...group, points: group.points.slice(0, 1) } : group;
}

/** A `signature_pad` that survives resizes. */
export class SignatureCanvas {
  readonly #canvas: HTMLCanvasElement;
  readonly #pad: SignaturePad;
  readonly #onChange: (saved: SavedDrawing, byUser: boolean) => void;
  #width = 0;
  #height = 0;
  #groups: PointGroup[] = [];

  /**
   * @param canvas - the canvas to draw on
   * @param saved - strokes to restore (from an earlier canvas), or null
   * @param onChange - called after every stroke, undo and clear (`byUser`), and after a resize rescaled the strokes
   * @param penColor - stroke colour
   */
  constructor(
    canvas: HTMLCanvasElement,
    saved: SavedDrawing | null,
    onChange: (saved: SavedDrawing, byUser: boolean) => void,
    penColor: string,
  ) {
    this.#canvas = canvas;
    this.#onChange = onChange;
    this.#pad = new SignaturePad(canvas, { penColor, minWidth: 0.8, maxWidth: 2.6, throttle: 0 });
    if (saved) {
      this.#groups = saved.groups;
      this.#width = saved.width;
      this.#height = saved.height;
    }
    this.#pad.addEventListener('endStroke', () => {
      this.#groups = this.#pad.toData().map(asDrawn);
      this.#emit(true);
    });
  }

  /** The canvas drawn on. */
  get canvas(): HTMLCanvasElement {
    return this.#canvas;
  }

  /** Size in CSS pixels that the stroke coordinates refer to. */
  get size(): { width: number; height: number } {
    return { width: this.#width, height: this.#height };
  }

  /** Number of strokes. */
  get strokeCount(): number {
    return this.#groups.length;
  }

  /**
   * Fits the canvas to its box (CSS size times devicePixelRatio) and redraws the strokes scaled.
   * Call on connect and whenever the box changes size.
   */
  resize(): void {
    const rect = this.#canvas.getBoundingClientRect();
    const width = Math.round(rect.width);
    const height = Math.round(rect.height);
    if (width === 0 || height === 0) return;
    const ratio = Math.max(globalThis.devicePixelRatio || 1, 1);
    if (width !== this.#width || height !== this.#height) {
      if (this.#width > 0 && this.#height > 0) {
        this.#groups = scaleGroups(this.#groups, { width: this.#width, height: this.#height }, { width, height });
      }
      const first = this.#width === 0;
      this.#width = width;
      this.#height = height;
      if (!first) queueMicrotask(() => this.#emit(false));
    }
    this.#canvas.width = width * ratio;
    this.#canvas.height = height * ratio;
    this.#canvas.getContext('2d')?.scale(ratio, ratio);
    this.#pad.clear();
    if (this.#groups.length > 0) this.#pad.fromData(this.#groups);
  }

  /** Removes the last stroke. */
  undo(): void {
    this.#groups = this.#groups.slice(0, -1);
    this.#pad.clear();
    if (this.#groups.length > 0) this.#pad.fromData(this.#groups);
    this.#emit(true);
  }

  /** Removes every stroke. */
  clear(): void {
    this.#groups = [];
    this.#pad.clear();
    this.#emit(true);
  }

  /** Stops listening to the canvas. */
  destroy(): void {
    this.#pad.off();
  }

  #emit(byUser: boolean): void {
    this.#onChange({ groups: this.#groups, width: this.#width, height: this.#height }, byUser);
  }
}
