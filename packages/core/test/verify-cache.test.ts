// No module state changes a verdict: what one caller's cache remembers (even under a wrong
// sha256) never reaches another verification (issue #17).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPledgeText,
  createPledge,
  createVerifyCache,
  defineTemplate,
  generateKeyPair,
  type PledgeTemplate,
  signPledge,
  verifyPledge,
} from '../src/index.js';
import { verifyPledgeAsync } from '../src/webcrypto.js';
import { sha256 } from '../src/digest.js';
import { pledgeInput } from './fixtures/make-record.js';
import { createCryptoProvider, digestJson, NOBLE_PROVIDER } from '../src/crypto.js';
import { templateOf } from '../src/check-pledge-text.js';
import { BUILTIN_TEMPLATES, findTemplate } from '../src/templates/registry.js';
import { COLLECTIVE_TEMPLATES } from '../src/templates/pakta-integritas.js';

/** A SHA-256 that is wrong: every input hashes to the same 32 bytes. */
const constantSha256 = (): Uint8Array => new Uint8Array(32).fill(7);

describe('verification caches belong to the caller', () => {
  it('a wrong sha256 in one verifier cannot change what another says, nor the same cache under another hash', async () => {
    const agency = generateKeyPair();
    const genuine = await signPledge(createPledge(pledgeInput(agency)), agency);
    // The digest the wrong hash gives the genuine text, as a forger would compute it.
    const wrong = await verifyPledge(genuine, { sha256: constantSha256 });
    expect(wrong.code).toBe('ERR_SIGNATURE_INVALID'); // the proofs hash with it too
    const pledge = genuine.credentialSubject.pledge as unknown as Record<string, unknown>;
    // A record whose text is the genuine one but whose digest is the one the wrong hash gives.
    const { digestJson } = await import('../src/digest.js');
    const { digestMultibase: _, ...body } = pledge;
    const forgedDigest = digestJson(body, constantSha256);
    const c = createPledge(pledgeInput(agency));
    (c.credentialSubject as unknown as Record<string, unknown>).pledge = { ...body, digestMultibase: forgedDigest };
    const forged = await signPledge(c, agency);

    const mine = createVerifyCache();
    const theirs = createVerifyCache();
    // Their verifier is broken (a wrong hash, a signature check that says yes), so it reaches the
    // pledge digest, finds the forged one right and remembers the text under it.
    const broken = { sha256: constantSha256, verifySignature: () => true, cache: theirs };
    expect((await verifyPledge(forged, broken)).verified).toBe(true);
    const brokenAsync = { ...broken, sha256: async () => constantSha256() };
    expect((await verifyPledgeAsync(forged, brokenAsync)).verified).toBe(true);
    // No cache, my cache, and even their cache with the right hash: the forged digest is refused.
    for (const options of [{}, { cache: mine }, { cache: theirs }, { cache: theirs, sha256 }]) {
      const r = await verifyPledge(forged, options);
      expect([r.verified, r.code, r.path]).toEqual([false, 'ERR_PLEDGE_DIGEST_MISMATCH', 'credentialSubject.pledge']);
      const a = await verifyPledgeAsync(forged, { cache: options.cache ?? mine });
      expect([a.verified, a.code]).toEqual([false, 'ERR_PLEDGE_DIGEST_MISMATCH']);
    }
    // The genuine record is still valid everywhere.
    for (const cache of [mine, theirs]) expect((await verifyPledge(genuine, { cache })).verified).toBe(true);
  });

  it('a remembered text is a copy under its true digest: an altered text claiming it, or the record changed afterwards, is hashed again', async () => {
    const agency = generateKeyPair();
    const genuine = await signPledge(createPledge(pledgeInput(agency)), agency);
    const cache = createVerifyCache();
    // A signature check that says yes, so the walk reaches the pledge digest whatever the text.
    const reachDigest = { verifySignature: () => true, cache };
    expect((await verifyPledge(genuine, reachDigest)).verified).toBe(true);
    const refused = async (record: unknown): Promise<void> => {
      const r = await verifyPledge(record, reachDigest);
      expect([r.verified, r.code, r.path]).toEqual([false, 'ERR_PLEDGE_DIGEST_MISMATCH', 'credentialSubject.pledge']);
    };
    // Another record claiming the genuine text's digest over an altered point.
    const altered = structuredClone(genuine);
    const points = (altered.credentialSubject.pledge as unknown as { points: string[] }).points;
    points[0] = `${points[0] as string}.`;
    await refused(altered);
    // The same record with one more field in its pledge, and with one fewer.
    const extra = structuredClone(genuine);
    (extra.credentialSubject.pledge as unknown as Record<string, unknown>).note = 'x';
    await refused(extra);
    const fewer = structuredClone(genuine);
    delete (fewer.credentialSubject.pledge as unknown as Record<string, unknown>).closing;
    await refused(fewer);
    // The caller changes the verified record's title afterwards: the cache kept its own copy.
    (genuine.credentialSubject.pledge as unknown as Record<string, unknown>).title = 'changed';
    await refused(genuine);
  });

  it('a cache remembers decoded did:keys per method, bad ones as bad', async () => {
    const agency = generateKeyPair();
    const record = await signPledge(createPledge(pledgeInput(agency)), agency);
    const cache = createVerifyCache();
    expect((await verifyPledge(record, { cache })).verified).toBe(true);
    expect(cache.keys.get(agency.id)).toEqual(agency.publicKey);
    const other = createVerifyCache();
    expect(other.keys.size).toBe(0);
  });

  it('filled template texts live in the cache of the caller, and only for frozen templates', () => {
    const text = {
      title: 'PAKTA INTEGRITAS',
      preamble: 'Saya, pegawai {agency}, berjanji:',
      points: ['Bersikap netral dalam {event}.'],
      closing: 'Demikian pakta ini saya tanda tangani.',
      legalBasis: [],
    };
    const def = { id: 'pemkab-contoh-2029', version: '1.0.0', kind: 'pakta-integritas', appliesTo: ['PNS'] } as const;
    const frozen = defineTemplate({ ...def, texts: { id: text } });
    const input = pledgeInput(generateKeyPair());
    const record = createPledge({ ...input, template: frozen, consent: { ...input.consent, acknowledgedPoints: [1] } });
    const cache = createVerifyCache();
    expect(checkPledgeText(record, [frozen], { cache }).status).toBe('matches');
    expect(cache.filled.has(frozen)).toBe(true);
    expect(createVerifyCache().filled.has(frozen)).toBe(false);
    // A caller's own, unfrozen template object changed between two checks: never served from a cache.
    const loose = {
      ...frozen,
      texts: { id: { ...text, points: [...text.points] } },
    } as unknown as PledgeTemplate & { texts: { id: { points: string[] } } };
    expect(checkPledgeText(record, [loose], { cache }).status).toBe('matches');
    expect(cache.filled.has(loose)).toBe(false);
    loose.texts.id.points[0] = 'Bersikap memihak dalam {event}.';
    expect(checkPledgeText(record, [loose], { cache })).toEqual({ status: 'altered', differences: ['points[0]'] });
    expect(checkPledgeText(record, [frozen], { cache }).status).toBe('matches');
  });
  it('fast-check: with one cache over a mixed batch, checkPledgeText says what it says without one', () => {
    // A few templates, languages, agencies and events (names that differ by a character, or end
    // where another begins), records of them in any order, some altered: the recent filled texts
    // (found without a key) and the keyed ones give exactly the cache-free result.
    const agency = generateKeyPair();
    const templates = ['jembrana-2024', 'skb-2022-asn'] as const;
    const agencies = ['Pemerintah Kabupaten Jembrana', 'Pemerintah Kabupaten Jembranax', 'Pemerintah Kabupaten', ''];
    const events = ['Pilkada Serentak 2024', 'Pilkada Serentak 2029', 'Jembrana Pilkada Serentak 2024', ''];
    const made = new Map<string, Record<string, unknown>>();
    const recordOf = (t: number, a: number, e: number): Record<string, unknown> => {
      const k = `${t} ${a} ${e}`;
      let r = made.get(k);
      if (!r) {
        const input = pledgeInput(agency, {
          template: templates[t] as string,
          issuer: { id: agency.controller, name: agencies[a] as string },
          event: { name: events[e] as string, place: 'Denpasar', date: '2024-10-07' },
        });
        made.set(k, (r = createPledge(input) as unknown as Record<string, unknown>));
      }
      return r;
    };
    const item = fc.record({
      t: fc.nat({ max: 1 }),
      a: fc.nat({ max: 2 }), // createPledge refuses an empty name; a record may still carry one
      e: fc.nat({ max: 2 }),
      // Where the record's own names differ from those its text was made with.
      a2: fc.option(fc.nat({ max: 3 }), { nil: undefined }),
      e2: fc.option(fc.nat({ max: 3 }), { nil: undefined }),
      en: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 30 }), (items) => {
        const cache = createVerifyCache();
        for (const it of items) {
          const r = structuredClone(recordOf(it.t, it.a, it.e)) as {
            issuer: { name: string };
            credentialSubject: { event: { name: string }; pledge: { language: string } };
          };
          if (it.a2 !== undefined) r.issuer.name = agencies[it.a2] as string;
          if (it.e2 !== undefined) r.credentialSubject.event.name = events[it.e2] as string;
          if (it.en) r.credentialSubject.pledge.language = 'en';
          expect(checkPledgeText(r, [], { cache })).toEqual(checkPledgeText(r));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fast-check: a text the walk found remembered is judged once per template, language, agency and event, as without a cache', async () => {
    // Records of two templates, agencies and events, signed, then their pledges mutated (a point
    // changed, points reordered, a title changed, another kind, language, template id or version,
    // a legal basis dropped, an extra key) and their digest set to the text's (or left wrong), and
    // their agency and event names changed apart from the text. A signature check that says yes
    // takes every one to the pledge digest, where the text is found remembered (cache.matched);
    // checkPledgeText on the same cache then gives exactly what it gives without one, for the
    // record just verified and for another one, with the built-in templates, a frozen template of
    // the caller's and an unfrozen one.
    const agency = generateKeyPair();
    const own = defineTemplate({
      id: 'pemkab-contoh-2029',
      version: '1.0.0',
      kind: 'ikrar',
      appliesTo: ['PNS'],
      texts: {
        id: {
          title: 'IKRAR',
          preamble: 'Kami, pegawai {agency}, dalam {event}, berikrar:',
          points: ['Netral dalam {event}.', 'Tidak memihak.', 'Menolak politik uang di {agency}.', 'Bijak di media.'],
          closing: 'Demikian ikrar ini.',
          legalBasis: ['SKB 2022'],
        },
      },
    });
    const loose = structuredClone(own) as PledgeTemplate;
    // The same id and version, frozen too, with another point: a verdict is the template's, by identity.
    const other = defineTemplate({
      ...structuredClone(own),
      texts: {
        id: {
          ...structuredClone(own.texts.id),
          points: ['Netral.', 'Tidak memihak.', 'Menolak politik uang.', 'Bijak.'],
        },
      },
    });
    const lists: (readonly PledgeTemplate[])[] = [[], [own], [loose], [other]];
    const agencies = ['Pemerintah Kabupaten Jembrana', 'Pemerintah Kabupaten Badung'];
    const events = ['Pilkada Serentak 2024', 'Pemilu 2029'];
    const bases: Record<string, unknown>[] = [];
    for (const template of ['jembrana-2024', 'skb-2022-asn', own] as const) {
      for (const name of agencies) {
        const input = pledgeInput(agency, {
          template,
          issuer: { id: agency.controller, name },
          event: { name: events[bases.length % 2] as string, place: 'Denpasar', date: '2024-10-07' },
        });
        const record = createPledge(input);
        bases.push((await signPledge(record, agency)) as unknown as Record<string, unknown>);
      }
    }
    const provider = createCryptoProvider({ verify: () => true }, NOBLE_PROVIDER);
    type Rec = {
      issuer: { name: string };
      credentialSubject: { event: { name: string }; pledge: Record<string, unknown> & { points: string[] } };
    };
    const mutate = (r: Rec, how: number): void => {
      const p = r.credentialSubject.pledge;
      if (how === 1) p.points[1] = `${p.points[1] as string}.`;
      else if (how === 2) p.points.reverse();
      else if (how === 3) p.title = 'IKRAR LAIN';
      else if (how === 4) p.kind = p.kind === 'ikrar' ? 'pakta-integritas' : 'ikrar';
      else if (how === 5) p.language = 'en';
      else if (how === 6) p.templateVersion = '9.9.9';
      else if (how === 7) p.templateId = 'jembrana-2024';
      else if (how === 8) p.legalBasis = [];
      else if (how === 9) p.note = 'tambahan';
    };
    // A few texts per run (a base record, a mutation, its digest true or wrong), then a batch of
    // records of them, each with its own agency and event names, in any order.
    const text = fc.record({
      // The caller's template (the last two bases) more often: two frozen ones share its id and version.
      base: fc.constantFrom(0, 1, 2, 3, 4, 5, 4, 5, 4, 5),
      how: fc.nat({ max: 9 }),
      digest: fc.constantFrom('true', 'true', 'true', 'wrong'),
    });
    const item = fc.record({
      text: fc.nat(),
      // Mostly the names the text was made with: then only the template tells two checks apart.
      agency: fc.constantFrom(undefined, undefined, undefined, ...agencies, ''),
      event: fc.constantFrom(undefined, undefined, undefined, ...events, 'Pilkada'),
      list: fc.nat({ max: lists.length - 1 }),
      other: fc.boolean(),
    });
    let served = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, { minLength: 1, maxLength: 4 }),
        fc.array(item, { minLength: 1, maxLength: 30 }),
        async (texts, items) => {
          const cache = createVerifyCache();
          let previous: unknown = bases[0];
          for (const it of items) {
            const t = texts[it.text % texts.length] as (typeof texts)[number];
            const r = structuredClone(bases[t.base]) as unknown as Rec;
            mutate(r, t.how);
            if (it.agency !== undefined) r.issuer.name = it.agency;
            if (it.event !== undefined) r.credentialSubject.event.name = it.event;
            const { digestMultibase: _, ...body } = r.credentialSubject.pledge;
            r.credentialSubject.pledge.digestMultibase = t.digest === 'true' ? digestJson(body) : 'uEiAwrong';
            const verified = await verifyPledge(r, { crypto: provider, cache });
            expect(verified.verified).toBe(t.digest === 'true');
            const templates = lists[it.list] as readonly PledgeTemplate[];
            const checked = it.other ? previous : r;
            // Served from a verdict remembered with the text (the fast path is taken, not only allowed).
            const remembered = cache.checked?.get(cache.matchedText as object)?.length ?? 0;
            if (checked === r && cache.matched === r.credentialSubject.pledge && remembered > 0) served++;
            expect(checkPledgeText(checked, templates, { cache })).toEqual(checkPledgeText(checked, templates));
            previous = r;
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(served).toBeGreaterThan(20);

    // An unfrozen template changed between two checks of the same remembered text: judged anew.
    const cache = createVerifyCache();
    const mine = structuredClone(own) as PledgeTemplate & { texts: { id: { points: string[] } } };
    const record = bases[4] as unknown as Rec;
    for (const expected of [
      { status: 'matches', differences: [] },
      { status: 'altered', differences: ['points[1]'] },
    ]) {
      for (let i = 0; i < 3; i++) {
        expect((await verifyPledge(record, { crypto: provider, cache })).verified).toBe(true);
        expect(cache.matched).toBe(
          i === 0 && expected.status === 'matches' ? undefined : record.credentialSubject.pledge,
        );
        expect(checkPledgeText(record, [mine], { cache })).toEqual(expected);
      }
      mine.texts.id.points[1] = 'Memihak.';
    }
  });

  it('fast-check: templateOf is findTemplate with a version, over the templates of the caller and the collective ones', () => {
    const ids = [...new Set([...BUILTIN_TEMPLATES, ...COLLECTIVE_TEMPLATES].map((t) => t.id)), 'pemkab-contoh-2029'];
    const versions = ['1.0.0', '1.0', '2.0.0', '1.0.0-rc.1', 'x'];
    const base = BUILTIN_TEMPLATES[0] as PledgeTemplate;
    const own = fc
      .record({ id: fc.constantFrom(...ids), version: fc.constantFrom(...versions) })
      .map(({ id, version }) => Object.freeze({ ...base, id, version }) as PledgeTemplate);
    fc.assert(
      fc.property(
        fc.array(own, { maxLength: 6 }),
        fc.constantFrom(...ids, 'unknown'),
        fc.constantFrom(...versions, ...[...BUILTIN_TEMPLATES, ...COLLECTIVE_TEMPLATES].map((t) => t.version)),
        (templates, id, version) => {
          expect(templateOf(id, version, templates)).toBe(
            findTemplate(id, version, [...templates, ...COLLECTIVE_TEMPLATES]),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});
