// The worker-to-main-thread form of outcomes (src/internal/pack-outcomes.ts): unpacking gives
// back exactly what was packed, as values and as JSON text (key order: `--json` prints it), for
// real outcomes of every kind the verifier gives and for any outcome fast-check can make.
import fc from 'fast-check';
import {
  countersignCollective,
  createCollectivePledge,
  generateKeyPair,
  signAsRepresentative,
  type CollectiveCredential,
  type SignedCollective,
} from '@ikrar/core';
import { describe, expect, it } from 'vitest';
import { clearFields, createFields } from '../src/internal/outcome.js';
import { createPacker, type PackedOutcomes, unpackOutcomes } from '../src/internal/pack-outcomes.js';
import { createJobLoop } from '../src/internal/run-job.js';
import type { RecordResult, RecordSource } from '../src/verify-record.js';
import {
  createJobRunner,
  createRecordVerifier,
  parseTrustStore,
  VERDICTS,
  verdictMessage,
  type RecordOutcome,
  type RecordVerifier,
} from '../src/index.js';
import { alterText, makeRecord, trustFor } from './helpers.js';

/** Whether `key` is `eventKeyOf(issuer, event)`, compared in place (no string built per record). */
function isEventKeyOf(key: string, issuer: string, event: RecordResult['event']): boolean {
  const name = event?.name ?? '';
  const date = event?.date ?? '';
  const at = issuer.length + 1;
  return (
    key.length === at + name.length + 1 + date.length &&
    key.startsWith(issuer) &&
    key.charCodeAt(issuer.length) === 0 &&
    key.startsWith(name, at) &&
    key.charCodeAt(at + name.length) === 0 &&
    key.endsWith(date)
  );
}

/** Whether the object `o` can be packed: everything it holds has a slot, and unpacks as it is. */
function packable(o: RecordOutcome, file: string): boolean {
  const r = o.result;
  const s = r.source;
  if (s === undefined || s.file !== file || typeof s.line !== 'number' || s.index !== undefined) return false;
  if (r.reason !== undefined || r.representatives !== undefined || r.message !== verdictMessage(r.verdict))
    return false;
  if (o.eventKey !== undefined && (r.issuer === undefined || !isEventKeyOf(o.eventKey, r.issuer, r.event)))
    return false;
  if (o.eventKey === undefined && r.issuer !== undefined) return false;
  return true;
}

/**
 * Packs outcome objects through the worker's packer (its fields read back from each): how these
 * tests hand any outcome, real or made by fast-check, to the packer. The worker itself concludes
 * into the packer and builds no objects.
 * @param outcomes - one job's outcomes
 * @param file - the job's file (every packed source names it)
 * @param joined - texts the packer joins into one string (its default, or small to cut many strings)
 * @returns the packed form
 */
function packOutcomes(outcomes: readonly RecordOutcome[], file: string, joined?: number): PackedOutcomes {
  const packer = createPacker(file, joined);
  const f = createFields();
  for (const o of outcomes) {
    if (!packable(o, file)) {
      packer.push(o);
      continue;
    }
    const r = o.result;
    clearFields(f);
    f.verdict = r.verdict;
    f.proof = r.proof;
    f.id = r.id;
    f.issuer = r.issuer;
    f.signedAt = r.signedAt;
    if (r.signer) {
      f.hasSigner = true;
      f.name = r.signer.name;
      f.employeeType = r.signer.employeeType;
      f.identifier = r.signer.identifier;
      f.position = r.signer.position;
      f.workUnit = r.signer.workUnit;
    }
    if (r.event) {
      f.hasEvent = true;
      f.eventName = r.event.name;
      f.eventDate = r.event.date;
    }
    f.unmasked = o.identifier;
    packer.at(r.source?.line, undefined);
    packer.conclude(f);
  }
  return packer.take();
}

