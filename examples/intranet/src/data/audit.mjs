// @ts-check
/**
 * The audit log: every view of unmasked personal data (an identifier revealed, a record or
 * certificate opened by staff, an export) with who, when, what and from where. Append-only
 * from the portal; administrators read it.
 * @module
 */

/** @typedef {import('../types.js').SqlDatabase} SqlDatabase */

/**
 * @typedef {{ id: number, at: string, actor: string, action: string, target: string | null, address: string | null }} AuditEntry
 */

/**
 * @param {SqlDatabase} db
 * @param {{ now: () => Date }} clock
 */
export function createAuditLog(db, { now }) {
  return {
    /** @param {{ actor: string, action: string, target?: string | null, address?: string | null }} e */
    write: async (e) =>
      void (await db.run('INSERT INTO portal_audit (at, actor, action, target, address) VALUES (?, ?, ?, ?, ?)', [
        now().toISOString(),
        e.actor,
        e.action,
        e.target ?? null,
        e.address ?? null,
      ])),
    /**
     * Newest first, `limit` at a time, before entry id `before` (keyset pagination).
     * @param {{ limit: number, before?: number }} page
     * @returns {Promise<AuditEntry[]>}
     */
    list: async ({ limit, before }) =>
      (
        await db.query(
          `SELECT id, at, actor, action, target, address FROM portal_audit ${before ? 'WHERE id < ?' : ''} ORDER BY id DESC LIMIT ?`,
          before ? [before, limit] : [limit],
        )
      ).map((r) => /** @type {AuditEntry} */ ({ ...r, id: Number(r.id) })),
  };
}
