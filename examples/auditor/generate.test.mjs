// The sample generator end to end: run it as a user would, then check every record, the roster
// and the trust store.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalize, parseJson, validateIdentifier, verifyPledge } from '@ikrar/core';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('examples/auditor/generate.mjs', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'ikrar-sample-'));
  const run = spawnSync(
    process.execPath,
    [path.join(here, 'generate.mjs'), '--count', '300', '--out', out, '--chained', '0.3'],
    {
      encoding: 'utf8',
    },
  );

  it('exits 0 and reports records/s', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/wrote 300 records \(\d+ chained to an employee proof\).*records\/s/);
  });

  it('writes records that all verify, some chained to an employee proof, issued by the trusted key', async () => {
    const trust = JSON.parse(readFileSync(path.join(out, 'trust.json'), 'utf8'));
    expect(trust.issuers).toHaveLength(1);
    expect(trust.issuers[0]).toMatchObject({
      name: 'Pemerintah Kabupaten Jembrana',
      validUntil: null,
      revokedAt: null,
    });
    const lines = readFileSync(path.join(out, 'records.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(300);
    let chained = 0;
    for (const [i, line] of lines.entries()) {
      const record = parseJson(line);
      expect(canonicalize(record), `line ${i + 1} is its own RFC 8785 form`).toBe(line);
      const result = await verifyPledge(record);
      expect(result.verified, `line ${i + 1}: ${result.code}`).toBe(true);
      expect(result.issuer).toBe(trust.issuers[0].id);
      if (result.proofs.length === 2) chained++;
    }
    expect(chained).toBeGreaterThan(30);
    expect(chained).toBeLessThan(150);
  });

  it('writes a roster of structurally valid identifiers, with PNS, PPPK and PPNPN', () => {
    const rows = readFileSync(path.join(out, 'roster.csv'), 'utf8').trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(300);
    const types = new Set();
    for (const row of rows) {
      const cells = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, ''));
      const [, type, id] = cells;
      types.add(type);
      const scheme = type === 'PNS' ? 'NIP' : type === 'PPPK' ? 'NI-PPPK' : 'NIK';
      expect(validateIdentifier(scheme, id, { now: new Date('2024-10-07') }).valid, `${type} ${id}`).toBe(true);
    }
    expect([...types].sort()).toEqual(['PNS', 'PPNPN', 'PPPK']);
  });

  it('refuses a bad --count with exit code 2 and a stable code', () => {
    const bad = spawnSync(process.execPath, [path.join(here, 'generate.mjs'), '--count', 'banyak'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^ERR_USAGE:/);
  });
});
