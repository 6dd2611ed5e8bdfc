// The host signs: the element fires a cancelable `ikrar-sign-request`; the page answers with
// `respondWith(promise of the signed record)`. The element verifies the record before it fires
// `ikrar-signed`. A real intranet would POST `credential` to its server; for this demo the agency
// key lives in the page.
import { generateKeyPair, signPledge } from '../../packages/widget/dist/browser/ikrar-core.js';

const agency = generateKeyPair(); // demo only: an agency key never belongs in a web page
const el = document.querySelector('ikrar-netralitas');
el.issuer = agency.controller;

const log = document.getElementById('log');
const add = (text) => {
  const li = document.createElement('li');
  li.textContent = text;
  log.append(li);
};

el.addEventListener('ikrar-ready', (e) => add(`ikrar-ready ${e.detail.template.id} ${e.detail.signingMode}`));
el.addEventListener('ikrar-sign-request', (e) => {
  add(`ikrar-sign-request ${e.detail.credential.id}`);
  // Real host: e.detail.respondWith(fetch('/api/ikrar', { method: 'POST', headers: { 'Content-Type':
  //   'application/json' }, body: JSON.stringify(e.detail.credential) }).then((r) => r.json()));
  e.detail.respondWith(signPledge(e.detail.credential, agency));
});
el.addEventListener('ikrar-error', (e) => add(`ikrar-error ${e.detail.code}`));
el.addEventListener('ikrar-signed', (e) =>
  add(`ikrar-signed ${e.detail.record.id} verified=${e.detail.verification.verified}`),
);
