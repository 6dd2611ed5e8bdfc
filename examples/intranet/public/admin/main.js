// The administrators' and auditors' page: sign in with a staff account (or the agency's SSO), then the panels
// (coverage, events, roster, exports, audit log, one employee's records), one per location hash.
import { $, api, ApiError } from '../api.js';
import { showAudit } from './audit.js';
import { currentEvent, initCoverage, showCoverage } from './coverage.js';
import { initEvents, showEvents } from './events.js';
import { initPakta, showPakta } from './pakta.js';
import { showRecords } from './records.js';
import { initRoster } from './roster.js';
import { showError } from './show-error.js';

const PANELS = ['cakupan', 'kegiatan', 'pegawai', 'ekspor', 'audit', 'rekaman', 'pakta'];
let me = null;

async function route() {
  showError(null);
  // #rekaman/<person id>: one employee's records for the event chosen on the coverage panel.
  const [hash, arg] = location.hash.slice(1).split('/');
  const name = PANELS.includes(hash) && ((hash !== 'rekaman' && hash !== 'pakta') || arg) ? hash : 'cakupan';
  for (const p of PANELS) $(p).hidden = p !== name;
  try {
    if (name === 'rekaman') await showRecords(decodeURIComponent(arg), currentEvent(), me);
    // #pakta/<event id>: the event's collective pakta integritas (#15).
    if (name === 'pakta') await showPakta(decodeURIComponent(arg));
    if (name === 'cakupan') await showCoverage();
    if (name === 'kegiatan') await showEvents(me);
    if (name === 'audit') await showAudit();
  } catch (err) {
    showError(err);
  }
}

async function start() {
  try {
    me = await api('/api/session');
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 401)) showError(err);
    me = null;
  }
  if (!me || me.kind !== 'staff') {
    $('staff-login').hidden = false;
    const sso = await api('/auth/sso').catch(() => ({ enabled: false }));
    $('staff-sso').hidden = !sso.enabled;
    return;
  }
  $('staff-login').hidden = true;
  $('nav').hidden = false;
  $('who').textContent = `${me.username} (${me.role === 'admin' ? 'administrator' : 'auditor, hanya baca'})`;
  $('nav-audit').hidden = me.role !== 'admin';
  document.body.dataset.role = me.role;
  initCoverage();
  initEvents();
  initRoster();
  initPakta();
  window.addEventListener('hashchange', route);
  await route();
}

$('staff-login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  showError(null);
  try {
    await api('/api/staff/session', {
      method: 'POST',
      json: { username: $('username').value, password: $('password').value },
    });
    $('password').value = '';
    await start();
  } catch (err) {
    showError(err);
  }
});
$('logout').addEventListener('click', async () => {
  const out = await api('/api/session', { method: 'DELETE' }).catch(() => null);
  // Signed in through the agency's SSO: end the provider's session too.
  location.href = out?.logoutUrl ?? '/admin';
});
await start();
