// One employee's records for an event: the current one and the revoked ones (when, by whom, why).
// Administrators revoke a record here ("Cabut / Revoke") with a required reason; auditors read.
import { $, api, el } from '../api.js';
import { showError } from './show-error.js';

async function revoke(recordId, reason, again) {
  await api(`/api/admin/records/${recordId}/revoke`, { method: 'POST', json: { reason } });
  await again();
}

function revokeForm(r, again) {
  const id = `reason-${r.id}`;
  const reason = el('textarea', { id, required: true, maxlength: '500', rows: '2' });
  const form = el(
    'form',
    { class: 'revoke' },
    el('label', { for: id }, 'Alasan pencabutan / Reason'),
    reason,
    el('button', { type: 'submit', class: 'danger' }, 'Cabut / Revoke'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    showError(null);
    revoke(r.id, reason.value, again).catch(showError);
  });
  return form;
}

export async function showRecords(personId, eventId, me) {
  const again = () => showRecords(personId, eventId, me);
  const q = eventId ? `?event=${encodeURIComponent(eventId)}` : '';
  const data = await api(`/api/admin/people/${encodeURIComponent(personId)}/records${q}`);
  $('records-title').textContent = `Rekaman: ${data.person.name}`;
  $('records-person').textContent = `${data.person.identifier} · ${data.person.workUnit} · ${data.event.name}`;
  $('records-list').replaceChildren(
    ...(data.records.length === 0 ? [el('li', {}, 'Belum ada rekaman untuk kegiatan ini.')] : []),
    ...data.records.map((r) =>
      el(
        'li',
        { class: r.revoked ? 'revoked' : 'signed' },
        el('strong', {}, r.revoked ? 'Dicabut / Revoked' : 'Berlaku / Valid'),
        el('span', {}, `Ditandatangani ${r.signedAtText}`),
        r.revoked ? el('span', {}, `Dicabut ${r.revokedAtText}${r.revokedBy ? ` oleh ${r.revokedBy}` : ''}`) : null,
        r.revoked && r.reason ? el('span', {}, `Alasan: ${r.reason}`) : null,
        el(
          'span',
          {},
          el('a', { href: `/api/records/${r.id}/certificate.pdf` }, 'sertifikat'),
          ' · ',
          el('a', { href: `/api/records/${r.id}` }, 'rekaman'),
        ),
        !r.revoked && r.revocable && me?.role === 'admin' ? revokeForm(r, again) : null,
      ),
    ),
  );
}
