// Bitstring Status List v1.0 lists, entries and credentials: the Recommendation's example first,
// then our cases, every refusal with its code and message, a GZIP bomb among them.
import { describe, expect, it } from 'vitest';
import { constants, crc32, deflateRawSync, gunzipSync, gzipSync } from 'node:zlib';
import {
  STATUS_LIST_MIN_LENGTH,
  chooseFreeIndex,
  createStatusEntry,
  createStatusList,
  createStatusListCredential,
  decodeStatusList,
  encodeStatusList,
  isEntrySet,
  isStatusSet,
  issueStatusListCredential,
  readStatusEntries,
  setStatus,
  signStatusListCredential,
  verifyStatusListCredential,
} from '../src/status.js';
import { generateKeyPair } from '../src/index.js';
import { IkrarError } from '../src/errors.js';

const b64u = (bytes: Uint8Array): string => 'u' + Buffer.from(bytes).toString('base64url');

/** A valid GZIP member of `mib` MiB of zeros, built from one flushed 1 MiB deflate block repeated (RFC 1951/1952). */
function gzipBomb(mib: number): Buffer {
  const seg = Buffer.alloc(1 << 20);
  const block = deflateRawSync(seg, { finishFlush: constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = crc32(seg, crc);
  const tail = Buffer.alloc(8);
  tail.writeUInt32LE(crc >>> 0, 0);
  tail.writeUInt32LE((mib * seg.length) >>> 0, 4);
  const head = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  return Buffer.concat([head, ...Array<Buffer>(mib).fill(block), Buffer.from([3, 0]), tail]);
}

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<IkrarError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    expect(err).toBeInstanceOf(IkrarError);
    return err as IkrarError;
  }
  throw new Error('expected a refusal');
}

describe('the Recommendation', () => {
  it('decodes the encodedList of its example credential (§2.2): 131,072 clear entries', async () => {
    const list = await decodeStatusList('uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA');
    expect(list.length * 8).toBe(STATUS_LIST_MIN_LENGTH);
    expect(list.every((b) => b === 0)).toBe(true);
  });

  it('indexes from the most significant bit of the first byte (§4.1)', async () => {
    const list = createStatusList();
    setStatus(list, 0, true);
    setStatus(list, 9, true);
    setStatus(list, STATUS_LIST_MIN_LENGTH - 1, true);
    expect([list[0], list[1], list[list.length - 1]]).toEqual([0x80, 0x40, 0x01]);
    const back = await decodeStatusList(await encodeStatusList(list));
    expect(Buffer.from(back).equals(list)).toBe(true);
    setStatus(list, 9, false);
    expect(isStatusSet(list, 9)).toBe(false);
    expect(isStatusSet(list, 0)).toBe(true);
  });
});

describe('decodeStatusList refuses bad input with a stable code', () => {
  const valid = gzipSync(new Uint8Array(16_384));
  const cases: [string, unknown, string, string][] = [
    ['not a string', 42, 'ERR_STATUS_LIST_ENCODING', 'encodedList must be a string.'],
    ['no u prefix', 'z' + b64u(valid).slice(1), 'ERR_STATUS_LIST_ENCODING', 'encodedList must be multibase base64url'],
    ['padding', b64u(valid) + '=', 'ERR_STATUS_LIST_ENCODING', 'encodedList is not unpadded base64url.'],
    ['plain base64', b64u(valid).replace(/-/g, '+') + '+', 'ERR_STATUS_LIST_ENCODING', 'not unpadded base64url'],
    ['not GZIP', b64u(new Uint8Array(40)), 'ERR_STATUS_LIST_ENCODING', 'not a single, complete GZIP member'],
    ['truncated', b64u(valid.subarray(0, valid.length - 6)), 'ERR_STATUS_LIST_ENCODING', 'GZIP member'],
    ['junk after', b64u(Buffer.concat([valid, Buffer.from('junk')])), 'ERR_STATUS_LIST_ENCODING', 'GZIP member'],
    ['two members', b64u(Buffer.concat([valid, valid])), 'ERR_STATUS_LIST_ENCODING', 'GZIP member'],
    [
      'a bad CRC',
      b64u(Buffer.concat([valid.subarray(0, -8), Buffer.alloc(4), valid.subarray(-4)])),
      'ERR_STATUS_LIST_ENCODING',
      'GZIP member',
    ],
    ['too short', b64u(gzipSync(new Uint8Array(16_383))), 'ERR_STATUS_LIST_TOO_SHORT', 'holds only 131,064 entries'],
    ['empty list', b64u(gzipSync(new Uint8Array(0))), 'ERR_STATUS_LIST_TOO_SHORT', 'holds only 0 entries'],
  ];
  for (const [name, input, code, message] of cases) {
    it(name, async () => {
      const err = await refusal(decodeStatusList(input as string));
      expect(err.code).toBe(code);
      expect(err.message).toContain(message);
      expect(err.messages.id.length).toBeGreaterThan(10);
    });
  }

  it('a GZIP bomb (1 GiB of zeros in 1 MB) stops at the limit, not at out-of-memory', async () => {
    expect(gunzipSync(gzipBomb(4)).length).toBe(4 << 20); // the builder makes real GZIP
    const bomb = b64u(gzipBomb(1024));
    expect(bomb.length).toBeLessThan(1_500_000);
    const err = await refusal(decodeStatusList(bomb));
    expect(err.code).toBe('ERR_STATUS_LIST_TOO_LARGE');
    expect(err.message).toBe('The status list exceeds the limit of 16,777,216 entries.');
    expect(err.messages.id).toBe('Daftar status melebihi batas 16.777.216 entri.');
  });

  it('a stated smaller limit holds, and text too long for any allowed list is refused unread', async () => {
    const four = await encodeStatusList(createStatusList(4 * STATUS_LIST_MIN_LENGTH));
    expect((await decodeStatusList(four)).length).toBe(65_536);
    const err = await refusal(decodeStatusList(four, { maxLength: 2 * STATUS_LIST_MIN_LENGTH }));
    expect(err.code).toBe('ERR_STATUS_LIST_TOO_LARGE');
    const long = await refusal(decodeStatusList('u' + 'A'.repeat(3_000_000)));
    expect(long.code).toBe('ERR_STATUS_LIST_TOO_LARGE');
    await expect(decodeStatusList(four, { maxLength: 8 })).rejects.toThrow(RangeError);
  });

  it('create, set and encode refuse bad arguments with TypeError / RangeError', async () => {
    expect(() => createStatusList(1000)).toThrow(RangeError);
    expect(() => createStatusList(STATUS_LIST_MIN_LENGTH + 1)).toThrow(/multiple of 8/);
    const list = createStatusList();
    expect(() => setStatus(list, STATUS_LIST_MIN_LENGTH, true)).toThrow(/from 0 to 131071/);
    expect(() => isStatusSet(list, -1)).toThrow(RangeError);
    expect(() => setStatus(list, 1.5, true)).toThrow(RangeError);
    expect(() => setStatus(list, 1, 1 as never)).toThrow(TypeError);
    await expect(encodeStatusList(new Uint8Array(10))).rejects.toThrow(RangeError);
  });
});

