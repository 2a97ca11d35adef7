// The search page (index.html): keeps the search state in the URL, runs the search and
// hands the answer to the parts that draw it (results, pager, chips, facets, timeline, map).
//
// Everything the parts share is one context object, `ctx`, made here and passed in:
//   ctx.state     the current search state (state.js); replaced, never changed in place
//   ctx.data      the last search answer, or null
//   ctx.labels    facet value -> display label (labels.js)
//   ctx.ui        facet panels' expanded / filter text / full value lists
//   ctx.focusKey  data-focus-key of the control that last had focus (focus.js)
//   ctx.input     the search box
//   ctx.navigate(next, { replace, focus })  goes to another search state
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { getJson } from './api.js';
import { renderChips } from './chips.js';
import { DIMS, SITE, SORTS } from './dims.js';
import { $, el } from './dom.js';
import { renderFacets } from './facets.js';
import { restoreFocus, trackFocusKeys } from './focus.js';
import { nf, plural } from './format.js';
import { initCompletion } from './completion.js';
import { initSearchForm, isPlainClick } from './header.js';
import { initResultKeys, initSearchBoxKeys } from './keys.js';
import { labelFor, rememberFacetLabels } from './labels.js';
import { rememberSearch } from './last-search.js';
import { renderPager } from './pager.js';
import { renderHits, renderNoResults } from './results.js';
import { copyState, effectiveSort, exportUrl, filterCount, readState, stateParams, stateUrl } from './state.js';
import { renderSuggestion } from './suggestion.js';
import { clearSearchMap, renderSearchMap } from './search-map.js';
import { renderTimeline } from './timeline.js';
import { arr, num } from './values.js';

