/**
 * Strict JSON parsing for records that will be hashed and signed. `JSON.parse` silently keeps the
 * last of duplicate keys, accepts lone surrogates and lets `__proto__` through; each of these lets
 * two readers see different documents behind one signature, so all are refused here
 * (RFC 8785 §3.1 requires I-JSON, RFC 7493).
 *
 * @module
 * @example
 * ```ts
 * import { parseJson } from '@ikrar/core';
 * parseJson('{"a":1,"a":2}'); // throws JsonInvalidError, reason 'duplicate-key'
 * ```
 */
import { assertString } from './internal/assert.js';
import { parseJsonFast } from './internal/json-fast.js';
import { fail, scanJson } from './internal/json-scan.js';

/** Limits for {@link parseJson}. */
export interface ParseJsonOptions {
  /** Deepest nesting of arrays and objects accepted. Default 64. */
  maxDepth?: number;
  /** Longest input accepted, in UTF-16 code units. Default 16 MiB. */
  maxLength?: number;
}

/**
 * Parses JSON text strictly: I-JSON (no duplicate keys, no lone surrogates, finite numbers), no
 * `__proto__` keys, bounded depth and size.
 *
 * @param text - the JSON text
 * @param options - limits
 * @returns the parsed value
 * @throws {JsonInvalidError} with `reason` `syntax`, `duplicate-key`, `lone-surrogate`, `proto-key`,
 *   `too-deep`, `too-large` or `non-finite-number`
 * @throws TypeError when `text` is not a string
 * @example
 * ```ts
 * const record = parseJson(line);
 * ```
 */
export function parseJson(text: string, options: ParseJsonOptions = {}): unknown {
  assertString(text, 'text');
  const maxDepth = options.maxDepth ?? 64;
  const maxLength = options.maxLength ?? 16 * 1024 * 1024;
  if (text.length > maxLength) fail('too-large', text.length);
  const fast = parseJsonFast(text, maxDepth);
  if (fast) return fast.value;
  scanJson(text, maxDepth);
  try {
    return JSON.parse(text);
  } catch {
    // The scanner accepts only what JSON.parse accepts; this is a safety net.
    return fail('syntax', 0);
  }
}
