import { describe, expect, it } from 'vitest';
import {
  createVerifyCache,
  ConsentIncompleteError,
  IdentifierInvalidError,
  RecordInvalidError,
  TemplateInvalidError,
  TemplateUnknownError,
  checkPledgeText,
  createPledge,
  defineTemplate,
  digestSignatureStrokes,
  exportJwk,
  generateKeyPair,
  getTemplate,
  importJwk,
  multibaseToSecretKey,
  parseJson,
  publicKeyInfo,
  secretKeyToMultibase,
  signPledge,
  verifyPledge,
  type DataIntegrityProof,
  type Signer,
} from '../src/index.js';
import { digestJson } from '../src/crypto.js';
import { agencyRecord, chainedRecord, pledgeInput } from './fixtures/make-record.js';

describe('createPledge', () => {
  it('carries the full text of every point, with placeholders filled, and its digest', () => {
    const agency = generateKeyPair();
    const c = createPledge(pledgeInput(agency));
    expect(c['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://ikrar-netralitas.github.io/ns/v1']);
    expect(c.type).toEqual(['VerifiableCredential', 'IkrarNetralitasCredential']);
    expect(c.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    const p = c.credentialSubject.pledge;
    expect(p.points).toHaveLength(4);
    expect(p.points[0]).toContain('di lingkungan Pemerintah Kabupaten Jembrana');
    expect(p.points[0]).toContain('sebelum dan sesudah pelaksanaan Pilkada Serentak 2024');
    expect(p.points.join(' ')).not.toMatch(/\{(agency|event)\}/);
    expect(p.digestMultibase).toMatch(/^uEi[A-Za-z0-9_-]{44}$/);
    expect(c.credentialSubject.consent.acknowledgedAt).toBe('2024-10-07T08:15:00+08:00');
    expect(c.validFrom).toBe('2024-10-07T08:15:00+08:00');
    expect(c.credentialSubject.signer.identifierScheme).toBe('NIP');
  });

  it('remembers a pledge text digest only for an equal text: changing a credential afterwards changes nothing', () => {
    const words = {
      title: 'Pakta Integritas Netralitas',
      preamble: 'Saya, pegawai {agency}, menyatakan:',
      points: ['Bersikap netral dalam {event}.'],
      closing: 'Demikian pakta ini saya tanda tangani.',
      legalBasis: [],
    };
    const template = (points: string[]) =>
      defineTemplate({
        id: 'pemkab-ingat-2029',
        version: '1.0.0',
        kind: 'pakta-integritas',
        appliesTo: ['PNS'],
        texts: { id: { ...words, points } },
      });
    const base = pledgeInput(generateKeyPair());
    const input = (points: string[]) => ({
      ...base,
      template: template(points),
      consent: { ...base.consent, acknowledgedPoints: [1] },
    });
    const digestOf = (c: ReturnType<typeof createPledge>) => {
      const { digestMultibase, ...body } = c.credentialSubject.pledge;
      expect(digestMultibase).toBe(digestJson(body));
      return digestMultibase;
    };
    const first = createPledge(input(['Bersikap netral dalam {event}.']));
    const genuine = digestOf(first);
    expect(digestOf(createPledge(input(['Bersikap netral dalam {event}.'])))).toBe(genuine);
    // The caller alters the credential it got; a template whose text (same id, version, title)
    // really is the altered one must get the digest of that text, not the remembered one.
    (first.credentialSubject.pledge.points as string[])[0] = 'Bersikap memihak.';
    const altered = digestOf(createPledge(input(['Bersikap memihak.'])));
    expect(altered).not.toBe(genuine);
    expect(digestOf(createPledge(input(['Bersikap netral dalam {event}.'])))).toBe(genuine);
  });

  it('speaks English when asked', () => {
    const c = createPledge({ ...pledgeInput(generateKeyPair()), language: 'en', template: 'skb-2022-asn' });
    expect(c.credentialSubject.pledge.title).toBe('Civil Servant Neutrality Pledge');
    expect(c.credentialSubject.pledge.language).toBe('en');
  });

  it('presents KASN as dissolved in the 2024 templates', () => {
    for (const id of ['skb-2022-asn', 'jembrana-2024']) {
      const basis = getTemplate(id).texts.id.legalBasis.join(' ');
      expect(basis).toMatch(/KASN\) dibubarkan/);
      expect(basis).toMatch(/Nomor 20 Tahun 2023/);
    }
  });

  it('refuses a missing acknowledgement with ERR_CONSENT_INCOMPLETE naming the point', () => {
    const input = pledgeInput(generateKeyPair());
    expect(() => createPledge({ ...input, consent: { ...input.consent, acknowledgedPoints: [1, 2, 4] } })).toThrow(
      expect.objectContaining({ code: 'ERR_CONSENT_INCOMPLETE', message: expect.stringContaining('missing: 3') }),
    );
    expect(() =>
      createPledge({ ...input, consent: { ...input.consent, acknowledgedPoints: [1, 2, 3, 4, 5] } }),
    ).toThrow(ConsentIncompleteError);
  });

  it('refuses a malformed NIP with ERR_IDENTIFIER_INVALID', () => {
    const input = pledgeInput(generateKeyPair());
    expect(() => createPledge({ ...input, signer: { ...input.signer, identifier: '199002302015031001' } })).toThrow(
      IdentifierInvalidError,
    );
  });

  it('needs the drawing digest for a drawn signature, and the name for a typed one', () => {
    const input = pledgeInput(generateKeyPair());
    expect(() => createPledge({ ...input, consent: { ...input.consent, method: 'drawn' } })).toThrow(
      expect.objectContaining({
        code: 'ERR_RECORD_INVALID',
        path: 'credentialSubject.consent.signatureDigestMultibase',
      }),
    );
    expect(() => createPledge({ ...input, consent: { ...input.consent, method: 'typed' } })).toThrow(
      RecordInvalidError,
    );
    const digest = digestSignatureStrokes({
      width: 300,
      height: 120,
      strokes: [
        [
          { x: 1, y: 2 },
          { x: 40.04, y: 9 },
        ],
      ],
    });
    const c = createPledge({
      ...input,
      consent: { ...input.consent, method: 'drawn', signatureDigestMultibase: digest },
    });
    expect(c.credentialSubject.consent.signatureDigestMultibase).toBe(digest);
  });

  it('refuses a template not written for the employee type, and unknown templates', () => {
    const input = pledgeInput(generateKeyPair());
    expect(() =>
      createPledge({
        ...input,
        template: 'skb-2022-asn',
        signer: { ...input.signer, employeeType: 'PPNPN', identifier: '5101014101900001' },
      }),
    ).toThrow(expect.objectContaining({ code: 'ERR_RECORD_INVALID' }));
    expect(() => createPledge({ ...input, template: 'tidak-ada' })).toThrow(TemplateUnknownError);
  });
});