export function searchPage() {
  const input = $('#q');
  const status = $('#status');
  const results = $('#results');
  const message = $('#message');
  let seq = 0;
  let controller = null;

  const ctx = {
    state: readState(),
    data: null,
    labels: new Map(),
    ui: { expanded: new Set(), filter: new Map(), full: new Map() },
    focusKey: '',
    input,
    navigate,
  };

  const details = $('#filters-details');
  const wide = window.matchMedia('(min-width: 52em)');
  details.open = wide.matches;
  wide.addEventListener('change', () => { details.open = wide.matches; });

  const search = (q) => {
    const next = copyState(ctx.state);
    next.q = q.trim();
    next.page = 1;
    next.exact = false;
    navigate(next);
  };
  initSearchForm(search);
  initCompletion(input, search);
  initSearchBoxKeys(input);
  initResultKeys();

  $('#sort').addEventListener('change', (e) => {
    const next = copyState(ctx.state);
    next.sort = SORTS.includes(e.target.value) ? e.target.value : '';
    next.page = 1;
    navigate(next);
  });

  // Links to "/?..." inside the page (pager, entity tags, suggestions) stay in-page.
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a[data-nav]') : null;
    if (!a || !isPlainClick(e)) return;
    e.preventDefault();
    const url = new URL(a.getAttribute('href'), location.href);
    navigate(readState(url.search), { focus: a.dataset.nav });
  });

  window.addEventListener('popstate', () => {
    ctx.state = readState();
    run();
  });

  trackFocusKeys(ctx);

  function navigate(next, { replace = false, focus = '' } = {}) {
    const url = stateUrl(next);
    if (replace) history.replaceState(null, '', url);
    else if (url !== location.pathname + location.search) history.pushState(null, '', url);
    ctx.state = next;
    run({ focus });
  }

  function updateTitle() {
    const { state } = ctx;
    let t = state.q;
    if (!t) {
      const first = DIMS.find((d) => state[d.key].length);
      t = first ? labelFor(ctx.labels, first.key, state[first.key][0]) : state.from || state.to ? 'Timeline' : 'All articles';
    }
    if (state.page > 1) t += ` (page ${state.page})`;
    document.title = `${t} — ${SITE}`;
  }

  function syncForm() {
    if (document.activeElement !== input || input.value.trim() !== ctx.state.q) input.value = ctx.state.q;
    showSort(ctx.state.sort);
    const n = filterCount(ctx.state);
    $('#filter-count').textContent = n ? `(${n} active)` : '';
  }

  /** The sort menu shows the order applied: the state's own, else the server's answer, else its default. */
  function showSort(applied) {
    $('#sort').value = SORTS.includes(applied) ? applied : effectiveSort(ctx.state);
  }

  function setQueryError(msg) {
    const box = $('#query-error');
    if (msg) {
      box.textContent = msg;
      box.hidden = false;
      input.setAttribute('aria-invalid', 'true');
    } else {
      box.textContent = '';
      box.hidden = true;
      input.removeAttribute('aria-invalid');
    }
  }

  /** The download and feed links follow the search: every matching article, and its feed. */
  function updateExportLinks() {
    $('#download-csv').setAttribute('href', exportUrl(ctx.state, 'csv'));
    $('#download-jsonl').setAttribute('href', exportUrl(ctx.state, 'jsonl'));
    $('#feed-link').setAttribute('href', exportUrl(ctx.state, 'feed'));
    const alt = $('#feed-alternate');
    if (alt) {
      alt.setAttribute('href', exportUrl(ctx.state, 'feed'));
      alt.setAttribute('title', `${document.title.replace(/ — .*$/, '')}: newest articles`);
    }
  }

  async function run({ focus = '' } = {}) {
    const my = ++seq;
    rememberSearch(stateUrl(ctx.state));
    if (controller) controller.abort();
    controller = new AbortController();
    updateTitle();
    syncForm();
    updateExportLinks();
    renderChips(ctx);
    document.body.classList.add('loading');
    results.setAttribute('aria-busy', 'true');
    const slow = setTimeout(() => { if (my === seq) status.textContent = 'Searching…'; }, 300);
    try {
      const params = stateParams(ctx.state);
      const data = await getJson(`/api/search?${params}`, controller.signal);
      if (my !== seq) return;
      ctx.data = data;
      ctx.ui.full.clear();
      setQueryError('');
      render(data);
    } catch (e) {
      if ((e && e.name === 'AbortError') || my !== seq) return;
      ctx.data = null;
      if (e.kind === 'bad-request') {
        setQueryError(e.message);
        renderEmptyAll();
        status.textContent = 'The search could not be run: the query needs fixing.';
      } else {
        setQueryError('');
        renderEmptyAll();
        renderServerDown(e);
      }
    } finally {
      clearTimeout(slow);
      if (my === seq) {
        document.body.classList.remove('loading');
        results.removeAttribute('aria-busy');
        restoreFocus(ctx, focus);
      }
    }
  }

  function render(data) {
    rememberFacetLabels(ctx.labels, data.facets);
    updateTitle();
    renderChips(ctx);
    const total = Math.max(0, Math.trunc(num(data.total)));
    const took = num(data.tookMs, NaN);
    const hits = arr(data.hits).filter((h) => h && typeof h === 'object');
    const groups = Math.max(0, Math.trunc(num(data.groups, total)));
    const estimated = data.estimated === true;
    const what = (estimated ? 'about ' : '') + plural(total, 'article', 'articles')
      + (groups && groups < total ? ` (${plural(groups, 'story', 'stories')})` : '');
    const q = ctx.state.q ? ` for “${ctx.state.q}”` : '';
    status.textContent = `${what}${q}${Number.isFinite(took) ? ` · ${nf.format(Math.round(took))} ms` : ''}`;
    if (estimated) {
      // A broad search's counts come from a sample; its hits are exact. One click counts every match.
      const exact = copyState(ctx.state);
      exact.exact = true;
      status.append(' · counts estimated · ', el('a', { href: stateUrl(exact), text: 'count exactly',
        dataset: { nav: 'status' } }));
    }
    status.dataset.total = String(total);
    status.dataset.groups = String(groups || total);
    renderFacets(ctx, data.facets || {});
    renderTimeline(ctx, data.histogram);
    renderSearchMap(ctx, data.map);
    renderHits(ctx, hits);
    renderPager(ctx, total, Math.trunc(num(data.page, ctx.state.page)) || 1, Math.trunc(num(data.size, 10)) || 10);
    showSort(ctx.state.sort || data.sort);
    renderSuggestion(ctx, data.suggestion);
    if (total === 0) renderNoResults(ctx);
    else message.replaceChildren();
  }

  function renderEmptyAll() {
    results.replaceChildren();
    message.replaceChildren();
    renderSuggestion(ctx, null);
    $('#facets').replaceChildren();
    $('#timeline').hidden = true;
    clearSearchMap();
    $('#pager').hidden = true;
  }

  function renderServerDown(e) {
    status.textContent = 'Search is unavailable.';
    const detail = e.kind === 'network'
      ? 'The Broadsheet server cannot be reached. Check that it is running (broadsheet serve) and that this page was opened from it, then try again.'
      : `The server could not answer this search: ${e.message}`;
    message.replaceChildren(el('div', { class: 'notice notice-error', role: 'alert' },
      el('h2', { text: 'Search is unavailable' }),
      el('p', { text: detail }),
      el('button', { type: 'button', class: 'button', text: 'Try again', onclick: () => run() })));
  }

  syncForm();
  // Normalise the URL (e.g. drop unknown params) without adding a history entry.
  history.replaceState(null, '', stateUrl(ctx.state) + location.hash);
  run();
}
