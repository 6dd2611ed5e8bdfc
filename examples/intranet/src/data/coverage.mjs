// @ts-check
/**
 * Who has signed an event, computed in the database and paginated, so a 40,000-person roster
 * never travels whole: coverage per work unit, the people of a unit or a search, and the
 * not-signed list for follow-up. A revoked record does not count: coverage counts each
 * employee's current (not revoked) record.
 *
 * Cheap per request on a large roster (issue #11):
 * - One summary per event (each work unit's total and signed, one GROUP BY over the roster,
 *   joined on the partial unique index of current records) answers the totals, the unit list
 *   (filtered, sorted and paged in memory: a few hundred units) and the people counts without a
 *   search. It is shared for `ttlMs` (1 s): however many staff pages poll, at most one such query
 *   a second per event; a signing shows in coverage at most `ttlMs` later.
 * - People are read a page at a time in index order (portal_employees (name, id) and
 *   (work_unit, name, id), migration 5), never with a window count over the whole filtered set;
 *   `after` (the cursor of the previous page's last row, sorts `name` and `unit`) reads the next
 *   page from where the previous one ended (keyset paging), `offset` is still taken.
 * - A count with a search is one COUNT(*) of the filter.
 * Concurrent identical questions wait for one query; failures are not kept.
 * @module
 */

import { foldForSearch } from './employees.mjs';

/** @typedef {import('../types.js').SqlDatabase} SqlDatabase */

/** @typedef {{ workUnit: string, total: number, signed: number }} UnitCoverage */
/**
 * @typedef {{ id: string, identifier: string, name: string, employeeType: string, workUnit: string,
 *   recordId: string | null, signedAt: string | null, revokedCount: number }} PersonRow
 */

/** @type {Record<string, (u: UnitCoverage) => string | number>} */
const UNIT_SORTS = {
  unit: (u) => u.workUnit,
  total: (u) => u.total,
  signed: (u) => u.signed,
  share: (u) => (u.total ? u.signed / u.total : 0),
};
/** The columns each people sort orders by (then e.id); keyset paging for those with a cursor. */
const PEOPLE_SORTS = {
  name: { order: ['e.name'], keys: /** @param {any} r */ (r) => [r.name] },
  unit: { order: ['e.work_unit', 'e.name'], keys: /** @param {any} r */ (r) => [r.workUnit, r.name] },
  signedAt: { order: ['r.signed_at'], keys: null },
};
/** @param {string | number} a @param {string | number} b */
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const CURRENT = 'r.identifier = e.identifier AND r.event_id = ? AND r.revoked_at IS NULL';

/**
 * A page's cursor: where the next page starts (sort, direction and the last row's keys), opaque
 * to clients (base64url JSON). @param {string} sort @param {boolean} desc @param {unknown[]} keys
 */
export const encodeCursor = (sort, desc, keys) =>
  Buffer.from(JSON.stringify([sort, desc ? 1 : 0, ...keys])).toString('base64url');

/**
 * The keys of a cursor made for this sort and direction, or null when it is not one.
 * @param {string} text @param {string} sort @param {boolean} desc @returns {string[] | null}
 */
export function decodeCursor(text, sort, desc) {
  const known = Object.hasOwn(PEOPLE_SORTS, sort)
    ? PEOPLE_SORTS[/** @type {keyof typeof PEOPLE_SORTS} */ (sort)]
    : null;
  const n = known?.keys ? known.order.length : 0;
  if (!n || text.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const v = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== n + 3 || v[0] !== sort || v[1] !== (desc ? 1 : 0)) return null;
    const keys = v.slice(2);
    return keys.every((k) => typeof k === 'string' && k.length <= 500) ? keys : null;
  } catch {
    return null;
  }
}

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

/**
 * @typedef {{ eventId: string, unit?: string, q?: string, status?: 'signed' | 'unsigned',
 *   sort?: keyof typeof PEOPLE_SORTS, desc?: boolean, limit: number, offset?: number, after?: string[] }} PeopleQuery
 */

