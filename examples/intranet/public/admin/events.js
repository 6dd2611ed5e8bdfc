// Events: the list (open one marked), and a form to create or edit one (administrators).
// The deadline is typed in the event's local time and sent as RFC 3339 with the zone's offset.
import { $, api, el } from '../api.js';
import { showError } from './show-error.js';

const OFFSETS = { WIB: '+07:00', WITA: '+08:00', WIT: '+09:00' };
const TYPES = ['PNS', 'PPPK', 'PPNPN'];
let templates = [];
let events = [];

function fillTemplates(selected) {
  $('ev-templates').replaceChildren(
    el('legend', {}, 'Templat per jenis pegawai'),
    ...TYPES.flatMap((type) =>
      templates
        .filter((t) => t.appliesTo.includes(type))
        .map((t) => {
          const id = `tpl-${type}-${t.id}`;
          return el(
            'div',
            { class: 'check' },
            el('input', {
              type: 'checkbox',
              id,
              name: type,
              value: t.id,
              checked: selected?.[type]?.includes(t.id) ?? false,
            }),
            el('label', { for: id }, `${type}: ${t.title} (${t.id})`),
          );
        }),
    ),
  );
}

function edit(event) {
  $('event-form-title').textContent = event ? `Ubah: ${event.name}` : 'Kegiatan baru';
  $('event-id').value = event?.id ?? '';
  $('ev-name').value = event?.name ?? '';
  $('ev-place').value = event?.place ?? '';
  $('ev-date').value = event?.date ?? '';
  $('ev-deadline').value = event?.deadline ? event.deadline.slice(0, 16) : '';
  $('ev-zone').value = event?.timeZone ?? 'WIB';
  $('ev-language').value = event?.language ?? 'id';
  fillTemplates(event?.templates ?? { PNS: ['skb-2022-asn'], PPPK: ['skb-2022-asn'], PPNPN: [] });
}

function formValue() {
  const zone = $('ev-zone').value;
  const selected = Object.fromEntries(
    TYPES.map((t) => [t, [...$('ev-templates').querySelectorAll(`input[name="${t}"]:checked`)].map((i) => i.value)]),
  );
  return {
    name: $('ev-name').value,
    place: $('ev-place').value,
    date: $('ev-date').value,
    deadline: $('ev-deadline').value ? `${$('ev-deadline').value}:00${OFFSETS[zone]}` : '',
    timeZone: zone,
    language: $('ev-language').value,
    templates: selected,
  };
}

export function initEvents() {
  $('event-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    showError(null);
    const id = $('event-id').value;
    try {
      await api(id ? `/api/admin/events/${id}` : '/api/admin/events', {
        method: id ? 'PUT' : 'POST',
        json: formValue(),
      });
      edit(null);
      await showEvents();
    } catch (err) {
      showError(err);
    }
  });
  $('event-new').addEventListener('click', () => edit(null));
}

export async function showEvents() {
  const data = await api('/api/admin/events');
  templates = data.templates;
  events = data.events;
  $('events').replaceChildren(
    ...events.map((e) => {
      const b = el('button', { type: 'button', class: 'secondary admin-only' }, 'Ubah');
      b.addEventListener('click', () => edit(e));
      return el(
        'li',
        { class: e.id === data.openEventId ? 'signed' : '' },
        el('strong', {}, e.name + (e.id === data.openEventId ? ' (dibuka)' : '')),
        el('span', {}, [e.place, e.date].filter(Boolean).join(' · ') || '—'),
        el('span', {}, e.deadlineText ? `Batas waktu ${e.deadlineText}` : 'Tanpa batas waktu'),
        el('a', { href: `#pakta/${encodeURIComponent(e.id)}` }, 'Pakta integritas bersama'),
        b,
      );
    }),
  );
  if (!$('event-id').value) edit(null);
}
