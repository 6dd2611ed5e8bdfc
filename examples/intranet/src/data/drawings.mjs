// @ts-check
/**
 * The strokes of drawn signatures, beside the records @ikrar/server stores: the record holds only
 * their digest; the portal keeps the strokes so its certificate can draw them.
 * @module
 */

/** @param {import('../types.js').SqlDatabase} db */
export function createDrawingStore(db) {
  return {
    /** Idempotent. @param {string} recordId @param {unknown} drawing */
    put: async (recordId, drawing) =>
      void (await db.run(
        'INSERT INTO portal_record_drawings (record_id, drawing) VALUES (?, ?) ON CONFLICT DO NOTHING',
        [recordId, JSON.stringify(drawing)],
      )),
    /** @param {string} recordId */
    get: async (recordId) => {
      const [row] = await db.query('SELECT drawing FROM portal_record_drawings WHERE record_id = ?', [recordId]);
      return row ? JSON.parse(String(row.drawing)) : null;
    },
  };
}
