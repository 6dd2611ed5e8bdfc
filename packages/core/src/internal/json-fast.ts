/**
 * The fast path of `parseJson`: native `JSON.parse`, then a walk of the result, accepted only when
 * it provably matches what the strict scanner would accept. The text's keys are counted by
 * jumping from quote to quote (a string followed by `:` is a key in valid JSON); `JSON.parse`
 * keeps one of duplicate keys, so the parsed tree then holds fewer keys than the text. Nesting is
 * counted outside strings before parsing. Anything doubtful (a duplicate, a lone surrogate, a
 * `__proto__` key, a non-finite number, too deep, a syntax error) returns `undefined`, and the
 * strict scanner then names the problem and its position.
 *
 * @module
 * @internal
 */
import { isWellFormedString } from './well-formed.js';

let keysSeen = 0;

/** `true` when every string and key is well formed, no key is `__proto__` and numbers are finite. */
function walk(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      return isWellFormedString(value);
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!walk(value[i])) return false;
        return true;
      }
      // Own keys only: an inherited enumerable key (a polluted prototype) must not hide a duplicate.
      for (const key of Object.keys(value)) {
        keysSeen++;
        if (key === '__proto__' || !isWellFormedString(key)) return false;
        if (!walk((value as Record<string, unknown>)[key])) return false;
      }
      return true;
    }
    default:
      return true;
  }
}

/**
 * @param text - JSON text, already within the length limit
 * @param maxDepth - deepest nesting accepted
 * @returns `{ value }` when the text is accepted, `undefined` when the strict scanner must decide
 * @example parseJsonFast('{"a":1}', 64)?.value
 */
export function parseJsonFast(text: string, maxDepth: number): { value: unknown } | undefined {
  const n = text.length;
  let keys = 0;
  let depth = 0;
  let i = 0;
  for (;;) {
    const open = text.indexOf('"', i);
    const end = open < 0 ? n : open;
    for (let j = i; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x7b || c === 0x5b) {
        if (++depth > maxDepth) return undefined;
      } else if (c === 0x7d || c === 0x5d) depth--;
    }
    if (open < 0) break;
    let close = open + 1;
    for (;;) {
      close = text.indexOf('"', close);
      if (close < 0) return undefined;
      let b = close - 1;
      while (text.charCodeAt(b) === 0x5c) b--;
      if ((close - 1 - b) % 2 === 0) break; // not escaped: an even run of backslashes before it
      close++;
    }
    let m = close + 1;
    for (;;) {
      const c = text.charCodeAt(m);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) m++;
      else break;
    }
    if (text.charCodeAt(m) === 0x3a) keys++;
    i = close + 1;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
    keysSeen = 0;
    if (!walk(value)) return undefined;
  } catch {
    return undefined; // a syntax error, or a stack overflow under a huge maxDepth
  }
  return keysSeen === keys ? { value } : undefined;
}
