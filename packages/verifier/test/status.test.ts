// Revocation with saved status list credentials: the library (loadStatusLists, the revoked and
// status-unknown verdicts) and the built command (--status FILE|DIR, --require-status, exit codes,
// --json, --html). Lists are signed with core's own API; an attacker's lists (unsigned, altered,
// by another issuer, by an untrusted key) are refused or never vouch.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateKeyPair, type SignedPledge } from '@ikrar/core';
import {
  createStatusEntry,
  createStatusList,
  createStatusListCredential,
  issueStatusListCredential,
  setStatus,
} from '@ikrar/core/status';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRecordVerifier,
  loadStatusLists,
  parseTrustStore,
  StatusListInvalidError,
  verdictMessage,
  verifyRecords,
} from '../src/index.js';
import { makeRecord, runCli, tempDir, trustFor, writeJsonl } from './helpers.js';

const URL1 = 'https://dinas.example/status/1';
const URL2 = 'https://dinas.example/status/2';
const agency = generateKeyPair();
const stranger = generateKeyPair();
const store = parseTrustStore(trustFor(agency));
const created = { created: '2024-10-08T09:00:00+08:00', timeZone: 'WITA' } as const;
const dir = tempDir('ikrar-status-');
const f = (name: string): string => path.join(dir, name);

let list1: Awaited<ReturnType<typeof issueStatusListCredential>>;
let records: SignedPledge[] = [];

async function listWith(url: string, revoked: number[], key = agency, issuer = agency.controller) {
  const bits = createStatusList();
  for (const i of revoked) setStatus(bits, i, true);
  return issueStatusListCredential({ id: url, issuer, list: bits }, key, created);
}

beforeAll(async () => {
  list1 = await listWith(URL1, [5, 94567]);
  records = [
    await makeRecord({ agency, credentialStatus: createStatusEntry(URL1, 94567) }), // revoked
    await makeRecord({ agency, credentialStatus: createStatusEntry(URL1, 6) }), // valid
    await makeRecord({ agency }), // no status
    await makeRecord({ agency, credentialStatus: createStatusEntry(URL2, 5) }), // list not given
  ];
  writeFileSync(f('trust.json'), JSON.stringify(trustFor(agency)));
  writeJsonl(f('records.jsonl'), records);
  writeFileSync(f('list1.json'), JSON.stringify(list1));
  mkdirSync(f('lists'));
  writeFileSync(f('lists/1.json'), JSON.stringify(list1));
  writeFileSync(f('lists/2.json'), JSON.stringify(await listWith(URL2, [])));
  writeFileSync(f('lists/notes.txt'), 'ignored');
  const { proof: _p, ...unsigned } = list1;
  void _p;
  writeFileSync(f('unsigned.json'), JSON.stringify(unsigned));
  writeFileSync(f('untrusted.json'), JSON.stringify(await listWith(URL1, [], stranger, stranger.controller)));
  writeFileSync(f('garbage.json'), '{"a":1,"a":2}');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadStatusLists', () => {
  it('verifies and decodes each list once, keyed by its id', async () => {
    const lists = await loadStatusLists([{ credential: list1 }], { trustStore: store });
    expect([...lists.keys()]).toEqual([URL1]);
    expect(lists.get(URL1)).toMatchObject({ issuer: agency.controller, statusPurpose: 'revocation' });
    expect(lists.get(URL1)?.list.length).toBe(16_384);
  });

  const refusals: [string, () => Promise<unknown>, { code: string; path?: string }][] = [
    ['unsigned', async () => ({ ...list1, proof: undefined }), { code: 'ERR_PROOF_MISSING' }],
    [
      'altered (a bit cleared after signing)',
      async () => {
        const c = await createStatusListCredential({ id: URL1, issuer: agency.controller, list: createStatusList() });
        return { ...list1, credentialSubject: c.credentialSubject };
      },
      { code: 'ERR_SIGNATURE_INVALID' },
    ],
    ['signed by an untrusted key', () => listWith(URL1, [], stranger, stranger.controller), { code: 'untrusted' }],
    [
      'not a list credential',
      async () => ({ ...list1, type: ['VerifiableCredential'] }),
      { code: 'ERR_STATUS_LIST_CREDENTIAL_INVALID', path: 'type' },
    ],
    [
      'a list below the minimum, signed',
      async () => {
        const c = await createStatusListCredential({ id: URL1, issuer: agency.controller, list: createStatusList() });
        c.credentialSubject.encodedList = 'uH4sIAAAAAAAAA2NgAAAAAAAA';
        const { signStatusListCredential } = await import('@ikrar/core/status');
        return signStatusListCredential(c, agency, created);
      },
      { code: 'ERR_STATUS_LIST_ENCODING', path: 'credentialSubject.encodedList' },
    ],
  ];
  for (const [name, make, reason] of refusals) {
    const shown = reason.path === undefined ? reason.code : `${reason.code} at ${reason.path}`;
    it(`refuses a list ${name}: ERR_STATUS_LIST_INVALID (${shown})`, async () => {
      const credential = JSON.parse(JSON.stringify(await make()));
      const err = await loadStatusLists([{ credential, source: 'x.json' }], { trustStore: store }).catch((e) => e);
      expect(err).toBeInstanceOf(StatusListInvalidError);
      expect(err.code).toBe('ERR_STATUS_LIST_INVALID');
      expect(err.reason).toEqual(reason);
      expect(err.message).toMatch(
        new RegExp(`^Status list x\\.json cannot be used: .+ \\(${shown.replace(/[.]/g, '\\.')}\\)\\.$`),
      );
      expect(err.messages.id).toMatch(/^Daftar status x\.json tidak dapat dipakai: /);
    });
  }

  it('refuses two lists with the same id', async () => {
    const err = await loadStatusLists([{ credential: list1 }, { credential: list1 }], { trustStore: store }).catch(
      (e) => e,
    );
    expect([err.code, err.reason, err.source]).toEqual(['ERR_STATUS_LIST_INVALID', { code: 'duplicate-id' }, '#2']);
  });
});

