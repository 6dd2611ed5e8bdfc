/**
 * `ikrar-change`: the signer changed something (a point acknowledged, a field, the signature) or
 * moved to another step.
 *
 * @module
 * @example
 * ```ts
 * el.addEventListener('ikrar-change', (e) => console.log(e.detail.step, e.detail.field));
 * ```
 */
import type { StepName } from '../internal/types.js';

/** Detail of `ikrar-change`. */
export interface IkrarChangeDetail {
  /** The step now shown. */
  readonly step: StepName;
  /** What changed: `point-N`, `name`, `employeeType`, `identifier`, `position`, `workUnit`, `signature`, `step`. */
  readonly field: string;
  /** Whether the current step is complete, so the signer may go on. */
  readonly stepComplete: boolean;
}

/** Fired on every change made by the signer. Not cancelable. */
export type IkrarChangeEvent = CustomEvent<IkrarChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ikrar-change': IkrarChangeEvent;
  }
}
