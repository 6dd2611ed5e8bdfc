// fast-check: any mutation of a genuine record (a changed string, number or key, a dropped field,
// a changed proof byte) is never valid.
import fc from 'fast-check';
import { generateKeyPair, type SignedPledge } from '@ikrar/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRecordVerifier, createStrictVerifier, parseTrustStore, type RecordVerifier } from '../src/index.js';
import { nodeCryptoVerify } from '../src/cli/verify/engines.js';
import { makeRecord, trustFor } from './helpers.js';

const agency = generateKeyPair();
const employee = generateKeyPair();
let records: SignedPledge[] = [];
let verifiers: [string, RecordVerifier][] = [];

/** Every path to a leaf (string, number, boolean) of a JSON value. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

function setAt(root: unknown, path: (string | number)[], fn: (old: unknown) => unknown): void {
  let o = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  o[last] = fn(o[last]);
}

beforeAll(async () => {
  records = [await makeRecord({ agency }), await makeRecord({ agency, employee })];
  const trustStore = parseTrustStore(trustFor(agency));
  verifiers = [
    ['noble', createRecordVerifier({ trustStore })],
    ['node:crypto', createRecordVerifier({ trustStore, verifySignature: createStrictVerifier(nodeCryptoVerify()) })],
  ];
});

describe('mutated genuine records are rejected', () => {
  it('the genuine records are valid on every path', async () => {
    for (const r of records) for (const [, v] of verifiers) expect((await v.verify(r)).result.verdict).toBe('valid');
  });

  it('changing any leaf value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.string({ minLength: 1, maxLength: 8 }), async (ri, li, junk) => {
        const record = structuredClone(records[ri % records.length]) as SignedPledge;
        const paths = leaves(record);
        const path = paths[li % paths.length] as (string | number)[];
        setAt(record, path, (old) =>
          typeof old === 'string'
            ? old + junk === old
              ? `${old}x`
              : old + junk
            : typeof old === 'number'
              ? old + 1
              : !old,
        );
        for (const [name, v] of verifiers) {
          const r = (await v.verify(record)).result;
          expect(r.valid, `${name}: ${path.join('.')}`).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('dropping any field or renaming any key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.boolean(), async (ri, li, rename) => {
        const record = structuredClone(records[ri % records.length]) as SignedPledge;
        const paths = leaves(record).filter((p) => typeof p[p.length - 1] === 'string');
        const path = paths[li % paths.length] as string[];
        let o = record as unknown as Record<string, unknown>;
        for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>;
        const key = path[path.length - 1] as string;
        const value = o[key];
        delete o[key];
        if (rename) o[`${key}_`] = value;
        for (const [name, v] of verifiers)
          expect((await v.verify(record)).result.valid, `${name}: ${path.join('.')}`).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('changing one character of a proofValue', async () => {
    const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.nat(), async (ri, pi, ci) => {
        const record = structuredClone(records[ri % records.length]) as SignedPledge;
        const proofs = (Array.isArray(record.proof) ? record.proof : [record.proof]) as { proofValue: string }[];
        const proof = proofs[pi % proofs.length] as { proofValue: string };
        const at = 1 + (ci % (proof.proofValue.length - 1));
        const old = proof.proofValue[at] as string;
        const next = alphabet[(alphabet.indexOf(old) + 1 + (ci % 50)) % alphabet.length] as string;
        proof.proofValue = proof.proofValue.slice(0, at) + next + proof.proofValue.slice(at + 1);
        for (const [name, v] of verifiers) expect((await v.verify(record)).result.valid, name).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