/** `o` without its undefined members: keys only when defined, as verify-record.ts builds them. */
const strip = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function roundTrip(outcomes: RecordOutcome[], file: string): void {
  // As the worker sends it: a structured clone of the packed form; texts in one string or several.
  for (const joined of [undefined, 1, 2, 3]) {
    const back = unpackOutcomes(structuredClone(packOutcomes(outcomes, file, joined)), file);
    expect(back).toEqual(outcomes);
    expect(JSON.stringify(back)).toBe(JSON.stringify(outcomes));
  }
}

describe('pack-outcomes: the outcomes a worker sends to the main thread', () => {
  it('unpacks real outcomes of every kind to the same values and the same JSON', async () => {
    const agency = generateKeyPair();
    const other = generateKeyPair();
    const employee = generateKeyPair();
    const valid = await makeRecord({ agency, name: 'Ni Luh Putu Ayu Séntana' });
    const chained = await makeRecord({ agency, employee });
    const untrusted = await makeRecord({ agency: other });
    const altered = await alterText(await makeRecord({ agency }), agency);
    const late = await makeRecord({ agency, created: '2024-12-01T08:00:00+08:00' });
    const lines = [
      JSON.stringify(valid),
      JSON.stringify(chained),
      JSON.stringify(untrusted),
      JSON.stringify(altered),
      JSON.stringify({ ...valid, id: 'urn:uuid:00000000-0000-4000-8000-000000000000' }),
      JSON.stringify(late),
      '{"a":',
      '[]',
      '"just a string"',
      JSON.stringify({ ...valid, credentialSubject: { ...valid.credentialSubject, signer: 'nobody' } }),
    ];
    for (const reveal of [false, true]) {
      const run = createJobRunner(
        createRecordVerifier({
          trustStore: parseTrustStore(trustFor(agency)),
          before: '2024-11-27T00:00:00+07:00',
          reveal,
        }),
      );
      const outcomes = await run({
        seq: 0,
        kind: 'lines',
        file: 'ekspor.jsonl',
        firstLine: 1,
        data: new TextEncoder().encode(lines.join('\n')),
      });
      expect(outcomes.map((o) => o.result.verdict)).toEqual([
        'valid',
        'valid',
        'untrusted-issuer',
        'altered-text',
        'invalid-signature',
        'after-deadline',
        'malformed',
        'malformed',
        'malformed',
        'malformed',
      ]);
      roundTrip(outcomes, 'ekspor.jsonl');
      // Only those with a reason travel as objects; the valid ones (the bulk of a run) are packed.
      const packed = packOutcomes(outcomes, 'ekspor.jsonl');
      const asObjects = packed.objects;
      expect(asObjects).toEqual(outcomes.filter((o) => o.result.reason !== undefined));
      expect(asObjects.length).toBe(6);
    }
  });

  it('sends a text the previous record shares once, and unpacks it as the same string', async () => {
    const agency = generateKeyPair();
    const records = [
      await makeRecord({ agency, name: 'Ayu' }),
      await makeRecord({ agency, name: 'Budi' }),
      await makeRecord({ agency, name: 'Citra' }),
    ];
    const run = createJobRunner(createRecordVerifier({ trustStore: parseTrustStore(trustFor(agency)) }));
    const outcomes = await run({
      seq: 0,
      kind: 'lines',
      file: 'ekspor.jsonl',
      firstLine: 1,
      data: new TextEncoder().encode(records.map((r) => JSON.stringify(r)).join('\n')),
    });
    expect(outcomes.map((o) => o.result.verdict)).toEqual(['valid', 'valid', 'valid']);
    const packed = packOutcomes(outcomes, 'ekspor.jsonl');
    const issuer = outcomes[0]?.result.issuer as string;
    const event = outcomes[0]?.result.event?.name as string;
    expect(typeof issuer).toBe('string');
    expect(typeof event).toBe('string');
    // The issuer and the event name are sent with the first record only.
    expect(packed.texts.join('').split(issuer)).toHaveLength(2);
    expect(packed.texts.join('').split(event)).toHaveLength(2);
    const back = unpackOutcomes(structuredClone(packed), 'ekspor.jsonl');
    expect(back).toEqual(outcomes);
    expect(JSON.stringify(back)).toBe(JSON.stringify(outcomes));
    expect(back[2]?.eventKey).toBe(back[0]?.eventKey);
  });

  it('unpacks any outcome to the same values and the same JSON (property)', () => {
    // Some texts hold NUL, the separator of an event key, so near-miss keys can be tried; some
    // are long (cut from the job's texts as slices) or hold any UTF-16 unit (a two-byte string).
    const text = fc.option(
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.string({ unit: 'binary', minLength: 10, maxLength: 40 }),
        fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
        fc.array(fc.constantFrom('a', '\u0000'), { maxLength: 4 }).map((a) => a.join('')),
      ),
      { nil: undefined },
    );
    const signer = fc.record(
      { name: text, employeeType: text, identifier: text, position: text, workUnit: text },
      { requiredKeys: [] },
    );
    const outcome = fc
      .record({
        line: fc.option(fc.nat(), { nil: undefined }),
        index: fc.option(fc.nat(), { nil: undefined }),
        file: fc.constantFrom('a.jsonl', 'b.jsonl'),
        verdict: fc.constantFrom(...VERDICTS),
        id: text,
        issuer: text,
        signedAt: text,
        signer: fc.option(signer, { nil: undefined }),
        event: fc.option(fc.record({ name: text, date: text }, { requiredKeys: [] }), { nil: undefined }),
        proof: fc.option(fc.nat(3), { nil: undefined }),
        identifier: text,
        reason: fc.option(fc.constantFrom('ERR_SIGNATURE_INVALID', 'ERR_JSON_INVALID'), { nil: undefined }),
        ownMessage: fc.boolean(),
        keyForm: fc.constantFrom('own', 'other', 'swapped', 'shifted', 'longer'),
      })
      .map((g): RecordOutcome => {
        // Built as verify-record.ts builds them: keys only when defined, in its order.
        const result = strip({
          source: strip({ file: g.file, line: g.line, index: g.index }),
          id: g.id,
          issuer: g.issuer,
          signedAt: g.signedAt,
          signer: g.signer && strip(g.signer),
          event: g.event && strip(g.event),
          verdict: g.verdict,
          valid: g.verdict === 'valid',
          reason: g.reason && { code: g.reason },
          message: g.ownMessage ? { id: 'Pesan.', en: 'Message.' } : verdictMessage(g.verdict),
          proof: g.proof,
        });
        // The own key, or one that may or may not happen to equal it (packed only when equal).
        const [i, n, d] = [g.issuer, g.event?.name ?? '', g.event?.date ?? ''];
        const eventKey =
          i === undefined
            ? undefined
            : {
                own: `${i}\u0000${n}\u0000${d}`,
                other: 'something else',
                swapped: `${i}\u0000${d}\u0000${n}`,
                shifted: `${i}\u0000\u0000${n}${d}`,
                longer: `${i}\u0000${n}\u0000${d}a`,
              }[g.keyForm];
        return strip({ result, identifier: g.identifier, eventKey }) as RecordOutcome;
      });
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 8 }), (outcomes) => {
        roundTrip(outcomes, 'a.jsonl');
      }),
      { numRuns: 1000 },
    );
  });

  it('unpacks runs of records sharing texts to the same values and the same JSON (property)', () => {
    // Packable outcomes (a line, no reason, their own event key) whose texts come from small sets,
    // so that runs of equal and of differing values, and undefined between them, are common.
    const few = fc.constantFrom(undefined, '', 'a', 'b', '\u0000');
    const outcome = fc
      .record({
        line: fc.nat(),
        verdict: fc.constantFrom(...VERDICTS),
        id: few,
        issuer: few,
        signedAt: few,
        signer: fc.option(fc.record({ name: few, employeeType: few, identifier: few, position: few, workUnit: few }), {
          nil: undefined,
        }),
        event: fc.option(fc.record({ name: few, date: few }), { nil: undefined }),
        proof: fc.option(fc.nat(3), { nil: undefined }),
        identifier: few,
        asObject: fc.boolean(),
      })
      .map((g): RecordOutcome => {
        const result = strip({
          source: { file: 'a.jsonl', line: g.line },
          id: g.id,
          issuer: g.issuer,
          signedAt: g.signedAt,
          signer: g.signer && strip(g.signer),
          event: g.event && strip(g.event),
          verdict: g.verdict,
          valid: g.verdict === 'valid',
          // Some travel as objects between packed ones.
          reason: g.asObject ? { code: 'ERR_SIGNATURE_INVALID' } : undefined,
          message: verdictMessage(g.verdict),
          proof: g.proof,
        });
        const eventKey =
          g.issuer === undefined ? undefined : `${g.issuer}\u0000${g.event?.name ?? ''}\u0000${g.event?.date ?? ''}`;
        return strip({ result, identifier: g.identifier, eventKey }) as RecordOutcome;
      });
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 12 }), (outcomes) => {
        roundTrip(outcomes, 'a.jsonl');
      }),
      { numRuns: 1000 },
    );
  });
});

