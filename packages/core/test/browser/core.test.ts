// Smoke run of @ikrar/core in a real Chromium: build, sign, chain, verify, tamper, WebCrypto.
import { expect } from '@open-wc/testing';
import {
  createPledge,
  generateKeyPair,
  generateWebCryptoSigner,
  parseJson,
  signPledge,
  verifyPledge,
} from '../../src/index.js';

describe('@ikrar/core in Chromium', () => {
  it('signs with the agency key and verifies; a tampered copy fails', async () => {
    const agency = generateKeyPair();
    const credential = createPledge({
      template: 'skb-2022-asn',
      issuer: { id: agency.controller, name: 'Pemerintah Kabupaten Klaten' },
      signer: { name: 'Śri Wāhyuni', employeeType: 'PNS', identifier: '199001012015032001', workUnit: 'Dinas Kominfo' },
      event: { name: 'Pemilu dan Pemilihan 2024', date: '2024-01-08' },
      consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'click' },
    });
    const record = await signPledge(credential, agency);
    const roundTrip = parseJson(JSON.stringify(record));
    expect((await verifyPledge(roundTrip)).verified).to.equal(true);
    const tampered = structuredClone(record);
    tampered.credentialSubject.signer.name = 'Sri Wahyuni';
    const bad = await verifyPledge(tampered);
    expect(bad.verified).to.equal(false);
    expect(bad.code).to.equal('ERR_SIGNATURE_INVALID');
  });

  it('chains a WebCrypto employee key (or noble where absent) with the agency countersignature', async () => {
    const agency = generateKeyPair();
    const employee = (await generateWebCryptoSigner()) ?? generateKeyPair();
    const credential = createPledge({
      template: 'jembrana-2024',
      issuer: { id: agency.controller, name: 'Pemerintah Kabupaten Jembrana' },
      signer: {
        id: employee.controller,
        name: 'I Gusti Ayu Ngurah',
        employeeType: 'PPNPN',
        identifier: '5101014101900001',
      },
      event: { name: 'Pilkada Serentak 2024' },
      consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'typed', typedName: 'I Gusti Ayu Ngurah' },
      timeZone: 'WITA',
    });
    const record = await signPledge(await signPledge(credential, employee), agency);
    const result = await verifyPledge(record);
    expect(result.verified).to.equal(true);
    expect(result.proofs.length).to.equal(2);
    expect(result.issuerProof).to.equal(1);
  });
});
