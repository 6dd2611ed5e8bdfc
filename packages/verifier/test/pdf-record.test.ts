// .pdf inputs parsed once: the embedded record's text goes to the verifier as it is in the file
// (core's extractRecordText), where it used to be parsed (extractRecord), written again
// (JSON.stringify) and parsed again (verifyText). Same verdicts: PDFs made by the real paths
// (core's renderCertificate, and qpdf attaching texts of every kind: canonical, pretty, escaped,
// other number forms, a BOM, duplicate keys, __proto__, lone surrogates, deep nesting, not UTF-8,
// not JSON) give through feedPdf exactly the outcome of the old parse -> stringify -> parse path.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { canonicalize, generateKeyPair, type SignedPledge } from '@ikrar/core';
import { extractRecord, extractRecordText, renderCertificate } from '@ikrar/core/pdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createJobRunner,
  createRecordVerifier,
  feedPdf,
  parseTrustStore,
  recordFromPdf,
  type RecordOutcome,
  type RecordVerifier,
} from '../src/index.js';
import { createOrderedPool } from '../src/ordered-pool.js';
import { makeRecord, trustFor } from './helpers.js';

const agency = generateKeyPair();
const stranger = generateKeyPair();
const dir = mkdtempSync(path.join(tmpdir(), 'ikrar-pdf-record-'));
let verifier: RecordVerifier;
let good: SignedPledge;
let chained: SignedPledge;

