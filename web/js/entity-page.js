// The entity page (entity.html?dim=people&value=...): one person, place or organisation as the
// archive knows it, from GET /api/entities/{dim}/{value}: how many articles name it and when
// (the timeline; a bar searches its articles of that period), the people, places and
// organisations most associated with it (each a link to its own page), its articles, the
// spellings the texts use, and for a place its position on the map. Query and filters in the
// page's URL (q, people=..., from=...) scope it as they scope a search.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { getJson } from './api.js';
import { SITE } from './dims.js';
import { $, el, joinWithDots } from './dom.js';
import { dateSourceNote, formatDate, nf, plural } from './format.js';
import { initSearchForm } from './header.js';
import { rememberedSearch } from './last-search.js';
import { mapCredit, mapPlaces, worldMap } from './map.js';
import { snippetNodes } from './snippet.js';
import { articlePageUrl, copyState, entityPageUrl, readState, stateParams, stateUrl } from './state.js';
import { renderTimeline } from './timeline.js';
import { arr, num, str } from './values.js';

const KINDS = {
  people: { kind: 'Person', type: 'person', label: 'People' },
  places: { kind: 'Place', type: 'place', label: 'Places' },
  organizations: { kind: 'Organisation', type: 'organization', label: 'Organisations' },
};

export async function entityPage() {
  initSearchForm(null);
  const params = new URLSearchParams(location.search);
  const dim = params.get('dim') || '';
  const value = params.get('value') || '';
  const back = $('#back-link');
  const last = rememberedSearch();
  if (last) {
    back.setAttribute('href', last);
    back.textContent = '← Back to results';
  }
  if (!KINDS[dim] || !value.trim()) {
    problem('No entity chosen', 'This page shows one person, place or organisation; open it from a name in the results, an article or the filters.');
    return;
  }
  // The rest of the URL scopes the page as it would a search.
  const scope = readState(location.search);
  const api = stateParams({ ...scope, sort: '', page: 1, size: 0 }, { page: false });
  const url = `/api/entities/${encodeURIComponent(dim)}/${encodeURIComponent(value)}${api.toString() ? `?${api}` : ''}`;
  $('#entity-status').textContent = 'Loading…';
  let e;
  try {
    e = await getJson(url);
  } catch (err) {
    if (err.kind === 'not-found') {
      problem(`“${value}” is not in the archive`, `No article names “${value}” among its ${KINDS[dim].label.toLowerCase()}. It may have been merged into another name or hidden.`);
    } else if (err.kind === 'network') {
      problem('The archive is unavailable', 'The Broadsheet server cannot be reached. Check that it is running (broadsheet serve), then reload this page.');
    } else {
      problem('This page could not be loaded', err.message);
    }
    return;
  }
  render(dim, e, scope);
}

/** A country's English name from its ISO code, or the code when the browser has no name for it. */
function countryName(code) {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) || code;
  } catch {
    return code;
  }
}

function problem(title, text) {
  document.title = `${title} — ${SITE}`;
  $('#entity-status').textContent = '';
  $('#main').append(el('div', { class: 'notice notice-error', role: 'alert' },
    el('h1', { text: title }),
    el('p', { text }),
    el('p', {}, el('a', { href: '/', text: 'Search the archive' }))));
}

function render(dim, e, scope) {
  const kind = KINDS[dim];
  const value = str(e.value);
  const name = str(e.label) || value;
  document.title = `${name} — ${SITE}`;
  $('#entity-kind').textContent = kind.kind;
  $('#entity-kind').className = `entity-kind tag tag-${kind.type}`;
  $('#entity-name').textContent = name;
  const count = Math.max(0, Math.trunc(num(e.count)));
  const where = [];
  if (str(e.country)) where.push(`in ${countryName(str(e.country))}`);
  const scoped = scope.q ? ` matching “${scope.q}”` : '';
  $('#entity-summary').textContent = `Named in ${plural(count, 'article', 'articles')}${scoped}${where.length ? ` · ${where.join(' ')}` : ''}.`;

  // "Search articles that mention it": the search page with this value as a filter.
  const search = copyState(scope);
  if (!search[dim].includes(value)) search[dim].push(value);
  search.page = 1;
  $('#entity-search').setAttribute('href', stateUrl(search));

  // A bar of the timeline is a search of its articles in that period.
  renderTimeline({ state: search, navigate: (next) => location.assign(stateUrl(next)) }, e.timeline);
  renderPosition(dim, e);
  renderArticles(arr(e.articles));
  renderRelated(e.related || {});
  renderAliases(arr(e.aliases));
  $('#entity-status').textContent = '';
  $('#entity').hidden = false;
  $('#entity-side').hidden = false;
}

