// Reads the agency roster (CSV with a header: name,employeeType,identifier,position,workUnit), the
// same format examples/auditor/generate.mjs writes and ikrar-verify --roster reads.
import { validateIdentifier, DEFAULT_SCHEME } from '@ikrar/core';

/** RFC 4180 fields of one CSV line (quotes, doubled quotes, commas inside quotes). */
export function splitCsvLine(line) {
  const cells = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cur);
      cur = '';
    } else cur += c;
  }
  cells.push(cur);
  return cells;
}

/** Parses a roster; a bad row is reported with its line number and skipped, the rest is kept. */
export function parseRoster(text, { now = new Date() } = {}) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim());
  const col = (name) => header.indexOf(name);
  for (const required of ['name', 'employeeType', 'identifier', 'workUnit']) {
    if (col(required) < 0)
      throw new Error(`ERR_ROSTER_HEADER: roster needs a "${required}" column / roster memerlukan kolom "${required}"`);
  }
  const rows = [];
  const problems = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = splitCsvLine(lines[i]);
    const get = (name) => (cells[col(name)] ?? '').trim();
    const employeeType = get('employeeType');
    const identifier = get('identifier');
    if (!['PNS', 'PPPK', 'PPNPN'].includes(employeeType)) {
      problems.push({ line: i + 1, code: 'ERR_ROSTER_ROW', message: `unknown employee type "${employeeType}"` });
      continue;
    }
    const check = validateIdentifier(DEFAULT_SCHEME[employeeType], identifier, { now });
    if (!check.valid) {
      problems.push({ line: i + 1, code: check.code, message: check.messages.en });
      continue;
    }
    rows.push({
      name: get('name'),
      employeeType,
      identifier: check.parsed.value,
      position: col('position') >= 0 ? get('position') || null : null,
      workUnit: get('workUnit'),
    });
  }
  return { rows, problems };
}
