// @ts-check
/**
 * Times as people read them, in the event's zone: "30 November 2026 pukul 03.04 WITA" (or
 * "30 November 2026 at 03.04 WITA" in English), never raw ISO text.
 * @module
 */

/** @type {Record<import('@ikrar/core').IndonesianTimeZone, string>} */
const IANA = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };

/** @type {Map<string, Intl.DateTimeFormat>} */
const formats = new Map();

/**
 * @param {string | Date} time
 * @param {import('@ikrar/core').IndonesianTimeZone} zone
 * @param {'id' | 'en'} [language]
 * @returns {string}
 * @example formatTime('2026-11-29T19:04:00Z', 'WITA') // '30 November 2026 pukul 03.04 WITA'
 */
export function formatTime(time, zone, language = 'id') {
  const key = `${zone}/${language}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: IANA[zone] });
    formats.set(key, f);
  }
  const text = f.format(new Date(time));
  return `${language === 'en' ? text.replace(' pukul ', ' at ') : text} ${zone}`;
}
