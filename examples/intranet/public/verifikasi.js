// The certificate's verification page (/verifikasi/<uuid>#<code>, or /verifikasi and a typed code):
// asks the portal for the record encrypted under the code (the code itself is never sent: only a
// SHA-256 of it, and the URL fragment never leaves the browser), decrypts it here (PBKDF2-SHA-256,
// AES-256-GCM), verifies it with <ikrar-verifikasi> against /trust.json and the record's status list,
// and says in plain words: valid or not, who (identifier masked), which event, when, revoked or not.
// See src/verifikasi/verifikasi-routes.mjs for the design.
import '/vendor/browser/ikrar-verifikasi.js';

const $ = (id) => document.getElementById(id);
const te = new TextEncoder();
const b64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
const normalize = (code) => code.toUpperCase().replace(/[^A-Z2-7]/g, '');
const ZONES = {
  '+07:00': ['WIB', 'Asia/Jakarta'],
  '+08:00': ['WITA', 'Asia/Makassar'],
  '+09:00': ['WIT', 'Asia/Jayapura'],
};

function say(text) {
  $('status').textContent = text;
}

/** "Senin, 7 Oktober 2024 pukul 08.05 WITA" in the zone of the time's own offset. */
function inWords(iso) {
  const offset = /([+-]\d\d:\d\d)$/.exec(iso)?.[1];
  const [abbr, zone] = ZONES[offset] ?? ['UTC', 'UTC'];
  const d = new Date(iso);
  const date = new Intl.DateTimeFormat('id-ID', { dateStyle: 'full', timeZone: zone }).format(d);
  const time = new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(d);
  return `${date} pukul ${time} ${abbr}`;
}

async function fetchRecord(code, uuid) {
  const lookup = hex(await crypto.subtle.digest('SHA-256', te.encode(`ikrar-verifikasi:${code}`)));
  const res = await fetch(`/verifikasi-data/${lookup}${uuid ? `?id=${encodeURIComponent(uuid)}` : ''}`, {
    credentials: 'omit',
  });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const box = await res.json();
  const base = await crypto.subtle.importKey('raw', te.encode(code), 'PBKDF2', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: b64(box.salt), iterations: box.iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['decrypt'],
  );
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: b64(box.iv) }, key, b64(box.ciphertext));
  return new TextDecoder().decode(plain);
}

async function check(rawCode, uuid) {
  const code = normalize(rawCode);
  $('result').hidden = true;
  if (code.length !== 10) {
    say('Kode verifikasi terdiri dari 10 huruf dan angka, mis. K7Q2M-XW4PA. / The code has 10 letters and digits.');
    return;
  }
  say('Memeriksa… / Checking…');
  let text;
  try {
    text = await fetchRecord(code, uuid);
  } catch {
    say('Rekaman tidak dapat diambil atau dibuka. / The record could not be fetched or opened.');
    return;
  }
  if (text === null) {
    say('Kode verifikasi tidak dikenal. / Unknown verification code.');
    return;
  }
  const record = JSON.parse(text);
  if (uuid && record.id !== `urn:uuid:${uuid.toLowerCase()}`) {
    say('Kode tidak cocok dengan sertifikat ini. / The code does not match this certificate.');
    return;
  }
  const files = [new File([text], 'rekaman.json', { type: 'application/json' })];
  // The record's own status list, when it names one on this portal.
  const listUrl = record.credentialStatus?.statusListCredential;
  if (typeof listUrl === 'string' && new URL(listUrl, location.href).origin === location.origin) {
    const r = await fetch(new URL(listUrl, location.href).pathname, { credentials: 'omit' }).catch(() => null);
    if (r?.ok) files.push(new File([await r.text()], 'status.json', { type: 'application/json' }));
  }
  const verifier = $('verifier');
  verifier.clear();
  await verifier.addFiles(files);
  const detail = await verifier.verify();
  if (!detail) {
    say('Verifikasi tidak dapat dijalankan. / Verification could not run.');
    return;
  }
  const result = JSON.parse(verifier.resultsJson()).results[0];
  const valid = result.verdict === 'valid';
  $('verdict').textContent = valid
    ? 'SAH: rekaman ini ditandatangani dan utuh. / VALID: signed and unaltered.'
    : `TIDAK SAH: ${result.message.id} / NOT VALID: ${result.message.en}`;
  $('verdict').className = valid ? 'ok' : 'bad';
  const s = result.signer ?? {};
  $('signer').textContent = [s.name, s.identifier && `(${s.employeeType ?? 'NIP'} ${s.identifier})`, s.workUnit]
    .filter(Boolean)
    .join(' ');
  $('event').textContent = [result.event?.name, result.event?.date].filter(Boolean).join(', ');
  $('when').textContent = result.signedAt ? inWords(result.signedAt) : '-';
  $('revoked').textContent =
    result.verdict === 'revoked'
      ? 'YA, sudah dicabut / YES, revoked'
      : record.credentialStatus
        ? 'Tidak / No'
        : 'Tidak ada daftar status / No status list';
  $('issuer').textContent = record.issuer?.name ?? result.issuer ?? '';
  $('note').textContent = `Diperiksa di peramban ini (${result.verdict}). / Checked in this browser.`;
  $('result').hidden = false;
  say('');
}

const uuid = /^\/verifikasi\/([0-9a-fA-F-]{36})$/.exec(location.pathname)?.[1];
const fromQr = decodeURIComponent(location.hash.slice(1));
$('code-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void check($('code').value, uuid);
});
if (fromQr) {
  $('code').value = fromQr;
  void check(fromQr, uuid);
}
