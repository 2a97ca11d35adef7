// The result pages' navigation: previous, first, a window around the current page, last, next.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { $, el } from './dom.js';
import { copyState, stateUrl } from './state.js';
import { uniq } from './values.js';

export function renderPager(ctx, total, page, size) {
  const { state } = ctx;
  const pager = $('#pager');
  const pages = Math.max(1, Math.ceil(total / size));
  if (total === 0 || pages <= 1) {
    pager.hidden = true;
    pager.replaceChildren();
    return;
  }
  pager.hidden = false;
  const link = (p, text, rel, extra = {}) => {
    const next = copyState(state);
    next.page = p;
    return el('a', { href: stateUrl(next), 'data-nav': 'results', rel, class: 'page-link', ...extra }, text);
  };
  const list = el('ul', { class: 'pages' });
  list.append(el('li', {}, page > 1 ? link(page - 1, '‹ Previous', 'prev') : el('span', { class: 'page-link disabled', 'aria-hidden': 'true', text: '‹ Previous' })));
  const lo = Math.max(1, page - 2);
  const hi = Math.min(pages, page + 2);
  const nums = uniq([1, ...Array.from({ length: hi - lo + 1 }, (_, i) => lo + i), pages]);
  let prev = 0;
  for (const p of nums) {
    if (p - prev > 1) list.append(el('li', { class: 'gap', 'aria-hidden': 'true', text: '…' }));
    list.append(el('li', { class: 'page-num' }, p === page
      ? el('a', { class: 'page-link current', 'aria-current': 'page', href: stateUrl(state), 'data-nav': 'results', 'aria-label': `Page ${p}` }, String(p))
      : link(p, String(p), null, { 'aria-label': `Page ${p}` })));
    prev = p;
  }
  list.append(el('li', {}, page < pages ? link(page + 1, 'Next ›', 'next') : el('span', { class: 'page-link disabled', 'aria-hidden': 'true', text: 'Next ›' })));
  pager.replaceChildren(el('p', { class: 'visually-hidden', text: `Page ${page} of ${pages}` }), list);
}
