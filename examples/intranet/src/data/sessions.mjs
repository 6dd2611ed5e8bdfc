// @ts-check
/**
 * Server-side sessions: the cookie holds 32 random bytes and nothing else; the database holds
 * only their SHA-256 (a copy of the table signs nobody in), who it is, the CSRF token and the
 * expiry. Signing in always makes a new id; signing out deletes the row.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';

/** @typedef {import('../types.js').Session} Session */
/** @typedef {import('../types.js').SqlDatabase} SqlDatabase */

/** What a session cookie looks like: 32 bytes, base64url. Anything else is malformed. */
export const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** @param {string} id */
const hash = (id) => createHash('sha256').update(id).digest('hex');

/**
 * @param {SqlDatabase} db
 * @param {{ now: () => Date, hours: number }} options
 */
export function createSessionStore(db, { now, hours }) {
  return {
    /**
     * @param {Pick<Session, 'kind' | 'subject' | 'role'>} who
     * @returns {Promise<{ id: string, session: Session }>}
     */
    create: async (who) => {
      const id = randomBytes(32).toString('base64url');
      const at = now();
      const session = {
        ...who,
        csrf: randomBytes(32).toString('base64url'),
        expiresAt: new Date(at.getTime() + hours * 3600_000).toISOString(),
      };
      await db.run(
        'INSERT INTO portal_sessions (id_hash, kind, subject, role, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [hash(id), session.kind, session.subject, session.role, session.csrf, at.toISOString(), session.expiresAt],
      );
      return { id, session };
    },
    /** @param {string} id @returns {Promise<Session | null>} null when unknown or expired */
    find: async (id) => {
      const [row] = /** @type {Session[]} */ (
        await db.query(
          'SELECT kind, subject, role, csrf, expires_at AS "expiresAt" FROM portal_sessions WHERE id_hash = ?',
          [hash(id)],
        )
      );
      if (!row) return null;
      if (Date.parse(row.expiresAt) <= now().getTime()) {
        await db.run('DELETE FROM portal_sessions WHERE id_hash = ?', [hash(id)]);
        return null;
      }
      return row;
    },
    /** @param {string} id */
    destroy: async (id) => void (await db.run('DELETE FROM portal_sessions WHERE id_hash = ?', [hash(id)])),
    /** Deletes expired sessions. */
    sweep: async () =>
      (await db.run('DELETE FROM portal_sessions WHERE expires_at < ?', [now().toISOString()])).changes,
  };
}
