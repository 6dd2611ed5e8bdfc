// The audit log (administrators): who saw which personal data, when, and from where.
import { $, api, el } from '../api.js';
import { showError } from './show-error.js';

const ACTIONS = {
  'reveal-identifier': 'menampilkan nomor',
  'view-record': 'membuka rekaman',
  'view-certificate': 'membuka sertifikat',
  'export-jsonl': 'mengekspor JSONL',
  'export-report': 'mengunduh laporan audit',
  'revoke-record': 'mencabut rekaman',
};
const when = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'medium' });

export async function showAudit(before) {
  const { entries } = await api(`/api/admin/audit${before ? `?before=${before}` : ''}`);
  $('audit-entries').replaceChildren(
    ...entries.map((e) =>
      el(
        'li',
        {},
        el('strong', {}, `${e.actor} ${ACTIONS[e.action] ?? e.action}`),
        el('span', {}, e.target ?? ''),
        e.detail ? el('span', {}, `Alasan: ${e.detail}`) : null,
        el('span', {}, `${when.format(new Date(e.at))} · dari ${e.address ?? '?'}`),
      ),
    ),
  );
  const older = el('button', { type: 'button', disabled: entries.length < 50 }, 'Lebih lama ›');
  older.addEventListener('click', () => showAudit(entries[entries.length - 1].id).catch(showError));
  $('audit-pager').replaceChildren(older);
}