describe('credentialStatus entries', () => {
  it('builds the entry of §2.1 with the index as a string, and reads it back', () => {
    const entry = createStatusEntry('https://dinas.example/status/1', 94567);
    expect(entry).toEqual({
      id: 'https://dinas.example/status/1#94567',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: 'https://dinas.example/status/1',
    });
    expect(readStatusEntries({ credentialStatus: entry })).toEqual([
      { statusPurpose: 'revocation', statusListIndex: 94567, statusListCredential: 'https://dinas.example/status/1' },
    ]);
    expect(readStatusEntries({})).toEqual([]);
    expect(readStatusEntries({ credentialStatus: [{ type: 'OtherStatus' }, entry] })).toHaveLength(1);
    expect(() => createStatusEntry('https://x.example/s#f', 1)).toThrow(TypeError);
    expect(() => createStatusEntry('https://x.example/s', -1)).toThrow(RangeError);
  });

  const base = createStatusEntry('https://dinas.example/status/1', 7);
  const bad: [string, unknown, string][] = [
    ['not an object', 'x', 'credentialStatus'],
    ['an index as a number', { ...base, statusListIndex: 7 }, 'credentialStatus.statusListIndex'],
    ['a leading zero', { ...base, statusListIndex: '07' }, 'credentialStatus.statusListIndex'],
    ['a sign', { ...base, statusListIndex: '-7' }, 'credentialStatus.statusListIndex'],
    ['an unknown purpose', { ...base, statusPurpose: 'refresh' }, 'credentialStatus.statusPurpose'],
    ['no list URL', { ...base, statusListCredential: undefined }, 'credentialStatus.statusListCredential'],
    ['id equal to the list', { ...base, id: base.statusListCredential }, 'credentialStatus.id'],
    ['in a list', [base, { ...base, statusListIndex: 'x' }], 'credentialStatus[1].statusListIndex'],
  ];
  for (const [name, credentialStatus, path] of bad) {
    it(`refuses ${name}`, async () => {
      const err = await refusal(() => readStatusEntries({ credentialStatus }));
      expect(err.code).toBe('ERR_STATUS_ENTRY_INVALID');
      expect(err.message).toBe(`credentialStatus is malformed (${path}).`);
      expect((err as IkrarError & { path: string }).path).toBe(path);
    });
  }

  it('an index past the list is ERR_STATUS_ENTRY_INVALID (RANGE_ERROR)', async () => {
    const list = createStatusList();
    const ref = readStatusEntries({ credentialStatus: { ...base, statusListIndex: '131072' } })[0]!;
    const err = await refusal(() => isEntrySet(list, ref));
    expect(err.code).toBe('ERR_STATUS_ENTRY_INVALID');
    expect(err.message).toBe('statusListIndex 131,072 is outside the status list.');
  });
});