describe('defineTemplate', () => {
  const text = {
    title: 'Pakta Integritas Netralitas',
    preamble: 'Saya, pegawai {agency}, menyatakan:',
    points: ['Bersikap netral dalam {event}.'],
    closing: 'Demikian pakta ini saya tanda tangani.',
    legalBasis: [],
  };
  it('accepts an agency text and the record carries it', () => {
    const t = defineTemplate({
      id: 'pemkab-contoh-2029',
      version: '1.0.0',
      kind: 'pakta-integritas',
      appliesTo: ['PNS'],
      texts: { id: text },
    });
    expect(Object.isFrozen(t.texts.id.points)).toBe(true);
    const input = pledgeInput(generateKeyPair());
    const c = createPledge({ ...input, template: t, consent: { ...input.consent, acknowledgedPoints: [1] } });
    expect(c.credentialSubject.pledge.points).toEqual(['Bersikap netral dalam Pilkada Serentak 2024.']);
    expect(checkPledgeText(c, [t]).status).toBe('matches');
    expect(checkPledgeText(c).status).toBe('unknown-template');
  });
  const bad: [string, object][] = [
    ['an upper-case id', { id: 'Bad' }],
    ['a non-semantic version', { version: 'v1' }],
    ['an unknown placeholder', { texts: { id: { ...text, points: ['{nama}'] } } }],
    ['no points', { texts: { id: { ...text, points: [] } } }],
    ['a language we do not ship', { texts: { id: text, jv: text } }],
    ['English with a different number of points', { texts: { id: text, en: { ...text, points: ['a', 'b'] } } }],
  ];
  for (const [name, patch] of bad) {
    it(`refuses ${name} with ERR_TEMPLATE_INVALID`, () => {
      const def = { id: 'ok-id', version: '1.0.0', kind: 'ikrar', appliesTo: ['PNS'], texts: { id: text }, ...patch };
      expect(() => defineTemplate(def as never)).toThrow(TemplateInvalidError);
    });
  }
});

