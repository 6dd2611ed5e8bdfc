// Our JSON-LD vocabulary: every record expands in JSON-LD safe mode (no term dropped, nothing relative)
// with only the VC 2.0 context and ours, the ordered arrays stay ordered (@list), our terms are
// protected, the shipped .jsonld file is the constant, and records written before it (with VC 2.0's
// undefined-terms context) still expand and verify.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import {
  IKRAR_CONTEXT_DOCUMENT,
  IKRAR_CONTEXT_URL,
  IKRAR_VOCABULARY,
  signPledge,
  createPledge,
  verifyPledge,
  type SignedPledge,
} from '../src/index.js';
import { agencyRecord, chainedRecord, pledgeInput } from './fixtures/make-record.js';
import { generatedRecords } from './fixtures/generated-records.js';
import { collectiveRecord } from './fixtures/make-collective.js';
import { offlineDocumentLoader } from './fixtures/db-document-loader.js';

const { documentLoader, refused } = offlineDocumentLoader();

const here = path.dirname(fileURLToPath(import.meta.url));
const V = IKRAR_VOCABULARY;
type Expanded = Record<string, unknown[]>;

const expand = (doc: unknown): Promise<Expanded[]> =>
  jsonld.expand(structuredClone(doc) as never, { safe: true, documentLoader } as never) as Promise<Expanded[]>;

/** The node under `key` of an expanded node (first value). */
const child = (node: Expanded, key: string): Expanded => (node[key] as Expanded[])[0] as Expanded;
const listOf = (node: Expanded, key: string): unknown[] =>
  (node[key] as { '@list': { '@value': unknown }[] }[])[0]!['@list'].map((v) => v['@value']);

async function records(): Promise<SignedPledge[]> {
  const out: SignedPledge[] = [(await agencyRecord()).record, (await chainedRecord()).record];
  for (const method of ['typed', 'drawn'] as const) {
    const { agency } = await agencyRecord();
    const consent =
      method === 'typed'
        ? {
            acknowledgedPoints: [1, 2, 3, 4],
            method,
            typedName: "Ni Luh Putu Sri Wāhyuni D'Souza",
            acknowledgedAt: '2024-10-07T08:15:00+08:00',
          }
        : {
            acknowledgedPoints: [1, 2, 3, 4],
            method,
            signatureDigestMultibase: `uEi${'A'.repeat(44)}`,
            acknowledgedAt: '2024-10-07T08:15:00+08:00',
          };
    out.push(await signPledge(createPledge(pledgeInput(agency, { consent, language: 'en' })), agency));
  }
  return [...out, ...(await generatedRecords())];
}

describe('the ikrar JSON-LD context', () => {
  it('is what records name after the VC 2.0 context', async () => {
    const { record } = await agencyRecord();
    expect(record['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', IKRAR_CONTEXT_URL]);
  });

  it('ships as contexts/v1.jsonld, equal to IKRAR_CONTEXT_DOCUMENT, protected, with @list for ordered arrays', () => {
    const file = JSON.parse(readFileSync(path.join(here, '../contexts/v1.jsonld'), 'utf8'));
    expect(file).toEqual(IKRAR_CONTEXT_DOCUMENT);
    const ctx = IKRAR_CONTEXT_DOCUMENT['@context'] as Record<string, { '@container'?: string; '@id'?: string }>;
    expect(ctx['@protected']).toBe(true);
    expect(ctx['@version']).toBe(1.1);
    for (const t of ['points', 'legalBasis', 'acknowledgedPoints']) expect(ctx[t]!['@container'], t).toBe('@list');
    for (const [t, d] of Object.entries(ctx)) if (!t.startsWith('@')) expect(d['@id'], t).toBe(`${V}${t}`);
  });

  it('expands every record in safe mode, with our IRIs, keeping the order of points and acknowledgements', async () => {
    const all = await records();
    expect(all.length).toBeGreaterThan(50);
    for (const record of all) {
      const label = record.id;
      const [node] = await expand(record);
      expect(node!['@type'], label).toEqual(expect.arrayContaining([`${V}IkrarNetralitasCredential`]));
      const subject = child(node!, 'https://www.w3.org/2018/credentials#credentialSubject');
      const pledge = child(subject, `${V}pledge`);
      const cs = record.credentialSubject;
      expect(listOf(pledge, `${V}points`), label).toEqual(cs.pledge.points);
      expect(listOf(pledge, `${V}legalBasis`), label).toEqual(cs.pledge.legalBasis);
      const consent = child(subject, `${V}consent`);
      expect(listOf(consent, `${V}acknowledgedPoints`), label).toEqual(cs.consent.acknowledgedPoints);
      expect(child(subject, `${V}signer`)[`${V}identifier`], label).toEqual([{ '@value': cs.signer.identifier }]);
    }
    expect(refused).toEqual([]);
  });

  it('expands a collective pakta integritas in safe mode, keeping the order of its representatives', async () => {
    const { record } = await collectiveRecord();
    const [node] = await expand(record);
    expect(node!['@type']).toEqual(expect.arrayContaining([`${V}PaktaIntegritasCredential`]));
    const subject = child(node!, 'https://www.w3.org/2018/credentials#credentialSubject');
    const reps = (subject[`${V}representatives`] as { '@list': Expanded[] }[])[0]!['@list'];
    const cs = record.credentialSubject;
    expect(reps.map((r) => (r[`${V}proofId`] as { '@id': string }[])[0]!['@id'])).toEqual(
      cs.representatives.map((r) => r.proofId),
    );
    expect(refused).toEqual([]);
  });

  it('keeps a reversed point order distinct after expansion (an unordered array would not)', async () => {
    const { record } = await agencyRecord();
    const reversed = structuredClone(record);
    reversed.credentialSubject.pledge.points.reverse();
    const a = JSON.stringify(await expand(record));
    const b = JSON.stringify(await expand(reversed));
    expect(a).not.toBe(b);
  });

  it('refuses, in safe mode, a term we do not define, and a later context that redefines a protected term', async () => {
    const { record } = await agencyRecord();
    const extra = structuredClone(record) as unknown as { credentialSubject: Record<string, unknown> };
    extra.credentialSubject.favouriteParty = 'X';
    await expect(expand(extra)).rejects.toThrow(/safe mode|dropped|undefined/i);
    const redefine = {
      ...structuredClone(record),
      '@context': [...record['@context'], { points: 'https://example.com/points' }],
    };
    await expect(expand(redefine)).rejects.toMatchObject({
      name: 'jsonld.SyntaxError',
      details: { code: 'protected term redefinition' },
    });
  });

  it('still expands and verifies records written with the undefined-terms context', async () => {
    const { agency } = await agencyRecord();
    const credential = createPledge(pledgeInput(agency));
    credential['@context'] = [
      'https://www.w3.org/ns/credentials/v2',
      'https://www.w3.org/ns/credentials/undefined-terms/v2',
    ];
    const old = await signPledge(credential, agency, { created: '2024-10-07T08:16:00+08:00' });
    expect((await verifyPledge(old)).verified).toBe(true);
    const [node] = await expand(old);
    expect(node!['@type']).toEqual(
      expect.arrayContaining(['https://www.w3.org/ns/credentials/undefined-term#IkrarNetralitasCredential']),
    );
  });
});
