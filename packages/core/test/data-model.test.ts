// The data-model rules a reviewer reads, as checks over every generated record and fixture: VC Data
// Model 2.0 §4 (Basic Concepts) and VC Data Integrity 1.0 §2 (Data Model: proofs, proof sets and
// chains), plus eddsa-jcs-2022 §3.3.1's proof @context rule. Each rule is also shown to catch a record
// that breaks it, so the check cannot pass by looking at nothing.
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { parseTimestamp, type SignedPledge } from '../src/index.js';
import { generatedRecords } from './fixtures/generated-records.js';
import { offlineDocumentLoader } from './fixtures/db-document-loader.js';

const { documentLoader } = offlineDocumentLoader();
import { agencyRecord, chainedRecord } from './fixtures/make-record.js';
import { signed as pdfRecord } from './pdf/records.js';

type Json = Record<string, unknown>;
const VC_V2 = 'https://www.w3.org/ns/credentials/v2';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
/** VC 2.0 §4.4: an identifier is a URL (RFC 3986 absolute: a scheme, then anything). */
const isUrl = (v: unknown): boolean => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(v) && URL.canParse(v);
/** XML Schema dateTimeStamp (VC 2.0 §4.9, DI 1.0 §2.1 `created`): a real date-time with an offset. */
const isDateTimeStamp = (v: unknown): boolean => parseTimestamp(v) !== null;

/**
 * The rules broken by a record, by section.
 * @param r - the record
 * @returns one line per broken rule
 */
function violations(r: Json): string[] {
  const out: string[] = [];
  const rule = (ok: boolean, text: string): void => {
    if (!ok) out.push(text);
  };
  const ctx = r['@context'];
  rule(
    Array.isArray(ctx) && ctx[0] === VC_V2,
    'VC 2.0 §4.3: @context is a list whose first item is the VC 2.0 context',
  );
  rule(
    Array.isArray(ctx) && ctx.slice(1).every(isUrl),
    'VC 2.0 §4.3: later @context items are URLs (strings only here)',
  );
  rule(r.id === undefined || isUrl(r.id), 'VC 2.0 §4.4: id is a single URL');
  rule(
    Array.isArray(r.type) && r.type.includes('VerifiableCredential'),
    'VC 2.0 §4.5: type includes VerifiableCredential',
  );
  for (const key of ['name', 'description']) {
    rule(r[key] === undefined || typeof r[key] === 'string', `VC 2.0 §4.6: ${key} is a string`);
  }
  const issuer = r.issuer;
  rule(
    isUrl(issuer) || (isObject(issuer) && isUrl(issuer.id)),
    'VC 2.0 §4.7: issuer is a URL or an object whose id is one',
  );
  const subjects = list(r.credentialSubject);
  rule(
    r.credentialSubject !== undefined && subjects.length > 0 && subjects.every(isObject),
    'VC 2.0 §4.8: credentialSubject is an object or a non-empty list of objects',
  );
  rule(
    subjects.every((s) => !isObject(s) || s.id === undefined || isUrl(s.id)),
    'VC 2.0 §4.8: a subject id is a URL',
  );
  rule(r.validFrom === undefined || isDateTimeStamp(r.validFrom), 'VC 2.0 §4.9: validFrom is a dateTimeStamp');
  rule(r.validUntil === undefined || isDateTimeStamp(r.validUntil), 'VC 2.0 §4.9: validUntil is a dateTimeStamp');
  if (isDateTimeStamp(r.validFrom) && isDateTimeStamp(r.validUntil)) {
    rule(
      (parseTimestamp(r.validFrom) as Date) <= (parseTimestamp(r.validUntil) as Date),
      'VC 2.0 §4.9: validFrom is not after validUntil',
    );
  }
  if (r.credentialStatus !== undefined) {
    rule(
      list(r.credentialStatus).every(
        (s) => isObject(s) && typeof s.type === 'string' && (s.id === undefined || isUrl(s.id)),
      ),
      'VC 2.0 §4.10: each credentialStatus has a type, and its id (if any) is a URL',
    );
  }
  rule(r.proof !== undefined, 'VC 2.0 §4.12: the credential is secured (an embedded Data Integrity proof)');
  const proofs = r.proof === undefined ? [] : list(r.proof);
  const ids = proofs.map((p) => (isObject(p) ? p.id : undefined));
  for (const [i, p] of proofs.entries()) {
    const at = `proof[${i}]`;
    if (!isObject(p)) {
      out.push(`DI 1.0 §2.1: ${at} is an object`);
      continue;
    }
    rule(p.type === 'DataIntegrityProof', `DI 1.0 §2.1: ${at} type is DataIntegrityProof`);
    rule(typeof p.cryptosuite === 'string' && p.cryptosuite !== '', `DI 1.0 §2.1: ${at} names its cryptosuite`);
    rule(typeof p.proofPurpose === 'string', `DI 1.0 §2.1: ${at} has a proofPurpose`);
    rule(isUrl(p.verificationMethod), `DI 1.0 §2.1: ${at} verificationMethod is a URL`);
    rule(
      typeof p.proofValue === 'string' && /^z[1-9A-HJ-NP-Za-km-z]+$/.test(p.proofValue),
      `DI 1.0 §2.1: ${at} proofValue is multibase (base58btc)`,
    );
    rule(p.id === undefined || isUrl(p.id), `DI 1.0 §2.1: ${at} id is a URL`);
    rule(p.created === undefined || isDateTimeStamp(p.created), `DI 1.0 §2.1: ${at} created is a dateTimeStamp`);
    rule(p.expires === undefined || isDateTimeStamp(p.expires), `DI 1.0 §2.1: ${at} expires is a dateTimeStamp`);
    for (const prev of p.previousProof === undefined ? [] : list(p.previousProof)) {
      rule(
        typeof prev === 'string' && ids.includes(prev) && prev !== p.id,
        `DI 1.0 §2.1.3: ${at} previousProof names another proof of the set`,
      );
    }
    if (p['@context'] !== undefined) {
      rule(
        Array.isArray(ctx) &&
          JSON.stringify(p['@context']) === JSON.stringify(ctx.slice(0, list(p['@context']).length)),
        `eddsa-jcs-2022 §3.3.1: ${at} @context is the document's`,
      );
    }
  }
  const named = ids.filter((id) => id !== undefined);
  rule(new Set(named).size === named.length, 'DI 1.0 §2.1.2: proof ids in a set are distinct');
  return out;
}

