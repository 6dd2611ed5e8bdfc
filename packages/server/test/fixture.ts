// The service tests' shared fixture, on helpers.ts: a service with status lists sharing the agency
// key (as the portal wires it; drafts and the revocation tests build on it), revoking through the
// VC-API as the agency's systems do, an auditor's `ikrar-verify --status` on an export, the
// credential a widget with a browser key builds (the employee's own DID as subject), and a
// refusal checked for status, code and both messages.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ed25519KeyPair, PledgeCredential, Signer } from '@ikrar/core';
import { expect } from 'vitest';
import {
  createStatusListStore,
  type AgencyKey,
  type Employee,
  type IkrarServiceOptions,
  type SqlDatabase,
  type StatusListStore,
} from '../src/index.js';
import {
  AGENCY_NAME,
  SRI,
  YUSUF,
  credentialFor,
  errorOf,
  freshDatabase,
  makeService,
  tempDir,
  type TestService,
} from './helpers.js';

/** The built `ikrar-verify` (packages/verifier/bin.js). */
export const IKRAR_VERIFY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../verifier/bin.js');

/** The bearer token makeService's VC-API takes. */
export const ISSUE_TOKEN = 'test-token-0123456789';

/**
 * A service on `db` with status lists signed by its agency key (or `signer`), at
 * `https://dinas.example/status`, issued in the name `issuerName` (AGENCY_NAME by default);
 * `extra` adds options that may need the lists or the agency key (drafts, the collective).
 */
export async function serviceWithStatusLists(
  db: SqlDatabase,
  employees: Employee[] = [YUSUF, SRI],
  options: {
    signer?: Signer;
    issuerName?: string;
    extra?: (
      lists: StatusListStore,
      key: AgencyKey,
    ) => Partial<IkrarServiceOptions> | Promise<Partial<IkrarServiceOptions>>;
  } = {},
): Promise<{ svc: TestService; lists: StatusListStore }> {
  const probe = await makeService(db, employees);
  const lists = await createStatusListStore(db, {
    signer: options.signer ?? probe.key.signer,
    issuer: { id: probe.key.controller, name: options.issuerName ?? AGENCY_NAME },
    baseUrl: 'https://dinas.example/status',
  });
  const extra = (await options.extra?.(lists, probe.key)) ?? {};
  const svc = await makeService(db, employees, { key: probe.key, statusLists: lists, ...extra });
  return { svc, lists };
}

/** Revokes `credentialId` through the VC-API (`body` adds a reason or overrides a field). */
export function revokeVia(
  svc: Pick<TestService, 'app'>,
  credentialId: string,
  body: Record<string, unknown> = {},
  token = ISSUE_TOKEN,
): Promise<Response> {
  return Promise.resolve(
    svc.app.request('/credentials/status', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        credentialId,
        credentialStatus: [{ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', status: '1' }],
        ...body,
      }),
    }),
  );
}

/** What `ikrar-verify --json` prints: the summary and a result per record. */
export interface VerifyReport {
  summary: Record<string, number>;
  results: { verdict: string; id?: string }[];
}

/**
 * An auditor's check of an export, as the agency publishes it: the JSONL `lines`, the service's
 * `/trust.json` and `/status/1` saved to a temp dir (`prefix`), then the built
 * `ikrar-verify --status --require-status --json --quiet` on them (nothing on stderr).
 * @returns its exit code and its report
 */
export async function verifyExportWithStatus(
  svc: Pick<TestService, 'app'>,
  lines: string[],
  { prefix, timeout }: { prefix: string; timeout: number },
): Promise<{ status: number | null; report: VerifyReport }> {
  const dir = tempDir(prefix);
  const file = (name: string) => path.join(dir, name);
  writeFileSync(file('records.jsonl'), lines.join('\n') + '\n');
  writeFileSync(file('trust.json'), await (await svc.app.request('/trust.json')).text());
  writeFileSync(file('status-1.json'), await (await svc.app.request('/status/1')).text());
  const r = spawnSync(
    process.execPath,
    [
      IKRAR_VERIFY,
      file('records.jsonl'),
      '--trust',
      file('trust.json'),
      '--status',
      file('status-1.json'),
      '--require-status',
      '--json',
      '--quiet',
    ],
    { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8' }, maxBuffer: 64 << 20, timeout },
  );
  expect(r.stderr).toBe('');
  return { status: r.status, report: JSON.parse(r.stdout) as VerifyReport };
}

/** The credential a widget with a browser key builds for `employee`: its own DID as the subject. */
export function ownKeyCredential(
  svc: Pick<TestService, 'key'>,
  employee: Employee,
  own: Pick<Ed25519KeyPair, 'controller'>,
  overrides: Parameters<typeof credentialFor>[2] = {},
): PledgeCredential {
  return credentialFor(svc, employee, {
    signer: { ...employee, id: own.controller, position: employee.position!, workUnit: employee.workUnit! },
    ...overrides,
  });
}

/** Asserts a refusal: its status, and the error's code and both messages. */
export async function expectRefusal(
  res: Response,
  status: number,
  code: string,
  messages: { id: string; en: string },
): Promise<void> {
  expect(res.status, code).toBe(status);
  expect(await errorOf(res)).toMatchObject({ code, messages });
}

/** A service on a fresh SQLite database (helpers' makeService: roster, event, clock, token). */
export async function sqliteService(...args: DropFirst<Parameters<typeof makeService>>): Promise<TestService> {
  return makeService(await freshDatabase('sqlite'), ...args);
}

type DropFirst<T extends unknown[]> = T extends [unknown, ...infer R] ? R : never;
