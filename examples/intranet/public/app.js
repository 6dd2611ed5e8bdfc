// The intranet page: demo login, then <ikrar-netralitas> in endpoint mode against /api/sign.
// No inline script: the page runs under a strict Content-Security-Policy.
import '/vendor/browser/ikrar-netralitas.js';

const $ = (id) => document.getElementById(id);
const json = async (url, init) => {
  const res = await fetch(url, init);
  const body = await res.json();
  if (!res.ok) throw Object.assign(new Error(body.error?.messages?.id ?? res.statusText), { body });
  return body;
};

const config = await json('/api/config');
$('agency-name').textContent = config.agency.name;
$('event-name').textContent = config.event.name;

function showLogin() {
  $('login').hidden = false;
  $('sign').hidden = true;
  $('logout').hidden = true;
}

function certificateLink(recordId) {
  const p = $('certificate');
  p.hidden = false;
  p.replaceChildren('Sertifikat: ');
  const a = document.createElement('a');
  a.href = `/api/records/${recordId}/certificate.pdf`;
  a.textContent = 'Unduh PDF pakta integritas';
  p.append(a);
}

function showSign({ employee, signed }) {
  $('login').hidden = true;
  $('sign').hidden = false;
  $('logout').hidden = false;
  $('welcome').textContent = `Selamat datang, ${employee.name} (${employee.workUnit}).`;
  if (signed) {
    $('already').hidden = false;
    $('already').textContent = `Anda sudah menandatangani ikrar pada ${signed.signedAt}.`;
    certificateLink(signed.id.slice('urn:uuid:'.length));
    return;
  }
  const el = document.createElement('ikrar-netralitas');
  el.template = config.templates[employee.employeeType][0];
  el.agency = config.agency.name;
  el.issuer = config.agency.id;
  el.eventName = config.event.name;
  if (config.event.place) el.eventPlace = config.event.place;
  if (config.event.date) el.eventDate = config.event.date;
  el.timeZone = config.timeZone;
  el.prefill = {
    name: employee.name,
    employeeType: employee.employeeType,
    identifier: employee.identifier,
    position: employee.position ?? '',
    workUnit: employee.workUnit,
  };
  el.lock = 'all';
  el.signingMode = 'endpoint';
  el.endpoint = config.endpoint;
  el.addEventListener('ikrar-signed', async (e) => {
    const recordId = e.detail.record.id.slice('urn:uuid:'.length);
    // A drawn signature: the record holds its digest; the server keeps the strokes so that its
    // certificate can draw them. The certificate still works without them (the typed-name form).
    if (e.detail.signature) {
      const res = await fetch(`/api/records/${recordId}/drawing`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(e.detail.signature),
      }).catch(() => null);
      if (!res?.ok) console.warn('ikrar: the drawing was not stored; the certificate shows the typed name');
    }
    certificateLink(recordId);
  });
  $('widget-slot').replaceChildren(el);
}

$('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  $('login-error').textContent = '';
  try {
    await json('/api/session', { method: 'POST', body: JSON.stringify({ identifier: $('identifier').value }) });
    showSign(await json('/api/session'));
  } catch (err) {
    $('login-error').textContent = err.message;
  }
});

$('logout').addEventListener('click', async () => {
  await fetch('/api/session', { method: 'DELETE' });
  location.reload();
});

const session = await json('/api/session');
if (session.employee) showSign(session);
else {
  showLogin();
  const examples = await json('/api/demo-logins');
  for (const e of examples) {
    const li = document.createElement('li');
    li.textContent = `${e.identifier} — ${e.name} (${e.employeeType})`;
    $('examples').append(li);
  }
}
