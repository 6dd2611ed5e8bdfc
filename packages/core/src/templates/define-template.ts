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

function bad(en: string, id: string): never {
  throw new TemplateInvalidError({ en, id });
}

function checkText(text: unknown, lang: string, pointCount: number | null): number {
  if (typeof text !== 'object' || text === null)
    bad(`Template text "${lang}" is missing.`, `Teks templat "${lang}" tidak ada.`);
  const t = text as Record<string, unknown>;
  for (const field of ['title', 'preamble', 'closing'] as const) {
    if (typeof t[field] !== 'string' || (field === 'title' && (t[field] as string).trim() === '')) {
      bad(
        `Template text "${lang}" needs a string "${field}".`,
        `Teks templat "${lang}" memerlukan "${field}" berupa string.`,
      );
    }
  }
  const points = t.points;
  if (!Array.isArray(points) || points.length < 1 || points.length > 20) {
    bad(`Template text "${lang}" needs 1 to 20 points.`, `Teks templat "${lang}" memerlukan 1 sampai 20 butir.`);
  }
  if (!Array.isArray(t.legalBasis) || t.legalBasis.some((x) => typeof x !== 'string')) {
    bad(
      `Template text "${lang}" needs "legalBasis" as a list of strings.`,
      `Teks templat "${lang}" memerlukan "legalBasis" berupa daftar string.`,
    );
  }
  for (const p of points) {
    if (typeof p !== 'string' || p.trim() === '' || p.length > 4000) {
      bad(
        `Every point of "${lang}" must be non-empty text of at most 4000 characters.`,
        `Setiap butir "${lang}" harus teks tidak kosong, paling panjang 4000 karakter.`,
      );
    }
  }
  if (pointCount !== null && points.length !== pointCount) {
    bad('Every language must have the same number of points.', 'Setiap bahasa harus memiliki jumlah butir yang sama.');
  }
  const all = [t.title, t.preamble, t.closing, ...points].join('\n');
  for (const m of all.matchAll(PLACEHOLDER)) {
    if (!ALLOWED.has(m[1] as string)) {
      bad(
        `Unknown placeholder {${m[1]}}: only {agency} and {event} exist.`,
        `Placeholder {${m[1]}} tidak dikenal: hanya {agency} dan {event}.`,
      );
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
  if (typeof d !== 'object' || d === null) bad('A template must be an object.', 'Templat harus berupa objek.');
  if (typeof d.id !== 'string' || !/^[a-z0-9][a-z0-9-]{1,63}$/.test(d.id)) {
    bad(
      'Template id must be 2 to 64 lower-case letters, digits or hyphens.',
      'Id templat harus 2 sampai 64 huruf kecil, angka, atau tanda hubung.',
    );
  }
  if (typeof d.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(d.version)) {
    bad('Template version must be semantic (e.g. 1.0.0).', 'Versi templat harus semantik (mis. 1.0.0).');
  }
  if (d.kind !== 'ikrar' && d.kind !== 'pakta-integritas') {
    bad('Template kind must be "ikrar" or "pakta-integritas".', 'Jenis templat harus "ikrar" atau "pakta-integritas".');
  }
  const applies = d.appliesTo;
  if (
    !Array.isArray(applies) ||
    applies.length === 0 ||
    applies.some((t) => t !== 'PNS' && t !== 'PPPK' && t !== 'PPNPN')
  ) {
    bad('appliesTo must list PNS, PPPK and/or PPNPN.', 'appliesTo harus berisi PNS, PPPK, dan/atau PPNPN.');
  }
  const texts = d.texts as Record<string, unknown> | undefined;
  if (typeof texts !== 'object' || texts === null) bad('Template needs texts.', 'Templat memerlukan teks.');
  for (const k of Object.keys(texts)) {
    if (k !== 'id' && k !== 'en')
      bad(`Unsupported language "${k}": use "id" or "en".`, `Bahasa "${k}" tidak didukung: gunakan "id" atau "en".`);
  }
  const notes = d.notes as Record<string, unknown> | undefined;
  if (
    notes !== undefined &&
    (typeof notes !== 'object' ||
      notes === null ||
      typeof notes.id !== 'string' ||
      (notes.en !== undefined && typeof notes.en !== 'string'))
  ) {
    bad(
      'Template notes need an "id" text (and optionally "en").',
      'Catatan templat memerlukan teks "id" (dan opsional "en").',
    );
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
