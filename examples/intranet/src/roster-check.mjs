// @ts-check
/**
 * Checks a roster CSV before anything is saved: read by @ikrar/verifier's parseRoster (the same
 * dialect `ikrar-verify --roster` reads), then each row: a name, a work unit, an employee type
 * (PNS, PPPK, PPNPN), an identifier valid for that type (NIP, NI PPPK, NIK), no number twice.
 * Every problem is reported with its line.
 * @module
 */
import { DEFAULT_SCHEME, validateIdentifier } from '@ikrar/core';
import { parseRoster, RosterInvalidError } from '@ikrar/verifier';

/** @typedef {{ line: number, code: string, messages: { id: string, en: string } }} RosterProblem */

/**
 * @param {string} text
 * @param {{ now?: Date }} [options]
 * @returns {{ rows: Omit<import('./types.js').Employee, 'id'>[], problems: RosterProblem[] }}
 */
export function checkRoster(text, { now = new Date() } = {}) {
  let entries;
  try {
    entries = parseRoster(text);
  } catch (err) {
    if (err instanceof RosterInvalidError)
      return { rows: [], problems: [{ line: 1, code: err.code, messages: err.messages }] };
    throw err;
  }
  /** @type {RosterProblem[]} */
  const problems = [];
  /** @type {Omit<import('./types.js').Employee, 'id'>[]} */
  const rows = [];
  /** @type {Map<string, number>} */
  const seen = new Map();
  for (const e of entries) {
    const line = e.line ?? 0;
    /** @param {string} code @param {string} id @param {string} en */
    const problem = (code, id, en) => problems.push({ line, code, messages: { id, en } });
    const type = e.employeeType;
    if (type !== 'PNS' && type !== 'PPPK' && type !== 'PPNPN') {
      problem(
        'ERR_ROSTER_TYPE',
        `Jenis pegawai "${type ?? ''}" tidak dikenal (PNS, PPPK, PPNPN).`,
        `Unknown employee type "${type ?? ''}" (PNS, PPPK, PPNPN).`,
      );
      continue;
    }
    if (!e.name) {
      problem('ERR_ROSTER_NAME', 'Nama kosong.', 'The name is empty.');
      continue;
    }
    if (e.workUnit === '-') {
      problem('ERR_ROSTER_UNIT', 'Unit kerja kosong.', 'The work unit is empty.');
      continue;
    }
    const check = validateIdentifier(DEFAULT_SCHEME[type], e.identifier, { now });
    if (!check.valid) {
      problems.push({ line, code: check.code, messages: check.messages });
      continue;
    }
    const identifier = check.parsed.value;
    const first = seen.get(identifier);
    if (first !== undefined) {
      problem(
        'ERR_ROSTER_DUPLICATE',
        `Nomor ini sudah ada di baris ${first}.`,
        `This number is already on line ${first}.`,
      );
      continue;
    }
    seen.set(identifier, line);
    rows.push({ identifier, name: e.name, employeeType: type, position: e.position ?? null, workUnit: e.workUnit });
  }
  return { rows, problems };
}
