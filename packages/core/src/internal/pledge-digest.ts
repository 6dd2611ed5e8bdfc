/**
 * The pledge-text digest of a record, hashed once per distinct text in a batch: texts already
 * hashed are remembered by their digest and recognised by comparing values.
 *
 * @module
 * @internal
 */
import { isPlainObject } from './assert.js';
import type { VerifyCache } from '../verify-cache.js';
import { canonicalizeToBytes } from '../canonicalize.js';
import type { CryptoProvider } from '../types.js';
import { sha256DigestMultibase } from './multihash.js';

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

/**
 * The digest of a record's pledge text (the pledge without its `digestMultibase`) under
 * `sha256`: the claimed one when an equal pledge claiming it was hashed by this function before
 * (in the caller's cache), else hashed now; `undefined` when the text cannot be canonicalized. A
 * step of the verification walk (`verify-record.ts`): it yields what `sha256` returns and is
 * resumed with the digest.
 */
export function* pledgeDigest(
  pledge: Record<string, unknown>,
  claimed: string,
  sha256: CryptoProvider['sha256'],
  cache: VerifyCache | undefined,
): Generator<unknown, string | undefined, unknown> {
  // The value depends on the text and the hash function: key by both. A text is remembered with
  // its true digest as its digestMultibase, so an equal pledge claims that digest and has that text.
  let known = cache?.texts.get(sha256);
  if (cache && !known) cache.texts.set(sha256, (known = new Map()));
  const seen = known?.get(claimed);
  if (seen !== undefined && sameJson(seen, pledge)) return claimed;
  const { digestMultibase: _claimed, ...body } = pledge;
  void _claimed;
  let bytes: Uint8Array;
  try {
    bytes = canonicalizeToBytes(body);
  } catch {
    return undefined;
  }
  let digest: Uint8Array;
  try {
    digest = (yield sha256(bytes)) as Uint8Array;
  } catch {
    return undefined;
  }
  const actual = sha256DigestMultibase(digest);
  return remember(known, actual, { ...body, digestMultibase: actual });
}

// Creating: every credential of one template, language, agency and event carries the same pledge
// text, so its digest is remembered per SHA-256 function and reused for a text equal value for
// value (a copy is kept: the caller may change the credential it got afterwards).
const MADE = new WeakMap<object, Map<string, { body: unknown; digest: string }>>();
const DEFAULT_HASH = {};

/** Where the digest of a pledge text being created is remembered: per SHA-256 function. */
function madeBy(hash: object | undefined): Map<string, { body: unknown; digest: string }> {
  let known = MADE.get(hash ?? DEFAULT_HASH);
  if (!known) MADE.set(hash ?? DEFAULT_HASH, (known = new Map()));
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
