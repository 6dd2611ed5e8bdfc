// @ts-check
/**
 * The portal's own tables (namespace `portal`): roster, events, sessions, staff accounts, the
 * audit log, and (until @ikrar/server stores them) records and drawings. SQL that SQLite and
 * PostgreSQL both run; times are RFC 3339 text.
 * @module
 */

/** @param {string} autoId the dialect's auto-increment primary key */
const tables = (autoId) => `
CREATE TABLE portal_employees (
  id TEXT PRIMARY KEY,
  identifier TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  employee_type TEXT NOT NULL CHECK (employee_type IN ('PNS', 'PPPK', 'PPNPN')),
  position TEXT,
  work_unit TEXT NOT NULL
);
CREATE INDEX portal_employees_unit ON portal_employees (work_unit, name);
CREATE TABLE portal_events (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  place TEXT,
  event_date TEXT,
  deadline TEXT,
  time_zone TEXT NOT NULL,
  language TEXT NOT NULL,
  templates TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE portal_sessions (
  id_hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  role TEXT,
  csrf TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE portal_staff (
  username TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('admin', 'auditor')),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE portal_audit (
  id ${autoId},
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  address TEXT
);
CREATE TABLE portal_records (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES portal_events (id),
  employee_id TEXT NOT NULL REFERENCES portal_employees (id),
  signed_at TEXT NOT NULL,
  record TEXT NOT NULL,
  UNIQUE (employee_id, event_id)
);
CREATE INDEX portal_records_event ON portal_records (event_id, id);
CREATE TABLE portal_drawings (
  record_id TEXT PRIMARY KEY REFERENCES portal_records (id),
  drawing TEXT NOT NULL
);`;

/** @type {import('../types.js').Migration[]} */
export const PORTAL_MIGRATIONS = [
  {
    version: 1,
    name: 'portal tables',
    sql: { sqlite: tables('INTEGER PRIMARY KEY AUTOINCREMENT'), postgres: tables('BIGSERIAL PRIMARY KEY') },
  },
  {
    // Names folded for search (lower case, no diacritics: "Śri" is found as "sri"); filled by
    // the employee store, which also fills rows written before this column.
    version: 2,
    name: 'employee search name',
    sql: "ALTER TABLE portal_employees ADD COLUMN search_name TEXT NOT NULL DEFAULT ''",
  },
  {
    // Records move to @ikrar/server's store (ikrar_records, migrated before this); drawings stay
    // here, keyed by record id.
    version: 3,
    name: 'records in the service store',
    sql: `
INSERT INTO ikrar_records (id, event_id, identifier, signed_at, stored_at, record)
  SELECT r.id, r.event_id, e.identifier, r.signed_at, r.signed_at, r.record
  FROM portal_records r JOIN portal_employees e ON e.id = r.employee_id WHERE true
  ON CONFLICT DO NOTHING;
CREATE TABLE portal_record_drawings (record_id TEXT PRIMARY KEY, drawing TEXT NOT NULL);
INSERT INTO portal_record_drawings (record_id, drawing) SELECT record_id, drawing FROM portal_drawings;
DROP TABLE portal_drawings;
DROP TABLE portal_records;`,
  },
  {
    // Revocation (#12): the audit log keeps a revocation's reason beside who, when, what and
    // from where; revoked records of an event are found per employee by a small partial index.
    version: 4,
    name: 'revocation',
    sql: `
ALTER TABLE portal_audit ADD COLUMN detail TEXT;
CREATE INDEX portal_audit_target ON portal_audit (action, target);
CREATE INDEX portal_records_revoked ON ikrar_records (event_id, identifier) WHERE revoked_at IS NOT NULL;`,
  },
  {
    // Coverage a page at a time on a large roster (#11): people in name order and in unit order
    // (then name) with the id as the last key, so a page is a range of the index (keyset paging)
    // instead of a sort of the whole filtered roster. The (work_unit, name) index is a prefix of
    // the new one.
    version: 5,
    name: 'coverage paging',
    sql: `
CREATE INDEX portal_employees_name_page ON portal_employees (name, id);
CREATE INDEX portal_employees_unit_page ON portal_employees (work_unit, name, id);
DROP INDEX portal_employees_unit;`,
  },
];