async function renderPosition(dim, e) {
  const box = $('#entity-map');
  const places = dim === 'places' ? mapPlaces([{ ...e, count: e.count || 1 }]) : [];
  if (!places.length) { box.hidden = true; return; }
  const svg = await worldMap(places, {
    label: `Where ${places[0].label} is`,
    href: () => null,
    current: places[0].value,
  });
  const lat = places[0].latitude;
  const lon = places[0].longitude;
  const pos = `${Math.abs(lat).toFixed(2)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lon).toFixed(2)}° ${lon >= 0 ? 'E' : 'W'}`;
  box.replaceChildren(
    el('div', { class: 'map-head' },
      el('h2', { id: 'entity-map-heading', text: 'On the map' }),
      el('p', { class: 'map-help', text: pos })),
    el('div', { class: 'map-plot' }, svg),
    mapCredit());
  box.hidden = false;
}

function renderArticles(hits) {
  const list = $('#entity-article-list');
  list.replaceChildren(...hits.filter((h) => h && str(h.id)).map((h) => {
    const meta = [];
    const date = formatDate(h.published);
    if (date) meta.push(el('time', { datetime: str(h.published), text: date }));
    const note = date ? dateSourceNote(h.publishedFrom) : '';
    if (note) meta.push(el('span', { class: 'date-source', text: note }));
    if (str(h.source)) meta.push(el('span', { text: str(h.source) }));
    return el('li', { class: 'entity-article' },
      el('h3', { class: 'hit-title' }, el('a', { href: articlePageUrl(h.id) }, str(h.title).trim() || str(h.id))),
      meta.length ? el('p', { class: 'hit-meta' }, joinWithDots(meta)) : null,
      str(h.snippet) ? el('p', { class: 'snippet' }, snippetNodes(h.snippet)) : null);
  }));
  if (!list.children.length) list.append(el('li', { class: 'facet-none', text: 'No articles in this scope.' }));
}

function renderRelated(related) {
  const lists = [];
  for (const [dim, kind] of Object.entries(KINDS)) {
    const values = arr(related[dim]).filter((r) => r && str(r.value));
    if (!values.length) continue;
    const id = `related-${dim}`;
    lists.push(el('div', { class: 'related-group' },
      el('h3', { id, text: kind.label }),
      el('ul', { class: 'related-values', 'aria-labelledby': id }, values.map((r) => {
        const n = Math.trunc(num(r.count));
        return el('li', {},
          el('a', { class: `tag tag-${kind.type}`, href: entityPageUrl(dim, str(r.value)) }, str(r.label) || str(r.value)),
          el('span', { class: 'mentions', title: `named together in ${plural(n, 'article', 'articles')}` },
            ` ${nf.format(n)}`, el('span', { class: 'visually-hidden', text: n === 1 ? ' article together' : ' articles together' })));
      }))));
  }
  const box = $('#entity-related-lists');
  box.replaceChildren(...lists);
  if (!lists.length) box.append(el('p', { class: 'facet-none', text: 'Nothing is named with it more often than elsewhere.' }));
}

function renderAliases(aliases) {
  const list = $('#entity-alias-list');
  list.replaceChildren(...aliases.filter((a) => a && str(a.text)).map((a) => el('li', {},
    el('span', { class: 'alias', text: str(a.text) }),
    el('span', { class: 'mentions', text: ` ${plural(Math.trunc(num(a.count)), 'article', 'articles')}` }))));
  $('#entity-aliases').hidden = !list.children.length;
}
