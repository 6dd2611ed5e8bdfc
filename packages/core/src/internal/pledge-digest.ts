/**
 * The pledge-text digest of a record, hashed once per distinct text in a batch: texts already
 * hashed are remembered by their digest and recognised by comparing values.
 *
 * @module
 * @internal
 */
import { isPlainObject } from './assert.js';
import type { VerifyCache } from '../verify-cache.js';
import type { VerifyEngine } from './verification-types.js';

// Every record of one template and event carries the same pledge text. Texts already hashed are
// remembered, in the caller's cache, by the hash function and the digest; a record's text that
// equals one of them, value for value, has that digest (equal JSON values have one canonical
// form), so a batch hashes each text once and compares the rest with a walk. No module state: a
// caller's wrong `sha256` stays in that caller's cache, under that function.
function remember(
  known: Map<string, Record<string, unknown>> | undefined,
  digest: string,
  body: Record<string, unknown>,
): string {
  if (known) {
    if (known.size > 1_000) known.clear();
    known.set(digest, body);
  }
  return digest;
}

/** Equal JSON values: same types, same keys in any order, plain objects and arrays only. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const proto = Object.getPrototypeOf(b) as unknown; // a class instance is never equal JSON
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (!Object.hasOwn(b, k) || !sameJson(a[k], b[k])) return false;
  return true;
}

/** Synchronous with a synchronous engine (no await on the verifier's hot path). */
export function pledgeDigest<H>(
  body: Record<string, unknown>,
  claimed: string,
  engine: VerifyEngine<H>,
  hash: H | undefined,
  cache: VerifyCache | undefined,
): string | undefined | Promise<string | undefined> {
  // The value depends on the text and the hash function: key by both (the engine stands for its default).
  const by = (hash ?? engine) as object;
  let known = cache?.texts.get(by);
  if (cache && !known) cache.texts.set(by, (known = new Map()));
  const seen = known?.get(claimed);
  if (seen !== undefined && sameJson(seen, body)) return claimed;
  let digest: string | Promise<string>;
  try {
    digest = engine.digestJson(body, hash);
  } catch {
    return undefined;
  }
  if (typeof digest === 'string') return remember(known, digest, body);
  return digest.then(
    (d) => remember(known, d, body),
    () => undefined,
  );
}

// Creating: every credential of one template, language, agency and event carries the same pledge
// text, so its digest is remembered per SHA-256 function and reused for a text equal value for
// value (a copy is kept: the caller may change the credential it got afterwards).
const MADE = new WeakMap<object, Map<string, { body: unknown; digest: string }>>();
const DEFAULT_HASH = {};

/**
 * The digest of a pledge text being created: remembered, or `compute()`d and remembered.
 * @param body - the pledge text without its digest
 * @param hash - the SHA-256 function `compute` uses (undefined: the default)
 * @param compute - hashes `body`
 */
export function createdPledgeDigest(
  body: Record<string, unknown>,
  hash: object | undefined,
  compute: () => string,
): string {
  let known = MADE.get(hash ?? DEFAULT_HASH);
  if (!known) MADE.set(hash ?? DEFAULT_HASH, (known = new Map()));
  const key = [body.templateId, body.templateVersion, body.language, body.title, body.preamble].join('\u0000');
  const hit = known.get(key);
  if (hit !== undefined && sameJson(hit.body, body)) return hit.digest;
  const digest = compute();
  if (known.size >= 256) known.clear();
  known.set(key, { body: structuredClone(body), digest });
  return digest;
}