describe('signPledge and verifyPledge', () => {
  it('a record signed by the agency verifies, after a JSON round trip too', async () => {
    const { agency, record } = await agencyRecord();
    const proof = record.proof as DataIntegrityProof;
    expect(proof.verificationMethod).toBe(agency.id);
    expect(proof.created).toBe('2024-10-07T08:16:00+08:00');
    expect(proof['@context']).toEqual(record['@context']);
    const result = await verifyPledge(parseJson(JSON.stringify(record)));
    expect(result).toMatchObject({ verified: true, issuer: agency.controller, issuerProof: 0, finalProofs: [0] });
  });

  it('chains the agency countersignature to the employee proof with previousProof', async () => {
    const { agency, employee, record } = await chainedRecord();
    const proofs = record.proof as DataIntegrityProof[];
    expect(proofs).toHaveLength(2);
    expect(proofs[0]?.verificationMethod).toBe(employee.id);
    expect(proofs[1]?.previousProof).toBe(proofs[0]?.id);
    const result = await verifyPledge(record);
    expect(result.verified).toBe(true);
    expect(result.finalProofs).toEqual([1]);
    expect(result.issuerProof).toBe(1);
    expect(result.proofs.map((p) => p.controller)).toEqual([employee.controller, agency.controller]);
  });

  it('fails the whole record when one proof of a set fails (unlike jsonld-signatures 11.6)', async () => {
    const { agency, record } = await agencyRecord();
    const other = generateKeyPair();
    const set = await signPledge(record, other, { mode: 'set' });
    expect((await verifyPledge(set)).verified).toBe(true);
    const proofs = structuredClone(set.proof) as DataIntegrityProof[];
    proofs[1] = { ...proofs[1]!, proofValue: (proofs[0] as DataIntegrityProof).proofValue };
    const result = await verifyPledge({ ...set, proof: proofs });
    expect(result.verified).toBe(false);
    expect(result.code).toBe('ERR_SIGNATURE_INVALID');
    expect(result.proofs.map((p) => p.verified)).toEqual([true, false]);
    expect(result.issuer).toBe(agency.controller);
  });

  it('detects a removed employee proof in a chain as a broken chain', async () => {
    const { record } = await chainedRecord();
    const proofs = record.proof as DataIntegrityProof[];
    const result = await verifyPledge({ ...record, proof: proofs[1] });
    expect(result.verified).toBe(false);
    expect(result.code).toBe('ERR_PROOF_CHAIN_BROKEN');
  });

  it('detects a swapped employee proof: the countersignature covers it', async () => {
    const a = await chainedRecord();
    const proofs = structuredClone(a.record.proof) as DataIntegrityProof[];
    const evil = generateKeyPair();
    const resigned = await signPledge({ ...a.record, proof: undefined } as never, evil, {
      proofId: proofs[0]!.id as string,
      created: proofs[0]!.created,
    });
    proofs[0] = resigned.proof as DataIntegrityProof;
    const result = await verifyPledge({ ...a.record, proof: proofs });
    expect(result.verified).toBe(false);
    expect(result.proofs[0]?.verified).toBe(true);
    expect(result.proofs[1]?.code).toBe('ERR_SIGNATURE_INVALID');
  });

  it('requires a final proof by the issuer', async () => {
    const { record } = await agencyRecord();
    const stranger = generateKeyPair();
    const { proof: _p, ...unsigned } = record;
    const byStranger = await signPledge(unsigned, stranger);
    const result = await verifyPledge(byStranger);
    expect(result.verified).toBe(false);
    expect(result.code).toBe('ERR_ISSUER_MISMATCH');
    expect((await verifyPledge(byStranger, { requireIssuerProof: false })).verified).toBe(true);
  });

  it('reports a pledge digest that does not match the text the issuer signed', async () => {
    const agency = generateKeyPair();
    const c = createPledge(pledgeInput(agency));
    c.credentialSubject.pledge.points[3] = 'Menerima pemberian dalam bentuk apa pun.';
    const signed = await signPledge(c, agency);
    const result = await verifyPledge(signed);
    expect(result.code).toBe('ERR_PLEDGE_DIGEST_MISMATCH');
    expect(checkPledgeText(signed)).toEqual({ status: 'altered', differences: ['points[3]'] });
  });

  it('a remembered pledge text never vouches for a different one under its digest', async () => {
    const agency = generateKeyPair();
    const cache = createVerifyCache();
    const genuine = await signPledge(createPledge(pledgeInput(agency)), agency);
    expect((await verifyPledge(genuine, { cache })).verified).toBe(true); // its text is now remembered
    const pledge = genuine.credentialSubject.pledge as unknown as Record<string, unknown>;
    const variants: Record<string, unknown>[] = [
      { ...pledge, points: [...(pledge.points as string[]).slice(0, 3), 'Menerima pemberian.'] },
      { ...pledge, points: (pledge.points as string[]).slice(0, 3) },
      { ...pledge, extra: 'x' },
      { ...pledge, title: `${pledge.title as string} ` },
    ];
    for (const changed of variants) {
      const c = createPledge(pledgeInput(agency));
      (c.credentialSubject as unknown as Record<string, unknown>).pledge = changed; // keeps the old digest
      const result = await verifyPledge(await signPledge(c, agency), { cache });
      expect(result.code).toBe('ERR_PLEDGE_DIGEST_MISMATCH');
    }
    // The same text with its keys in another order is the same text.
    const reordered = Object.fromEntries(Object.entries(pledge).reverse());
    const c = createPledge(pledgeInput(agency));
    (c.credentialSubject as unknown as Record<string, unknown>).pledge = reordered;
    expect((await verifyPledge(await signPledge(c, agency), { cache })).verified).toBe(true);
  });

  it('checkPledgeText fills the template for each agency and event (no answer reused across them)', () => {
    const agency = generateKeyPair();
    const make = (name: string, event: string) =>
      createPledge(
        pledgeInput(agency, {
          issuer: { id: agency.controller, name },
          event: { name: event, place: 'Negara', date: '2024-10-07' },
        }),
      );
    const a = make('Pemerintah Kabupaten Jembrana', 'Pilkada 2024');
    const b = make('Pemerintah Kabupaten Jembrana', 'Pemilu 2029');
    const c = make('Pemerintah Kabupaten Badung', 'Pilkada 2024');
    for (const r of [a, b, c]) expect(checkPledgeText(r).status).toBe('matches');
    for (const [from, to] of [
      [a, b],
      [b, a],
      [a, c],
      [c, a],
      [b, c],
    ] as const) {
      const swapped = { ...to, credentialSubject: { ...to.credentialSubject, pledge: from.credentialSubject.pledge } };
      expect(checkPledgeText(swapped).status).toBe('altered');
    }
  });

  const malformed: [string, (r: Record<string, unknown>) => unknown, string][] = [
    ['not an object', () => 'record', 'ERR_RECORD_INVALID'],
    [
      'an inline @context object',
      (r) => ({ ...r, '@context': [r['@context'] && 'https://www.w3.org/ns/credentials/v2', { x: 'y' }] }),
      'ERR_RECORD_INVALID',
    ],
    ['no proof', (r) => ({ ...r, proof: undefined }), 'ERR_PROOF_MISSING'],
    [
      'a proof of another suite',
      (r) => ({ ...r, proof: { ...(r.proof as object), cryptosuite: 'eddsa-rdfc-2022' } }),
      'ERR_PROOF_UNSUPPORTED',
    ],
    [
      'an authentication proof',
      (r) => ({ ...r, proof: { ...(r.proof as object), proofPurpose: 'authentication' } }),
      'ERR_PROOF_PURPOSE',
    ],
    [
      'a proofValue that is not base58',
      (r) => ({ ...r, proof: { ...(r.proof as object), proofValue: 'z0OIl' } }),
      'ERR_PROOF_MALFORMED',
    ],
    [
      'a did:web key nobody resolves',
      (r) => ({ ...r, proof: { ...(r.proof as object), verificationMethod: 'did:web:jembranakab.go.id#key-1' } }),
      'ERR_KEY_UNRESOLVED',
    ],
    [
      'a proof @context the document does not start with',
      (r) => ({ ...r, proof: { ...(r.proof as object), '@context': ['https://example.org/other'] } }),
      'ERR_CONTEXT_MISMATCH',
    ],
    [
      'a created date that is not RFC 3339',
      (r) => ({ ...r, proof: { ...(r.proof as object), created: '07/10/2024' } }),
      'ERR_PROOF_MALFORMED',
    ],
  ];
  for (const [name, mutate, code] of malformed) {
    it(`returns ${code} for ${name}, without throwing`, async () => {
      const { record } = await agencyRecord();
      const result = await verifyPledge(mutate(structuredClone(record) as unknown as Record<string, unknown>));
      expect(result.verified).toBe(false);
      expect(result.code).toBe(code);
      expect(result.message?.id.length).toBeGreaterThan(5);
    });
  }

  it('resolves did:web keys through a resolver or given keys', async () => {
    const agency = generateKeyPair();
    const vm = 'did:web:jembranakab.go.id#key-1';
    const signer: Signer = {
      id: vm,
      controller: 'did:web:jembranakab.go.id',
      publicKey: agency.publicKey,
      sign: (d) => import('../src/crypto.js').then((m) => m.signEd25519(d, agency.secretKey)),
    };
    const input = pledgeInput(agency);
    const c = createPledge({ ...input, issuer: { id: 'did:web:jembranakab.go.id', name: input.issuer.name } });
    const signed = await signPledge(c, signer);
    expect((await verifyPledge(signed)).code).toBe('ERR_KEY_UNRESOLVED');
    expect((await verifyPledge(signed, { resolveKey: (m) => (m === vm ? agency.publicKey : null) })).verified).toBe(
      true,
    );
    expect((await verifyPledge(signed, { keys: [{ ...publicKeyInfo(agency.publicKey), id: vm }] })).verified).toBe(
      true,
    );
  });

  it('refuses to chain to a proof without an id', async () => {
    const agency = generateKeyPair();
    const signed = await signPledge(createPledge(pledgeInput(agency)), agency, { proofId: false });
    await expect(signPledge(signed, generateKeyPair())).rejects.toMatchObject({
      code: 'ERR_RECORD_INVALID',
      path: 'proof.id',
    });
  });

  it('refuses a custom signer that returns a wrong signature', async () => {
    const agency = generateKeyPair();
    const liar: Signer = {
      id: agency.id,
      controller: agency.controller,
      publicKey: agency.publicKey,
      sign: () => new Uint8Array(64),
    };
    await expect(signPledge(createPledge(pledgeInput(agency)), liar)).rejects.toMatchObject({
      code: 'ERR_SIGNATURE_INVALID',
    });
  });
});

