// Coverage: the whole roster's progress, a bar per work unit (sort, filter, pages), and the
// people of a unit or a search (identifiers masked; revealing one is audited). The people pages
// are read by the API's keyset cursor (`after=` the previous page's `next`), so someone signing
// or being added between two pages is neither skipped nor shown twice; the cursors walked so far
// are kept, and "previous" goes back along them (the API pages forward only).
import { $, api, el } from '../api.js';
import { showError } from './show-error.js';
import { renderPager } from './pager.js';

// `chosen`: the administrator picked an event; until then the open event is shown.
// `peopleAfter`: the `after` cursor of each people page walked so far ('' for the first); the last
// is the page shown.
const state = { event: '', chosen: false, unitOffset: 0, unit: '', peopleAfter: [''] };
const SORTS = {
  unit: { sort: 'unit' },
  share: { sort: 'share' },
  'share-desc': { sort: 'share', desc: '1' },
  'total-desc': { sort: 'total', desc: '1' },
};
const pct = (s, t) => (t ? Math.round((s / t) * 100) : 0);
const debounce = (fn) => {
  let t;
  return () => {
    clearTimeout(t);
    t = setTimeout(fn, 250);
  };
};

function eventQuery() {
  return state.event ? `event=${encodeURIComponent(state.event)}` : '';
}

async function loadUnits() {
  const params = new URLSearchParams({ ...SORTS[$('unit-sort').value], offset: String(state.unitOffset) });
  if (state.event) params.set('event', state.event);
  if ($('unit-filter').value) params.set('q', $('unit-filter').value);
  const data = await api(`/api/admin/coverage?${params}`);
  $('summary').textContent =
    `${data.signed} dari ${data.total} pegawai sudah menandatangani (${pct(data.signed, data.total)}%).`;
  $('overall').max = Math.max(1, data.total);
  $('overall').value = data.signed;
  $('units').replaceChildren(
    ...data.units.map((u) => {
      const b = el('button', { type: 'button', class: 'link' }, u.workUnit);
      b.addEventListener('click', () => {
        state.unit = u.workUnit;
        state.peopleAfter = [''];
        loadPeople().catch(showError);
      });
      return el(
        'li',
        {},
        b,
        el('progress', { max: String(Math.max(1, u.total)), value: String(u.signed), 'aria-label': u.workUnit }),
        el('span', { class: 'num' }, `${u.signed}/${u.total} (${pct(u.signed, u.total)}%)`),
      );
    }),
  );
  renderPager($('units-pager'), { offset: state.unitOffset, limit: data.limit, count: data.count }, async (o) => {
    const was = state.unitOffset;
    state.unitOffset = o;
    await loadUnits().catch((err) => {
      state.unitOffset = was;
      throw err;
    });
  });
}

async function reveal(person, slot) {
  const { identifier } = await api(`/api/admin/people/${person.id}/reveal`, { method: 'POST' });
  slot.textContent = identifier;
}

async function loadPeople() {
  const params = new URLSearchParams();
  const after = state.peopleAfter.at(-1);
  if (after) params.set('after', after);
  if (state.event) params.set('event', state.event);
  if (state.unit) params.set('unit', state.unit);
  if ($('people-q').value.trim()) params.set('q', $('people-q').value.trim());
  if ($('people-status').value) params.set('status', $('people-status').value);
  const data = await api(`/api/admin/people?${params}`);
  $('people-title').textContent = state.unit ? `Pegawai: ${state.unit}` : 'Pegawai';
  $('people').replaceChildren(
    ...data.people.map((p) => {
      const number = el('span', { class: 'mono' }, p.identifier);
      const show = el('button', { type: 'button', class: 'secondary' }, 'Tampilkan nomor');
      show.addEventListener('click', () => reveal(p, number).then(() => show.remove(), showError));
      return el(
        'li',
        { class: p.recordId ? 'signed' : 'unsigned' },
        el('strong', {}, p.name),
        el('span', {}, `${p.employeeType} · ${p.workUnit}`),
        el('span', {}, number, ' ', show),
        p.recordId
          ? el(
              'span',
              {},
              `Ditandatangani ${p.signedAtText} · `,
              el('a', { href: `/api/records/${p.recordId}/certificate.pdf` }, 'sertifikat'),
              ' · ',
              el('a', { href: `/api/records/${p.recordId}` }, 'rekaman'),
            )
          : el('span', {}, 'Belum menandatangani'),
        p.revokedCount ? el('span', {}, `${p.revokedCount} rekaman dicabut`) : null,
        p.recordId || p.revokedCount
          ? el('a', { href: `#rekaman/${encodeURIComponent(p.id)}` }, 'Rincian dan pencabutan')
          : null,
      );
    }),
  );
  const offset = (state.peopleAfter.length - 1) * data.limit;
  renderPager(
    $('people-pager'),
    { offset, limit: data.limit, count: data.count, more: data.next !== null },
    async (o) => {
      const walked = state.peopleAfter;
      state.peopleAfter = o > offset ? [...walked, data.next] : walked.slice(0, -1);
      await loadPeople().catch((err) => {
        state.peopleAfter = walked;
        throw err;
      });
    },
  );
  const q = new URLSearchParams();
  if (state.event) q.set('event', state.event);
  if (state.unit) q.set('unit', state.unit);
  $('unsigned-csv').href = `/api/admin/unsigned.csv?${q}`;
}

function exportLinks() {
  const q = eventQuery();
  $('export-jsonl').href = `/api/admin/export.jsonl?${q}`;
  $('export-report').href = `/api/admin/report.html?${q}`;
}

/** The event the coverage panel shows ('' until one is known: the open event). */
export const currentEvent = () => state.event;

export function initCoverage() {
  $('event-select').addEventListener('change', () => {
    state.event = $('event-select').value;
    state.chosen = true;
    state.unitOffset = 0;
    state.peopleAfter = [''];
    exportLinks();
    showCoverage().catch(showError);
  });
  $('unit-sort').addEventListener('change', () => loadUnits().catch(showError));
  $('unit-filter').addEventListener(
    'input',
    debounce(() => {
      state.unitOffset = 0;
      loadUnits().catch(showError);
    }),
  );
  const people = debounce(() => {
    state.peopleAfter = [''];
    loadPeople().catch(showError);
  });
  $('people-q').addEventListener('input', people);
  $('people-status').addEventListener('change', people);
  $('people-all').addEventListener('click', () => {
    state.unit = '';
    state.peopleAfter = [''];
    loadPeople().catch(showError);
  });
}

export async function showCoverage() {
  const { events, openEventId } = await api('/api/admin/events');
  if (!state.chosen || !events.some((e) => e.id === state.event)) state.event = openEventId ?? events[0]?.id ?? '';
  $('event-select').replaceChildren(
    ...events.map((e) =>
      el('option', { value: e.id, selected: e.id === state.event }, e.name + (e.id === openEventId ? ' (dibuka)' : '')),
    ),
  );
  exportLinks();
  await Promise.all([loadUnits(), loadPeople()]);
}
