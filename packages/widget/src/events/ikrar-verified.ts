import type { Coverage, VerificationSummary } from '@ikrar/verifier';

/** `detail` of `ikrar-verified`: `summary` is shaped like `ikrar-verify --json`'s `summary`. */
export interface IkrarVerifiedDetail {
  /** `total`, `valid`, and a count per verdict. */
  readonly summary: VerificationSummary;
  /** Failures beyond those kept in the report. */
  readonly failuresOmitted: number;
  /** Against the roster, when one was given. */
  readonly coverage?: Coverage;
  /** Web Workers used (0: the page's own thread). */
  readonly workers: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ikrar-verified': CustomEvent<IkrarVerifiedDetail>;
  }
}
