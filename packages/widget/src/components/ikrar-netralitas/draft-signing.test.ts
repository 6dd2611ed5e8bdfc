// <ikrar-netralitas> with a browser key, a host issuer and an endpoint (issue #12): it asks the
// agency's draft first (POST <endpoint>/draft: record id, status entry, presence), signs that with
// the employee's key, and the endpoint countersigns it; the record must still be exactly what the
// employee signed. The test server plays @ikrar/server (web-test-runner.config.mjs, /test-endpoint).
import { verifyPledge } from '@ikrar/core';
import { expect } from '@open-wc/testing';
import '../../index.js';
import type { IkrarErrorEvent } from '../../events/ikrar-error.js';
import type { IkrarSignedEvent } from '../../events/ikrar-signed.js';
import { agencyDid, mount, sign, toReview } from './test-helpers.js';

const counts = async (): Promise<Record<string, number>> => (await fetch('/test-endpoint/counts')).json();

describe('<ikrar-netralitas> browser key with an endpoint: the draft protocol', () => {
  it("signs the agency's draft with the employee's key; the endpoint countersigns; status and evidence are in", async () => {
    const issuer = await agencyDid();
    const el = await mount(`signing-mode="browser-key" endpoint="/test-endpoint/draft" issuer="${issuer}"`);
    const before = await counts();
    await toReview(el);
    const e = (await sign(el)) as IkrarSignedEvent;
    expect(e.type).to.equal('ikrar-signed');
    const { record } = e.detail;
    expect(e.detail.signingMode).to.equal('browser-key');
    expect(record.credentialStatus?.statusListIndex).to.equal('777');
    expect(record.evidence).to.deep.equal([{ type: ['ApelPresence'], atApel: false }]);
    expect(record.credentialSubject.id).to.match(/^did:key:z6Mk/);
    const check = await verifyPledge(record);
    expect(check.verified).to.equal(true);
    expect(check.proofs.map((p) => p.controller)).to.deep.equal([record.credentialSubject.id, issuer]);
    const after = await counts();
    expect((after['draft/draft'] ?? 0) - (before['draft/draft'] ?? 0)).to.equal(1);
    expect((after['draft'] ?? 0) - (before['draft'] ?? 0)).to.equal(1);
  });

  it('an agency that countersigns another status index than the one signed: ERR_RECORD_MISMATCH, never ikrar-signed', async () => {
    const el = await mount(
      `signing-mode="browser-key" endpoint="/test-endpoint/draft-swapped" issuer="${await agencyDid()}"`,
    );
    let signed = 0;
    el.addEventListener('ikrar-signed', () => signed++);
    await toReview(el);
    const e = (await sign(el)) as IkrarErrorEvent;
    expect(e.detail.code).to.equal('ERR_RECORD_MISMATCH');
    expect(el.value).to.equal('');
    expect(signed).to.equal(0);
  });

  it('a refused draft request is ERR_ENDPOINT_REJECTED and nothing is signed', async () => {
    const el = await mount(`signing-mode="browser-key" endpoint="/test-endpoint/reject" issuer="${await agencyDid()}"`);
    const before = await counts();
    await toReview(el);
    const e = (await sign(el)) as IkrarErrorEvent;
    expect(e.detail.code).to.equal('ERR_ENDPOINT_REJECTED');
    expect(e.detail.status).to.equal(422);
    // The draft was asked and refused; nothing was posted to be countersigned.
    const after = await counts();
    expect((after['reject/draft'] ?? 0) - (before['reject/draft'] ?? 0)).to.equal(1);
    expect(after['reject'] ?? 0).to.equal(before['reject'] ?? 0);
  });
});
