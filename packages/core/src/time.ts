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

/**
 * Formats an instant as RFC 3339 in one of Indonesia's zones, to the second.
 * @param date - the instant (a `Date` or anything `new Date()` accepts)
 * @param zone - WIB, WITA or WIT
 * @returns e.g. `2024-10-07T08:15:00+08:00`
 * @throws RangeError for an invalid date or unknown zone
 * @example formatTimestamp(new Date(), 'WIB')
 */
export function formatTimestamp(date: Date | string | number, zone: IndonesianTimeZone): string {
  const d = new Date(date as Date); // a copy of a Date's instant, else what `new Date()` reads
  if (Number.isNaN(d.getTime())) throw new RangeError('"date" expected a valid date, got an invalid one');
  const offset = TIME_ZONE_OFFSETS[zone];
  if (offset === undefined) throw new RangeError(`"zone" expected WIB, WITA or WIT, got ${String(zone)}`);
  // To the second: the fields are the instant's, floored, whatever its milliseconds (cut off here).
  return new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 19) + offsetText(offset);
}

/** `+07:00`, `+08:00`, `+09:00`: each zone is a whole number of hours ahead of UTC, fewer than ten. */
function offsetText(minutes: number): string {
  return `+0${minutes / 60}:00`;
}

/**
 * The number, at most `max`, two ASCII digits write at `text[i]`, followed by the character `next`
 * (none: -1); else `NaN` (a digit missing or past the end, a field out of range), which no check
 * below meets and Date.UTC gives back.
 */
function twoDigits(text: string, i: number, next: number, max: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  const v = a * 10 + b;
  return a >= 0 && a < 10 && b >= 0 && b < 10 && v <= max && (next < 0 || text.charCodeAt(i + 2) === next) ? v : NaN;
}

/**
 * The instant of an RFC 3339 timestamp with an explicit offset, in milliseconds since the epoch:
 * `YYYY-MM-DDThh:mm:ss`, an optional fraction (milliseconds from its first three digits, in
 * every engine), then `Z` or `±hh:mm`, with real calendar checks. Read at its fixed positions: no
 * regular expression, no `Date` object.
 * @param text - the timestamp
 * @returns epoch milliseconds, or `NaN` when the text is not such a timestamp
 * @example timestampMillis('1970-01-01T07:00:00+07:00') // 0
 */
export function timestampMillis(text: unknown): number {
  if (typeof text !== 'string') return NaN;
  // RFC 3339 §5.6, upper-case `T` and `Z` only; a field that is not two digits in range is NaN, and so is the instant.
  const y = twoDigits(text, 0, -1, 99) * 100 + twoDigits(text, 2, 45, 99);
  const mo = twoDigits(text, 5, 45, 12);
  const d = twoDigits(text, 8, 84, 31);
  const h = twoDigits(text, 11, 58, 23);
  const mi = twoDigits(text, 14, 58, 59);
  const s = twoDigits(text, 17, -1, 59);
  if (mo < 1 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  // The fraction's first three digits, a missing one read as 0 (`.5` is 500 ms); at least one digit.
  const n = text.length;
  let i = 19;
  let ms = 0;
  if (text.charCodeAt(i) === 46) {
    for (let f = 100; ++i < n; f = (f / 10) | 0) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      ms += c * f;
    }
    if (i === 20) return NaN;
  }
  // `Z`, or `+hh:mm` / `-hh:mm` (`+` is 43, `-` is 45), ends the text.
  const sign = text.charCodeAt(i);
  const offset =
    sign === 90 && i + 1 === n
      ? 0
      : (sign === 43 || sign === 45) && i + 6 === n
        ? (44 - sign) * (twoDigits(text, i + 1, 58, 23) * 60 + twoDigits(text, i + 4, -1, 59))
        : NaN;
  // Date.UTC reads years 0-99 as 1900-1999: count from 400 years on (146,097 days, a whole cycle).
  return Date.UTC(y + 400, mo - 1, d, h, mi - offset, s, ms) - 12_622_780_800_000;
}

/**
 * Parses an RFC 3339 timestamp that carries an explicit offset (`Z` or `±hh:mm`), with real
 * calendar checks.
 * @param text - the timestamp
 * @returns the instant, or `null` when the text is not such a timestamp
 * @example parseTimestamp('2024-10-07T08:15:00+08:00')?.toISOString()
 */
export function parseTimestamp(text: unknown): Date | null {
  const t = timestampMillis(text);
  return Number.isNaN(t) ? null : new Date(t);
}

/**
 * The zone whose offset a timestamp carries, when it is one of Indonesia's.
 * @param text - RFC 3339 timestamp
 * @returns WIB, WITA, WIT or `null`
 * @example zoneOfTimestamp('2024-10-07T08:15:00+08:00') // 'WITA'
 */
export function zoneOfTimestamp(text: string): IndonesianTimeZone | null {
  for (const zone in TIME_ZONE_OFFSETS) {
    if (text.endsWith(offsetText(TIME_ZONE_OFFSETS[zone as IndonesianTimeZone]))) return zone as IndonesianTimeZone;
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
  // Gregorian leap years: divisible by 4, and centuries only when divisible by 400.
  if (month === 2) return year % (year % 100 ? 4 : 400) ? 28 : 29;
  return (0xa50 >> month) & 1 ? 30 : 31; // bits 4, 6, 9 and 11: April, June, September, November
}
