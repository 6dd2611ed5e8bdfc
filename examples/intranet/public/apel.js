// @ts-check
// The apel projector page (administrators): the event's name, a QR code that changes every 30 s
// and the live count, from /api/admin/apel/<event>/stream. EventSource reconnects by itself after
// a network drop; the server sends the full state on every connection, so the count catches up.
const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

async function eventId() {
  const given = new URLSearchParams(location.search).get('event');
  if (given) return given;
  const res = await fetch('/api/admin/events', { credentials: 'same-origin' });
  if (!res.ok) throw new Error(String(res.status));
  const body = await res.json();
  return body.openEventId ?? body.events?.[0]?.id;
}

async function main() {
  let id;
  try {
    id = await eventId();
  } catch {
    $('status').textContent = 'Masuk sebagai admin terlebih dahulu (/admin). Sign in as an administrator first.';
    return;
  }
  if (!id) {
    $('status').textContent = 'Belum ada kegiatan. No event yet.';
    return;
  }
  const source = new EventSource(`/api/admin/apel/${encodeURIComponent(id)}/stream`);
  source.addEventListener('state', (e) => {
    const s = JSON.parse(/** @type {MessageEvent} */ (e).data);
    $('event-name').textContent = s.event.name;
    document.title = `Apel — ${s.event.name}`;
    $('count').textContent = String(s.count);
    if (s.qr) {
      /** @type {HTMLImageElement} */ ($('qr')).src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(s.qr)}`;
      const a = /** @type {HTMLAnchorElement} */ ($('url'));
      a.href = s.url;
      a.textContent = s.url;
    }
    $('status').textContent = '';
  });
  source.addEventListener('error', () => {
    $('status').textContent = 'Koneksi terputus, menyambung ulang… Connection lost, reconnecting…';
  });
}

void main();