describe('chooseFreeIndex', () => {
  it('never gives a taken index, finds the last free one, and says when none is left', async () => {
    const taken = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const n = chooseFreeIndex((x) => taken.has(x), 1000);
      expect(taken.has(n)).toBe(false);
      taken.add(n);
    }
    expect(taken.size).toBe(1000);
    const err = await refusal(() => chooseFreeIndex((x) => taken.has(x), 1000));
    expect(err.code).toBe('ERR_STATUS_LIST_FULL');
    expect(err.message).toBe('Every index of the status list is taken.');
  });

  it('spreads indexes over the list instead of following signing order', () => {
    const picks: number[] = [];
    const taken = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = chooseFreeIndex((x) => taken.has(x), STATUS_LIST_MIN_LENGTH);
      taken.add(n);
      picks.push(n);
    }
    const low = picks.filter((n) => n < STATUS_LIST_MIN_LENGTH / 2).length;
    // Binomial(2000, 1/2): outside 850..1150 has probability below 1e-11.
    expect(low).toBeGreaterThan(850);
    expect(low).toBeLessThan(1150);
    const ascending = picks.filter((n, i) => i > 0 && n > picks[i - 1]!).length;
    expect(ascending).toBeGreaterThan(850);
    expect(ascending).toBeLessThan(1150);
  });
});

describe('BitstringStatusListCredential', () => {
  const url = 'https://dinas.example/status/1';

  it('signs with the agency key and verifies, decoding the list once', async () => {
    const agency = generateKeyPair();
    const list = createStatusList();
    setStatus(list, 94567, true);
    const signed = await issueStatusListCredential(
      { id: url, issuer: { id: agency.controller, name: 'Pemerintah Kabupaten Jembrana' }, list, ttl: 300_000 },
      agency,
      { created: '2024-10-08T09:00:00+08:00', timeZone: 'WITA' },
    );
    expect(signed.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(signed.credentialSubject).toMatchObject({ id: `${url}#list`, type: 'BitstringStatusList', ttl: 300_000 });
    const result = await verifyStatusListCredential(JSON.parse(JSON.stringify(signed)));
    if (!result.verified) throw new Error(result.code);
    expect(result.statusList).toMatchObject({ id: url, issuer: agency.controller, statusPurpose: 'revocation' });
    expect(result.statusList.created).toBe('2024-10-08T09:00:00+08:00');
    expect(isStatusSet(result.statusList.list, 94567)).toBe(true);
    expect(isStatusSet(result.statusList.list, 94566)).toBe(false);
  });

  it('a flipped bit, an unsigned list and a malformed one do not verify, each with its code', async () => {
    const agency = generateKeyPair();
    const signed = await issueStatusListCredential(
      { id: url, issuer: agency.controller, list: createStatusList() },
      agency,
    );
    const other = createStatusList();
    setStatus(other, 1, true);
    const flipped = {
      ...signed,
      credentialSubject: { ...signed.credentialSubject, encodedList: await encodeStatusList(other) },
    };
    const r1 = await verifyStatusListCredential(flipped);
    expect(r1.verified || r1.code).toBe('ERR_SIGNATURE_INVALID');
    const { proof: _p, ...unsigned } = signed;
    void _p;
    const r2 = await verifyStatusListCredential(unsigned);
    expect(r2.verified || r2.code).toBe('ERR_PROOF_MISSING');
    const r3 = await verifyStatusListCredential({ ...signed, type: ['VerifiableCredential'] });
    expect(r3.verified || [r3.code, r3.message.en]).toEqual([
      'ERR_STATUS_LIST_CREDENTIAL_INVALID',
      'The status list credential is malformed (type).',
    ]);
    const r4 = await verifyStatusListCredential(null);
    expect(r4.verified || r4.code).toBe('ERR_STATUS_LIST_CREDENTIAL_INVALID');
  });

  it('a signed list whose encodedList is bad is refused with the decoder code, not thrown', async () => {
    const agency = generateKeyPair();
    const credential = await createStatusListCredential({
      id: url,
      issuer: agency.controller,
      list: createStatusList(),
    });
    credential.credentialSubject.encodedList = b64u(gzipSync(new Uint8Array(100)));
    const signed = await signStatusListCredential(credential, agency);
    const r = await verifyStatusListCredential(signed);
    expect(r.verified || [r.code, r.path]).toEqual(['ERR_STATUS_LIST_TOO_SHORT', 'credentialSubject.encodedList']);
  });

  it('refuses to build from bad input', async () => {
    const list = createStatusList();
    await expect(createStatusListCredential({ id: 'not a url', issuer: 'did:key:z', list })).rejects.toThrow(TypeError);
    await expect(createStatusListCredential({ id: url, issuer: 5 as never, list })).rejects.toThrow(TypeError);
    await expect(
      createStatusListCredential({ id: url, issuer: 'did:x:y', list, validFrom: 'yesterday' }),
    ).rejects.toThrow(RangeError);
    await expect(createStatusListCredential({ id: url, issuer: 'did:x:y', list, ttl: -1 })).rejects.toThrow(RangeError);
  });
});
