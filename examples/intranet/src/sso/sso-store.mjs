// @ts-check
/**
 * Server-side state of the single sign-on (its own migration namespace, `portal_sso`):
 * - sign-ins in progress: the state, nonce and PKCE verifier of each, keyed by the SHA-256 of a
 *   random id that only the browser that started it holds (an HttpOnly cookie), for ten minutes,
 *   and taken exactly once (a replayed callback finds nothing);
 * - which portal sessions came through the provider, so that signing out can also end the
 *   provider's session (OpenID Connect RP-Initiated Logout 1.0).
 * @module
 * @example
 * const store = createSsoStore(db, { now: () => new Date() });
 * const browserId = await store.begin('employee', { state, nonce, codeVerifier });
 * const pending = await store.take(browserId); // null the second time
 */
import { createHash, randomBytes } from 'node:crypto';

/** @typedef {import('../types.js').SqlDatabase} SqlDatabase */
/** @typedef {'employee' | 'staff'} SsoPurpose */
/**
 * @typedef {{ purpose: SsoPurpose, state: string, nonce: string, codeVerifier: string, returnTo: string | null }} PendingSignIn
 */

/** How long a sign-in may take at the provider. */
export const PENDING_MINUTES = 10;

/** The browser's id of a sign-in in progress: 32 bytes, base64url. */
export const BROWSER_ID = /^[A-Za-z0-9_-]{43}$/;

/** @param {string} id */
const hash = (id) => createHash('sha256').update(id).digest('hex');

/** @type {import('../types.js').Migration[]} */
export const SSO_MIGRATIONS = [
  {
    version: 1,
    name: 'sso sign-ins and sessions',
    sql: `
CREATE TABLE portal_sso_pending (
  id_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('employee', 'staff')),
  state TEXT NOT NULL,
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE portal_sso_sessions (
  session_hash TEXT PRIMARY KEY,
  expires_at TEXT NOT NULL
);`,
  },
  {
    // Where the browser goes after signing in (a path of this portal, e.g. the apel QR's
    // /?apel=…&kode=…), so that the provider's round trip does not lose it.
    version: 2,
    name: 'sso return path',
    sql: 'ALTER TABLE portal_sso_pending ADD COLUMN return_to TEXT',
  },
];

/**
 * @param {SqlDatabase} db
 * @param {{ now: () => Date }} clock
 */
export function createSsoStore(db, { now }) {
  const sweep = async () => {
    const at = now().toISOString();
    await db.run('DELETE FROM portal_sso_pending WHERE expires_at <= ?', [at]);
    await db.run('DELETE FROM portal_sso_sessions WHERE expires_at <= ?', [at]);
  };
  return {
    /**
     * Keeps a sign-in in progress; returns the id its browser must show at the callback.
     * @param {SsoPurpose} purpose @param {Omit<PendingSignIn, 'purpose' | 'returnTo'>} secrets
     * @param {string | null} [returnTo] a path of this portal (checked by the caller)
     */
    begin: async (purpose, { state, nonce, codeVerifier }, returnTo = null) => {
      await sweep();
      const id = randomBytes(32).toString('base64url');
      const expires = new Date(now().getTime() + PENDING_MINUTES * 60_000).toISOString();
      await db.run(
        'INSERT INTO portal_sso_pending (id_hash, purpose, state, nonce, code_verifier, return_to, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [hash(id), purpose, state, nonce, codeVerifier, returnTo, expires],
      );
      return id;
    },
    /**
     * Takes the sign-in `browserId` started, once: null when unknown, already taken or expired.
     * Two concurrent callbacks with the same id: the DELETE lets only one of them have it.
     * @param {string} browserId
     * @returns {Promise<PendingSignIn | null>}
     */
    take: async (browserId) => {
      if (!BROWSER_ID.test(browserId)) return null;
      const [row] = /** @type {(PendingSignIn & { expiresAt: string })[]} */ (
        await db.query(
          'SELECT purpose, state, nonce, code_verifier AS "codeVerifier", return_to AS "returnTo", expires_at AS "expiresAt" FROM portal_sso_pending WHERE id_hash = ?',
          [hash(browserId)],
        )
      );
      if (!row) return null;
      const { changes } = await db.run('DELETE FROM portal_sso_pending WHERE id_hash = ?', [hash(browserId)]);
      if (changes !== 1 || Date.parse(row.expiresAt) <= now().getTime()) return null;
      const { purpose, state, nonce, codeVerifier, returnTo } = row;
      return { purpose, state, nonce, codeVerifier, returnTo: returnTo ?? null };
    },
    /** @param {string} sessionId @param {string} expiresAt */
    markSession: async (sessionId, expiresAt) =>
      void (await db.run('INSERT INTO portal_sso_sessions (session_hash, expires_at) VALUES (?, ?)', [
        hash(sessionId),
        expiresAt,
      ])),
    /**
     * Forgets `sessionId`; true when it came through the provider.
     * @param {string} sessionId
     */
    endSession: async (sessionId) =>
      (await db.run('DELETE FROM portal_sso_sessions WHERE session_hash = ?', [hash(sessionId)])).changes === 1,
    /** Number of sign-ins in progress (tests). */
    pendingCount: async () => Number((await db.query('SELECT COUNT(*) AS n FROM portal_sso_pending'))[0]?.n ?? 0),
  };
}
