/**
 * Dates and times as a reader expects them: "8 Januari 2024", "23 November 2026 03.40 WIB".
 *
 * @module
 * @example
 * ```ts
 * formatDate('2024-01-08', 'id'); // '8 Januari 2024'
 * ```
 */
import type { IndonesianTimeZone } from '@ikrar/core';
import type { UiLanguage } from './types.js';

const IANA: Readonly<Record<IndonesianTimeZone, string>> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

/**
 * A calendar date.
 * @param date - `YYYY-MM-DD`
 * @param lang - `id` or `en`
 * @returns the long form, or the input when it is not a date
 */
export function formatDate(date: string, lang: UiLanguage): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/**
 * A moment in the signer's zone, with the zone's name.
 * @param timestamp - RFC 3339
 * @param zone - WIB, WITA or WIT
 * @param lang - `id` or `en`
 * @returns e.g. `23 November 2026 03.40 WIB`
 */
export function formatMoment(timestamp: string, zone: IndonesianTimeZone, lang: UiLanguage): string {
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return timestamp;
  const text = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: IANA[zone] ?? 'Asia/Jakarta',
  }).format(d);
  return `${text} ${zone}`;
}
