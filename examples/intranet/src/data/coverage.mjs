// @ts-check
/**
 * Who has signed an event, computed in the database (GROUP BY and a LEFT JOIN on indexed
 * columns) and paginated, so a 40,000-person roster never travels whole: coverage per work unit,
 * the people of a unit or a search, and the not-signed list for follow-up. A revoked record does
 * not count: coverage counts each employee's current (not revoked) record.
 *
 * Each answer is kept for `ttlMs` (1 s) and shared: staff pages polling coverage on a large
 * roster cost at most one query per distinct question per second, however many poll (each such
 * query walks the whole roster and, on SQLite, holds the event loop while it runs, so signings
 * would wait behind every poll). Concurrent identical questions wait for one query. A signing
 * shows in coverage at most `ttlMs` later.
 * @module
 */

import { foldForSearch } from './employees.mjs';

/** @typedef {import('../types.js').SqlDatabase} SqlDatabase */

/** @typedef {{ workUnit: string, total: number, signed: number }} UnitCoverage */
/**
 * @typedef {{ id: string, identifier: string, name: string, employeeType: string, workUnit: string,
 *   recordId: string | null, signedAt: string | null, revokedCount: number }} PersonRow
 */

const UNIT_SORTS = {
  unit: 'work_unit',
  total: 'total',
  signed: 'signed',
  share: 'CAST(signed AS REAL) / total',
};
const PEOPLE_SORTS = { name: 'e.name', unit: 'e.work_unit', signedAt: 'r.signed_at' };

/** `%text%` for LIKE, lower case, with LIKE's own characters escaped (ESCAPE '\\'). @param {string} q */
const likePattern = (q) => `%${q.toLowerCase().replace(/[%_\\]/g, (c) => '\\' + c)}%`;

/**
 * A short-lived, shared memo of async answers, keyed by their question; at most `max` kept.
 * @param {number} ttlMs @param {() => number} now @param {number} [max]
 */
export function memo(ttlMs, now, max = 500) {
  /** @type {Map<string, { at: number, value: Promise<any> }>} */
  const kept = new Map();
  /** @template T @param {unknown} question @param {() => Promise<T>} answer @returns {Promise<T>} */
  return (question, answer) => {
    const key = JSON.stringify(question);
    const t = now();
    const hit = kept.get(key);
    if (hit && t - hit.at < ttlMs) return hit.value;
    kept.delete(key);
    while (kept.size >= max) kept.delete(/** @type {string} */ (kept.keys().next().value));
    const value = answer();
    kept.set(key, { at: t, value });
    // A failed query is not kept.
    value.catch(() => kept.get(key)?.value === value && kept.delete(key));
    return value;
  };
}

