/**
 * RFC 8785 JSON Canonicalization Scheme, through the `canonicalize` package, behind checks that
 * the value is I-JSON: finite numbers, well-formed strings, plain objects and arrays only, no
 * `__proto__` keys.
 *
 * @module
 * @example
 * ```ts
 * import { canonicalize } from '@ikrar/core';
 * canonicalize({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 * ```
 */
import jcs from 'canonicalize';
import { CanonicalizationError } from './errors.js';
import { utf8ToBytes } from './encoding.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function refuse(path: string, en: string, id: string): never {
  throw new CanonicalizationError({ id: `${id} (${path})`, en: `${en} (${path})` });
}

function check(value: unknown, path: string, depth: number): void {
  if (depth > 128) refuse(path, 'Value nested too deeply', 'Nilai bersarang terlalu dalam');
  switch (typeof value) {
    case 'string':
      if (LONE_SURROGATE.test(value)) refuse(path, 'String has a lone surrogate', 'String berisi surrogate tunggal');
      return;
    case 'number':
      // RFC 8785 §3.2.2.3: NaN and Infinity have no JSON form.
      if (!Number.isFinite(value)) refuse(path, 'Number is not finite', 'Angka tidak terhingga');
      return;
    case 'boolean':
      return;
    case 'object':
      if (value === null) return;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) check(value[i], `${path}[${i}]`, depth + 1);
        return;
      }
      {
        const proto = Object.getPrototypeOf(value) as unknown;
        if (proto !== Object.prototype && proto !== null) {
          refuse(path, 'Only plain objects can be canonicalized', 'Hanya objek biasa yang dapat dikanonikalisasi');
        }
      }
      for (const key of Object.keys(value)) {
        if (key === '__proto__') refuse(path, 'Key "__proto__" is not allowed', 'Kunci "__proto__" tidak diizinkan');
        if (LONE_SURROGATE.test(key)) refuse(path, 'Key has a lone surrogate', 'Kunci berisi surrogate tunggal');
        check((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
      }
      return;
    default:
      refuse(path, `Type ${typeof value} has no JSON form`, `Tipe ${typeof value} tidak punya bentuk JSON`);
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
  check(value, '$', 0);
  const out = jcs(value);
  if (out === undefined) refuse('$', 'Value has no JSON form', 'Nilai tidak punya bentuk JSON');
  return out;
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
