/**
 * Compares the text a record says was pledged with the template it names: an auditor wants to know
 * that people pledged the official wording, not an edited one.
 *
 * @module
 * @example
 * ```ts
 * import { checkPledgeText } from '@ikrar/core';
 * checkPledgeText(record).status; // 'matches' | 'unknown-template' | 'altered'
 * ```
 */
import { fillPlaceholders, type PledgeTemplate } from './templates/define-template.js';
import { COLLECTIVE_TEMPLATES } from './templates/pakta-integritas.js';
import { BUILTIN_TEMPLATES } from './templates/registry.js';
import { isPlainObject } from './internal/assert.js';
import type { FilledText, VerifyCache } from './verify-cache.js';

type RecentFilled = VerifyCache['recentFilled'][number];
type TextVerdict = NonNullable<ReturnType<NonNullable<VerifyCache['checked']>['get']>>[number];

/** Result of {@link checkPledgeText}. */
export interface PledgeTextCheck {
  /** `matches`: the exact template text; `unknown-template`: id/version/language not known; `altered`: differs. */
  readonly status: 'matches' | 'unknown-template' | 'altered';
  /** For `altered`: which fields differ, e.g. `points[2]`. */
  readonly differences: readonly string[];
}

function fillText(template: PledgeTemplate, lang: 'id' | 'en', agency: string, event: string): FilledText {
  const text = template.texts[lang] as NonNullable<PledgeTemplate['texts'][typeof lang]>;
  const fill = (t: string): string => fillPlaceholders(t, { agency, event });
  return {
    title: fill(text.title),
    preamble: fill(text.preamble),
    closing: fill(text.closing),
    points: text.points.map(fill),
  };
}

/** How many filled texts a cache looks at before it builds a key (a batch mixes a few templates). */
const RECENT = 4;

// A batch holds few agencies and events: with a caller's cache the filled text is built once per
// combination. Only a frozen template (every built-in one, every `defineTemplate` result) is
// remembered, by identity: its text cannot change under the cache, so identity, language, agency
// and event are everything the value depends on.
function filledText(
  template: PledgeTemplate,
  lang: 'id' | 'en',
  agency: string,
  event: string,
  cache: VerifyCache | undefined,
): FilledText {
  const text = template.texts[lang];
  if (!cache || !Object.isFrozen(template) || !Object.isFrozen(text) || !Object.isFrozen(text?.points)) {
    return fillText(template, lang, agency, event);
  }
  // One of the last few texts found, when it was filled from this very template, language,
  // agency and event: no key to build and hash.
  const recent = cache.recentFilled as RecentFilled[] | undefined; // absent from a cache made by hand
  if (recent) {
    for (let i = 0; i < recent.length; i++) {
      const r = recent[i] as RecentFilled;
      if (r.template === template && r.lang === lang && r.agency === agency && r.event === event) return r.text;
    }
  }
  let byKey = cache.filled.get(template);
  if (!byKey) cache.filled.set(template, (byKey = new Map()));
  // Unambiguous, whatever the names hold: the language has two letters and the agency's length says where it ends.
  const key = `${lang}${agency.length}:${agency}${event}`;
  let hit = byKey.get(key);
  if (!hit) {
    hit = fillText(template, lang, agency, event);
    if (byKey.size >= 256) byKey.clear();
    byKey.set(key, hit);
  }
  if (recent) {
    if (recent.length >= RECENT) recent.pop();
    recent.unshift({ template, lang, agency, event, text: hit });
  }
  return hit;
}

/** The fields compared as they stand. */
const FIELDS = ['title', 'preamble', 'closing'] as const;

/** A new result each time: the caller owns what it gets. */
function unknownTemplate(): PledgeTextCheck {
  return { status: 'unknown-template', differences: [] };
}

/** Options of {@link checkPledgeText}. */
export interface CheckPledgeTextOptions {
  /** A cache the caller owns (see `createVerifyCache`): filled template texts are remembered there. */
  readonly cache?: VerifyCache;
}

/**
 * Checks a record's pledge text against its template (built in, or among `templates`), with
 * `{agency}` = issuer name and `{event}` = event name.
 *
 * @param record - a parsed record
 * @param templates - the agency's own templates
 * @param options - `cache`, for a batch
 * @returns status and differences; never throws
 * @example checkPledgeText(record, [myTemplate], { cache })
 */
