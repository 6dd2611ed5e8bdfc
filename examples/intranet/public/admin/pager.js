// Previous / next buttons for a paginated list.
import { el } from '../api.js';

export function renderPager(container, { offset, limit, count }, go) {
  const prev = el('button', { type: 'button', disabled: offset === 0 }, '‹ Sebelumnya');
  const next = el('button', { type: 'button', disabled: offset + limit >= count }, 'Berikutnya ›');
  prev.addEventListener('click', () => go(Math.max(0, offset - limit)));
  next.addEventListener('click', () => go(offset + limit));
  const from = count === 0 ? 0 : offset + 1;
  container.replaceChildren(prev, el('span', {}, `${from}–${Math.min(offset + limit, count)} dari ${count}`), next);
}
