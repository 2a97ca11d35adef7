// The result list and the "no results" advice of the search page.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { getJson } from './api.js';
import { DIMS } from './dims.js';
import { $, el, joinWithDots } from './dom.js';
import { dateSourceNote, formatDate, plural } from './format.js';
import { labelFor } from './labels.js';
import { snippetNodes } from './snippet.js';
import { articlePageUrl, copyState, emptyState, entityPageUrl, hasFilters, stateParams, stateUrl } from './state.js';
import { arr, num, str, uniq } from './values.js';

export function renderHits(ctx, hits) {
  const results = $('#results');
  const page = Math.max(1, Math.trunc(num(ctx.data && ctx.data.page, ctx.state.page)));
  const size = Math.max(1, Math.trunc(num(ctx.data && ctx.data.size, 10)));
  results.setAttribute('start', String((page - 1) * size + 1));
  results.replaceChildren(...hits.map((h) => renderHit(ctx.state, h)));
}

function renderHit(state, h) {
  const id = str(h.id);
  const title = str(h.title).trim() || id || 'Untitled';
  const meta = [];
  const date = formatDate(h.published);
  const dateNote = date ? dateSourceNote(h.publishedFrom) : '';
  if (date) meta.push(el('time', { datetime: str(h.published), text: date }));
  if (dateNote) meta.push(el('span', { class: 'date-source', text: dateNote }));
  if (str(h.source)) meta.push(el('span', { class: 'hit-source', text: str(h.source) }));
  if (str(h.byline)) meta.push(el('span', { class: 'hit-byline', text: str(h.byline) }));
  const metaLine = meta.length ? el('p', { class: 'hit-meta' }, joinWithDots(meta)) : null;
  const snippet = str(h.snippet) ? el('p', { class: 'snippet' }, snippetNodes(h.snippet)) : null;
  const tags = [];
  for (const [dim, type, max] of [['people', 'person', 4], ['places', 'place', 4], ['organizations', 'organization', 3]]) {
    for (const v of uniq(arr(h[dim]).map(str).filter(Boolean)).slice(0, max)) {
      const active = state[dim].includes(v);
      tags.push(el('li', {},
        el('a', {
          class: `tag tag-${type}${active ? ' active' : ''}`,
          href: entityPageUrl(dim, v),
          title: `About ${v}`,
        }, el('span', { class: 'visually-hidden', text: `${DIMS.find((d) => d.key === dim)?.singular || type}: ` }), v)));
    }
  }
  return el('li', { class: 'hit' },
    el('article', {},
      el('h3', { class: 'hit-title' }, el('a', { href: articlePageUrl(id, state.q) }, title)),
      metaLine,
      snippet,
      tags.length ? el('ul', { class: 'tags', 'aria-label': 'People, places and organisations' }, tags) : null,
      copiesControl(state, h, id)));
}

/**
 * "N copies": the other articles of the hit's group of copies that match the search (the same
 * story, re-topped or lightly edited), listed under it when the button is pressed.
 */
function copiesControl(state, h, id) {
  const copies = Math.max(0, Math.trunc(num(h.copies)));
  const group = str(h.group);
  if (!copies || !group) return null;
  const listId = `copies-${id}`;
  const list = el('ul', { class: 'copies', id: listId, hidden: true });
  const label = plural(copies, 'copy', 'copies');
  let loaded = false;
  const button = el('button', {
    type: 'button',
    class: 'copies-toggle',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'data-focus-key': `copies:${id}`,
    text: label,
    onclick: async () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      button.textContent = open ? `Hide ${label}` : label;
      list.hidden = !open;
      if (!open || loaded) return;
      loaded = true;
      list.replaceChildren(el('li', { class: 'copies-loading', text: 'Loading…' }));
      const p = stateParams({ ...state, page: 1, size: 0 }, { page: false });
      p.set('group', group);
      p.set('collapse', 'false');
      p.set('size', '100');
      p.set('sort', 'oldest');
      try {
        const data = await getJson(`/api/search?${p}`);
        const others = arr(data.hits).filter((c) => c && str(c.id) && str(c.id) !== id);
        list.replaceChildren(...others.map((c) => {
          const date = formatDate(c.published);
          return el('li', { class: 'copy' },
            el('a', { href: articlePageUrl(str(c.id)) }, str(c.title).trim() || str(c.id)),
            date ? el('time', { class: 'copy-date', datetime: str(c.published), text: ` · ${date}` }) : null);
        }));
        if (!others.length) list.replaceChildren(el('li', { text: 'No other copy matches now.' }));
      } catch (e) {
        loaded = false;
        list.replaceChildren(el('li', { class: 'copies-error', text: `The copies could not be loaded: ${e.message}` }));
      }
    },
  });
  return el('div', { class: 'hit-copies' }, button, list);
}

/** Ways out of an empty result: drop a filter, check the query, browse everything. */
export function renderNoResults(ctx) {
  const { state } = ctx;
  const items = [];
  const active = [];
  for (const d of DIMS) {
    for (const v of state[d.key]) {
      const next = copyState(state);
      next[d.key] = next[d.key].filter((x) => x !== v);
      next.page = 1;
      active.push(el('li', {}, el('a', { href: stateUrl(next), 'data-nav': 'results' },
        `Remove ${d.singular.toLowerCase()} filter “${labelFor(ctx.labels, d.key, v)}”`)));
    }
  }
  if (state.from || state.to) {
    const next = copyState(state);
    next.from = ''; next.to = ''; next.page = 1;
    active.push(el('li', {}, el('a', { href: stateUrl(next), 'data-nav': 'results' }, 'Remove the date range')));
  }
  if (active.length) items.push(...active);
  if (state.q) {
    items.push(el('li', { text: 'Check the spelling, or try fewer or more general words.' }));
    items.push(el('li', { text: 'Use OR between alternatives, e.g. Gaza OR Rafah.' }));
  }
  if (state.q && hasFilters(state)) {
    const next = emptyState(); next.q = state.q;
    items.push(el('li', {}, el('a', { href: stateUrl(next), 'data-nav': 'results' }, `Search “${state.q}” without any filter`)));
  }
  if (state.q || hasFilters(state)) {
    items.push(el('li', {}, el('a', { href: '/', 'data-nav': 'results' }, 'Browse all articles')));
  } else {
    items.push(el('li', { text: 'The archive has no articles yet: index some with “broadsheet index <folder>”.' }));
  }
  if (state.page > 1) {
    const next = copyState(state); next.page = 1;
    items.unshift(el('li', {}, el('a', { href: stateUrl(next), 'data-nav': 'results' }, 'Go to the first page of results')));
  }
  $('#message').replaceChildren(el('div', { class: 'notice', id: 'no-results' },
    el('h2', { text: 'No articles found' }),
    el('p', { text: 'Some things to try:' }),
    el('ul', {}, items)));
}
