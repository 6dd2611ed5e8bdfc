/**
 * Pledge templates: versioned text in Bahasa Indonesia (required) and English (optional), with the
 * placeholders `{agency}` and `{event}`. `defineTemplate` checks an agency's own text and freezes it.
 *
 * @module
 * @example
 * ```ts
 * import { defineTemplate } from '@ikrar/core';
 * const mine = defineTemplate({ id: 'pemkab-x-2029', version: '1.0.0', kind: 'pakta-integritas',
 *   appliesTo: ['PNS'], texts: { id: { title: 'Pakta Integritas', preamble: '…', points: ['…'],
 *   closing: '…', legalBasis: [] } } });
 * ```
 */
import { TemplateInvalidError } from '../errors.js';
import type { TemplateInvalidReason, TemplateInvalidValues } from '../types.js';
import type { EmployeeType } from '../identity.js';

/** Languages a template can carry. Indonesian is required. */
export type PledgeLanguage = 'id' | 'en';

/** What the document is called on paper. */
export type PledgeKind = 'ikrar' | 'pakta-integritas';

/** The text of a template in one language. */
export interface TemplateText {
  readonly title: string;
  readonly preamble: string;
  readonly points: readonly string[];
  readonly closing: string;
  readonly legalBasis: readonly string[];
}

/** A template as written (input to {@link defineTemplate}). */
export interface TemplateDefinition {
  /** Lower-case id, e.g. `skb-2022-asn`. */
  readonly id: string;
  /** Semantic version; change it whenever a word changes. */
  readonly version: string;
  readonly kind: PledgeKind;
  /** Employee types the text is written for. */
  readonly appliesTo: readonly EmployeeType[];
  readonly texts: { readonly id: TemplateText; readonly en?: TemplateText };
  /** Where the text comes from and what is paraphrased, for the people who choose a template. Not part of any record. */
  readonly notes?: { readonly id: string; readonly en?: string };
}

/** A checked, frozen template. */
export type PledgeTemplate = TemplateDefinition & { readonly __checked: true };

const PLACEHOLDER = /\{([^}]*)\}/g;
const ALLOWED = new Set(['agency', 'event']);

function bad(reason: TemplateInvalidReason, values?: TemplateInvalidValues): never {
  throw new TemplateInvalidError(reason, values);
}

function checkText(text: unknown, lang: string, pointCount: number | null): number {
  if (typeof text !== 'object' || text === null) bad('text-missing', { lang });
  const t = text as Record<string, unknown>;
  for (const field of ['title', 'preamble', 'closing'] as const) {
    if (typeof t[field] !== 'string' || (field === 'title' && (t[field] as string).trim() === '')) {
      bad('text-field', { lang, name: field });
    }
  }
  const points = t.points;
  if (!Array.isArray(points) || points.length < 1 || points.length > 20) {
    bad('points', { lang });
  }
  if (!Array.isArray(t.legalBasis) || t.legalBasis.some((x) => typeof x !== 'string')) {
    bad('legal-basis', { lang });
  }
  for (const p of points) {
    if (typeof p !== 'string' || p.trim() === '' || p.length > 4000) {
      bad('point-text', { lang });
    }
  }
  if (pointCount !== null && points.length !== pointCount) {
    bad('point-count');
  }
  const all = [t.title, t.preamble, t.closing, ...points].join('\n');
  for (const m of all.matchAll(PLACEHOLDER)) {
    if (!ALLOWED.has(m[1] as string)) {
      bad('placeholder', { name: m[1] as string });
    }
  }
  return points.length;
}

/**
 * Checks and freezes a template.
 *
 * @param definition - the template text and metadata
 * @returns the frozen template
 * @throws {TemplateInvalidError} `ERR_TEMPLATE_INVALID` naming what is wrong
 * @example defineTemplate({ id: 'x-2029', version: '1.0.0', kind: 'ikrar', appliesTo: ['PNS'], texts: { id: text } })
 */
export function defineTemplate(definition: TemplateDefinition): PledgeTemplate {
  const d = definition as unknown as Record<string, unknown>;
  if (typeof d !== 'object' || d === null) bad('not-object');
  if (typeof d.id !== 'string' || !/^[a-z0-9][a-z0-9-]{1,63}$/.test(d.id)) {
    bad('id');
  }
  if (typeof d.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(d.version)) {
    bad('version');
  }
  if (d.kind !== 'ikrar' && d.kind !== 'pakta-integritas') {
    bad('kind');
  }
  const applies = d.appliesTo;
  if (
    !Array.isArray(applies) ||
    applies.length === 0 ||
    applies.some((t) => t !== 'PNS' && t !== 'PPPK' && t !== 'PPNPN')
  ) {
    bad('applies-to');
  }
  const texts = d.texts as Record<string, unknown> | undefined;
  if (typeof texts !== 'object' || texts === null) bad('texts');
  for (const k of Object.keys(texts)) {
    if (k !== 'id' && k !== 'en') bad('language', { lang: k });
  }
  const notes = d.notes as Record<string, unknown> | undefined;
  if (
    notes !== undefined &&
    (typeof notes !== 'object' ||
      notes === null ||
      typeof notes.id !== 'string' ||
      (notes.en !== undefined && typeof notes.en !== 'string'))
  ) {
    bad('notes');
  }
  const count = checkText(texts.id, 'id', null);
  if (texts.en !== undefined) checkText(texts.en, 'en', count);
  const copy = structuredClone(definition);
  return deepFreeze({ ...copy, __checked: true as const });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Fills `{agency}` and `{event}` in a template text.
 * @param text - a template string
 * @param values - the agency and event names
 * @returns the text as shown to the signer
 * @example fillPlaceholders('di {agency}', { agency: 'Pemkab Klaten', event: 'Pemilu 2024' })
 */
export function fillPlaceholders(text: string, values: { agency: string; event: string }): string {
  return text.replace(PLACEHOLDER, (_, name: string) => (name === 'agency' ? values.agency : values.event));
}