beforeAll(async () => {
  verifier = createRecordVerifier({ trustStore: parseTrustStore(trustFor(agency)) });
  good = await makeRecord({ agency });
  chained = await makeRecord({ agency, employee: generateKeyPair(), name: 'Ñoman Śuryadi' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The new path: feedPdf into a sink that runs its jobs in this thread. */
async function viaFeed(pdf: Uint8Array, name: string): Promise<RecordOutcome[]> {
  const out: RecordOutcome[] = [];
  const pool = createOrderedPool({
    workers: 0,
    send: () => {},
    inline: createJobRunner(verifier),
    emit: (o: RecordOutcome[]) => void out.push(...o),
  });
  await feedPdf(pdf, name, { sink: pool, counts: new Map() });
  await pool.drain();
  return out;
}

/** What feedPdf did before: extractRecord (a parse), JSON.stringify, verifyText (a second parse). */
async function viaOldPath(pdf: Uint8Array, name: string): Promise<RecordOutcome[]> {
  let record: unknown;
  try {
    record = await extractRecord(pdf);
  } catch (err) {
    const e = err as { code: string; reason?: unknown; messages: { id: string; en: string } };
    return [
      {
        result: {
          source: { file: name },
          verdict: 'malformed',
          valid: false,
          reason:
            e.code === 'ERR_JSON_INVALID' && typeof e.reason === 'string'
              ? { code: 'ERR_JSON_INVALID', detail: e.reason }
              : { code: e.code as 'ERR_PDF_INVALID' },
          message: { id: e.messages.id, en: e.messages.en },
        },
      },
    ];
  }
  return [await verifier.verifyText(JSON.stringify(record), { file: name })];
}

/** A PDF made by qpdf with one attachment `ikrar.json` holding `bytes`. */
function pdfAttaching(bytes: Uint8Array, n: number): Uint8Array {
  const json = path.join(dir, `r${n}.json`);
  const pdf = path.join(dir, `r${n}.pdf`);
  writeFileSync(json, bytes);
  const r = spawnSync('qpdf', [
    '--empty',
    pdf,
    '--add-attachment',
    json,
    '--key=ikrar.json',
    '--filename=ikrar.json',
    '--',
  ]);
  if (r.status !== 0) throw new Error(`qpdf: ${r.stderr.toString()}`);
  return new Uint8Array(readFileSync(pdf));
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
let made = 0;

async function expectSame(pdf: Uint8Array): Promise<RecordOutcome[]> {
  const name = `c${made}.pdf`;
  const now = await viaFeed(pdf, name);
  expect(now).toEqual(await viaOldPath(pdf, name));
  return now;
}

describe('.pdf inputs: the embedded text parsed once', () => {
  it('certificates from renderCertificate: valid, chained, tampered, untrusted; the text handed on is the file', async () => {
    const tampered = structuredClone(good);
    (tampered.credentialSubject.signer as { name: string }).name = 'Orang Lain';
    const foreign = await makeRecord({ agency: stranger });
    const verdicts: string[] = [];
    for (const record of [good, chained, tampered, foreign]) {
      const pdf = await renderCertificate(record, {});
      const got = await recordFromPdf(pdf);
      expect(got).toEqual({ text: `${JSON.stringify(record, null, 2)}\n` });
      expect((await extractRecordText(pdf)).text).toBe((got as { text: string }).text);
      const [outcome] = await expectSame(pdf);
      verdicts.push((outcome as RecordOutcome).result.verdict);
    }
    expect(verdicts).toEqual(['valid', 'valid', 'invalid-signature', 'untrusted-issuer']);
  });

  it('attachments of every kind (qpdf): the verdicts, reasons and messages of parse -> stringify -> parse', async () => {
    const canonical = canonicalize(good);
    const deep = `${'['.repeat(70)}${']'.repeat(70)}`;
    const texts: (string | Uint8Array)[] = [
      canonical,
      `${JSON.stringify(good, null, 2)}\n`,
      `\ufeff${canonical}`,
      `${canonical}\r\n  `,
      canonical.replace('"credentialSubject":', '"credentialSubject" :\n'),
      // The signer's name with escapes, and the same record with a number written otherwise.
      canonical.replace(
        /"name":"([^"])/,
        (_, c: string) => `"name":"\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
      canonical.replace(/^\{/, '{"extra":1.50e0,'),
      canonical.replace(/^\{/, '{"id":"urn:x","id2":1,"id":"urn:y",'),
      canonical.replace(/^\{/, '{"__proto__":{"x":1},'),
      canonical.replace(/^\{/, '{"lone":"\\ud800",'),
      `[${canonical},${canonical}]`,
      deep,
      '{"a":1,"a":2}',
      'hello',
      '',
      '   ',
      'null',
      new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]),
    ];
    const reasons = new Set<string>();
    for (const t of texts) {
      const [outcome] = await expectSame(pdfAttaching(typeof t === 'string' ? enc(t) : t, made++));
      const r = (outcome as RecordOutcome).result;
      reasons.add(`${r.verdict}:${r.reason?.code ?? ''}:${r.reason && 'detail' in r.reason ? r.reason.detail : ''}`);
    }
    // The cases reach valid records, bad signatures and several JSON refusals, not one verdict.
    expect(reasons.has('valid::')).toBe(true);
    expect([...reasons].filter((r) => r.startsWith('malformed:ERR_JSON_INVALID')).length).toBeGreaterThanOrEqual(3);
    expect([...reasons].some((r) => r.startsWith('invalid'))).toBe(true);
  });

  it('property: mutated record texts in real PDFs give the outcome of the old path', async () => {
    const canonical = (): string => canonicalize(good);
    const mutation = fc.oneof(
      fc.constant((t: string) => t),
      fc.constant((t: string) => JSON.stringify(JSON.parse(t), null, 1)),
      fc
        .integer({ min: 1, max: 2000 })
        .map((i) => (t: string) => t.slice(0, i % t.length) + ' ' + t.slice(i % t.length)),
      fc
        .integer({ min: 1, max: 2000 })
        .map((i) => (t: string) => t.slice(0, i % t.length) + t.slice((i % t.length) + 1)),
      fc.integer({ min: 1, max: 2000 }).map((i) => (t: string) => {
        const at = i % t.length;
        return t.slice(0, at) + String.fromCharCode(t.charCodeAt(at) ^ 1) + t.slice(at + 1);
      }),
      fc.constant((t: string) => t.replace(/"(\w+)":/, '"$1":1,"$1":')),
      fc.constant((t: string) => t.replace(/"validFrom":"([^"]*)"/, '"validFrom":"$1 "')),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        let t = canonical();
        for (const m of ms) {
          try {
            t = m(t);
          } catch {
            // a pretty-print of text that is no longer JSON: leave it
          }
        }
        await expectSame(pdfAttaching(enc(t), made++));
      }),
      { numRuns: 40 },
    );
  });
});
