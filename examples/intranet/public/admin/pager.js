// Previous / next buttons for a paginated list. `more: false` (a keyset page that came without a
// `next` cursor) turns "next" off even where the count says there are more. `go(offset)` loads
// that page and renders a new pager; a click turns both buttons off until then, so a double click
// turns one page, not two; when the load fails, the error shows and the buttons come back.
import { el } from '../api.js';
import { showError } from './show-error.js';

export function renderPager(container, { offset, limit, count, more = true }, go) {
  const prev = el('button', { type: 'button', disabled: offset === 0 }, '‹ Sebelumnya');
  const last = !more || offset + limit >= count;
  const next = el('button', { type: 'button', disabled: last }, 'Berikutnya ›');
  const turn = (to) => {
    prev.disabled = next.disabled = true;
    go(to).catch((err) => {
      prev.disabled = offset === 0;
      next.disabled = last;
      showError(err);
    });
  };
  prev.addEventListener('click', () => turn(Math.max(0, offset - limit)));
  next.addEventListener('click', () => turn(offset + limit));
  const from = count === 0 ? 0 : offset + 1;
  container.replaceChildren(prev, el('span', {}, `${from}–${Math.min(offset + limit, count)} dari ${count}`), next);
}