describe('revoked and status-unknown verdicts', () => {
  const REVOKED_94567 = { code: 'ERR_STATUS_REVOKED', path: 'credentialStatus', detail: `${URL1}#94567` };
  it('gives revoked (own code, both languages) for a set bit and valid otherwise; unknown lists pass unless required', async () => {
    const statusLists = await loadStatusLists([{ credential: list1 }], { trustStore: store });
    const v = createRecordVerifier({ trustStore: store, statusLists });
    const verdicts = [];
    for (const r of records) verdicts.push((await v.verify(r)).result);
    expect(verdicts.map((r) => r.verdict)).toEqual(['revoked', 'valid', 'valid', 'valid']);
    expect(verdicts[0]?.reason).toEqual(REVOKED_94567);
    expect(verdicts[0]?.message).toEqual(verdictMessage('revoked'));
    expect(verdictMessage('revoked')).toEqual({
      id: 'Rekaman sudah dicabut oleh penerbitnya (daftar status).',
      en: 'The record was revoked by its issuer (status list).',
    });
    const strict = createRecordVerifier({ trustStore: store, statusLists, requireStatus: true });
    const s = [];
    for (const r of records) s.push((await strict.verify(r)).result);
    expect(s.map((r) => [r.verdict, r.reason])).toEqual([
      ['revoked', REVOKED_94567],
      ['valid', undefined],
      ['status-unknown', { code: 'ERR_STATUS_MISSING' }],
      ['status-unknown', { code: 'ERR_STATUS_LIST_NOT_GIVEN' }],
    ]);
  });

  it('a list by another (trusted) issuer never vouches for a record, and cannot revoke it', async () => {
    const other = generateKeyPair();
    const both = parseTrustStore({ issuers: [...trustFor(agency).issuers, ...trustFor(other).issuers] });
    const foreign = await listWith(URL1, [94567], other, other.controller);
    const statusLists = await loadStatusLists([{ credential: foreign }], { trustStore: both });
    const v = createRecordVerifier({ trustStore: both, statusLists });
    expect((await v.verify(records[0])).result).toMatchObject({
      verdict: 'status-unknown',
      reason: { code: 'ERR_STATUS_ISSUER_MISMATCH' },
    });
  });

  it('a malformed entry or an index past the list is malformed', async () => {
    const statusLists = await loadStatusLists([{ credential: list1 }], { trustStore: store });
    const v = createRecordVerifier({ trustStore: store, statusLists });
    const bad = await makeRecord({ agency, credentialStatus: { ...createStatusEntry(URL1, 1), statusListIndex: 1 } });
    expect((await v.verify(bad)).result).toMatchObject({
      verdict: 'malformed',
      reason: { code: 'ERR_STATUS_ENTRY_INVALID', path: 'credentialStatus.statusListIndex' },
    });
    const far = await makeRecord({ agency, credentialStatus: createStatusEntry(URL1, 131_072) });
    expect((await v.verify(far)).result).toMatchObject({ verdict: 'malformed' });
  });

  it('verifyRecords counts revoked in the summary order of verdicts', async () => {
    const statusLists = await loadStatusLists([{ credential: list1 }], { trustStore: store });
    const out = [];
    for await (const r of verifyRecords(
      records.map((record) => ({ record })),
      { trustStore: store, statusLists },
    )) {
      out.push(r.verdict);
    }
    expect(out.filter((x) => x === 'revoked')).toHaveLength(1);
  });
});

