/**
 * The strict JSON scanner behind `parseJson`: accepts exactly JSON (RFC 8259) that is I-JSON
 * (RFC 7493), with no `__proto__` key and bounded depth, and names the first problem and its
 * position. `parseJson` runs it only when its fast path declines.
 *
 * @module
 * @internal
 */
import { JsonInvalidError } from '../errors.js';
import type { JsonInvalidReason } from '../types.js';
import { isWellFormedString } from './well-formed.js';

export function fail(reason: JsonInvalidReason, position: number): never {
  throw new JsonInvalidError(reason, position);
}

/**
 * Validates the token stream without building values; iterative so depth cannot overflow the
 * stack. Throws the precise error, with its position.
 *
 * @param s - JSON text
 * @param maxDepth - deepest nesting accepted
 * @throws {JsonInvalidError} for any input {@link parseJson} refuses
 * @example scanJson('{"a":1,"a":2}', 64) // throws, reason 'duplicate-key'
 */
export function scanJson(s: string, maxDepth: number): void {
  const n = s.length;
  let i = 0;
  // Stack of key sets: null for arrays, a Set for objects.
  const stack: (Set<string> | null)[] = [];

  const ws = (): void => {
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };

  // Values are only checked; keys are also returned, for the duplicate and __proto__ checks.
  const readString = (wantValue: boolean): string => {
    const start = i;
    i++; // opening quote
    let escaped = false;
    let unicodeEscape = false;
    let surrogates = false;
    for (;;) {
      if (i >= n) fail('syntax', i);
      const c = s.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail('syntax', i);
      if (c === 0x5c) {
        escaped = true;
        const e = s.charCodeAt(i + 1);
        if (e === 0x75) {
          unicodeEscape = true;
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) fail('syntax', i);
          i += 6;
        } else if (
          e === 0x22 ||
          e === 0x5c ||
          e === 0x2f ||
          e === 0x62 ||
          e === 0x66 ||
          e === 0x6e ||
          e === 0x72 ||
          e === 0x74
        ) {
          i += 2;
        } else fail('syntax', i);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
      i++;
    }
    i++; // closing quote
    if (!escaped && !surrogates) return wantValue ? s.slice(start + 1, i - 1) : '';
    // Only a \u escape or a raw surrogate can make a lone surrogate.
    if (!wantValue && !surrogates && !unicodeEscape) return '';
    const value = JSON.parse(s.slice(start, i)) as string;
    if (!isWellFormedString(value)) fail('lone-surrogate', start);
    return value;
  };

  const readNumber = (): void => {
    const start = i;
    if (s.charCodeAt(i) === 0x2d) i++;
    if (s.charCodeAt(i) === 0x30) i++;
    else if (s.charCodeAt(i) >= 0x31 && s.charCodeAt(i) <= 0x39) {
      while (s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
    } else fail('syntax', i);
    if (s.charCodeAt(i) === 0x2e) {
      i++;
      if (!(s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39)) fail('syntax', i);
      while (s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
    }
    const e = s.charCodeAt(i);
    let exponent = false;
    if (e === 0x65 || e === 0x45) {
      exponent = true;
      i++;
      if (s.charCodeAt(i) === 0x2b || s.charCodeAt(i) === 0x2d) i++;
      if (!(s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39)) fail('syntax', i);
      while (s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
    }
    // An exponent, or 309 digits or more without one (1e308 is the largest double's magnitude).
    if ((exponent || i - start > 308) && !Number.isFinite(Number(s.slice(start, i)))) fail('non-finite-number', start);
  };

  const literal = (word: string): void => {
    if (s.startsWith(word, i)) i += word.length;
    else fail('syntax', i);
  };

  // Reads one value start; containers push onto the stack and return.
  const value = (): void => {
    ws();
    const c = s.charCodeAt(i);
    if (c === 0x7b) {
      if (stack.length >= maxDepth) fail('too-deep', i);
      i++;
      stack.push(new Set());
      ws();
      if (s.charCodeAt(i) === 0x7d) {
        i++;
        stack.pop();
        return;
      }
      key();
      return;
    }
    if (c === 0x5b) {
      if (stack.length >= maxDepth) fail('too-deep', i);
      i++;
      stack.push(null);
      ws();
      if (s.charCodeAt(i) === 0x5d) {
        i++;
        stack.pop();
        return;
      }
      pending = true;
      return;
    }
    if (c === 0x22) readString(false);
    else if (c === 0x74) literal('true');
    else if (c === 0x66) literal('false');
    else if (c === 0x6e) literal('null');
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) readNumber();
    else fail('syntax', i);
  };

  const key = (): void => {
    ws();
    if (s.charCodeAt(i) !== 0x22) fail('syntax', i);
    const at = i;
    const k = readString(true);
    if (k === '__proto__') fail('proto-key', at);
    const keys = stack[stack.length - 1] as Set<string>;
    if (keys.has(k)) fail('duplicate-key', at);
    keys.add(k);
    ws();
    if (s.charCodeAt(i) !== 0x3a) fail('syntax', i);
    i++;
    pending = true;
  };

  // `pending` means a value is expected next (after ':' or '[' or ',' in an array).
  let pending = true;
  for (;;) {
    if (pending) {
      pending = false;
      const depth = stack.length;
      value();
      if (stack.length > depth) continue; // entered a container
    }
    ws();
    if (stack.length === 0) break;
    const top = stack[stack.length - 1];
    const c = s.charCodeAt(i);
    if (c === 0x2c) {
      i++;
      if (top === null) pending = true;
      else key();
    } else if ((top === null && c === 0x5d) || (top !== null && c === 0x7d)) {
      i++;
      stack.pop();
    } else fail('syntax', i);
  }
  if (i !== n) fail('syntax', i);
}
