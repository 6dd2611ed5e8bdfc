// The roster reader the auditor's --roster and the agency portal's upload share: columns found by
// header name, RFC 4180 quoting, and the line each row starts on (for per-line errors).
import { describe, expect, it } from 'vitest';
import { parseRoster, RosterInvalidError } from '../src/index.js';

describe('parseRoster', () => {
  it('reads the portal columns (type, position) and the line of each row, quoted newlines included', () => {
    const csv =
      'name,employeeType,identifier,position,workUnit\r\n' +
      'Budi,PNS,199001012015031001,"Analis,\nAhli Muda",Dinas Kominfo\r\n' +
      '\r\n' +
      'Sari,PPNPN,5101014101900001,,Sekretariat\n';
    expect(parseRoster(csv)).toEqual([
      {
        identifier: '199001012015031001',
        name: 'Budi',
        workUnit: 'Dinas Kominfo',
        employeeType: 'PNS',
        position: 'Analis,\nAhli Muda',
        line: 2,
      },
      { identifier: '5101014101900001', name: 'Sari', workUnit: 'Sekretariat', employeeType: 'PPNPN', line: 5 },
    ]);
  });

  it('takes the Indonesian headers, semicolons, and leaves type and position out when absent', () => {
    expect(parseRoster('nip;nama;unit_kerja;jenis;jabatan\n199001012015031001;Budi;Kominfo;PPPK;Staf\n')).toEqual([
      {
        identifier: '199001012015031001',
        name: 'Budi',
        workUnit: 'Kominfo',
        employeeType: 'PPPK',
        position: 'Staf',
        line: 2,
      },
    ]);
    expect(parseRoster('nip\n199001012015031001\n')).toEqual([
      { identifier: '199001012015031001', workUnit: '-', line: 2 },
    ]);
  });

  it('refuses a roster without an identifier column, and an unclosed quote, with ERR_ROSTER_INVALID', () => {
    for (const [csv, en] of [
      ['name,workUnit\nBudi,X\n', 'Roster: no identifier column (identifier, nip or nik).'],
      ['nip,nama\n1,"Budi\n', 'Roster: a quoted field is not closed.'],
    ]) {
      let err: unknown;
      try {
        parseRoster(csv);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(RosterInvalidError);
      expect(err).toMatchObject({ code: 'ERR_ROSTER_INVALID', message: en });
    }
  });
});
