// @ts-check
/**
 * The audit log: every view of unmasked personal data (an identifier revealed, a record or
 * certificate opened by staff, an export) and every revocation (with its reason, in `detail`),
 * with who, when, what and from where. Append-only
 * from the portal; administrators read it.
 * @module
 */

/** @typedef {import('../types.js').SqlDatabase} SqlDatabase */

/**
 * @typedef {{ id: number, at: string, actor: string, action: string, target: string | null, address: string | null,
 *   detail: string | null }} AuditEntry
 */

/**
 * @param {SqlDatabase} db
 * @param {{ now: () => Date }} clock
 */
export function createAuditLog(db, { now }) {
  return {
    /**
     * @param {{ actor: string, action: string, target?: string | null, address?: string | null, detail?: string | null }} e
     * @param {SqlDatabase} [tx] inside the caller's transaction (a revocation and its entry land together)
     */
    write: async (e, tx = db) =>
      void (await tx.run(
        'INSERT INTO portal_audit (at, actor, action, target, address, detail) VALUES (?, ?, ?, ?, ?, ?)',
        [now().toISOString(), e.actor, e.action, e.target ?? null, e.address ?? null, e.detail ?? null],
      )),
    /**
     * The entries of one action on one target, oldest first (a record's revocation).
     * @param {string} action @param {string} target
     * @returns {Promise<AuditEntry[]>}
     */
    about: async (action, target) =>
      (
        await db.query(
          'SELECT id, at, actor, action, target, address, detail FROM portal_audit WHERE action = ? AND target = ? ORDER BY id',
          [action, target],
        )
      ).map((r) => /** @type {AuditEntry} */ ({ ...r, id: Number(r.id) })),
    /**
     * Newest first, `limit` at a time, before entry id `before` (keyset pagination).
     * @param {{ limit: number, before?: number }} page
     * @returns {Promise<AuditEntry[]>}
     */
    list: async ({ limit, before }) =>
      (
        await db.query(
          `SELECT id, at, actor, action, target, address, detail FROM portal_audit ${before ? 'WHERE id < ?' : ''} ORDER BY id DESC LIMIT ?`,
          before ? [before, limit] : [limit],
        )
      ).map((r) => /** @type {AuditEntry} */ ({ ...r, id: Number(r.id) })),
  };
}
