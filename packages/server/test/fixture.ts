// The service tests' shared fixture, on helpers.ts: a service with status lists sharing the agency
// key (as the portal wires it; drafts and the revocation tests build on it), revoking through the
// VC-API as the agency's systems do, the credential a widget with a browser key builds (the
// employee's own DID as subject), and a refusal checked for status, code and both messages.
import type { Ed25519KeyPair, PledgeCredential, Signer } from '@ikrar/core';
import { expect } from 'vitest';
import {
  createStatusListStore,
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
  type TestService,
} from './helpers.js';

/** The bearer token makeService's VC-API takes. */
export const ISSUE_TOKEN = 'test-token-0123456789';

/**
 * A service on `db` with status lists signed by its agency key (or `signer`), at
 * `https://dinas.example/status`; `extra` adds options that may need the lists (drafts).
 */
export async function serviceWithStatusLists(
  db: SqlDatabase,
  employees: Employee[] = [YUSUF, SRI],
  options: {
    signer?: Signer;
    extra?: (lists: StatusListStore) => Partial<IkrarServiceOptions> | Promise<Partial<IkrarServiceOptions>>;
  } = {},
): Promise<{ svc: TestService; lists: StatusListStore }> {
  const probe = await makeService(db, employees);
  const lists = await createStatusListStore(db, {
    signer: options.signer ?? probe.key.signer,
    issuer: { id: probe.key.controller, name: AGENCY_NAME },
    baseUrl: 'https://dinas.example/status',
  });
  const extra = (await options.extra?.(lists)) ?? {};
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
