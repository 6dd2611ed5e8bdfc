// Roster upload: the CSV is checked line by line on the server; problems are listed with their
// line and nothing is saved until the whole file is clean.
import { $, api, ApiError, el } from '../api.js';

export function initRoster() {
  $('roster-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = $('roster-file').files[0];
    if (!file) return;
    $('roster-problems').replaceChildren();
    $('roster-result').textContent = 'Memeriksa…';
    try {
      const r = await api('/api/admin/roster', { method: 'POST', text: await file.text(), type: 'text/csv' });
      $('roster-result').textContent = `Tersimpan: ${r.rows} baris (${r.added} baru, ${r.updated} diperbarui).`;
    } catch (err) {
      $('roster-result').textContent = err.message;
      if (err instanceof ApiError && err.detail?.problems) {
        $('roster-result').textContent += ` ${err.detail.problemCount} kesalahan:`;
        $('roster-problems').replaceChildren(
          ...err.detail.problems.map((p) => el('li', {}, `Baris ${p.line}: ${p.messages.id} (${p.code})`)),
        );
      }
    }
  });
}
