// The employee page: sign in (the agency's SSO, /auth/sso/login; in demo mode a labelled stand-in), then
// <ikrar-netralitas> in endpoint mode against /api/sign for the open event. No inline script:
// the page runs under a strict Content-Security-Policy.
import '/vendor/browser/ikrar-netralitas.js';
import { $, api, ApiError, el } from './api.js';

function showError(err) {
  $('login-error').textContent = err.message;
}

async function showLogin() {
  $('login').hidden = false;
  $('sign').hidden = true;
  $('logout').hidden = true;
  // The agency's single sign-on, when the portal has it (OIDC_ISSUER).
  const sso = await api('/auth/sso').catch(() => ({ enabled: false, demo: true }));
  $('sso').hidden = !sso.enabled;
  // Back to this very page after the provider (the apel QR's ?apel=&kode= must survive).
  if (location.search)
    $('sso-login').href = `/auth/sso/login?return=${encodeURIComponent(location.pathname + location.search)}`;
  if (!sso.demo) return;
  try {
    const choices = await api('/api/demo-logins');
    $('demo').hidden = false;
    $('sso-note').hidden = true;
    for (const c of choices) {
      const b = el('button', { type: 'button', class: 'choice' }, `${c.name} (${c.employeeType}, ${c.masked})`);
      b.addEventListener('click', () => signIn('/api/demo-session', { id: c.id }));
      $('examples').append(el('li', {}, b));
    }
  } catch (err) {
    if (!(err instanceof ApiError && err.code === 'ERR_DEMO_OFF')) showError(err);
  }
}

async function signIn(url, body) {
  $('login-error').textContent = '';
  try {
    await api(url, { method: 'POST', json: body });
    await start();
  } catch (err) {
    showError(err);
  }
}

// Apel: the projector's QR code opens this page as /?apel=<event>&kode=<code>. The code goes with
// the signing (the x-ikrar-apel header); the server checks it and notes the presence in the record.
const apelParams = new URLSearchParams(location.search);
const apel = { event: apelParams.get('apel'), code: apelParams.get('kode') };

/** Checks the apel code before signing; a refused one is explained and the employee signs without it. */
async function checkApel(note) {
  if (!apel.code) return null;
  note.hidden = false;
  try {
    const r = await api('/api/apel/check', { method: 'POST', json: { event: apel.event ?? '', code: apel.code } });
    note.className = 'notice';
    note.textContent = `Anda menandatangani di apel ${r.event.name}: kehadiran Anda dicatat dalam rekaman.`;
    return apel.code;
  } catch (err) {
    note.className = 'notice error';
    note.textContent = `${err.message} Rekaman akan mencatat penandatanganan di luar apel.`;
    apel.code = null;
    return null;
  }
}

function certificateLink(recordId) {
  const p = $('certificate');
  p.hidden = false;
  p.replaceChildren(
    'Sertifikat: ',
    el('a', { href: `/api/records/${recordId}/certificate.pdf` }, 'Unduh PDF pakta integritas'),
  );
}

async function showSign(me) {
  $('login').hidden = true;
  $('sign').hidden = false;
  $('logout').hidden = false;
  const { employee } = me;
  $('welcome').textContent = `Selamat datang, ${employee.name} (${employee.workUnit}).`;
  if (!me.event) {
    $('already').hidden = false;
    $('already').textContent = 'Belum ada kegiatan ikrar yang dibuka.';
    return;
  }
  $('event-name').textContent = me.event.name;
  if (me.signed) {
    $('already').hidden = false;
    $('already').textContent = `Anda sudah menandatangani ikrar pada ${me.signed.signedAtText}.`;
    certificateLink(me.signed.recordId);
    return;
  }
  const config = await api('/api/config');
  $('agency-name').textContent = config.agency.name;
  if (config.event.deadlineText) $('deadline').textContent = `Batas waktu: ${config.event.deadlineText}.`;
  const w = document.createElement('ikrar-netralitas');
  w.template = config.templates[0];
  w.lang = config.language;
  w.agency = config.agency.name;
  w.issuer = config.agency.id;
  w.eventName = config.event.name;
  if (config.event.place) w.eventPlace = config.event.place;
  if (config.event.date) w.eventDate = config.event.date;
  w.timeZone = config.timeZone;
  w.prefill = {
    name: employee.name,
    employeeType: employee.employeeType,
    identifier: employee.identifier,
    position: employee.position ?? '',
    workUnit: employee.workUnit,
  };
  w.lock = 'all';
  // endpoint: the agency alone signs; browser-key: the employee's key signs the agency's draft first
  // (record id, revocation entry, presence at the apel), then the agency countersigns.
  w.signingMode = config.signingMode ?? 'endpoint';
  w.endpoint = config.endpoint;
  const code = await checkApel($('apel-note'));
  w.endpointHeaders = { 'x-csrf-token': me.csrf, ...(code && { 'x-ikrar-apel': code }) };
  // The code can run out between the check and "Sign" (accepted 3 minutes): say why, and let the
  // next attempt go without it.
  w.addEventListener('ikrar-error', async (e) => {
    if (!apel.code || e.detail.code !== 'ERR_ENDPOINT_REJECTED') return;
    if (!(await checkApel($('apel-note')))) w.endpointHeaders = { 'x-csrf-token': me.csrf };
  });
  w.addEventListener('ikrar-signed', async (e) => {
    const recordId = e.detail.record.id.slice('urn:uuid:'.length);
    // A drawn signature: the record holds its digest; the server keeps the strokes so that its
    // certificate can draw them. The certificate still works without them (the typed-name form).
    if (e.detail.signature) {
      await api(`/api/records/${recordId}/drawing`, { method: 'PUT', json: e.detail.signature }).catch(() =>
        console.warn('ikrar: the drawing was not stored; the certificate shows the typed name'),
      );
    }
    // One PDF button: the widget's "Unduh PDF" now links to the server's certificate (which draws
    // the strokes just stored), instead of a second link beside it.
    w.certificateUrl = '/api/records/{id}/certificate.pdf';
  });
  $('widget-slot').replaceChildren(w);
}

async function start() {
  try {
    const me = await api('/api/session');
    if (me.kind === 'staff') {
      location.href = '/admin';
      return;
    }
    await showSign(me);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return showLogin();
    showError(err);
  }
}

$('login-form').addEventListener('submit', (e) => {
  e.preventDefault();
  signIn('/api/session', { identifier: $('identifier').value });
});
$('logout').addEventListener('click', async () => {
  const out = await api('/api/session', { method: 'DELETE' }).catch(() => null);
  // Signed in through the agency's SSO: end the provider's session too (it comes back here).
  if (out?.logoutUrl) location.href = out.logoutUrl;
  else location.reload();
});
await start();
