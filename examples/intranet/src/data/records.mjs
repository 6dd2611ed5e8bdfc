// @ts-check
/**
 * Countersigned records, one per employee per event (UNIQUE), stored in RFC 8785 canonical form
 * so export lines are canonical; the strokes of drawn signatures beside them. A retry of the same
 * employee and event gets the stored record back.
 * @module
 */
import { canonicalize } from '@ikrar/core';
import { PortalError } from '../http/errors.mjs';

/** @typedef {import('../types.js').SqlDatabase} SqlDatabase */

/** @param {SqlDatabase} db */
export function createRecordStore(db) {
  return {
    /**
     * @param {import('@ikrar/core').SignedPledge} record
     * @param {{ employeeId: string, eventId: string, signedAt: string }} who
     * @returns {Promise<{ record: unknown, created: boolean }>}
     */
    store: (record, { employeeId, eventId, signedAt }) =>
      db.transaction(async (tx) => {
        const [existing] = await tx.query('SELECT record FROM portal_records WHERE employee_id = ? AND event_id = ?', [
          employeeId,
          eventId,
        ]);
        if (existing) return { record: JSON.parse(String(existing.record)), created: false };
        if ((await tx.query('SELECT 1 AS taken FROM portal_records WHERE id = ?', [record.id])).length) {
          throw new PortalError('ERR_RECORD_ID_TAKEN', {
            status: 409,
            messages: { id: 'Id rekaman ini sudah dipakai.', en: 'This record id is already taken.' },
          });
        }
        await tx.run(
          'INSERT INTO portal_records (id, event_id, employee_id, signed_at, record) VALUES (?, ?, ?, ?, ?)',
          [record.id, eventId, employeeId, signedAt, canonicalize(record)],
        );
        return { record, created: true };
      }),
    /**
     * @param {string} id `urn:uuid:…`
     * @returns {Promise<{ record: any, employeeId: string, eventId: string } | null>}
     */
    byId: async (id) => {
      const [row] = await db.query(
        'SELECT record, employee_id AS "employeeId", event_id AS "eventId" FROM portal_records WHERE id = ?',
        [id],
      );
      return row
        ? { record: JSON.parse(String(row.record)), employeeId: String(row.employeeId), eventId: String(row.eventId) }
        : null;
    },
    /** @param {string} employeeId @param {string} eventId @returns {Promise<{ id: string, signedAt: string } | null>} */
    signedBy: async (employeeId, eventId) => {
      const [row] = await db.query(
        'SELECT id, signed_at AS "signedAt" FROM portal_records WHERE employee_id = ? AND event_id = ?',
        [employeeId, eventId],
      );
      return /** @type {any} */ (row) ?? null;
    },
    /**
     * One page of an event's records in id order, after `afterId` (keyset pagination: an export
     * never holds more than a page in memory).
     * @param {string} eventId @param {string} afterId @param {number} limit
     * @returns {Promise<{ id: string, record: string }[]>}
     */
    page: async (eventId, afterId, limit) =>
      /** @type {any[]} */ (
        await db.query('SELECT id, record FROM portal_records WHERE event_id = ? AND id > ? ORDER BY id LIMIT ?', [
          eventId,
          afterId,
          limit,
        ])
      ),
    /** @param {string} recordId @param {unknown} drawing */
    storeDrawing: async (recordId, drawing) =>
      void (await db.run('INSERT INTO portal_drawings (record_id, drawing) VALUES (?, ?) ON CONFLICT DO NOTHING', [
        recordId,
        JSON.stringify(drawing),
      ])),
    /** @param {string} recordId */
    drawingFor: async (recordId) => {
      const [row] = await db.query('SELECT drawing FROM portal_drawings WHERE record_id = ?', [recordId]);
      return row ? JSON.parse(String(row.drawing)) : null;
    },
  };
}
