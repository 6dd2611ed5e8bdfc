// The collective pakta integritas: N named representatives each sign the same credential (a proof
// set), in any order; the agency chains onto the whole set. Forgeries an attacker would try.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BUILTIN_TEMPLATES,
  COLLECTIVE_TEMPLATES,
  IdentifierInvalidError,
  RecordInvalidError,
  StatusEntryInvalidError,
  TemplateUnknownError,
  SignatureInvalidError,
  checkPledgeText,
  collectiveProgress,
  countersignCollective,
  createCollectivePledge,
  generateKeyPair,
  getTemplate,
  signAsRepresentative,
  signPledge,
  verifyPledge,
  verifyPledgeAsync,
  type DataIntegrityProof,
  type Ed25519KeyPair,
  type SignedCollective,
  type Signer,
} from '../src/index.js';
import { COLLECTIVE_STATUS, collectiveInput, collectiveRecord } from './fixtures/make-collective.js';

const proofsOf = (r: SignedCollective): DataIntegrityProof[] => (Array.isArray(r.proof) ? r.proof : [r.proof]);
const withProofs = (r: SignedCollective, proof: DataIntegrityProof[]): SignedCollective => ({ ...r, proof });

describe('the pakta integritas template', () => {
  const t = getTemplate('pakta-integritas-skb-2022', undefined, COLLECTIVE_TEMPLATES);

  it('is in COLLECTIVE_TEMPLATES, not in the default list a single pledge loads', () => {
    expect(COLLECTIVE_TEMPLATES.map((x) => x.id)).toEqual(['pakta-integritas-skb-2022']);
    expect(BUILTIN_TEMPLATES.map((x) => x.kind)).toEqual(['ikrar', 'ikrar']);
    const e: unknown = (() => {
      try {
        return getTemplate('pakta-integritas-skb-2022');
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(TemplateUnknownError);
    expect(e).toMatchObject({ code: 'ERR_TEMPLATE_UNKNOWN' });
    expect((e as Error).message).toBe('No pledge template "pakta-integritas-skb-2022" is known.');
  });

  it('is built in, a pakta integritas, in both languages with the same points', () => {
    expect(t.kind).toBe('pakta-integritas');
    expect(t.texts.id.points).toHaveLength(5);
    expect(t.texts.en?.points).toHaveLength(5);
    expect(t.texts.id.title).toBe('Pakta Integritas Netralitas Pegawai Aparatur Sipil Negara');
  });

  it('cites the SKB of 22 September 2022 and presents KASN as dissolved', () => {
    const basis = t.texts.id.legalBasis.join(' ');
    expect(basis).toContain('Nomor 1447.1/PM.01/K.1/09/2022 tanggal 22 September 2022');
    expect(basis).toMatch(/KASN\) dibubarkan/);
    expect(t.texts.en?.legalBasis.join(' ')).toMatch(/KASN\) was dissolved/);
  });

  it('says where its text comes from and what is paraphrased', () => {
    expect(t.notes?.id).toMatch(/parafrase/);
    expect(t.notes?.en).toMatch(/paraphrase/);
    expect(t.notes?.en).toMatch(/not a word-for-word copy/);
  });
});

describe('createCollectivePledge', () => {
  it('names every representative with the id of the proof they will make', () => {
    const agency = generateKeyPair();
    const c = createCollectivePledge(collectiveInput(agency));
    expect(c.type).toEqual(['VerifiableCredential', 'PaktaIntegritasCredential']);
    const reps = c.credentialSubject.representatives;
    expect(reps.map((r) => r.name)).toEqual(['Muh Himawan Purnomo', 'Sri Lestari', 'Agus Santoso']);
    expect(reps.map((r) => r.identifierScheme)).toEqual(['NIP', 'NIP', 'NI-PPPK']);
    expect(new Set(reps.map((r) => r.proofId)).size).toBe(3);
    for (const r of reps) expect(r.proofId).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(c.credentialSubject.pledge.points[0]).toContain('sesudah penyelenggaraan Pemilu dan Pemilihan 2024');
    expect(c.credentialSubject.pledge.preamble).toContain('di lingkungan Pemerintah Kabupaten Klaten');
    expect(checkPledgeText(c).status).toBe('matches');
  });

  it('refuses an ikrar template, nobody, the same person twice, a bad NIP, a shared proof id', () => {
    const agency = generateKeyPair();
    const base = collectiveInput(agency);
    const reps = base.representatives;
    const cases: [Partial<typeof base>, string][] = [
      [{ template: 'skb-2022-asn' }, 'template'],
      [{ representatives: [] }, 'credentialSubject.representatives'],
      [{ representatives: [reps[0]!, { ...reps[0]!, name: 'Nama Lain' }] }, 'credentialSubject.representatives[1]'],
      [
        {
          representatives: [
            { ...reps[0]!, proofId: 'urn:uuid:00000000-0000-4000-8000-000000000001' },
            { ...reps[1]!, proofId: 'urn:uuid:00000000-0000-4000-8000-000000000001' },
          ],
        },
        'credentialSubject.representatives[1].proofId',
      ],
      [
        { representatives: [{ ...reps[0]!, employeeType: 'PPNPN', identifier: '5101014107900001' }] },
        'credentialSubject.representatives[0].employeeType',
      ],
    ];
    for (const [override, path] of cases) {
      let err: unknown;
      try {
        createCollectivePledge({ ...base, ...override });
      } catch (e) {
        err = e;
      }
      expect(err, path).toBeInstanceOf(RecordInvalidError);
      expect((err as RecordInvalidError).code).toBe('ERR_RECORD_INVALID');
      expect((err as RecordInvalidError).path).toBe(path);
      expect((err as RecordInvalidError).messages.id).toMatch(/\S/);
    }
    expect(() =>
      createCollectivePledge({ ...base, representatives: [{ ...reps[0]!, identifier: '197513452000031002' }] }),
    ).toThrow(IdentifierInvalidError);
  });
});

describe('the status entry (credentialStatus) of a collective record', () => {
  it('is in the document before the first proof, so every representative and the agency cover it', async () => {
    const { credential, record } = await collectiveRecord([2, 0, 1], { credentialStatus: { ...COLLECTIVE_STATUS } });
    expect(credential.credentialStatus).toEqual(COLLECTIVE_STATUS);
    expect(record.credentialStatus).toEqual(COLLECTIVE_STATUS);
    const ok = await verifyPledge(record);
    expect(ok.verified, String(ok.code)).toBe(true);
    // Another index, or the entry taken out, after signing: no proof verifies any more.
    const moved = { ...record, credentialStatus: { ...COLLECTIVE_STATUS, statusListIndex: '94568' } };
    const { credentialStatus: _dropped, ...without } = record;
    for (const forged of [moved, without]) {
      const r = await verifyPledge(forged as SignedCollective);
      expect(r.verified).toBe(false);
      expect(r.code).toBe('ERR_SIGNATURE_INVALID');
      expect(r.proofs.every((p) => !p.verified)).toBe(true);
    }
  });

  it('is copied field by field and refused when malformed (ERR_STATUS_ENTRY_INVALID with its path)', () => {
    const agency = generateKeyPair();
    const noId = { ...COLLECTIVE_STATUS } as Record<string, unknown>;
    delete noId.id;
    const c = createCollectivePledge(collectiveInput(agency, { credentialStatus: { ...noId, extra: 1 } as never }));
    expect(c.credentialStatus).toEqual(noId);
    const cases: [unknown, string][] = [
      ['https://dinas.example/status/1#1', 'credentialStatus'],
      [[COLLECTIVE_STATUS], 'credentialStatus'],
      [{ ...COLLECTIVE_STATUS, type: 'StatusList2021Entry' }, 'credentialStatus'],
      [{ ...COLLECTIVE_STATUS, statusListIndex: 94567 }, 'credentialStatus.statusListIndex'],
      [{ ...COLLECTIVE_STATUS, statusListIndex: '007' }, 'credentialStatus.statusListIndex'],
      [{ ...COLLECTIVE_STATUS, statusPurpose: 'refresh' }, 'credentialStatus.statusPurpose'],
      [{ ...COLLECTIVE_STATUS, statusListCredential: 'not a url' }, 'credentialStatus.statusListCredential'],
      [{ ...COLLECTIVE_STATUS, id: COLLECTIVE_STATUS.statusListCredential }, 'credentialStatus.id'],
    ];
    for (const [credentialStatus, path] of cases) {
      let err: unknown;
      try {
        createCollectivePledge(collectiveInput(agency, { credentialStatus: credentialStatus as never }));
      } catch (e) {
        err = e;
      }
      expect(err, path).toBeInstanceOf(StatusEntryInvalidError);
      expect((err as StatusEntryInvalidError).code).toBe('ERR_STATUS_ENTRY_INVALID');
      expect((err as StatusEntryInvalidError).path).toBe(path);
      expect((err as StatusEntryInvalidError).messages.id).toContain(path);
      expect((err as StatusEntryInvalidError).messages.en).toContain(path);
    }
  });
});

describe('signing by representatives, in any order, then the agency', () => {
  it('verifies: every proof checked, the agency proof is the only final one and chains onto the set', async () => {
    const { record, reps, agency } = await collectiveRecord([2, 0, 1]);
    const result = await verifyPledge(record);
    expect(result.code).toBeUndefined();
    expect(result.verified).toBe(true);
    expect(result.proofs).toHaveLength(4);
    expect(result.proofs.every((p) => p.verified)).toBe(true);
    expect(result.finalProofs).toEqual([3]);
    expect(result.issuerProof).toBe(3);
    // Each representative's proof is checked against their own did:key.
    expect(result.proofs.slice(0, 3).map((p) => p.controller)).toEqual([
      reps[2]!.controller,
      reps[0]!.controller,
      reps[1]!.controller,
    ]);
    const agencyProof = proofsOf(record)[3]!;
    expect(agencyProof.verificationMethod).toBe(agency.id);
    expect(agencyProof.previousProof).toEqual(record.credentialSubject.representatives.map((r) => r.proofId));
    expect(collectiveProgress(record)).toMatchObject({ complete: true, countersigned: true, pending: [] });
  });

  it('any signing order and any order of the proof list verify (a set has no order)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom([0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]),
        fc.nat(23),
        async (order, shuffle) => {
          const { record } = await collectiveRecord(order);
          const list = proofsOf(record);
          const rotated = [...list.slice(shuffle % 4), ...list.slice(0, shuffle % 4)];
          if (shuffle >= 12) rotated.reverse();
          expect((await verifyPledge(withProofs(record, rotated))).verified).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('tracks who has signed and who has not; a partial set verifies without the issuer proof', async () => {
    const agency = generateKeyPair();
    const credential = createCollectivePledge(collectiveInput(agency));
    const k1 = generateKeyPair();
    const one = await signAsRepresentative(credential, k1, 1);
    const p = collectiveProgress(one);
    expect(p.pending).toEqual([0, 2]);
    expect(p.representatives[1]).toMatchObject({ signed: true, controller: k1.controller, name: 'Sri Lestari' });
    expect(p.representatives[1]?.signedAt).toMatch(/\+07:00$/);
    expect(p.complete).toBe(false);
    expect((await verifyPledge(one, { requireIssuerProof: false })).verified).toBe(true);
    const strict = await verifyPledge(one);
    expect(strict.verified).toBe(false);
    expect(strict.code).toBe('ERR_REPRESENTATIVE_MISSING');
    expect(strict.message?.id).toMatch(/perwakilan/);
  });

  it('refuses to sign twice, for nobody, after the countersignature, or with a key that is not a did:key', async () => {
    const { credential, signed, record, reps } = await collectiveRecord();
    const expectRecordInvalid = async (p: Promise<unknown>, path: string, en: RegExp): Promise<void> => {
      const err = await p.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(RecordInvalidError);
      expect((err as RecordInvalidError).path).toBe(path);
      expect((err as RecordInvalidError).message).toMatch(en);
    };
    await expectRecordInvalid(
      signAsRepresentative(signed, reps[0]!, 0),
      'credentialSubject.representatives[0]',
      /already signed/,
    );
    await expectRecordInvalid(
      signAsRepresentative(credential, reps[0]!, 3),
      'credentialSubject.representatives[3]',
      /no representative number 4/,
    );
    await expectRecordInvalid(signAsRepresentative(record, generateKeyPair(), 0), 'proof', /already countersigned/);
    await expectRecordInvalid(countersignCollective(record, generateKeyPair()), 'proof', /already countersigned/);
    const partial = await signAsRepresentative(credential, reps[0]!, 0);
    await expectRecordInvalid(countersignCollective(partial, generateKeyPair()), 'proof', /Sri Lestari, Agus Santoso/);
    const web: Signer = {
      id: 'did:web:klatenkab.go.id#key-1',
      controller: 'did:web:klatenkab.go.id',
      sign: () => new Uint8Array(64),
    };
    await expect(signAsRepresentative(credential, web, 0)).rejects.toThrow(SignatureInvalidError);
    await expect(signAsRepresentative(partial, reps[0]!, 1)).rejects.toMatchObject({
      code: 'ERR_SIGNATURE_INVALID',
      message: 'This key has already signed for another representative.',
    });
  });

  it('the agency refuses to countersign a set with a bad representative proof', async () => {
    const { signed } = await collectiveRecord();
    const list = proofsOf(signed).map((p) => ({ ...p }));
    list[1]!.proofValue = list[0]!.proofValue;
    await expect(countersignCollective(withProofs(signed, list), generateKeyPair())).rejects.toMatchObject({
      code: 'ERR_SIGNATURE_INVALID',
      messages: { id: expect.stringContaining('ERR_SIGNATURE_INVALID') as unknown },
    });
  });
});

describe('forgeries', () => {
  async function verdict(r: SignedCollective): Promise<string | undefined> {
    const result = await verifyPledge(r);
    expect(result.verified).toBe(!result.code);
    return result.code;
  }

  it("one representative's proof altered", async () => {
    const { record } = await collectiveRecord();
    const list = proofsOf(record).map((p) => ({ ...p }));
    const sig = list[1]!.proofValue;
    list[1]!.proofValue = sig.slice(0, 10) + (sig[10] === 'A' ? 'B' : 'A') + sig.slice(11);
    expect(await verdict(withProofs(record, list))).toBe('ERR_SIGNATURE_INVALID');
    // Their name altered in the credential: every representative's proof and the agency's break.
    const renamed = structuredClone(record);
    renamed.credentialSubject.representatives[0]!.name = 'Orang Lain';
    const r = await verifyPledge(renamed);
    expect(r.code).toBe('ERR_SIGNATURE_INVALID');
    expect(r.proofs.filter((p) => !p.verified)).toHaveLength(4);
  });

  it("one representative's proof missing", async () => {
    const { record, signed, agency } = await collectiveRecord();
    const list = proofsOf(record);
    // Removed from the record: the agency's chain names a proof that is not there.
    expect(await verdict(withProofs(record, [list[0]!, list[2]!, list[3]!]))).toBe('ERR_PROOF_CHAIN_BROKEN');
    // An agency (or anyone with its key) countersigning only two of three: still incomplete.
    const two = withProofs(signed, [list[0]!, list[2]!]);
    const early = (await signPledge(two as never, agency, {
      previousProof: [list[0]!.id!, list[2]!.id!],
    })) as unknown as SignedCollective;
    expect(await verdict(early)).toBe('ERR_REPRESENTATIVE_MISSING');
    // All three signed, but the agency chains onto two: the third is left out of what it vouches for.
    const partialChain = (await signPledge(signed as never, agency, {
      previousProof: [list[0]!.id!, list[1]!.id!],
    })) as unknown as SignedCollective;
    expect(await verdict(partialChain)).toBe('ERR_COUNTERSIGNATURE_INCOMPLETE');
  });

  it('reordered: the chain list, or two representatives swapping proof ids', async () => {
    const { record } = await collectiveRecord();
    const list = proofsOf(record).map((p) => ({ ...p }));
    list[3]!.previousProof = [...(list[3]!.previousProof as string[])].reverse();
    expect(await verdict(withProofs(record, list))).toBe('ERR_SIGNATURE_INVALID');
    const swapped = proofsOf(record).map((p) => ({ ...p }));
    [swapped[0]!.id, swapped[1]!.id] = [swapped[1]!.id, swapped[0]!.id];
    expect(await verdict(withProofs(record, swapped))).toBe('ERR_SIGNATURE_INVALID');
  });

  it('a proof by someone not named, even with a valid signature and the agency chaining onto it', async () => {
    const { signed, agency } = await collectiveRecord();
    const outsider = await signPledge(signed as never, generateKeyPair(), { mode: 'set' });
    const ids = proofsOf(outsider as unknown as SignedCollective).map((p) => p.id as string);
    const record = (await signPledge(outsider, agency, { previousProof: ids })) as unknown as SignedCollective;
    expect((await verifyPledge(record, { requireIssuerProof: false })).code).toBe('ERR_PROOF_UNEXPECTED');
    expect(await verdict(record)).toBe('ERR_PROOF_UNEXPECTED');
  });

  it("a named slot signed with someone else's kind of key: the issuer's, a second slot by one key, a chained one", async () => {
    const agency = generateKeyPair();
    const credential = createCollectivePledge(collectiveInput(agency));
    const slots = credential.credentialSubject.representatives.map((r) => r.proofId);
    const k = generateKeyPair();
    const sign = async (doc: unknown, key: Ed25519KeyPair, i: number, extra = {}): Promise<SignedCollective> =>
      (await signPledge(doc as never, key, {
        mode: 'set',
        proofId: slots[i]!,
        ...extra,
      })) as unknown as SignedCollective;
    const finish = async (doc: SignedCollective): Promise<SignedCollective> =>
      (await signPledge(doc as never, agency, { previousProof: slots })) as unknown as SignedCollective;

    let doc = await sign(await sign(await sign(credential, agency, 0), generateKeyPair(), 1), generateKeyPair(), 2);
    expect(await verdict(await finish(doc))).toBe('ERR_PROOF_UNEXPECTED');
    doc = await sign(await sign(await sign(credential, k, 0), k, 1), generateKeyPair(), 2);
    expect(await verdict(await finish(doc))).toBe('ERR_PROOF_UNEXPECTED');
    const a = await sign(credential, generateKeyPair(), 0);
    const b = await sign(a, generateKeyPair(), 1, { previousProof: slots[0] });
    doc = await sign(b, generateKeyPair(), 2);
    expect(await verdict(await finish(doc))).toBe('ERR_PROOF_UNEXPECTED');
  });

  it('a second countersignature, and a collective record that also claims to be an ikrar', async () => {
    const { record, agency } = await collectiveRecord();
    const ids = record.credentialSubject.representatives.map((r) => r.proofId);
    const twice = (await signPledge(record as never, agency, { previousProof: ids })) as unknown as SignedCollective;
    expect(await verdict(twice)).toBe('ERR_PROOF_UNEXPECTED');
    const both = { ...record, type: [...record.type, 'IkrarNetralitasCredential'] };
    const r = await verifyPledge(both);
    expect(r.code).toBe('ERR_RECORD_INVALID');
    expect(r.path).toBe('type');
  });
});

describe('the WebCrypto path', () => {
  it('gives the same verdicts as the noble one on a collective record and its forgeries', async () => {
    const { record, signed } = await collectiveRecord([1, 0, 2]);
    const list = proofsOf(record);
    const cases = [
      record,
      signed,
      withProofs(record, [list[0]!, list[2]!, list[3]!]),
      withProofs(record, list.slice(1)),
    ];
    for (const r of cases) {
      const [a, b] = [await verifyPledge(r), await verifyPledgeAsync(r)];
      expect(b.verified).toBe(a.verified);
      expect(b.code).toBe(a.code);
    }
    expect((await verifyPledgeAsync(record)).verified).toBe(true);
    expect((await verifyPledgeAsync(signed)).code).toBe('ERR_ISSUER_MISMATCH');
  });
});
