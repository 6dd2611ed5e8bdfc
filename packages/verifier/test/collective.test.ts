// A collective pakta integritas (several signers, then the agency) through the library and the
// built `ikrar-verify`: every representative's proof must verify, and only the agency is trusted.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  countersignCollective,
  createCollectivePledge,
  generateKeyPair,
  signAsRepresentative,
  signPledge,
  type CollectiveCredential,
  type DataIntegrityProof,
  type SignedCollective,
} from '@ikrar/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRecordVerifier, parseTrustStore, type RecordResult } from '../src/index.js';
import { runCli, tempDir, trustFor, writeJsonl } from './helpers.js';

const agency = generateKeyPair();
let record: SignedCollective;
let signed: SignedCollective;

beforeAll(async () => {
  let doc: CollectiveCredential | SignedCollective = createCollectivePledge({
    template: 'pakta-integritas-skb-2022',
    issuer: { id: agency.controller, name: 'Pemerintah Kabupaten Klaten' },
    event: { name: 'Pemilu dan Pemilihan 2024', date: '2024-01-08' },
    representatives: [
      { name: 'Muh Himawan Purnomo', employeeType: 'PNS', identifier: '197505152000031002' },
      { name: 'Sri Lestari', employeeType: 'PNS', identifier: '198208172006042003' },
      { name: 'Agus Santoso', employeeType: 'PNS', identifier: '199001012015031004' },
    ],
    validFrom: '2024-01-08T07:30:00+07:00',
    now: new Date('2024-01-08T00:00:00Z'),
  });
  for (const i of [2, 0, 1]) doc = await signAsRepresentative(doc, generateKeyPair(), i);
  signed = doc as SignedCollective;
  record = await countersignCollective(signed, agency, { created: '2024-01-08T08:00:00+07:00' });
});

async function verdictOf(r: unknown): Promise<RecordResult> {
  const v = createRecordVerifier({ trustStore: parseTrustStore(trustFor(agency)) });
  return (await v.verify(r)).result;
}

const proofs = (r: SignedCollective): DataIntegrityProof[] => r.proof as DataIntegrityProof[];

describe('a collective pakta integritas', () => {
  it('is valid when every representative signed and the trusted agency chained onto them', async () => {
    const r = await verdictOf(record);
    expect(r.verdict).toBe('valid');
    expect(r.proof).toBe(3);
    expect(r.signedAt).toBe('2024-01-08T08:00:00+07:00');
    expect(r.signer).toBeUndefined();
    expect(r.representatives?.map((p) => p.name)).toEqual(['Muh Himawan Purnomo', 'Sri Lestari', 'Agus Santoso']);
    expect(r.representatives?.[0]?.identifier).toMatch(/^\*+\d{4}$/);
  });

  it("is invalid-signature with one representative's proof altered, naming that proof", async () => {
    const list = proofs(record).map((p) => ({ ...p }));
    list[1]!.proofValue = list[2]!.proofValue;
    const r = await verdictOf({ ...record, proof: list });
    expect(r.verdict).toBe('invalid-signature');
    expect(r.reason).toEqual({ code: 'ERR_SIGNATURE_INVALID' });
    expect(r.proof).toBe(1);
  });

  it('is invalid-signature with a representative missing or a proof by someone not named', async () => {
    const list = proofs(record);
    const early = await signPledge({ ...signed, proof: [list[0]!, list[1]!] } as never, agency, {
      previousProof: [list[0]!.id!, list[1]!.id!],
    });
    const missing = await verdictOf(early);
    expect(missing.verdict).toBe('invalid-signature');
    expect(missing.reason).toEqual({ code: 'ERR_REPRESENTATIVE_MISSING' });
    expect(missing.message.en).toBe('A signature does not match the record.');
    const outsider = await signPledge(signed as never, generateKeyPair(), { mode: 'set' });
    const all = (outsider.proof as DataIntegrityProof[]).map((p) => p.id!);
    const extra = await verdictOf(await signPledge(outsider, agency, { previousProof: all }));
    expect(extra.verdict).toBe('invalid-signature');
    expect(extra.reason).toEqual({ code: 'ERR_PROOF_UNEXPECTED' });
  });

  it('is issuer-mismatch before the agency countersigned', async () => {
    const r = await verdictOf(signed);
    expect(r.verdict).toBe('issuer-mismatch');
  });

  it('ikrar-verify: exit 0 for the valid record, 1 for a forgery, with the representatives named', () => {
    const dir = tempDir();
    const trust = path.join(dir, 'trust.json');
    writeFileSync(trust, JSON.stringify(trustFor(agency)));
    writeJsonl(path.join(dir, 'ok.jsonl'), [record]);
    const ok = runCli([path.join(dir, 'ok.jsonl'), '--trust', trust, '--json']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const out = JSON.parse(ok.stdout) as { summary: { total: number; valid: number } };
    expect(out.summary).toMatchObject({ total: 1, valid: 1 });
    const list = proofs(record).map((p) => ({ ...p }));
    list[0]!.proofValue = list[1]!.proofValue;
    writeJsonl(path.join(dir, 'bad.jsonl'), [record, { ...record, proof: list }]);
    const bad = runCli([path.join(dir, 'bad.jsonl'), '--trust', trust, '--lang', 'en']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(
      /bad\.jsonl:2 +invalid-signature .*\[ERR_SIGNATURE_INVALID\] \(Muh Himawan Purnomo, Sri Lestari, Agus Santoso\)/,
    );
  });
});