/** @param {SqlDatabase} db @param {{ ttlMs?: number, now?: () => number }} [options] */
export function createCoverage(db, { ttlMs = 1000, now = Date.now } = {}) {
  const shared = memo(ttlMs, now);
  /**
   * @param {{ eventId: string, unit?: string, q?: string, status?: 'signed' | 'unsigned' }} f
   * @returns {{ where: string, params: unknown[] }}
   */
  const peopleFilter = ({ eventId, unit, q, status }) => {
    const where = [];
    const params = /** @type {unknown[]} */ ([eventId]);
    if (unit) {
      where.push('e.work_unit = ?');
      params.push(unit);
    }
    if (q) {
      // A number searches identifiers; anything else searches names (case-insensitive).
      if (/^\d+$/.test(q)) {
        where.push('e.identifier LIKE ?');
        params.push(`%${q}%`);
      } else {
        where.push("e.search_name LIKE ? ESCAPE '\\'");
        params.push(likePattern(foldForSearch(q)));
      }
    }
    if (status === 'signed') where.push('r.id IS NOT NULL');
    if (status === 'unsigned') where.push('r.id IS NULL');
    return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  };

  return {
    /**
     * Totals for the whole roster.
     * @param {string} eventId
     */
    totals: (eventId) =>
      shared(['totals', eventId], async () => {
        const [row] = await db.query(
          `SELECT COUNT(*) AS total, COUNT(r.id) AS signed FROM portal_employees e
           LEFT JOIN ikrar_records r ON r.identifier = e.identifier AND r.event_id = ? AND r.revoked_at IS NULL`,
          [eventId],
        );
        return { total: Number(row?.total ?? 0), signed: Number(row?.signed ?? 0) };
      }),
    /**
     * @param {{ eventId: string, q?: string, sort?: keyof typeof UNIT_SORTS, desc?: boolean, limit: number, offset: number }} o
     * @returns {Promise<{ units: UnitCoverage[], count: number }>}
     */
    units: (o) => shared(['units', o], () => units(o)),
    /**
     * @param {{ eventId: string, unit?: string, q?: string, status?: 'signed' | 'unsigned',
     *   sort?: keyof typeof PEOPLE_SORTS, desc?: boolean, limit: number, offset: number }} o
     * @returns {Promise<{ people: PersonRow[], count: number }>}
     */
    people: (o) => shared(['people', o], () => people(o)),
  };

  /**
   * @param {{ eventId: string, q?: string, sort?: keyof typeof UNIT_SORTS, desc?: boolean, limit: number, offset: number }} o
   * @returns {Promise<{ units: UnitCoverage[], count: number }>}
   */
  async function units({ eventId, q, sort = 'unit', desc = false, limit, offset }) {
    const filter = q ? "WHERE LOWER(e.work_unit) LIKE ? ESCAPE '\\'" : '';
    const params = q ? [eventId, likePattern(q)] : [eventId];
    const grouped = `SELECT e.work_unit AS work_unit, COUNT(*) AS total, COUNT(r.id) AS signed
          FROM portal_employees e LEFT JOIN ikrar_records r ON r.identifier = e.identifier AND r.event_id = ? AND r.revoked_at IS NULL
          ${filter} GROUP BY e.work_unit`;
    const rows = await db.query(
      `SELECT work_unit AS "workUnit", total, signed, COUNT(*) OVER () AS count FROM (${grouped}) g
           ORDER BY ${UNIT_SORTS[sort] ?? 'work_unit'} ${desc ? 'DESC' : 'ASC'}, work_unit LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return {
      units: rows.map((r) => ({ workUnit: String(r.workUnit), total: Number(r.total), signed: Number(r.signed) })),
      count: Number(rows[0]?.count ?? 0),
    };
  }

  /**
   * @param {{ eventId: string, unit?: string, q?: string, status?: 'signed' | 'unsigned',
   *   sort?: keyof typeof PEOPLE_SORTS, desc?: boolean, limit: number, offset: number }} o
   * @returns {Promise<{ people: PersonRow[], count: number }>}
   */
  async function people(o) {
    const { where, params } = peopleFilter(o);
    const rows = await db.query(
      `SELECT e.id, e.identifier, e.name, e.employee_type AS "employeeType", e.work_unit AS "workUnit",
                r.id AS "recordId", r.signed_at AS "signedAt", COUNT(*) OVER () AS count
           FROM portal_employees e LEFT JOIN ikrar_records r ON r.identifier = e.identifier AND r.event_id = ? AND r.revoked_at IS NULL
           ${where}
           ORDER BY ${PEOPLE_SORTS[o.sort ?? 'name'] ?? 'e.name'} ${o.desc ? 'DESC' : 'ASC'}, e.id LIMIT ? OFFSET ?`,
      [...params, o.limit, o.offset],
    );
    // Revoked records of this page's people only (at most `limit` identifiers, a partial index).
    /** @type {Map<string, number>} */
    const revoked = new Map();
    if (rows.length > 0) {
      const ids = rows.map((r) => String(r.identifier));
      const counted = await db.query(
        `SELECT identifier, COUNT(*) AS n FROM ikrar_records
             WHERE event_id = ? AND revoked_at IS NOT NULL AND identifier IN (${ids.map(() => '?').join(', ')})
             GROUP BY identifier`,
        [o.eventId, ...ids],
      );
      for (const r of counted) revoked.set(String(r.identifier), Number(r.n));
    }
    return {
      people: rows.map(
        ({ count: _count, ...r }) =>
          /** @type {PersonRow} */ ({ ...r, revokedCount: revoked.get(String(r.identifier)) ?? 0 }),
      ),
      count: Number(rows[0]?.count ?? 0),
    };
  }
}