describe('keys', () => {
  it('round-trips Multikey and JWK, and never exports d unless asked', () => {
    const key = generateKeyPair();
    expect(multibaseToSecretKey(secretKeyToMultibase(key.secretKey))).toEqual(key.secretKey);
    const pub = exportJwk(key);
    expect(pub).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: key.id });
    expect(importJwk(pub)).toMatchObject({ controller: key.controller });
    const priv = exportJwk(key, { includePrivate: true });
    expect(importJwk(priv)).toMatchObject({ controller: key.controller, secretKey: key.secretKey });
    expect(() => importJwk({ ...priv, x: exportJwk(generateKeyPair()).x })).toThrow(/does not match/);
    expect(() => importJwk({ kty: 'EC', crv: 'P-256', x: 'AA' })).toThrow(
      expect.objectContaining({ code: 'ERR_KEY_INVALID' }),
    );
  });
  it('an error about a secret key never contains its bytes', () => {
    const key = generateKeyPair();
    const d = exportJwk(key, { includePrivate: true }).d as string;
    try {
      importJwk({ kty: 'OKP', crv: 'Ed25519', x: exportJwk(generateKeyPair()).x, d });
    } catch (err) {
      expect(String((err as Error).message)).not.toContain(d);
      expect(JSON.stringify(err)).not.toContain(d);
    }
  });
});

