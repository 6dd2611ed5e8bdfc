// The collective pakta integritas for one of its representatives (#15): the page reads the open
// event's document (GET /api/pakta), shows the text and who has signed, and on "Tanda tangani"
// makes an Ed25519 key in this browser and signs the same document with it, alone in the
// representative's slot (a proof set, Data Integrity 1.0). Only that proof is posted
// (POST /api/pakta/sign); the key never leaves the page. No inline script (strict CSP).
import { generateKeyPair, signPledge } from '/vendor/browser/ikrar-core.js';
import { $, api, ApiError, el } from './api.js';

const ZONES = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };
let view = null;

function when(iso, zone) {
  const t = new Date(iso).toLocaleString('id-ID', { timeZone: ZONES[zone], dateStyle: 'long', timeStyle: 'short' });
  return `${t} ${zone}`;
}

function render() {
  const { pledge, event } = view.document.credentialSubject;
  $('event-name').textContent = event.name;
  $('pakta-title').textContent = pledge.title;
  $('pakta-preamble').textContent = pledge.preamble;
  $('pakta-points').replaceChildren(...pledge.points.map((p) => el('li', {}, p)));
  $('pakta-closing').textContent = pledge.closing;
  $('pakta-reps').replaceChildren(
    ...view.representatives.map((r) =>
      el(
        'li',
        { class: r.signed ? 'signed' : 'unsigned' },
        el('strong', {}, r.name + (r.index === view.representative ? ' (Anda)' : '')),
        el('span', {}, [r.position, r.workUnit, r.masked].filter(Boolean).join(' · ')),
        el(
          'span',
          {},
          r.signed ? `Sudah menandatangani, ${when(r.signedAt, view.event.timeZone)}` : 'Belum menandatangani',
        ),
      ),
    ),
  );
  const total = view.representatives.length;
  $('pakta-progress').textContent =
    `${view.signedCount} dari ${total} perwakilan sudah menandatangani.` +
    (view.countersigned ? ' Instansi sudah mengesahkan pakta integritas ini.' : '') +
    (view.revoked ? ' Pakta integritas ini sudah dicabut instansi dan tidak menerima tanda tangan lagi.' : '');
  const mine = view.representatives[view.representative];
  $('pakta-action').hidden = mine.signed || view.revoked;
  $('pakta-doc').hidden = false;
}

async function sign() {
  $('pakta-error').textContent = '';
  $('pakta-sign').disabled = true;
  try {
    const { proof: _others, ...credential } = view.document;
    const signed = await signPledge(credential, generateKeyPair(), {
      mode: 'set',
      proofId: view.proofId,
      timeZone: view.event.timeZone,
    });
    view = await api('/api/pakta/sign', { method: 'POST', json: { proof: signed.proof } });
    render();
    $('pakta-progress').focus?.();
  } catch (err) {
    $('pakta-error').textContent = err.message;
  } finally {
    $('pakta-sign').disabled = false;
  }
}

try {
  view = await api('/api/pakta');
  render();
  $('pakta-sign').addEventListener('click', sign);
} catch (err) {
  if (err instanceof ApiError && err.status === 401) await showLogin();
  else $('pakta-error').textContent = err.message;
}

async function showLogin() {
  $('pakta-login').hidden = false;
  const sso = await api('/auth/sso').catch(() => ({ enabled: false, demo: false }));
  $('pakta-sso').hidden = !sso.enabled;
  $('pakta-demo').hidden = !sso.demo;
  $('pakta-demo').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('/api/session', { method: 'POST', json: { identifier: $('pakta-identifier').value } });
      location.reload();
    } catch (err) {
      $('pakta-error').textContent = err.message;
    }
  });
}