describe('ikrar-verify --status', () => {
  it('FILE: reports the revoked record (exit 1), the rest valid, in --json', () => {
    const r = runCli([f('records.jsonl'), '--trust', f('trust.json'), '--status', f('list1.json'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toMatchObject({ total: 4, valid: 3, revoked: 1, 'status-unknown': 0 });
    expect(out.results.map((x: { verdict: string }) => x.verdict)).toEqual(['revoked', 'valid', 'valid', 'valid']);
  });

  it('DIR with --require-status: status-unknown only for the record with no entry; the HTML lists the revocation', () => {
    const html = f('report.html');
    const r = runCli([
      f('records.jsonl'),
      '--trust',
      f('trust.json'),
      '--status',
      f('lists'),
      '--require-status',
      '--json',
      '--html',
      html,
    ]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toMatchObject({ total: 4, valid: 2, revoked: 1, 'status-unknown': 1 });
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('Pencabutan (daftar status)');
    expect(page).toMatch(/<table id="revocations">.*records\.jsonl:1.*https:\/\/dinas\.example\/status\/1#94567/s);
    expect(page).toContain(URL2);
  });

  it('text output names the revoked verdict in both languages', () => {
    const id = runCli([f('records.jsonl'), '--trust', f('trust.json'), '--status', f('list1.json'), '--lang', 'id']);
    expect(id.code).toBe(1);
    expect(id.stdout).toContain('revoked');
    expect(id.stdout).toContain('Rekaman sudah dicabut oleh penerbitnya');
    const en = runCli([f('records.jsonl'), '--trust', f('trust.json'), '--status', f('list1.json'), '--lang', 'en']);
    expect(en.stdout).toContain('The record was revoked by its issuer');
  });

  const inputErrors: [string, string[], RegExp][] = [
    [
      'an unsigned list',
      ['--status', 'unsigned.json'],
      /^ikrar-verify: ERR_STATUS_LIST_INVALID: Status list .*unsigned\.json cannot be used: .*\(ERR_PROOF_MISSING\)/,
    ],
    ['an untrusted list', ['--status', 'untrusted.json'], /ERR_STATUS_LIST_INVALID: .*\(untrusted\)/],
    [
      'a list that is not JSON',
      ['--status', 'garbage.json'],
      /ERR_STATUS_LIST_INVALID: Status list .*garbage\.json is not valid JSON/,
    ],
    [
      'a missing list',
      ['--status', 'nowhere.json'],
      /ERR_INPUT_UNREADABLE: Status list cannot be read: .*nowhere\.json/,
    ],
    ['--require-status alone', ['--require-status'], /ERR_USAGE: The option --require-status needs --status\./],
  ];
  for (const [name, args, stderr] of inputErrors) {
    it(`${name} is an input error: exit 2`, () => {
      const resolved = args.map((a) => (a.endsWith('.json') ? f(a) : a));
      const r = runCli([f('records.jsonl'), '--trust', f('trust.json'), ...resolved], { env: { IKRAR_LANG: 'en' } });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(stderr);
    });
  }
});
