// @ts-check
/**
 * The roster in the database: one row per employee, with an opaque id for URLs so that a NIP or
 * NIK never appears in a link, a log line or a browser history.
 * @module
 */
import { randomUUID } from 'node:crypto';

/** @typedef {import('../types.js').Employee} Employee */
/** @typedef {import('../types.js').SqlDatabase} SqlDatabase */

const COLUMNS = 'id, identifier, name, employee_type AS "employeeType", position, work_unit AS "workUnit"';

/**
 * A name as search sees it: lower case, without diacritics.
 * @param {string} text
 */
export const foldForSearch = (text) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** @param {SqlDatabase} db */
export function createEmployeeStore(db) {
  /** @param {string} where @param {unknown[]} params */
  const one = async (where, params) => {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM portal_employees WHERE ${where}`, params);
    return row ? /** @type {Employee} */ (/** @type {unknown} */ (row)) : null;
  };
  return {
    /** @param {string} identifier */
    byIdentifier: (identifier) => one('identifier = ?', [identifier]),
    /** @param {string} id */
    byId: (id) => one('id = ?', [id]),
    /** Fills the search name of rows written before it existed. */
    backfillSearchNames: async () => {
      const rows = await db.query("SELECT id, name FROM portal_employees WHERE search_name = ''");
      for (const r of rows) {
        await db.run('UPDATE portal_employees SET search_name = ? WHERE id = ?', [foldForSearch(String(r.name)), r.id]);
      }
    },
    count: async () => Number((await db.query('SELECT COUNT(*) AS n FROM portal_employees'))[0]?.n ?? 0),
    /**
     * Adds or updates employees (matched by identifier), all in one transaction.
     * @param {Omit<Employee, 'id'>[]} rows
     * @returns {Promise<{ added: number, updated: number }>}
     */
    upsertMany: (rows) =>
      db.transaction(async (tx) => {
        let added = 0;
        for (const r of rows) {
          const existing = await tx.query('SELECT id FROM portal_employees WHERE identifier = ?', [r.identifier]);
          if (existing.length) {
            await tx.run(
              'UPDATE portal_employees SET name = ?, search_name = ?, employee_type = ?, position = ?, work_unit = ? WHERE identifier = ?',
              [r.name, foldForSearch(r.name), r.employeeType, r.position, r.workUnit, r.identifier],
            );
          } else {
            added++;
            await tx.run(
              'INSERT INTO portal_employees (id, identifier, name, search_name, employee_type, position, work_unit) VALUES (?, ?, ?, ?, ?, ?, ?)',
              [randomUUID(), r.identifier, r.name, foldForSearch(r.name), r.employeeType, r.position, r.workUnit],
            );
          }
        }
        return { added, updated: rows.length - added };
      }),
    /**
     * A few employees of each type who have not signed `eventId`: the demo sign-in's choices.
     * @param {string} eventId
     * @returns {Promise<Employee[]>}
     */
    demoChoices: async (eventId) => {
      /** @type {Employee[]} */
      const out = [];
      for (const type of ['PNS', 'PPPK', 'PPNPN']) {
        const rows = await db.query(
          `SELECT ${COLUMNS} FROM portal_employees e WHERE employee_type = ?
             AND NOT EXISTS (SELECT 1 FROM ikrar_records r WHERE r.identifier = e.identifier AND r.event_id = ? AND r.revoked_at IS NULL)
           ORDER BY work_unit, name LIMIT 2`,
          [type, eventId],
        );
        out.push(.../** @type {Employee[]} */ (/** @type {unknown} */ (rows)));
      }
      return out;
    },
  };
}
