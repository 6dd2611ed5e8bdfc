// The event's collective pakta integritas (#15), panel #pakta/<event id>: who has signed and who has
// not (identifiers masked), the record and certificate downloads (audited on the server), and for
// administrators the list of representatives (NIPs from the roster, one per line; it can change
// until someone signs) and "Sahkan sekarang" when every representative has signed but the agency
// has not countersigned yet (normally it does so by itself after the last signature). Administrators
// revoke the record with a required reason (#12); a revoked one is shown as such, the representatives
// can then be named again for a new record, and the earlier, revoked ones are listed below.
import { $, api, el } from '../api.js';
import { showError } from './show-error.js';

const ZONES = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };
let eventId = null;
let zone = 'WIB';

const when = (iso) =>
  `${new Date(iso).toLocaleString('id-ID', { timeZone: ZONES[zone], dateStyle: 'long', timeStyle: 'short' })} ${zone}`;

function render(view) {
  const base = `/api/admin/events/${encodeURIComponent(eventId)}/pakta`;
  if (!view.configured) {
    $('pakta-status').textContent = 'Belum ada perwakilan untuk kegiatan ini.';
    $('pakta-reps').replaceChildren();
    $('pakta-links').hidden = true;
    $('pakta-countersign').hidden = true;
    return;
  }
  const total = view.representatives.length;
  $('pakta-status').textContent =
    `${view.signedCount}/${total} perwakilan sudah menandatangani. ` +
    (view.countersigned
      ? `Disahkan instansi ${when(view.countersignedAt)}.`
      : view.complete
        ? 'Menunggu pengesahan instansi.'
        : 'Belum disahkan instansi.') +
    (view.revoked
      ? ` Dicabut / Revoked ${when(view.revokedAt)}${view.revokedBy ? ` oleh ${view.revokedBy}` : ''}` +
        `${view.reason ? `. Alasan: ${view.reason}` : ''}. Tetapkan perwakilan lagi untuk pakta integritas yang baru.`
      : '');
  $('pakta-reps').replaceChildren(
    ...view.representatives.map((r) =>
      el(
        'li',
        { class: r.signed ? 'signed' : 'unsigned' },
        el('strong', {}, r.name),
        el('span', {}, [r.position, r.workUnit, r.masked].filter(Boolean).join(' · ')),
        el('span', {}, r.signed ? `Sudah menandatangani, ${when(r.signedAt)}` : 'Belum menandatangani'),
      ),
    ),
  );
  $('pakta-links').hidden = false;
  $('pakta-record').href = `${base}/record.json`;
  $('pakta-certificate').href = `${base}/certificate.pdf`;
  $('pakta-countersign').hidden = !view.complete || view.countersigned || view.revoked;
  $('pakta-revoke').hidden = !view.revocable || view.revoked;
  renderEarlier(view.earlier ?? []);
}

function renderEarlier(earlier) {
  $('pakta-earlier-box').hidden = earlier.length === 0;
  $('pakta-earlier').replaceChildren(
    ...earlier.map((r) =>
      el(
        'li',
        { class: 'revoked' },
        el('strong', {}, 'Dicabut / Revoked'),
        el('span', {}, `${r.signedCount} perwakilan menandatangani${r.countersigned ? ', disahkan instansi' : ''}`),
        el('span', {}, `Dicabut ${when(r.revokedAt)}${r.revokedBy ? ` oleh ${r.revokedBy}` : ''}`),
        r.reason ? el('span', {}, `Alasan: ${r.reason}`) : null,
      ),
    ),
  );
}

export function initPakta() {
  $('pakta-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    showError(null);
    const representatives = $('pakta-list')
      .value.split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    try {
      render(
        await api(`/api/admin/events/${encodeURIComponent(eventId)}/pakta`, {
          method: 'PUT',
          json: { representatives },
        }),
      );
    } catch (err) {
      showError(err);
    }
  });
  $('pakta-revoke').addEventListener('submit', async (e) => {
    e.preventDefault();
    showError(null);
    try {
      render(
        await api(`/api/admin/events/${encodeURIComponent(eventId)}/pakta/revoke`, {
          method: 'POST',
          json: { reason: $('pakta-reason').value },
        }),
      );
      $('pakta-reason').value = '';
    } catch (err) {
      showError(err);
    }
  });
  $('pakta-countersign').addEventListener('click', async () => {
    showError(null);
    try {
      render(await api(`/api/admin/events/${encodeURIComponent(eventId)}/pakta/countersign`, { method: 'POST' }));
    } catch (err) {
      showError(err);
    }
  });
}

export async function showPakta(id) {
  eventId = id;
  const { events } = await api('/api/admin/events');
  const event = events.find((e) => e.id === id);
  zone = event?.timeZone ?? 'WIB';
  $('pakta-event').textContent = event ? event.name : '';
  render(await api(`/api/admin/events/${encodeURIComponent(id)}/pakta`));
}
