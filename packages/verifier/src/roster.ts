/**
 * The roster an auditor checks coverage against: a CSV of the people who should have signed,
 * with their work unit. Columns are found by header name (Indonesian or English):
 * identifier (`identifier`, `nip`, `nik`, `nomor_induk`), name (`name`, `nama`) and work unit
 * (`workUnit`, `work_unit`, `unit`, `unit_kerja`, `unitKerja`). RFC 4180 quoting.
 *
 * @module
 * @example
 * ```ts
 * import { parseRoster } from '@ikrar/verifier';
 * parseRoster('nip,nama,unit_kerja\n199001012015031001,Budi,Dinas Kominfo\n');
 * ```
 */
import { RosterInvalidError } from './errors.js';

/** One person expected to sign. */
export interface RosterEntry {
  readonly identifier: string;
  readonly name?: string;
  readonly workUnit: string;
  /** `employeeType` / `jenis` / `jenis_pegawai` column (PNS, PPPK, PPNPN), as written. */
  readonly employeeType?: string;
  /** `position` / `jabatan` column. */
  readonly position?: string;
  /** Line of the file where the row starts (1 is the header), for error messages. */
  readonly line?: number;
}

interface CsvRow {
  readonly cells: string[];
  readonly line?: number;
}

/** Parses RFC 4180 CSV into rows (quoted fields, doubled quotes, CRLF or LF). */
function csvRows(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let row: string[] = [];
  let line = 1;
  let rowLine = 1;
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',' || c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push({ cells: row, line: rowLine });
      row = [];
      field = '';
      rowLine = ++line;
    } else field += c;
  }
  if (quoted) {
    throw new RosterInvalidError({
      en: 'Roster: a quoted field is not closed.',
      id: 'Roster: kolom berkutip tidak ditutup.',
    });
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push({ cells: row, line: rowLine });
  }
  return rows.filter((r) => r.cells.some((f) => f.trim() !== ''));
}

const NAMES = {
  identifier: ['identifier', 'nip', 'nik', 'nomor_induk', 'nomorinduk', 'id'],
  name: ['name', 'nama'],
  workUnit: ['workunit', 'work_unit', 'unit', 'unit_kerja', 'unitkerja'],
  employeeType: ['employeetype', 'employee_type', 'jenis', 'jenis_pegawai', 'jenispegawai'],
  position: ['position', 'jabatan'],
};

/**
 * Parses a roster CSV.
 *
 * @param text - the CSV text, with a header row
 * @returns the entries, in file order
 * @throws {RosterInvalidError} `ERR_ROSTER_INVALID` without an identifier column, or an unclosed quote
 * @example parseRoster(csvText).length
 */
export function parseRoster(text: string): RosterEntry[] {
  const rows = csvRows(text);
  const header = (rows.shift()?.cells ?? []).map((h) => h.trim().toLowerCase());
  const col = (names: string[]): number => header.findIndex((h) => names.includes(h));
  const idCol = col(NAMES.identifier);
  if (idCol < 0) {
    throw new RosterInvalidError({
      en: 'Roster: no identifier column (identifier, nip or nik).',
      id: 'Roster: tidak ada kolom nomor induk (identifier, nip, atau nik).',
    });
  }
  const nameCol = col(NAMES.name);
  const unitCol = col(NAMES.workUnit);
  const typeCol = col(NAMES.employeeType);
  const positionCol = col(NAMES.position);
  const out: RosterEntry[] = [];
  for (const { cells: r, line } of rows) {
    const identifier = (r[idCol] ?? '').replace(/\s+/g, '');
    if (identifier === '') continue;
    const name = nameCol >= 0 ? r[nameCol]?.trim() : undefined;
    const employeeType = typeCol >= 0 ? r[typeCol]?.trim() : undefined;
    const position = positionCol >= 0 ? r[positionCol]?.trim() : undefined;
    out.push({
      identifier,
      ...(name && { name }),
      workUnit: (unitCol >= 0 ? r[unitCol]?.trim() : '') || '-',
      ...(employeeType && { employeeType }),
      ...(position && { position }),
      line,
    });
  }
  return out;
}
