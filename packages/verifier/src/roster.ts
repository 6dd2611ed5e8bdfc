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
}

/** Parses RFC 4180 CSV into rows (quoted fields, doubled quotes, CRLF or LF). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
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
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',' || c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
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
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

const NAMES = {
  identifier: ['identifier', 'nip', 'nik', 'nomor_induk', 'nomorinduk', 'id'],
  name: ['name', 'nama'],
  workUnit: ['workunit', 'work_unit', 'unit', 'unit_kerja', 'unitkerja'],
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
  const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
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
  const out: RosterEntry[] = [];
  for (const r of rows) {
    const identifier = (r[idCol] ?? '').replace(/\s+/g, '');
    if (identifier === '') continue;
    const name = nameCol >= 0 ? r[nameCol]?.trim() : undefined;
    out.push({
      identifier,
      ...(name && { name }),
      workUnit: (unitCol >= 0 ? r[unitCol]?.trim() : '') || '-',
    });
  }
  return out;
}
