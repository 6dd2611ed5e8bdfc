/**
 * Indonesian time zones and RFC 3339 timestamps with an explicit offset, so a record shows the
 * signer's wall-clock time (WIB +07:00, WITA +08:00, WIT +09:00).
 *
 * @module
 * @example
 * ```ts
 * import { formatTimestamp } from '@ikrar/core';
 * formatTimestamp(new Date('2024-10-07T00:15:00Z'), 'WITA'); // '2024-10-07T08:15:00+08:00'
 * ```
 */

/** Indonesia's three zones. */
export type IndonesianTimeZone = 'WIB' | 'WITA' | 'WIT';

/** Offset of each zone from UTC, in minutes. */
export const TIME_ZONE_OFFSETS: Readonly<Record<IndonesianTimeZone, number>> = { WIB: 420, WITA: 480, WIT: 540 };

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Formats an instant as RFC 3339 in one of Indonesia's zones, to the second.
 * @param date - the instant (a `Date` or anything `new Date()` accepts)
 * @param zone - WIB, WITA or WIT
 * @returns e.g. `2024-10-07T08:15:00+08:00`
 * @throws RangeError for an invalid date or unknown zone
 * @example formatTimestamp(new Date(), 'WIB')
 */
export function formatTimestamp(date: Date | string | number, zone: IndonesianTimeZone): string {
  const d = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(d.getTime())) throw new RangeError('"date" expected a valid date, got an invalid one');
  const offset = TIME_ZONE_OFFSETS[zone];
  if (offset === undefined) throw new RangeError(`"zone" expected WIB, WITA or WIT, got ${String(zone)}`);
  const local = new Date(Math.floor(d.getTime() / 1000) * 1000 + offset * 60_000);
  const iso = local.toISOString().slice(0, 19);
  const sign = offset >= 0 ? '+' : '-';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${iso}${sign}${hh}:${mm}`;
}

/**
 * Parses an RFC 3339 timestamp that carries an explicit offset (`Z` or `±hh:mm`), with real
 * calendar checks.
 * @param text - the timestamp
 * @returns the instant, or `null` when the text is not such a timestamp
 * @example parseTimestamp('2024-10-07T08:15:00+08:00')?.toISOString()
 */
export function parseTimestamp(text: unknown): Date | null {
  if (typeof text !== 'string') return null;
  const m = RFC3339.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  const offset = m[8] as string;
  if (offset !== 'Z') {
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 23 || om > 59) return null;
  }
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : new Date(t);
}

/**
 * The zone whose offset a timestamp carries, when it is one of Indonesia's.
 * @param text - RFC 3339 timestamp
 * @returns WIB, WITA, WIT or `null`
 * @example zoneOfTimestamp('2024-10-07T08:15:00+08:00') // 'WITA'
 */
export function zoneOfTimestamp(text: string): IndonesianTimeZone | null {
  const m = /([+-]\d{2}:\d{2})$/.exec(text);
  if (!m) return null;
  for (const [zone, minutes] of Object.entries(TIME_ZONE_OFFSETS)) {
    const h = String(minutes / 60).padStart(2, '0');
    if (m[1] === `+${h}:00`) return zone as IndonesianTimeZone;
  }
  return null;
}

/**
 * Days in a month of the proleptic Gregorian calendar.
 * @param year - full year
 * @param month - 1 to 12
 * @returns 28 to 31
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