export function checkPledgeText(
  record: unknown,
  templates: readonly PledgeTemplate[] = [],
  options: CheckPledgeTextOptions = {},
): PledgeTextCheck {
  if (!isPlainObject(record) || !isPlainObject(record.credentialSubject)) return unknownTemplate();
  const s = record.credentialSubject;
  const pledge = s.pledge;
  if (!isPlainObject(pledge) || typeof pledge.templateId !== 'string' || typeof pledge.templateVersion !== 'string') {
    return unknownTemplate();
  }
  const template = templateOf(pledge.templateId, pledge.templateVersion, templates);
  const lang = pledge.language;
  if (!template || (lang !== 'id' && lang !== 'en')) return unknownTemplate();
  const text = template.texts[lang];
  if (!text) return unknownTemplate();
  const issuer = record.issuer;
  const agency = isPlainObject(issuer) && typeof issuer.name === 'string' ? issuer.name : '';
  const event = isPlainObject(s.event) && typeof s.event.name === 'string' ? s.event.name : '';
  const cache = options.cache;
  // A pledge the verification on this cache found equal to a remembered text (cache.matched) is
  // judged as that text, whose verdicts are remembered with it: a verdict depends on nothing else
  // than the frozen template (by identity: a template frozen when its verdict was remembered
  // still is), the language, the agency and the event. The text is judged, not the record's
  // pledge, so a verdict remembered is always that text's.
  const seen = cache?.matched === pledge ? (cache.matchedText as Record<string, unknown>) : undefined;
  const verdicts = seen && cache?.checked ? rememberedVerdicts(cache.checked, seen) : undefined;
  if (verdicts) {
    for (let i = 0; i < verdicts.length; i++) {
      const v = verdicts[i] as TextVerdict;
      if (v.template === template && v.lang === lang && v.agency === agency && v.event === event) {
        return { status: v.status, differences: [...v.differences] };
      }
    }
  }
  const check = compareText(seen ?? pledge, template, text, filledText(template, lang, agency, event, cache));
  if (verdicts && isFrozenText(template, text)) {
    if (verdicts.length >= RECENT) verdicts.pop();
    const status = check.status as TextVerdict['status'];
    verdicts.unshift({ template, lang, agency, event, status, differences: [...check.differences] });
  }
  return check;
}

/**
 * @internal `findTemplate(id, version, [...templates, ...COLLECTIVE_TEMPLATES])` with its version
 * given: every match has that version, so the first of them (the sort is stable), found without
 * building a list per record.
 */
export function templateOf(
  id: string,
  version: string,
  templates: readonly PledgeTemplate[],
): PledgeTemplate | undefined {
  for (const list of [templates, COLLECTIVE_TEMPLATES, BUILTIN_TEMPLATES]) {
    for (let i = 0; i < list.length; i++) {
      const t = list[i] as PledgeTemplate;
      if (t.id === id && t.version === version) return t;
    }
  }
  return undefined;
}

/** The verdicts remembered for a text. */
function rememberedVerdicts(checked: WeakMap<object, TextVerdict[]>, text: object): TextVerdict[] {
  let verdicts = checked.get(text);
  if (!verdicts) checked.set(text, (verdicts = []));
  return verdicts;
}

/** A template whose text for a language cannot change: a verdict on it may be remembered (`defineTemplate` freezes). */
function isFrozenText(template: PledgeTemplate, text: object): boolean {
  const t = text as PledgeTemplate['texts']['id'];
  return Object.isFrozen(template) && Object.isFrozen(t) && Object.isFrozen(t.points) && Object.isFrozen(t.legalBasis);
}

/** A pledge's text compared with its template's, filled for the agency and event. */
function compareText(
  pledge: Record<string, unknown>,
  template: PledgeTemplate,
  text: NonNullable<PledgeTemplate['texts']['id']>,
  expected: FilledText,
): PledgeTextCheck {
  const differences: string[] = [];
  for (const field of FIELDS) {
    if (pledge[field] !== expected[field]) differences.push(field);
  }
  if (pledge.kind !== template.kind) differences.push('kind');
  const points = Array.isArray(pledge.points) ? pledge.points : [];
  if (points.length !== expected.points.length) differences.push('points');
  for (let i = 0; i < expected.points.length; i++) {
    if (points[i] !== undefined && points[i] !== expected.points[i]) differences.push(`points[${i}]`);
  }
  const basis = Array.isArray(pledge.legalBasis) ? pledge.legalBasis : [];
  const official = text.legalBasis;
  let sameBasis = basis.length === official.length;
  for (let i = 0; sameBasis && i < official.length; i++) sameBasis = basis[i] === official[i];
  if (!sameBasis) differences.push('legalBasis');
  return differences.length === 0 ? { status: 'matches', differences } : { status: 'altered', differences };
}
