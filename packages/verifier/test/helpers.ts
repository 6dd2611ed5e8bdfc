/** Test helpers: records made with @ikrar/core's own API, trust stores, and the built command. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPledge, signPledge, type Ed25519KeyPair, type SignedPledge } from '@ikrar/core';
import { digestJson } from '@ikrar/core/crypto';

const here = path.dirname(fileURLToPath(import.meta.url));
export const packageDir: string = path.resolve(here, '..');
export const repoRoot: string = path.resolve(packageDir, '../..');
export const vectorsDir: string = process.env.IKRAR_VECTORS ?? path.resolve(repoRoot, '../shared/vectors');
/** The Wycheproof file; a missing one fails the tests that read it (CI puts ../shared beside the clone). */
export function wycheproofPath(): string {
  const file = path.join(vectorsDir, 'wycheproof-ed25519.json');
  if (!existsSync(file)) {
    throw new Error(`[vectors] ${file} not found: put ../shared beside the repository or set IKRAR_VECTORS`);
  }
  return file;
}
export const binPath: string = path.join(packageDir, 'bin.js');

export interface MakeRecordOptions {
  agency: Ed25519KeyPair;
  /** Sign first with this employee key, then countersign (chain). */
  employee?: Ed25519KeyPair;
  identifier?: string;
  name?: string;
  workUnit?: string;
  employeeType?: 'PNS' | 'PPPK' | 'PPNPN';
  created?: string;
  event?: string;
  issuerName?: string;
  issuerId?: string;
  template?: string;
  /** A `credentialStatus` entry, put in before anyone signs. */
  credentialStatus?: unknown;
}

let serial = 0;
/** A NIP with a fresh serial (birth 1990-01-01, appointed 2015-03, male). */
export function nextNip(): string {
  serial++;
  return `19900101201503${serial % 2 ? 1 : 2}${String(serial % 1000).padStart(3, '0')}`;
}

export async function makeRecord(o: MakeRecordOptions): Promise<SignedPledge> {
  const credential = createPledge({
    template: o.template ?? 'jembrana-2024',
    issuer: { id: o.issuerId ?? o.agency.controller, name: o.issuerName ?? 'Pemerintah Kabupaten Jembrana' },
    signer: {
      ...(o.employee && { id: o.employee.controller }),
      name: o.name ?? 'Ni Luh Putu Ayu',
      employeeType: o.employeeType ?? 'PNS',
      identifier: o.identifier ?? nextNip(),
      workUnit: o.workUnit ?? 'Dinas Kominfo',
    },
    event: { name: o.event ?? 'Pilkada Serentak 2024', date: '2024-10-07' },
    consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'click', acknowledgedAt: '2024-10-07T08:00:00+08:00' },
    timeZone: 'WITA',
    now: new Date('2024-10-07T00:00:00Z'),
  });
  const created = o.created ?? '2024-10-07T08:05:00+08:00';
  let record: SignedPledge | typeof credential =
    o.credentialStatus === undefined ? credential : ({ ...credential, credentialStatus: o.credentialStatus } as never);
  if (o.employee) record = await signPledge(record, o.employee, { created });
  return signPledge(record, o.agency, { created });
}

/** Changes the pledge text, fixes its digest and re-signs: signatures hold, the wording does not. */
export async function alterText(record: SignedPledge, agency: Ed25519KeyPair): Promise<SignedPledge> {
  const copy = structuredClone(record) as unknown as {
    proof?: unknown;
    credentialSubject: { pledge: Record<string, unknown> & { points: string[] } };
  };
  delete copy.proof;
  const pledge = copy.credentialSubject.pledge;
  pledge.points[1] = 'Saya boleh berkampanye untuk calon mana pun.';
  const { digestMultibase: _d, ...body } = pledge;
  void _d;
  pledge.digestMultibase = digestJson(body);
  return signPledge(copy as never, agency, { created: '2024-10-07T08:05:00+08:00' });
}

export function trustFor(
  agency: Ed25519KeyPair,
  extra: Partial<{ validFrom: string | null; validUntil: string | null; revokedAt: string | null; name: string }> = {},
) {
  return {
    issuers: [
      {
        id: agency.controller,
        name: extra.name ?? 'Pemerintah Kabupaten Jembrana',
        validFrom: extra.validFrom === undefined ? '2024-01-01T00:00:00+08:00' : extra.validFrom,
        validUntil: extra.validUntil ?? null,
        revokedAt: extra.revokedAt ?? null,
      },
    ],
  };
}

export function tempDir(prefix = 'ikrar-verify-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function writeJsonl(file: string, records: readonly unknown[]): void {
  writeFileSync(file, records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n');
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `bin.js` (build first: `pnpm --filter @ikrar/verifier build`). */
export function runCli(
  args: readonly string[],
  options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {},
): CliRun {
  if (!existsSync(path.join(packageDir, 'dist/cli.js'))) {
    throw new Error('dist/cli.js is missing: run `pnpm --filter @ikrar/verifier build` before the tests');
  }
  const r = spawnSync(process.execPath, [binPath, ...args], {
    input: options.input ?? '',
    encoding: 'utf8',
    cwd: options.cwd ?? packageDir,
    env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', ...options.env },
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
