/**
 * RFC 8785 JSON Canonicalization Scheme behind checks that the value is I-JSON: finite numbers,
 * well-formed strings, plain objects and arrays only, no `__proto__` keys. Keys are sorted by UTF-16
 * code units and every primitive is written by `JSON.stringify` (ECMAScript's number and string
 * forms, which RFC 8785 §3.2.2 adopts), as the `canonicalize` package does; a property test holds
 * the two equal.
 *
 * @module
 * @example
 * ```ts
 * import { canonicalize } from '@ikrar/core';
 * canonicalize({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 * ```
 */
import { CanonicalizationError } from './errors.js';
import type { CanonicalizationReason } from './types.js';
import { utf8ToBytes } from './encoding.js';
import { isWellFormedString } from './internal/well-formed.js';

/** Path of the value being checked, built into a string only when a refusal needs it. */
const trail: (string | number)[] = [];

function refuse(reason: CanonicalizationReason, type?: string): never {
  let path = '$';
  for (const seg of trail) path += typeof seg === 'number' ? `[${seg}]` : `.${seg}`;
  trail.length = 0;
  throw new CanonicalizationError(reason, path, type === undefined ? undefined : { type });
}

/**
 * Checks that a value is I-JSON, and tells whether every object's keys are already in RFC 8785
 * order (UTF-16 code units, as the `canonicalize` package's `sort()` orders them).
 */
function check(value: unknown, depth: number): boolean {
  if (depth > 128) refuse('too-deep');
  switch (typeof value) {
    case 'string':
      if (!isWellFormedString(value)) refuse('lone-surrogate');
      return true;
    case 'number':
      // RFC 8785 §3.2.2.3: NaN and Infinity have no JSON form.
      if (!Number.isFinite(value)) refuse('non-finite-number');
      return true;
    case 'boolean':
      return true;
    case 'object': {
      if (value === null) return true;
      let sorted = true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          trail.push(i);
          if (!check(value[i], depth + 1)) sorted = false;
          trail.pop();
        }
        return sorted;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        refuse('not-plain-object');
      }
      let previous: string | undefined;
      for (const key of Object.keys(value)) {
        trail.push(key);
        if (key === '__proto__') refuse('proto-key');
        if (!isWellFormedString(key)) refuse('key-lone-surrogate');
        if (previous !== undefined && !(previous < key)) sorted = false;
        previous = key;
        if (!check((value as Record<string, unknown>)[key], depth + 1)) sorted = false;
        trail.pop();
      }
      return sorted;
    }
    default:
      refuse('no-json-form', typeof value);
  }
}

/**
 * Canonical JSON text of a value (RFC 8785).
 *
 * @param value - a JSON value (plain objects, arrays, strings, finite numbers, booleans, null)
 * @returns the canonical text
 * @throws {CanonicalizationError} `ERR_CANONICALIZATION_FAILED` for non-finite numbers, lone
 *   surrogates, `__proto__` keys, undefined, functions, class instances
 * @example
 * ```ts
 * canonicalize({ z: 1, a: 2 }); // '{"a":2,"z":1}'
 * ```
 */
export function canonicalize(value: unknown): string {
  trail.length = 0;
  // A checked value holds only plain objects, arrays, well-formed strings, finite numbers,
  // booleans and null, so JSON.stringify writes it canonically once its keys are in order. When
  // they already are, it is used as is; otherwise the text is built here, keys sorted (as fast as
  // JSON.stringify of a sorted copy, and right for array-index keys, which objects list first).
  const out = check(value, 0) ? JSON.stringify(value) : serialize(value);
  if (out === undefined) refuse('no-json-form');
  return out;
}

/** The canonical text of a checked value, keys sorted by UTF-16 code units. */
function serialize(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) s += (i > 0 ? ',' : '') + serialize(value[i]);
    return s + ']';
  }
  const src = value as Record<string, unknown>;
  const keys = Object.keys(src).sort();
  let s = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    s += (i > 0 ? ',' : '') + JSON.stringify(key) + ':' + serialize(src[key]);
  }
  return s + '}';
}

/**
 * Canonical JSON bytes (UTF-8) of a value, the input to hashing in eddsa-jcs-2022.
 *
 * @param value - a JSON value
 * @returns UTF-8 bytes of {@link canonicalize}
 * @throws {CanonicalizationError} as {@link canonicalize}
 * @example canonicalizeToBytes({ a: 1 })
 */
export function canonicalizeToBytes(value: unknown): Uint8Array {
  return utf8ToBytes(canonicalize(value));
}
