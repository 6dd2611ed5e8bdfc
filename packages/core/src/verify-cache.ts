/**
 * A cache for a batch of verifications, owned by the caller: pledge texts already hashed,
 * `did:key` keys already decoded, template texts already filled in and pledge texts already
 * compared with their template. Nothing is remembered between calls unless the caller passes
 * one cache to them, and a remembered text is keyed by the SHA-256 function that hashed it, so a
 * caller with a wrong `sha256` can never change what another verifier (or the same cache used
 * with another hash) says.
 *
 * @module
 * @example
 * ```ts
 * import { createVerifyCache, verifyPledge } from '@ikrar/core';
 * const cache = createVerifyCache();
 * for (const record of records) await verifyPledge(record, { cache });
 * ```
 */

/** A template's text with `{agency}` and `{event}` filled in. */
export interface FilledText {
  readonly title: string;
  readonly preamble: string;
  readonly closing: string;
  readonly points: readonly string[];
}

/**
 * Opaque: pass it to `verifyPledge` / `checkPledgeText` as `cache`.
 * Bounded in size.
 */
export interface VerifyCache {
  /** @internal texts by hash function, then by digest */
  readonly texts: WeakMap<object, Map<string, Record<string, unknown>>>;
  /** @internal did:key bytes (or null for a bad key) by verification method */
  readonly keys: Map<string, Uint8Array | null>;
  /** @internal filled texts of frozen templates, by template, then by language, agency and event */
  readonly filled: WeakMap<object, Map<string, FilledText>>;
  /** @internal the last few filled texts found, with what each was filled from (a batch asks for a few, again and again) */
  readonly recentFilled: RecentFilled[];
  /**
   * @internal the pledge object a verification last found equal, value for value, to a text hashed
   * before (`matchedText`, a remembered text of `texts`): `checkPledgeText` then judges that text
   */
  matched?: object | undefined;
  /** @internal see `matched` */
  matchedText?: object | undefined;
  /** @internal verdicts of `checkPledgeText` on remembered texts (`matchedText`), by text, then by template, language, agency and event */
  readonly checked?: WeakMap<object, TextVerdict[]>;
}

/** @internal A verdict of `checkPledgeText` on a remembered text, and what else it depends on. */
interface TextVerdict {
  readonly template: object;
  readonly lang: string;
  readonly agency: string;
  readonly event: string;
  readonly status: 'matches' | 'altered';
  readonly differences: readonly string[];
}

/** @internal A filled text a cache gave, and the frozen template, language, agency and event of it. */
interface RecentFilled {
  readonly template: object;
  readonly lang: string;
  readonly agency: string;
  readonly event: string;
  readonly text: FilledText;
}

/**
 * A new, empty verification cache. Use one per batch, verifier or trust decision; it holds no
 * secret and may be shared by concurrent verifications.
 *
 * @returns the cache
 * @example const cache = createVerifyCache();
 */
export function createVerifyCache(): VerifyCache {
  return {
    texts: new WeakMap(),
    keys: new Map(),
    filled: new WeakMap(),
    recentFilled: [],
    matched: undefined,
    matchedText: undefined,
    checked: new WeakMap(),
  };
}
