/**
 * Whether a string has no lone UTF-16 surrogate: `String.prototype.isWellFormed` where the engine
 * has it (Node 20, current browsers), else a regular expression.
 *
 * @module
 * @internal
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const nativeWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

/**
 * @param s - any string
 * @returns `false` when `s` holds a lone surrogate
 * @example isWellFormedString('\uD800') // false
 */
export const isWellFormedString: (s: string) => boolean = nativeWellFormed
  ? (s) => (nativeWellFormed as (this: string) => boolean).call(s)
  : (s) => !LONE_SURROGATE.test(s);
