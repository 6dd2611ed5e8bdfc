// The intranet's embedded database: SQLite (better-sqlite3) in WAL mode with synchronous=FULL, so a
// countersigned record is on disk before the employee is told it is done. One record per employee
// per event, enforced by a UNIQUE constraint, makes signing idempotent.
import { canonicalize } from '@ikrar/core';
import Database from 'better-sqlite3';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS employees (
  identifier    TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  employee_type TEXT NOT NULL CHECK (employee_type IN ('PNS', 'PPPK', 'PPNPN')),
  position      TEXT,
  work_unit     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
  id          TEXT PRIMARY KEY,
  identifier  TEXT NOT NULL REFERENCES employees(identifier),
  event_name  TEXT NOT NULL,
  signed_at   TEXT NOT NULL,
  record      TEXT NOT NULL,
  UNIQUE (identifier, event_name)
);
CREATE INDEX IF NOT EXISTS records_event ON records(event_name);
-- A drawn signature's strokes, kept beside its record so the server's certificate can draw it.
-- The record holds only their digest (consent.signatureDigestMultibase).
CREATE TABLE IF NOT EXISTS drawings (
  record_id TEXT PRIMARY KEY REFERENCES records(id),
  drawing   TEXT NOT NULL
);
`;

export function openDatabase(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  const q = {
    employee: db.prepare(
      'SELECT identifier, name, employee_type AS employeeType, position, work_unit AS workUnit FROM employees WHERE identifier = ?',
    ),
    employees: db.prepare(
      'SELECT identifier, name, employee_type AS employeeType, position, work_unit AS workUnit FROM employees ORDER BY work_unit, name',
    ),
    countEmployees: db.prepare('SELECT COUNT(*) AS n FROM employees'),
    upsertEmployee: db.prepare(
      `INSERT INTO employees (identifier, name, employee_type, position, work_unit) VALUES (@identifier, @name, @employeeType, @position, @workUnit)
       ON CONFLICT(identifier) DO UPDATE SET name = excluded.name, employee_type = excluded.employee_type, position = excluded.position, work_unit = excluded.work_unit`,
    ),
    recordById: db.prepare('SELECT record FROM records WHERE id = ?'),
    recordFor: db.prepare('SELECT record FROM records WHERE identifier = ? AND event_name = ?'),
    insertRecord: db.prepare(
      'INSERT INTO records (id, identifier, event_name, signed_at, record) VALUES (?, ?, ?, ?, ?)',
    ),
    signedIdentifiers: db.prepare('SELECT identifier, signed_at AS signedAt, id FROM records WHERE event_name = ?'),
    allRecords: db.prepare('SELECT record FROM records WHERE event_name = ? ORDER BY signed_at, id'),
    insertDrawing: db.prepare('INSERT OR IGNORE INTO drawings (record_id, drawing) VALUES (?, ?)'),
    drawingFor: db.prepare('SELECT drawing FROM drawings WHERE record_id = ?'),
  };

  return {
    close: () => db.close(),
    employee: (identifier) => q.employee.get(identifier) ?? null,
    employees: () => q.employees.all(),
    employeeCount: () => q.countEmployees.get().n,
    importRoster: db.transaction((rows) => {
      for (const r of rows) q.upsertEmployee.run({ position: null, ...r });
      return rows.length;
    }),
    recordById: (id) => {
      const row = q.recordById.get(id);
      return row ? JSON.parse(row.record) : null;
    },
    /**
     * Stores a countersigned record unless the employee already signed this event; returns the
     * record that is stored (the earlier one on a replay) and whether it is new. Atomic.
     */
    storeRecord: db.transaction((record, identifier, eventName) => {
      const existing = q.recordFor.get(identifier, eventName);
      if (existing) return { record: JSON.parse(existing.record), created: false };
      const proofs = Array.isArray(record.proof) ? record.proof : [record.proof];
      const signedAt = proofs[proofs.length - 1].created;
      // Stored in RFC 8785 canonical form, so export.jsonl lines are canonical too.
      q.insertRecord.run(record.id, identifier, eventName, signedAt, canonicalize(record));
      return { record, created: true };
    }),
    /** Keeps the strokes of a record's drawn signature (checked against its digest by the caller). Idempotent. */
    storeDrawing: (recordId, drawing) => void q.insertDrawing.run(recordId, JSON.stringify(drawing)),
    drawingFor: (recordId) => {
      const row = q.drawingFor.get(recordId);
      return row ? JSON.parse(row.drawing) : null;
    },
    signed: (eventName) => q.signedIdentifiers.all(eventName),
    *iterateRecords(eventName) {
      for (const row of q.allRecords.iterate(eventName)) yield row.record;
    },
  };
}