describe("pack-outcomes: the worker's packer (a sink the verifier writes into)", () => {
  it("gives, unpacked, exactly the library runner's outcomes, over mutated lines of every kind (property)", async () => {
    const agency = generateKeyPair();
    const employee = generateKeyPair();
    let collective: CollectiveCredential | SignedCollective = createCollectivePledge({
      template: 'pakta-integritas-skb-2022',
      issuer: { id: agency.controller, name: 'Pemerintah Kabupaten Klaten' },
      event: { name: 'Pemilu dan Pemilihan 2024', date: '2024-01-08' },
      representatives: [
        { name: 'Sri Lestari', employeeType: 'PNS', identifier: '198208172006042003' },
        { name: 'Agus Santoso', employeeType: 'PNS', identifier: '199001012015031004' },
      ],
      validFrom: '2024-01-08T07:30:00+07:00',
      now: new Date('2024-01-08T00:00:00Z'),
    });
    for (const i of [1, 0]) collective = await signAsRepresentative(collective, generateKeyPair(), i);
    const records = [
      await makeRecord({ agency, name: 'Ni Luh Putu Ayu Séntana' }),
      await makeRecord({ agency, employee, name: 'Budi' }),
      await makeRecord({ agency: generateKeyPair() }),
      await alterText(await makeRecord({ agency }), agency),
      await makeRecord({ agency, created: '2024-12-01T08:00:00+08:00' }),
      await countersignCollective(collective as SignedCollective, agency, { created: '2024-01-08T08:00:00+07:00' }),
    ];
    const enc = new TextEncoder();
    const base = records.map((r) => enc.encode(JSON.stringify(r)));
    // A line: a record's bytes, maybe mutated (a byte changed, dropped or doubled, a space, CR,
    // bytes that are not UTF-8), or a blank or lone line.
    const lineArb = fc.oneof(
      { weight: 3, arbitrary: fc.nat(base.length - 1).map((i) => base[i] as Uint8Array) },
      {
        weight: 4,
        arbitrary: fc
          .record({
            i: fc.nat(base.length - 1),
            at: fc.nat(),
            op: fc.constantFrom('set', 'drop', 'double', 'space', 'cr', 'bad'),
            b: fc.integer({ min: 0x20, max: 0x7e }),
          })
          .map(({ i, at, op, b }) => {
            const src = base[i] as Uint8Array;
            const k = at % src.length;
            const head = src.subarray(0, k);
            const tail = src.subarray(k);
            const mid = {
              set: [b],
              drop: [],
              double: [src[k] as number, src[k] as number],
              space: [0x20],
              cr: [0x0d],
              bad: [0xff, 0xc3],
            }[op];
            const rest = op === 'set' || op === 'drop' ? tail.subarray(1) : op === 'double' ? tail.subarray(1) : tail;
            return Uint8Array.from([...head, ...mid, ...rest]);
          }),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom('', ' ', '[]', '{"a":1,"a":2}', 'null', '{"a":').map((s) => enc.encode(s)),
      },
    );
    const verifiers = [false, true].map((reveal) =>
      createRecordVerifier({
        trustStore: parseTrustStore(trustFor(agency)),
        before: '2024-11-27T00:00:00+07:00',
        reveal,
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineArb, { minLength: 1, maxLength: 4 }),
        fc.nat(1),
        fc.nat(5),
        fc.constantFrom(undefined, 1, 2, 5),
        async (ls, v, first, joined) => {
          const parts: number[] = [];
          ls.forEach((l, i) => parts.push(...(i ? [10] : []), ...l));
          const job = {
            seq: 0,
            kind: 'lines' as const,
            file: 'ekspor.jsonl',
            firstLine: first + 1,
            data: Uint8Array.from(parts),
          };
          const verifier = verifiers[v] as RecordVerifier;
          const expected = await createJobRunner(verifier)(job);
          const packer = createPacker('ekspor.jsonl', joined);
          await createJobLoop(verifier)(job, packer);
          const back = unpackOutcomes(structuredClone(packer.take()), 'ekspor.jsonl');
          expect(back).toEqual(expected);
          expect(JSON.stringify(back)).toBe(JSON.stringify(expected));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("run-job: the sinking side is the verifier's own (no module state)", () => {
  it("is found on the verifier createRecordVerifier made, not on one of the caller's own, and is not among its keys", async () => {
    const agency = generateKeyPair();
    const line = new TextEncoder().encode(JSON.stringify(await makeRecord({ agency, name: 'Budi' })));
    const job = { seq: 0, kind: 'lines' as const, file: 'a.jsonl', firstLine: 1, data: line };
    const made = createRecordVerifier({ trustStore: parseTrustStore(trustFor(agency)) });
    // Its public methods and nothing else are its keys, as before (JSON, spreading, equality).
    expect(Object.keys(made)).toEqual(['verify', 'verifyText', 'verifyLine']);
    expect(
      Object.getOwnPropertySymbols(made).filter((k) => Object.prototype.propertyIsEnumerable.call(made, k)),
    ).toEqual([]);
    // Its public verifyLine, counted: the runner of the verifier itself concludes into its sink
    // and never calls it; a verifier of the caller's own (spread from it, or inheriting from it)
    // is called through it, once per line, and gives the same outcomes.
    const publicLine = made.verifyLine;
    let publicCalls = 0;
    Object.defineProperty(made, 'verifyLine', {
      value: (b: Uint8Array, s?: RecordSource) => (publicCalls++, publicLine(b, s)),
      enumerable: true,
    });
    const direct = await createJobRunner(made)(job);
    expect(direct.map((o) => o.result.verdict)).toEqual(['valid']);
    expect(publicCalls).toBe(0);
    for (const own of [{ ...made }, Object.create(made) as RecordVerifier]) {
      publicCalls = 0;
      expect(await createJobRunner(own)(job)).toEqual(direct);
      expect(publicCalls).toBe(1);
    }
    // Two verifiers in one process keep apart: one whose trust store lacks the agency says so,
    // whatever the other was made with or ran before it, and the other is unchanged after.
    const stranger = createRecordVerifier({ trustStore: parseTrustStore(trustFor(generateKeyPair())) });
    expect((await createJobRunner(stranger)(job)).map((o) => o.result.verdict)).toEqual(['untrusted-issuer']);
    expect(await createJobRunner(made)(job)).toEqual(direct);
  });
});
