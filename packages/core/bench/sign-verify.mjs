#!/usr/bin/env node
// pnpm bench (core): sign and verify records/s for @ikrar/core beside raw node:crypto Ed25519 and raw
// noble on 64-byte messages, all measured in this run, with the ratios. Medians of 5 rounds; on a
// shared machine quote the ratios, not single times.
import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import { createPledge, createSigner, generateKeyPair, parseJson, signPledge, verifyPledge } from '../dist/index.js';

ed.hashes.sha512 = sha512;
const ROUNDS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function rate(label, n, fn) {
  const rates = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) await fn(i);
    rates.push((n / (performance.now() - t)) * 1000);
  }
  const m = median(rates);
  console.log(`${label.padEnd(52)} ${Math.round(m).toString().padStart(8)} /s`);
  return m;
}

const key = generateKeyPair();
const msg = new Uint8Array(64).fill(7);
const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(key.secretKey)]);
const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(key.publicKey)]);
const priv = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
const pub = createPublicKey({ key: spki, format: 'der', type: 'spki' });
const sig = new Uint8Array(nodeSign(null, msg, priv));

console.log(`@ikrar/core bench, Node ${process.version}, ${ROUNDS} rounds, medians\n`);
const rawNodeSign = await rate('raw node:crypto sign (64 B)', 3000, () => nodeSign(null, msg, priv));
const rawNodeVerify = await rate('raw node:crypto verify (64 B)', 3000, () => nodeVerify(null, msg, pub, sig));
const rawNobleSign = await rate('raw noble sign (64 B)', 300, () => ed.sign(msg, key.secretKey));
const rawNobleVerify = await rate('raw noble verify zip215:false (64 B)', 300, () =>
  ed.verify(sig, msg, key.publicKey, { zip215: false }),
);

const credential = createPledge({
  template: 'jembrana-2024',
  issuer: { id: key.controller, name: 'Pemerintah Kabupaten Jembrana' },
  signer: {
    name: 'Ni Luh Putu Sri Wahyuni',
    employeeType: 'PNS',
    identifier: '199001012015032001',
    workUnit: 'Dinas Kesehatan',
  },
  event: { name: 'Pilkada Serentak 2024', date: '2024-10-07' },
  consent: { acknowledgedPoints: [1, 2, 3, 4], method: 'click' },
  timeZone: 'WITA',
});
const signer = createSigner(key);
const record = await signPledge(credential, signer);
const line = JSON.stringify(record);
console.log(`\nrecord: ${Buffer.byteLength(line)} bytes of JSON, one agency proof`);
const coreSign = await rate('core signPledge (noble)', 300, () => signPledge(credential, signer));
const nodeSigner = { id: key.id, controller: key.controller, sign: (d) => new Uint8Array(nodeSign(null, d, priv)) };
const coreSignNode = await rate('core signPledge (node:crypto signer)', 2000, () => signPledge(credential, nodeSigner));
const coreVerify = await rate('core parseJson + verifyPledge (strict noble)', 300, () => verifyPledge(parseJson(line)));

const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
console.log('\nratios (same run):');
console.log(`  core sign (noble) / raw noble sign             ${ratio(coreSign, rawNobleSign)}`);
console.log(`  core sign (node signer) / raw node:crypto sign ${ratio(coreSignNode, rawNodeSign)}`);
console.log(`  core verify / raw noble verify                 ${ratio(coreVerify, rawNobleVerify)}`);
console.log(`  core verify / raw node:crypto verify           ${ratio(coreVerify, rawNodeVerify)}`);
console.log('\n(@ikrar/verifier plugs native strict fast paths into verifyPledge; see its bench.)');