/** @param {SqlDatabase} db @param {{ ttlMs?: number, now?: () => number }} [options] */
export function createCoverage(db, { ttlMs = 1000, now = Date.now } = {}) {
  const shared = memo(ttlMs, now);
  /**
   * @param {{ eventId: string, unit?: string, q?: string, status?: 'signed' | 'unsigned' }} f
   * @returns {{ where: string[], params: unknown[] }}
   */
  const peopleFilter = ({ eventId, unit, q, status }) => {
    const where = [];
    // The join's event id first (see `from`), except for the unsigned (no join: their NOT EXISTS).
    const params = /** @type {unknown[]} */ (status === 'unsigned' ? [] : [eventId]);
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
    // Not signed: no current record (an anti-join on the partial unique index).
    if (status === 'unsigned') {
      where.push(`NOT EXISTS (SELECT 1 FROM ikrar_records r WHERE ${CURRENT})`);
      params.push(eventId);
    }
    return { where, params };
  };

  /**
   * The record columns and the FROM clause of a people query: the unsigned have no record (the
   * filter's NOT EXISTS, no join, the event id bound there), the others their current one.
   * @param {{ status?: 'signed' | 'unsigned' }} o
   */
  const from = (o) =>
    o.status === 'unsigned'
      ? 'NULL AS "recordId", NULL AS "signedAt" FROM portal_employees e'
      : `r.id AS "recordId", r.signed_at AS "signedAt" FROM portal_employees e LEFT JOIN ikrar_records r ON ${CURRENT}`;

  /**
   * Each work unit's total and signed count (sorted by unit), shared for ttlMs.
   * @param {string} eventId @returns {Promise<UnitCoverage[]>}
   */
  const summary = (eventId) =>
    shared(['summary', eventId], async () => {
      // Two indexed passes instead of a join over the whole roster: the roster per unit (its
      // index alone), then the event's current records per unit (one lookup per signed person).
      const totals = await db.query(
        'SELECT work_unit AS "workUnit", COUNT(*) AS n FROM portal_employees GROUP BY work_unit',
      );
      const signed = await db.query(
        `SELECT e.work_unit AS "workUnit", COUNT(*) AS n FROM ikrar_records r
           JOIN portal_employees e ON e.identifier = r.identifier
          WHERE r.event_id = ? AND r.revoked_at IS NULL GROUP BY e.work_unit`,
        [eventId],
      );
      const signedOf = new Map(signed.map((r) => [String(r.workUnit), Number(r.n)]));
      return totals
        .map((r) => ({
          workUnit: String(r.workUnit),
          total: Number(r.n),
          signed: signedOf.get(String(r.workUnit)) ?? 0,
        }))
        .sort((a, b) => compare(a.workUnit, b.workUnit));
    });

  /**
   * One page of people, in the sort's index order: after `o.after` (keyset) or from `o.offset`.
   * @param {PeopleQuery} o @param {{ revoked?: boolean }} [options]
   * @returns {Promise<{ people: PersonRow[], next: string | null }>}
   */
  async function page(o, { revoked: withRevoked = true } = {}) {
    const sortName = o.sort && Object.hasOwn(PEOPLE_SORTS, o.sort) ? o.sort : 'name';
    const sort = PEOPLE_SORTS[sortName];
    const { where, params } = peopleFilter(o);
    const dir = o.desc ? 'DESC' : 'ASC';
    const columns = [...sort.order, 'e.id'];
    const keyset = o.after && sort.keys ? o.after : null;
    if (keyset) {
      where.push(`(${columns.join(', ')}) ${o.desc ? '<' : '>'} (${columns.map(() => '?').join(', ')})`);
      params.push(...keyset);
    }
    const rows = await db.query(
      `SELECT e.id, e.identifier, e.name, e.employee_type AS "employeeType", e.work_unit AS "workUnit",
              ${from(o)}
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY ${columns.map((c) => `${c} ${dir}`).join(', ')} LIMIT ?${keyset ? '' : ' OFFSET ?'}`,
      [...params, o.limit, ...(keyset ? [] : [o.offset ?? 0])],
    );
    // Revoked records of this page's people only (at most `limit` identifiers, a partial index).
    /** @type {Map<string, number>} */
    const revoked = new Map();
    if (withRevoked && rows.length > 0) {
      const ids = rows.map((r) => String(r.identifier));
      const counted = await db.query(
        `SELECT identifier, COUNT(*) AS n FROM ikrar_records
             WHERE event_id = ? AND revoked_at IS NOT NULL AND identifier IN (${ids.map(() => '?').join(', ')})
             GROUP BY identifier`,
        [o.eventId, ...ids],
      );
      for (const r of counted) revoked.set(String(r.identifier), Number(r.n));
    }
    const last = rows.at(-1);
    return {
      people: rows.map(
        (r) => /** @type {PersonRow} */ ({ ...r, revokedCount: revoked.get(String(r.identifier)) ?? 0 }),
      ),
      next:
        sort.keys && last && rows.length === o.limit
          ? encodeCursor(sortName, o.desc === true, [...sort.keys(last), last.id].map(String))
          : null,
    };
  }

  /**
   * How many people a filter finds: from the summary without a search, else one COUNT(*).
   * @param {PeopleQuery} o @returns {Promise<number>}
   */
  async function count(o) {
    if (!o.q) {
      const units = (await summary(o.eventId)).filter((u) => !o.unit || u.workUnit === o.unit);
      const total = units.reduce((n, u) => n + u.total, 0);
      const signed = units.reduce((n, u) => n + u.signed, 0);
      return o.status === 'signed' ? signed : o.status === 'unsigned' ? total - signed : total;
    }
    const { where, params } = peopleFilter(o);
    const [row] = await db.query(
      `SELECT COUNT(*) AS n ${from(o).slice(from(o).indexOf('FROM'))} WHERE ${where.join(' AND ')}`,
      params,
    );
    return Number(row?.n ?? 0);
  }

  return {
    /**
     * Totals for the whole roster.
     * @param {string} eventId
     */
    totals: async (eventId) => {
      const units = await summary(eventId);
      return {
        total: units.reduce((n, u) => n + u.total, 0),
        signed: units.reduce((n, u) => n + u.signed, 0),
      };
    },
    /**
     * Work units, filtered by name, sorted (ties by unit) and paged, from the shared summary.
     * @param {{ eventId: string, q?: string, sort?: keyof typeof UNIT_SORTS, desc?: boolean, limit: number, offset: number }} o
     * @returns {Promise<{ units: UnitCoverage[], count: number }>}
     */
    units: async ({ eventId, q, sort = 'unit', desc = false, limit, offset }) => {
      const key = Object.hasOwn(UNIT_SORTS, sort) ? UNIT_SORTS[sort] : UNIT_SORTS.unit;
      const needle = q?.toLowerCase();
      const found = (await summary(eventId)).filter((u) => !needle || u.workUnit.toLowerCase().includes(needle));
      found.sort((a, b) => (desc ? -1 : 1) * compare(key(a), key(b)) || compare(a.workUnit, b.workUnit));
      return { units: found.slice(offset, offset + limit), count: found.length };
    },
    /**
     * A page of people and how many the filter finds; `next` is the cursor of the page after it.
     * @param {PeopleQuery} o
     * @returns {Promise<{ people: PersonRow[], count: number, next: string | null }>}
     */
    people: (o) =>
      shared(['people', o], async () => {
        const [p, n] = await Promise.all([page(o), count(o)]);
        return { ...p, count: n };
      }),
    /**
     * Everyone matching a filter, a page at a time in keyset order (for the not-signed CSV):
     * one indexed query a page, nothing shared, no revocation counts.
     * @param {Omit<PeopleQuery, 'limit' | 'offset' | 'after'>} o @param {number} [pageSize]
     * @returns {AsyncGenerator<PersonRow[]>}
     */
    pages: async function* (o, pageSize = 500) {
      /** @type {string[] | undefined} */
      let after;
      const sort = o.sort && PEOPLE_SORTS[o.sort]?.keys ? o.sort : 'unit';
      for (;;) {
        const { people } = await page({ ...o, sort, limit: pageSize, ...(after && { after }) }, { revoked: false });
        if (people.length > 0) yield people;
        if (people.length < pageSize) return;
        const last = /** @type {PersonRow} */ (people.at(-1));
        after = [
          .../** @type {NonNullable<typeof PEOPLE_SORTS.name.keys>} */ (PEOPLE_SORTS[sort].keys)(last),
          last.id,
        ].map(String);
      }
    },
  };
}
