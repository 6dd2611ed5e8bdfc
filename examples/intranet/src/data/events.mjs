// @ts-check
/**
 * Events (an election's pledge round): name, place, date, deadline, zone, language and the
 * templates per employee type. More than one over time; the open one is the newest whose
 * deadline has not passed.
 * @module
 */
import { randomUUID } from 'node:crypto';

/** @typedef {import('../types.js').PortalEvent} PortalEvent */
/** @typedef {import('../types.js').SqlDatabase} SqlDatabase */

const COLUMNS =
  'id, name, place, event_date AS "date", deadline, time_zone AS "timeZone", language, templates, created_at AS "createdAt"';

/** @param {Record<string, unknown>} row @returns {PortalEvent} */
const fromRow = (row) => /** @type {PortalEvent} */ ({ ...row, templates: JSON.parse(String(row.templates)) });

/**
 * @param {SqlDatabase} db
 * @param {{ now: () => Date }} clock
 */
export function createEventStore(db, { now }) {
  return {
    /** @returns {Promise<PortalEvent[]>} newest first */
    list: async () =>
      (await db.query(`SELECT ${COLUMNS} FROM portal_events ORDER BY created_at DESC, id`)).map(fromRow),
    /** @param {string} id */
    byId: async (id) => {
      const [row] = await db.query(`SELECT ${COLUMNS} FROM portal_events WHERE id = ?`, [id]);
      return row ? fromRow(row) : null;
    },
    /** The event employees sign now: the newest one still open. */
    open: async () => {
      const at = now().getTime();
      const events = (await db.query(`SELECT ${COLUMNS} FROM portal_events ORDER BY created_at DESC, id`)).map(fromRow);
      return events.find((e) => e.deadline === null || Date.parse(e.deadline) > at) ?? null;
    },
    /** @param {Omit<PortalEvent, 'id' | 'createdAt'>} e @returns {Promise<PortalEvent>} */
    create: async (e) => {
      const event = { ...e, id: randomUUID(), createdAt: now().toISOString() };
      await db.run(
        'INSERT INTO portal_events (id, name, place, event_date, deadline, time_zone, language, templates, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          event.id,
          e.name,
          e.place,
          e.date,
          e.deadline,
          e.timeZone,
          e.language,
          JSON.stringify(e.templates),
          event.createdAt,
        ],
      );
      return event;
    },
    /** @param {string} id @param {Omit<PortalEvent, 'id' | 'createdAt'>} e */
    update: async (id, e) =>
      (
        await db.run(
          'UPDATE portal_events SET name = ?, place = ?, event_date = ?, deadline = ?, time_zone = ?, language = ?, templates = ? WHERE id = ?',
          [e.name, e.place, e.date, e.deadline, e.timeZone, e.language, JSON.stringify(e.templates), id],
        )
      ).changes === 1,
  };
}
