/**
 * The pledge-text digest of a record, hashed once per distinct text in a batch: texts already
 * hashed are remembered by their digest and recognised by comparing values.
 *
 * @module
 * @internal
 */
import type { VerifyCache } from '../verify-cache.js';
import type { CryptoProvider } from '../types.js';
import { sha256DigestMultibase } from './multihash.js';

// Every record of one template and event carries the same pledge text. Texts already hashed are
// remembered, in the caller's cache, by the hash function and the digest; a record's text that
// equals one of them, value for value, has that digest (equal JSON values have one canonical
// form), so a batch hashes each text once and compares the rest with a walk. No module state: a
// caller's wrong `sha256` stays in that caller's cache, under that function.

/** Equal JSON values: same types, same keys in any order, plain objects and arrays only. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    if (a.length !== (b as unknown[]).length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], (b as unknown[])[i])) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(b) as unknown; // a class instance is never equal JSON
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    if (!Object.hasOwn(b, k) || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false;
  }
  return true;
}

/** The texts `sha256` hashed before, in the caller's cache (keyed by both: the value depends on both). */
function textsHashedBy(
  cache: VerifyCache | undefined,
  sha256: CryptoProvider['sha256'],
): Map<string, Record<string, unknown>> | undefined {
  if (!cache) return undefined;
  let known = cache.texts.get(sha256);
  if (!known) cache.texts.set(sha256, (known = new Map()));
  return known;
}

/**
 * Whether a pledge equal to `pledge`, value for value, claiming `claimed` was hashed by `sha256`
 * before (in the caller's cache): then its digest is `claimed` (a text is remembered with its true
 * digest as its digestMultibase). A pledge found so is the cache's `matched`, the text it equals
 * its `matchedText`, until the next one is found.
 * @param cache - the caller's cache
 * @param sha256 - the hash function
 * @param pledge - the record's pledge
 * @param claimed - its `digestMultibase`
 */
export function isKnownPledge(
  cache: VerifyCache | undefined,
  sha256: CryptoProvider['sha256'],
  pledge: Record<string, unknown>,
  claimed: string,
): boolean {
  const seen = textsHashedBy(cache, sha256)?.get(claimed);
  if (seen === undefined || !sameJson(seen, pledge)) return false;
  // For checkPledgeText on the same cache: this pledge equals that text, value for value.
  (cache as VerifyCache).matched = pledge;
  (cache as VerifyCache).matchedText = seen;
  return true;
}

/**
 * Remembers a pledge's text with its true digest (a shallow copy: the record's pledge is left as
 * it is), under `sha256` in the caller's cache, and gives that digest.
 * @param cache - the caller's cache
 * @param sha256 - the hash function
 * @param pledge - the record's pledge
 * @param digest - SHA-256 of the pledge's canonical text (the pledge without its `digestMultibase`)
 * @returns the digest as `digestMultibase`
 */
export function rememberPledge(
  cache: VerifyCache | undefined,
  sha256: CryptoProvider['sha256'],
  pledge: Record<string, unknown>,
  digest: Uint8Array,
): string {
  const actual = sha256DigestMultibase(digest);
  const known = textsHashedBy(cache, sha256);
  if (known) {
    if (known.size > 1_000) known.clear();
    known.set(actual, { ...pledge, digestMultibase: actual });
  }
  return actual;
}

// Creating: every credential of one template, language, agency and event carries the same pledge
// text, so its digest is remembered per SHA-256 function and reused for a text equal value for
// value (a copy is kept: the caller may change the credential it got afterwards).
const MADE = new WeakMap<object, Map<string, { body: unknown; digest: string }>>();
const DEFAULT_HASH = {};

/** Where the digest of a pledge text being created is remembered: per SHA-256 function. */
function madeBy(hash: object | undefined): Map<string, { body: unknown; digest: string }> {
  const by = hash ?? DEFAULT_HASH;
  let known = MADE.get(by);
  if (!known) MADE.set(by, (known = new Map()));
  return known;
}

function madeKey(body: object): string {
  const b = body as Record<string, unknown>;
  return [b.templateId, b.templateVersion, b.language, b.title, b.preamble].join('\u0000');
}

/**
 * The digest of a pledge text being created, when an equal one was hashed by the same function.
 * @param body - the pledge text without its digest
 * @param hash - the SHA-256 function (undefined: the default)
 */
export function knownPledgeDigest(body: object, hash: object | undefined): string | undefined {
  const hit = madeBy(hash).get(madeKey(body));
  return hit !== undefined && sameJson(hit.body, body) ? hit.digest : undefined;
}

/**
 * Remembers the digest of a pledge text (a copy: the caller may change the credential it got).
 * @returns `digest`
 */
export function rememberPledgeDigest(body: object, hash: object | undefined, digest: string): string {
  const known = madeBy(hash);
  if (known.size >= 256) known.clear();
  known.set(madeKey(body), { body: structuredClone(body), digest });
  return digest;
}
