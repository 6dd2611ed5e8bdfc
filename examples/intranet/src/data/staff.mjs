// @ts-check
/**
 * Administrator and auditor accounts, with scrypt password hashes (N=2^15, r=8, p=1, 16-byte
 * salt). The first start creates `admin` with a random password that is printed once.
 * @module
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** @typedef {import('../types.js').SqlDatabase} SqlDatabase */
/** @typedef {import('../types.js').StaffRole} StaffRole */

const N = 2 ** 15;
const R = 8;
const P = 1;

/**
 * @param {string} password @param {Buffer} salt @param {number} n
 * @returns {Promise<Buffer>}
 */
const derive = (password, salt, n) =>
  new Promise((resolve, reject) =>
    scrypt(password, salt, 32, { N: n, r: R, p: P, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );

/** @param {string} password */
export async function hashPassword(password) {
  const salt = randomBytes(16);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${(await derive(password, salt, N)).toString('base64url')}`;
}

/** @param {string} password @param {string} stored */
export async function checkPassword(password, stored) {
  const [scheme, n, , , salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(n));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A password to print once: 20 characters from 15 random bytes. */
export const generatePassword = () => randomBytes(15).toString('base64url');

/**
 * @param {SqlDatabase} db
 * @param {{ now: () => Date }} clock
 */
export function createStaffStore(db, { now }) {
  // Hash of a password nobody has, so that an unknown user costs as much as a wrong password.
  const decoy = hashPassword(generatePassword());
  return {
    count: async () => Number((await db.query('SELECT COUNT(*) AS n FROM portal_staff'))[0]?.n ?? 0),
    /** @param {string} username @param {StaffRole} role @param {string} password */
    create: async (username, role, password) =>
      void (await db.run('INSERT INTO portal_staff (username, role, password_hash, created_at) VALUES (?, ?, ?, ?)', [
        username,
        role,
        await hashPassword(password),
        now().toISOString(),
      ])),
    /**
     * The role of a staff account, for a sign-in through the agency's SSO (no password).
     * @param {string} username
     * @returns {Promise<StaffRole | null>}
     */
    roleOf: async (username) => {
      const [row] = /** @type {{ role: StaffRole }[]} */ (
        await db.query('SELECT role FROM portal_staff WHERE username = ?', [username])
      );
      return row?.role ?? null;
    },
    /**
     * @param {string} username @param {string} password
     * @returns {Promise<{ username: string, role: StaffRole } | null>}
     */
    authenticate: async (username, password) => {
      const [row] = /** @type {{ role: StaffRole, hash: string }[]} */ (
        await db.query('SELECT role, password_hash AS hash FROM portal_staff WHERE username = ?', [username])
      );
      const ok = await checkPassword(password, row?.hash ?? (await decoy));
      return row && ok ? { username, role: row.role } : null;
    },
  };
}
