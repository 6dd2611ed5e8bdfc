// Status lists in a real Chromium: its own CompressionStream / DecompressionStream behind the same
// refusals as Node (two GZIP members, junk, a bomb), and a signed list verified in the page.
import { expect } from '@open-wc/testing';
import { generateKeyPair } from '../../src/index.js';
import {
  createStatusList,
  decodeStatusList,
  encodeStatusList,
  isStatusSet,
  issueStatusListCredential,
  setStatus,
  verifyStatusListCredential,
} from '../../src/status.js';
import { IkrarError } from '../../src/errors.js';

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BufferSource]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function b64u(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return 'u' + btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).to.be.instanceOf(IkrarError);
    return (err as IkrarError).code;
  }
  return 'no error';
}

describe('@ikrar/core/status in Chromium', () => {
  it('round-trips a list and verifies a signed list credential', async () => {
    const list = createStatusList();
    setStatus(list, 94567, true);
    const back = await decodeStatusList(await encodeStatusList(list));
    expect(isStatusSet(back, 94567)).to.equal(true);
    expect(isStatusSet(back, 94568)).to.equal(false);
    const agency = generateKeyPair();
    const signed = await issueStatusListCredential(
      { id: 'https://dinas.example/status/1', issuer: agency.controller, list },
      agency,
    );
    const result = await verifyStatusListCredential(JSON.parse(JSON.stringify(signed)));
    expect(result.verified).to.equal(true);
  });

  it('refuses two GZIP members, junk after one, and a bomb, with the codes Node gives', async () => {
    const one = await gzip(new Uint8Array(16_384));
    const two = new Uint8Array([...one, ...one]);
    expect(await codeOf(decodeStatusList(b64u(two)))).to.equal('ERR_STATUS_LIST_ENCODING');
    const junk = new Uint8Array([...one, 1, 2, 3, 4]);
    expect(await codeOf(decodeStatusList(b64u(junk)))).to.equal('ERR_STATUS_LIST_ENCODING');
    const bomb = await gzip(new Uint8Array(64 << 20));
    expect(await codeOf(decodeStatusList(b64u(bomb)))).to.equal('ERR_STATUS_LIST_TOO_LARGE');
  });
});