/** VC 2.0 §4.5: every type, once expanded, is an absolute IRI our contexts define (not an undefined term). */
async function typeViolations(r: Json): Promise<string[]> {
  const [node] = (await jsonld.expand(structuredClone(r) as never, { documentLoader, safe: true } as never)) as Json[];
  const types = (node?.['@type'] as string[] | undefined) ?? [];
  return types
    .filter((t) => !/^https?:\/\//.test(t) || t.includes('/undefined-term#'))
    .map((t) => `VC 2.0 §4.5: type ${t} is not defined by a context`);
}

async function allRecords(): Promise<SignedPledge[]> {
  return [
    (await agencyRecord()).record,
    (await chainedRecord()).record,
    await pdfRecord(),
    ...(await generatedRecords()),
  ];
}

describe('VC 2.0 §4 and Data Integrity 1.0 §2 data-model rules', () => {
  it('hold for every generated record and fixture', async () => {
    const all = await allRecords();
    expect(all.length).toBeGreaterThan(50);
    for (const record of all) expect(violations(record as unknown as Json), record.id).toEqual([]);
    for (const record of all.slice(0, 12))
      expect(await typeViolations(record as unknown as Json), record.id).toEqual([]);
  });

  it('catch a record that breaks each of them', async () => {
    const { record } = await chainedRecord();
    const base = record as unknown as Json;
    const proofs = base.proof as Json[];
    const cases: [string, Json][] = [
      ['§4.3', { ...base, '@context': [...(base['@context'] as string[])].reverse() }],
      ['§4.4', { ...base, id: 'not a url' }],
      ['§4.5', { ...base, type: ['IkrarNetralitasCredential'] }],
      ['§4.7', { ...base, issuer: { name: 'no id' } }],
      ['§4.8', { ...base, credentialSubject: [] }],
      ['§4.9', { ...base, validFrom: '2024-10-07T08:16:00' }],
      ['§4.9', { ...base, validUntil: '2024-10-06T00:00:00Z' }],
      ['§4.10', { ...base, credentialStatus: { statusPurpose: 'revocation' } }],
      ['§4.12', { ...base, proof: undefined }],
      ['§2.1:', { ...base, proof: [{ ...proofs[0], created: '2024-13-01T00:00:00Z' }, proofs[1]] }],
      ['§2.1.2', { ...base, proof: [proofs[0], { ...proofs[1], id: (proofs[0] as Json).id }] }],
      [
        '§2.1.3',
        {
          ...base,
          proof: [proofs[0], { ...proofs[1], previousProof: 'urn:uuid:00000000-0000-4000-8000-000000000000' }],
        },
      ],
      [
        '§3.3.1',
        { ...base, proof: [proofs[0], { ...proofs[1], '@context': ['https://www.w3.org/2018/credentials/v1'] }] },
      ],
    ];
    for (const [section, broken] of cases) {
      expect(violations(JSON.parse(JSON.stringify(broken))).join('\n'), section).toContain(section);
    }
    const undefinedType = { ...base, '@context': [VC_V2, 'https://www.w3.org/ns/credentials/undefined-terms/v2'] };
    expect((await typeViolations(undefinedType)).join('\n')).toContain('§4.5');
  });
});