describe('ids without crypto.randomUUID (plain-http intranets are not secure contexts)', () => {
  it('createPledge and signPledge make v4 urn:uuid ids from getRandomValues', async () => {
    const original = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const agency = generateKeyPair();
      const c = createPledge(pledgeInput(agency));
      expect(c.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const signed = await signPledge(c, agency);
      expect((signed.proof as DataIntegrityProof).id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect((await verifyPledge(signed)).verified).toBe(true);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});

describe('verifyPledge options for batch verifiers', () => {
  it('accepts a native SHA-256, and a wrong one makes every proof fail', async () => {
    const { createHash } = await import('node:crypto');
    const { record } = await chainedRecord();
    const native = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());
    expect((await verifyPledge(record, { sha256: native })).verified).toBe(true);
    const wrong = await verifyPledge(record, { sha256: () => new Uint8Array(32) });
    expect(wrong.verified).toBe(false);
    expect(wrong.proofs.every((p) => p.code === 'ERR_SIGNATURE_INVALID')).toBe(true);
  });

  it('reports ERR_KEY_INVALID for a did:key that decodes to a small-order point', async () => {
    const { record } = await agencyRecord();
    // did:key of the identity point (0x01 followed by zeros): well encoded, unusable.
    const identity = new Uint8Array(34);
    identity.set([0xed, 0x01, 0x01]);
    const { toMultibase58 } = await import('../src/crypto.js');
    const mb = toMultibase58(identity);
    const forged = structuredClone(record) as unknown as { proof: DataIntegrityProof };
    forged.proof.verificationMethod = `did:key:${mb}#${mb}`;
    const result = await verifyPledge(forged);
    expect(result.verified).toBe(false);
    expect(result.code).toBe('ERR_KEY_INVALID');
  });
});
