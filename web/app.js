// Broadsheet web front end: the search page (index.html) and the article view
// (article.html). Plain ES module, no build step, no third-party code.
//
// Safety rule: everything from the API is text and goes into the page through
// text nodes / textContent. The only exception is a hit's `snippet`, which the
// server sends as escaped HTML with <mark> highlights; even that is parsed in
// an inert document and rebuilt keeping nothing but text and <mark>.
//
// SPDX-License-Identifier: GPL-3.0-or-later

const SITE = 'Broadsheet';

/** Facet panels, in display order. `param` is the search/URL parameter. */
const DIMS = [
  { key: 'people', label: 'People', singular: 'Person', type: 'person' },
  { key: 'places', label: 'Places', singular: 'Place', type: 'place' },
  { key: 'organizations', label: 'Organisations', singular: 'Organisation', type: 'organization' },
  { key: 'countries', label: 'Countries', singular: 'Country', type: 'country' },
  { key: 'published', label: 'Published', singular: 'Published', type: 'published' },
  { key: 'mentioned', label: 'Years mentioned', singular: 'Mentions', type: 'mentioned' },
];
/** Dimensions whose full value lists /api/facets/{dim} can page through and filter by prefix. */
const ENTITY_DIMS = ['people', 'places', 'organizations', 'countries'];
/** Dimensions whose values are dates (labelled as such, ordered newest first). */
const DATE_DIMS = ['published', 'mentioned'];
const LIST_PARAMS = DIMS.map((d) => d.key);
const SORTS = ['relevance', 'newest', 'oldest'];
const FACET_VISIBLE = 8;
const DATE_KEY = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December'];

// ---------------------------------------------------------------- DOM helpers

const $ = (sel, root = document) => root.querySelector(sel);

/** Creates an element. attrs: class, text, dataset, on<Event> handlers, other attributes. */
function el(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** Creates an SVG element; same conventions as el(). */
function svgEl(tag, attrs = {}, ...children) {
  return build(document.createElementNS('http://www.w3.org/2000/svg', tag), attrs, children);
}

function build(node, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.setAttribute('class', v);
    else if (k === 'text') node.textContent = String(v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'style') throw new Error('no inline styles (CSP)');
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function str(v) {
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}

function arr(v) {
  return Array.isArray(v) ? v : [];
}

function num(v, fallback = 0) {
  const n = typeof v === 'number' ? v : Number.parseFloat(v);
  return Number.isFinite(n) ? n : fallback;
}

function uniq(values) {
  return [...new Set(values)];
}

function fold(s) {
  return str(s).normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

const nf = new Intl.NumberFormat('en');

function plural(n, one, many) {
  return `${nf.format(n)} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------- dates

const dateFmt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** Says where an inferred published date came from; '' for one from the file's own metadata (or none). */
function dateSourceNote(from) {
  switch (str(from)) {
    case 'dateline': return 'date from the dateline';
    case 'filename': return 'date from the file name';
    default: return '';
  }
}

/** "2024-05-12T00:00:00Z" -> "12 May 2024"; '' when missing or unreadable. */
function formatDate(iso) {
  const s = str(iso);
  if (!s) return '';
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s : dateFmt.format(d);
}

/** Label for a date key as used by facets and the timeline: 2024, 2024-05, 2024/05, 2024-05-12. */
function dateKeyLabel(key) {
  const m = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$/.exec(str(key));
  if (!m) return str(key);
  const [, y, mo, d] = m;
  if (!mo) return y;
  const month = MONTHS[Number(mo) - 1] || mo;
  if (!d) return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}

// ---------------------------------------------------------------- API

class ApiError extends Error {
  constructor(message, status, kind) {
    super(message);
    this.status = status;
    this.kind = kind; // 'network' | 'bad-request' | 'not-found' | 'server'
  }
}

async function getJson(url, signal) {
  let res;
  try {
    res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError('The Broadsheet server cannot be reached.', 0, 'network');
  }
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
  }
  if (!res.ok) {
    const msg = body && typeof body.error === 'string' && body.error
      ? body.error : `The server answered HTTP ${res.status}.`;
    const kind = res.status === 400 ? 'bad-request' : res.status === 404 ? 'not-found' : 'server';
    throw new ApiError(msg, res.status, kind);
  }
  if (body === null || typeof body !== 'object') {
    throw new ApiError('The server sent an answer that is not JSON.', res.status, 'server');
  }
  return body;
}

/** Path of the article API for an id that may contain '/': each segment encoded. */
function articleApiUrl(id) {
  return `/api/articles/${str(id).split('/').map(encodeURIComponent).join('/')}`;
}

function articlePageUrl(id) {
  return `/article.html?id=${encodeURIComponent(str(id))}`;
}

// ---------------------------------------------------------------- search state <-> URL

function emptyState() {
  const s = { q: '', from: '', to: '', sort: 'relevance', page: 1, size: 0 };
  for (const d of LIST_PARAMS) s[d] = [];
  return s;
}

function readState(search = location.search) {
  const p = new URLSearchParams(search);
  const s = emptyState();
  s.q = p.get('q') ?? '';
  s.from = p.get('from') ?? '';
  s.to = p.get('to') ?? '';
  s.sort = SORTS.includes(p.get('sort')) ? p.get('sort') : 'relevance';
  s.page = Math.max(1, Number.parseInt(p.get('page'), 10) || 1);
  const size = Number.parseInt(p.get('size'), 10);
  s.size = size > 0 && size <= 100 ? size : 0;
  for (const d of LIST_PARAMS) s[d] = uniq(p.getAll(d).filter((v) => v !== ''));
  s.published = s.published.slice(0, 1); // one published path (hierarchical: 2024, 2024/05, 2024/05/12)
  return s;
}

function stateParams(s, { page = true } = {}) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const d of LIST_PARAMS) for (const v of s[d]) p.append(d, v);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.sort && s.sort !== 'relevance') p.set('sort', s.sort);
  if (page && s.page > 1) p.set('page', String(s.page));
  if (s.size) p.set('size', String(s.size));
  return p;
}

function stateUrl(s) {
  const qs = stateParams(s).toString();
  return qs ? `/?${qs}` : '/';
}

function copyState(s) {
  const c = { ...s };
  for (const d of LIST_PARAMS) c[d] = [...s[d]];
  return c;
}

function hasFilters(s) {
  return LIST_PARAMS.some((d) => s[d].length) || Boolean(s.from || s.to);
}

function filterCount(s) {
  return LIST_PARAMS.reduce((n, d) => n + s[d].length, 0) + (s.from || s.to ? 1 : 0);
}

/** The search URL for one entity, from the article view or anywhere without a current search. */
function entitySearchUrl(type, value, text) {
  const s = emptyState();
  const t = str(type).toLowerCase();
  const v = str(value) || str(text);
  if (t === 'person' || t === 'people') s.people = [v];
  else if (t === 'place' || t === 'location' || t === 'places') s.places = [v];
  else if (t === 'organization' || t === 'organisation' || t === 'org' || t === 'organizations') s.organizations = [v];
  else if (t === 'country' || t === 'countries') s.countries = [v];
  else if (t === 'date' && DATE_KEY.test(v)) { s.from = v; s.to = v; }
  else s.q = `"${str(text || v).replace(/"/g, '')}"`;
  return stateUrl(s);
}

// ---------------------------------------------------------------- snippet

/**
 * Rebuilds the server's snippet (escaped HTML with <mark>) as DOM, keeping only
 * text and <mark>. DOMParser documents are inert: no script runs, nothing loads.
 */
function snippetNodes(html) {
  const doc = new DOMParser().parseFromString(`<body>${str(html)}</body>`, 'text/html');
  const copy = (from, to) => {
    for (const n of from.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) to.append(document.createTextNode(n.nodeValue));
      else if (n.nodeType === Node.ELEMENT_NODE) {
        if (n.localName === 'mark') to.append(copy(n, document.createElement('mark')));
        else if (n.localName !== 'script' && n.localName !== 'style') copy(n, to);
      }
    }
    return to;
  };
  return copy(doc.body, document.createDocumentFragment());
}

// ---------------------------------------------------------------- shared header

function initSearchForm(onSubmit) {
  const form = $('#search-form');
  if (!form) return;
  form.addEventListener('submit', (e) => {
    if (!onSubmit) return; // plain GET to / from the article page
    e.preventDefault();
    onSubmit($('#q').value.trim());
  });
}

/** In-page navigation for links to the search page, unless the user wants a new tab. */
function isPlainClick(e) {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

// ================================================================ search page

function searchPage() {
  let state = readState();
  let seq = 0;
  let controller = null;
  let lastData = null;
  const labels = new Map(); // `${dim}\u0000${value}` -> display label (countries)
  const ui = { expanded: new Set(), filter: new Map(), full: new Map() };

  const input = $('#q');
  const status = $('#status');
  const results = $('#results');
  const message = $('#message');
  const details = $('#filters-details');
  const wide = window.matchMedia('(min-width: 52em)');
  details.open = wide.matches;
  wide.addEventListener('change', () => { details.open = wide.matches; });

  initSearchForm((q) => {
    const next = copyState(state);
    next.q = q;
    next.page = 1;
    navigate(next);
  });

  $('#sort').addEventListener('change', (e) => {
    const next = copyState(state);
    next.sort = SORTS.includes(e.target.value) ? e.target.value : 'relevance';
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
    state = readState();
    run();
  });

  function navigate(next, { replace = false, focus = '' } = {}) {
    const url = stateUrl(next);
    if (replace) history.replaceState(null, '', url);
    else if (url !== location.pathname + location.search) history.pushState(null, '', url);
    state = next;
    run({ focus });
  }

  function label(dim, value) {
    if (DATE_DIMS.includes(dim)) return dateKeyLabel(value);
    return labels.get(`${dim}\u0000${value}`) || value;
  }

  function updateTitle() {
    let t = state.q;
    if (!t) {
      const first = DIMS.find((d) => state[d.key].length);
      t = first ? label(first.key, state[first.key][0]) : state.from || state.to ? 'Timeline' : 'All articles';
    }
    if (state.page > 1) t += ` (page ${state.page})`;
    document.title = `${t} — ${SITE}`;
  }

  function syncForm() {
    if (document.activeElement !== input || input.value.trim() !== state.q) input.value = state.q;
    $('#sort').value = state.sort;
    const n = filterCount(state);
    $('#filter-count').textContent = n ? `(${n} active)` : '';
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

  async function run({ focus = '' } = {}) {
    const my = ++seq;
    rememberSearch(stateUrl(state));
    if (controller) controller.abort();
    controller = new AbortController();
    updateTitle();
    syncForm();
    renderChips();
    document.body.classList.add('loading');
    results.setAttribute('aria-busy', 'true');
    const slow = setTimeout(() => { if (my === seq) status.textContent = 'Searching…'; }, 300);
    try {
      const params = stateParams(state);
      const data = await getJson(`/api/search?${params}`, controller.signal);
      if (my !== seq) return;
      lastData = data;
      ui.full.clear();
      setQueryError('');
      render(data);
    } catch (e) {
      if ((e && e.name === 'AbortError') || my !== seq) return;
      lastData = null;
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
        restoreFocus(focus);
      }
    }
  }

  /** Re-rendering replaces buttons; put focus back on the equivalent control. */
  let pendingFocusKey = '';
  document.addEventListener('focusin', (e) => {
    const k = e.target instanceof Element ? e.target.getAttribute('data-focus-key') : null;
    pendingFocusKey = k || '';
  });

  function restoreFocus(focus) {
    if (focus === 'results') {
      $('#results-heading').focus();
      return;
    }
    if (document.activeElement && document.activeElement !== document.body
        && document.contains(document.activeElement)) return;
    if (pendingFocusKey) {
      const target = [...document.querySelectorAll('[data-focus-key]')]
        .find((n) => n.getAttribute('data-focus-key') === pendingFocusKey);
      if (target) { target.focus(); return; }
      // The control is gone (e.g. a removed chip): go to a stable place.
      if (pendingFocusKey.startsWith('chip:')) {
        const next = document.querySelector('#chips [data-focus-key]');
        (next || input).focus();
      }
    }
  }

  function renderEmptyAll() {
    results.replaceChildren();
    message.replaceChildren();
    $('#facets').replaceChildren();
    $('#timeline').hidden = true;
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

  // ---------------------------------------------------------------- render

  function render(data) {
    for (const d of DIMS) {
      for (const f of arr(data.facets && data.facets[d.key])) {
        if (f && f.label && f.value !== undefined) labels.set(`${d.key}\u0000${f.value}`, str(f.label));
      }
    }
    updateTitle();
    renderChips();
    const total = Math.max(0, Math.trunc(num(data.total)));
    const took = num(data.tookMs, NaN);
    const hits = arr(data.hits).filter((h) => h && typeof h === 'object');
    const what = plural(total, 'article', 'articles');
    const q = state.q ? ` for “${state.q}”` : '';
    status.textContent = `${what}${q}${Number.isFinite(took) ? ` · ${nf.format(Math.round(took))} ms` : ''}`;
    status.dataset.total = String(total);
    renderFacets(data.facets || {});
    renderTimeline(data.histogram);
    renderHits(hits);
    renderPager(total, Math.trunc(num(data.page, state.page)) || 1, Math.trunc(num(data.size, 10)) || 10);
    if (total === 0) renderNoResults();
    else message.replaceChildren();
  }

  function renderHits(hits) {
    const page = Math.max(1, Math.trunc(num(lastData && lastData.page, state.page)));
    const size = Math.max(1, Math.trunc(num(lastData && lastData.size, 10)));
    results.setAttribute('start', String((page - 1) * size + 1));
    results.replaceChildren(...hits.map(renderHit));
  }

  function renderHit(h) {
    const id = str(h.id);
    const title = str(h.title).trim() || id || 'Untitled';
    const meta = [];
    const date = formatDate(h.published);
    const dateNote = date ? dateSourceNote(h.publishedFrom) : '';
    if (date) meta.push(el('time', { datetime: str(h.published), text: date }));
    if (dateNote) meta.push(el('span', { class: 'date-source', text: dateNote }));
    if (str(h.source)) meta.push(el('span', { class: 'hit-source', text: str(h.source) }));
    if (str(h.byline)) meta.push(el('span', { class: 'hit-byline', text: str(h.byline) }));
    const metaLine = meta.length
      ? el('p', { class: 'hit-meta' }, meta.flatMap((m, i) => (i ? [el('span', { class: 'sep', 'aria-hidden': 'true', text: ' · ' }), m] : [m])))
      : null;
    const snippet = str(h.snippet) ? el('p', { class: 'snippet' }, snippetNodes(h.snippet)) : null;
    const tags = [];
    for (const [dim, type, max] of [['people', 'person', 4], ['places', 'place', 4]]) {
      for (const v of uniq(arr(h[dim]).map(str).filter(Boolean)).slice(0, max)) {
        const active = state[dim].includes(v);
        const next = copyState(state);
        if (!active) next[dim].push(v);
        next.page = 1;
        tags.push(el('li', {},
          el('a', {
            class: `tag tag-${type}${active ? ' active' : ''}`,
            href: stateUrl(next),
            'data-nav': 'results',
            title: active ? `${DIMS.find((d) => d.key === dim).singular} filter is on` : `Filter by ${v}`,
          }, el('span', { class: 'visually-hidden', text: `${type === 'person' ? 'Person' : 'Place'}: ` }), v)));
      }
    }
    return el('li', { class: 'hit' },
      el('article', {},
        el('h3', { class: 'hit-title' }, el('a', { href: articlePageUrl(id) }, title)),
        metaLine,
        snippet,
        tags.length ? el('ul', { class: 'tags', 'aria-label': 'People and places' }, tags) : null));
  }

  function renderNoResults() {
    const items = [];
    const active = [];
    for (const d of DIMS) {
      for (const v of state[d.key]) {
        const next = copyState(state);
        next[d.key] = next[d.key].filter((x) => x !== v);
        next.page = 1;
        active.push(el('li', {}, el('a', { href: stateUrl(next), 'data-nav': 'results' }, `Remove ${d.singular.toLowerCase()} filter “${label(d.key, v)}”`)));
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
    message.replaceChildren(el('div', { class: 'notice', id: 'no-results' },
      el('h2', { text: 'No articles found' }),
      el('p', { text: 'Some things to try:' }),
      el('ul', {}, items)));
  }

  function renderPager(total, page, size) {
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

  // ---------------------------------------------------------------- chips

  function renderChips() {
    const chips = [];
    for (const d of DIMS) {
      for (const v of state[d.key]) {
        chips.push(chip(`${d.singular}: ${label(d.key, v)}`, `chip:${d.key}:${v}`, () => {
          const next = copyState(state);
          next[d.key] = next[d.key].filter((x) => x !== v);
          next.page = 1;
          return next;
        }, { dim: d.key, value: v }));
      }
    }
    if (state.from || state.to) {
      const text = state.from === state.to ? dateKeyLabel(state.from)
        : `${state.from ? dateKeyLabel(state.from) : 'start'} – ${state.to ? dateKeyLabel(state.to) : 'now'}`;
      chips.push(chip(`Dates: ${text}`, 'chip:dates', () => {
        const next = copyState(state);
        next.from = ''; next.to = ''; next.page = 1;
        return next;
      }, { dim: 'dates', value: '' }));
    }
    const box = $('#active-filters');
    box.hidden = chips.length === 0;
    if (chips.length > 1) {
      chips.push(el('li', {}, el('button', {
        type: 'button',
        class: 'clear-all',
        'data-focus-key': 'chip:clear-all',
        text: 'Clear all',
        onclick: () => {
          const next = emptyState();
          next.q = state.q;
          next.sort = state.sort;
          input.focus();
          navigate(next);
        },
      })));
    }
    $('#chips').replaceChildren(...chips);
  }

  function chip(text, key, nextState, data) {
    return el('li', {}, el('button', {
      type: 'button',
      class: 'chip',
      'data-focus-key': key,
      dataset: { dim: data.dim, value: data.value },
      'aria-label': `Remove filter ${text}`,
      onclick: () => navigate(nextState()),
    }, el('span', { class: 'chip-text', text }), el('span', { class: 'chip-x', 'aria-hidden': 'true', text: '×' })));
  }

  // ---------------------------------------------------------------- facets

  function renderFacets(facets) {
    const box = $('#facets');
    const panels = [];
    for (const d of DIMS) {
      let values = arr(facets[d.key])
        .filter((f) => f && f.value !== undefined && f.value !== null && str(f.value) !== '')
        .map((f) => ({ value: str(f.value), label: str(f.label) || '', count: Math.trunc(num(f.count)) }));
      if (d.key === 'published') values = publishedValues(values);
      else {
        if (DATE_DIMS.includes(d.key)) values.sort((a, b) => b.value.localeCompare(a.value));
        for (const v of state[d.key]) {
          if (!values.some((f) => f.value === v)) values.unshift({ value: v, label: '', count: null });
        }
      }
      if (!values.length) continue;
      panels.push(facetPanel(d, values));
    }
    box.replaceChildren(...panels);
    if (!panels.length) box.append(el('p', { class: 'facets-empty', text: 'No filters for these results.' }));
  }

  /**
   * The published facet is a drill-down: with published=2024 the server answers with
   * that year's months ("05"), with published=2024/05 with its days. Shown as the
   * chosen path (pressed; pressing goes up a level) followed by its children.
   */
  function publishedValues(values) {
    const selected = state.published[0] || '';
    if (!selected) return values;
    const parts = selected.split(/[/-]/);
    const out = [];
    for (let i = 0; i < parts.length; i++) {
      const path = parts.slice(0, i + 1).join('/');
      const parent = parts.slice(0, i).join('/');
      out.push({ value: path, label: dateKeyLabel(path), count: null, pressed: true, next: parent ? [parent] : [] });
    }
    for (const f of values) {
      const full = f.value.startsWith(`${selected}/`) || f.value.startsWith(`${selected}-`)
        ? f.value : `${parts.join('/')}/${f.value.padStart(2, '0')}`;
      if (full === selected) continue;
      out.push({ value: full, label: dateKeyLabel(full), count: f.count, child: true, next: [full] });
    }
    return out;
  }

  function facetPanel(d, values) {
    const headingId = `facet-${d.key}-heading`;
    const listId = `facet-${d.key}-list`;
    const section = el('section', { class: 'facet', id: `facet-${d.key}`, 'aria-labelledby': headingId, dataset: { dim: d.key } },
      el('h3', { id: headingId, text: d.label }));
    const list = el('ul', { class: 'facet-values', id: listId });
    const filterText = ui.filter.get(d.key) || '';
    let filterInput = null;
    if ((values.length > FACET_VISIBLE || filterText) && d.key !== 'published') {
      const inputId = `facet-${d.key}-filter`;
      filterInput = el('input', {
        type: 'search',
        id: inputId,
        class: 'facet-filter',
        placeholder: `Filter ${d.label.toLowerCase()}…`,
        autocomplete: 'off',
        'aria-controls': listId,
        'data-focus-key': `filter:${d.key}`,
      });
      filterInput.value = filterText;
      section.append(el('label', { for: inputId, class: 'visually-hidden', text: `Filter ${d.label.toLowerCase()}` }), filterInput);
    }
    section.append(list);
    const more = el('button', {
      type: 'button',
      class: 'facet-more',
      'aria-controls': listId,
      'data-focus-key': `more:${d.key}`,
    });
    section.append(more);

    const draw = (items, filtering) => {
      const expanded = ui.expanded.has(d.key) || filtering;
      const isOn = (f) => f.pressed ?? state[d.key].includes(f.value);
      // Selected values always show, first.
      const ordered = [...items.filter(isOn), ...items.filter((f) => !isOn(f))];
      const shown = expanded ? ordered : ordered.slice(0, Math.max(FACET_VISIBLE, ordered.filter(isOn).length));
      list.replaceChildren(...shown.map((f) => facetItem(d, f)));
      if (!shown.length) list.append(el('li', { class: 'facet-none', text: 'No matches' }));
      const hidden = ordered.length - shown.length;
      if (filtering || (ordered.length <= FACET_VISIBLE && !ui.expanded.has(d.key))) {
        more.hidden = true;
      } else {
        more.hidden = false;
        more.setAttribute('aria-expanded', String(expanded));
        more.textContent = expanded ? 'Show fewer' : `Show ${nf.format(hidden)} more`;
      }
    };

    const clientFilter = (text) => {
      const f = fold(text);
      return values.filter((v) => fold(v.label || label(d.key, v.value)).includes(f) || fold(v.value).includes(f));
    };

    let filterSeq = 0;
    let filterTimer = 0;
    const applyFilter = (text) => {
      ui.filter.set(d.key, text);
      if (!text) { draw(ui.full.get(d.key) || values, false); return; }
      draw(clientFilter(text), true);
      clearTimeout(filterTimer);
      const my = ++filterSeq;
      filterTimer = setTimeout(async () => {
        if (!ENTITY_DIMS.includes(d.key)) return;
        const params = stateParams(state, { page: false });
        params.set('prefix', text);
        try {
          const data = await getJson(`/api/facets/${encodeURIComponent(d.key)}?${params}`);
          if (my !== filterSeq || ui.filter.get(d.key) !== text) return;
          const got = arr(data.values).filter((f) => f && str(f.value))
            .map((f) => ({ value: str(f.value), label: str(f.label), count: Math.trunc(num(f.count)) }));
          // Keep client-side matches the server's prefix rule may not cover.
          const merged = [...got];
          for (const v of clientFilter(text)) if (!merged.some((m) => m.value === v.value)) merged.push(v);
          draw(merged, true);
        } catch {
          // Client-side filtering already shown.
        }
      }, 200);
    };

    if (filterInput) {
      filterInput.addEventListener('input', () => applyFilter(filterInput.value.trim()));
      filterInput.addEventListener('keydown', (e) => {
        if (e.key === 'Escape' && filterInput.value) { e.preventDefault(); filterInput.value = ''; applyFilter(''); }
      });
    }

    more.addEventListener('click', async () => {
      if (ui.expanded.has(d.key)) {
        ui.expanded.delete(d.key);
        draw(ui.full.get(d.key) || values, false);
        return;
      }
      ui.expanded.add(d.key);
      draw(ui.full.get(d.key) || values, false);
      if (ui.full.has(d.key) || !ENTITY_DIMS.includes(d.key)) return;
      // The search answer may carry only the top values: fetch the full list.
      try {
        const data = await getJson(`/api/facets/${encodeURIComponent(d.key)}?${stateParams(state, { page: false })}`);
        const got = arr(data.values).filter((f) => f && str(f.value))
          .map((f) => ({ value: str(f.value), label: str(f.label), count: Math.trunc(num(f.count)) }));
        if (got.length > values.length) {
          for (const v of state[d.key]) if (!got.some((f) => f.value === v)) got.unshift({ value: v, label: '', count: null });
          ui.full.set(d.key, got);
          if (ui.expanded.has(d.key) && !ui.filter.get(d.key)) draw(got, false);
        }
      } catch {
        // Keep what the search returned.
      }
    });

    if (filterText) applyFilter(filterText);
    else draw(ui.full.get(d.key) || values, false);
    return section;
  }

  function facetItem(d, f) {
    if (f.label) labels.set(`${d.key}\u0000${f.value}`, f.label);
    const on = f.pressed ?? state[d.key].includes(f.value);
    const text = DATE_DIMS.includes(d.key) ? dateKeyLabel(f.value) : f.label || label(d.key, f.value);
    return el('li', { class: f.child ? 'facet-child' : null }, el('button', {
      type: 'button',
      class: 'facet-value',
      'aria-pressed': String(on),
      'data-focus-key': `facet:${d.key}:${f.value}`,
      dataset: { value: f.value },
      onclick: () => {
        const next = copyState(state);
        if (f.next) next[d.key] = [...f.next];
        else if (d.key === 'published') next.published = on ? [] : [f.value];
        else next[d.key] = on ? next[d.key].filter((x) => x !== f.value) : [...next[d.key], f.value];
        next.page = 1;
        navigate(next);
      },
    },
    el('span', { class: 'facet-check', 'aria-hidden': 'true' }),
    el('span', { class: 'facet-label', text }),
    f.count === null ? null : el('span', { class: 'count' },
      el('span', { class: 'visually-hidden', text: ', ' }), nf.format(f.count),
      el('span', { class: 'visually-hidden', text: f.count === 1 ? ' article' : ' articles' }))));
  }

  // ---------------------------------------------------------------- timeline

  function renderTimeline(histogram) {
    const box = $('#timeline');
    const interval = str(histogram && histogram.interval) || 'month';
    const raw = arr(histogram && histogram.buckets)
      .filter((b) => b && str(b.key))
      .map((b) => ({ key: str(b.key), count: Math.max(0, Math.trunc(num(b.count))) }));
    const buckets = fillGaps(interval, raw);
    if (!buckets.length || !buckets.some((b) => b.count > 0)) {
      box.hidden = true;
      box.replaceChildren();
      return;
    }
    box.hidden = false;
    const n = buckets.length;
    const max = Math.max(1, ...buckets.map((b) => b.count));
    const W = n * 10;
    const H = 60;
    const unit = { year: 'year', month: 'month', day: 'day' }[interval] || 'period';
    const svg = svgEl('svg', {
      class: 'timeline-chart',
      viewBox: `0 0 ${W} ${H}`,
      preserveAspectRatio: 'none',
      role: 'group',
      'aria-label': `Articles per ${unit}`,
    });
    const inRange = (key) => (state.from || state.to)
      && (!state.from || key.localeCompare(state.from.slice(0, key.length)) >= 0)
      && (!state.to || key.localeCompare(state.to.slice(0, key.length)) <= 0);
    const anyRange = Boolean(state.from || state.to);
    buckets.forEach((b, i) => {
      const h = b.count ? Math.max(2, (b.count / max) * (H - 2)) : 0;
      const cls = `bar${anyRange ? (inRange(b.key) ? ' in-range' : ' out-range') : ''}`;
      const hit = svgEl('rect', { class: 'bar-hit', x: i * 10, y: 0, width: 10, height: H });
      const bar = svgEl('rect', { class: cls, x: i * 10 + 1, y: H - h, width: 8, height: h });
      const labelText = `${dateKeyLabel(b.key)}: ${plural(b.count, 'article', 'articles')}`;
      if (b.count > 0) {
        const next = copyState(state);
        next.from = b.key; next.to = b.key; next.page = 1;
        svg.append(svgEl('a', {
          href: stateUrl(next),
          class: 'bar-link',
          'aria-label': labelText,
          'data-focus-key': `bar:${b.key}`,
          dataset: { key: b.key, index: String(i) },
        }, svgEl('title', { text: labelText }), hit, bar));
      } else {
        svg.append(svgEl('g', { dataset: { key: b.key, index: String(i) } }, svgEl('title', { text: labelText }), hit, bar));
      }
    });
    const selection = svgEl('rect', { class: 'drag-selection', x: 0, y: 0, width: 0, height: H, visibility: 'hidden' });
    svg.append(selection);

    const indexAt = (clientX) => {
      const r = svg.getBoundingClientRect();
      const i = Math.floor(((clientX - r.left) / Math.max(1, r.width)) * n);
      return Math.min(n - 1, Math.max(0, i));
    };
    const applyRange = (a, b) => {
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      const next = copyState(state);
      next.from = buckets[lo].key;
      next.to = buckets[hi].key;
      next.page = 1;
      navigate(next);
    };
    let dragStart = -1;
    let dragEnd = -1;
    svg.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      dragStart = dragEnd = indexAt(e.clientX);
      try { svg.setPointerCapture(e.pointerId); } catch { /* not capturable */ }
    });
    svg.addEventListener('pointermove', (e) => {
      if (dragStart < 0) return;
      dragEnd = indexAt(e.clientX);
      const lo = Math.min(dragStart, dragEnd);
      const hi = Math.max(dragStart, dragEnd);
      selection.setAttribute('x', String(lo * 10));
      selection.setAttribute('width', String((hi - lo + 1) * 10));
      selection.setAttribute('visibility', dragStart !== dragEnd ? 'visible' : 'hidden');
    });
    const endDrag = (e, apply) => {
      if (dragStart < 0) return;
      const a = dragStart;
      const b = e.type === 'pointerup' ? indexAt(e.clientX) : dragEnd;
      dragStart = -1;
      selection.setAttribute('visibility', 'hidden');
      if (!apply) return;
      if (a === b && buckets[a].count === 0) return;
      applyRange(a, b);
    };
    svg.addEventListener('pointerup', (e) => endDrag(e, e.button === 0));
    svg.addEventListener('pointercancel', (e) => endDrag(e, false));
    // Pointer clicks are handled by pointerup; keyboard activation (Enter) arrives as a click with detail 0.
    svg.addEventListener('click', (e) => {
      const a = e.target instanceof Element ? e.target.closest('a') : null;
      if (a) e.preventDefault();
      if (!a || e.detail !== 0) return;
      const i = Number(a.dataset.index);
      if (Number.isInteger(i)) applyRange(i, i);
    });

    const axis = el('div', { class: 'timeline-axis', 'aria-hidden': 'true' },
      el('span', { text: dateKeyLabel(buckets[0].key) }),
      n > 1 ? el('span', { text: dateKeyLabel(buckets[n - 1].key) }) : null);
    const total = buckets.reduce((s, b) => s + b.count, 0);
    box.replaceChildren(
      el('div', { class: 'timeline-head' },
        el('h2', { id: 'timeline-heading', text: 'Timeline' }),
        el('p', { class: 'timeline-help', text: `${plural(total, 'dated article', 'dated articles')} by ${unit}. Click a bar, or drag across bars, to filter by date.` })),
      el('div', { class: 'timeline-plot' }, svg),
      axis);
  }

  syncForm();
  // Normalise the URL (e.g. drop unknown params) without adding a history entry.
  history.replaceState(null, '', stateUrl(state) + location.hash);
  run();
  if (!input.value) input.focus();
}

/** Adds zero-count buckets so bars are evenly spaced in time. */
function fillGaps(interval, buckets) {
  const sorted = [...buckets].sort((a, b) => a.key.localeCompare(b.key));
  if (sorted.length < 2) return sorted;
  const counts = new Map(sorted.map((b) => [b.key, b.count]));
  const first = sorted[0].key;
  const last = sorted[sorted.length - 1].key;
  const out = [];
  const LIMIT = 400;
  if (interval === 'year' && sorted.every((b) => /^\d{4}$/.test(b.key))) {
    const a = Number(first);
    const z = Number(last);
    if (z - a > LIMIT) return sorted;
    for (let y = a; y <= z; y++) out.push({ key: String(y), count: counts.get(String(y)) || 0 });
    return out;
  }
  if (interval === 'month' && sorted.every((b) => /^\d{4}-\d{2}$/.test(b.key))) {
    let y = Number(first.slice(0, 4));
    let m = Number(first.slice(5, 7));
    for (let guard = 0; guard <= LIMIT; guard++) {
      const key = `${y}-${String(m).padStart(2, '0')}`;
      out.push({ key, count: counts.get(key) || 0 });
      if (key === last) return out;
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return sorted;
  }
  if (interval === 'day' && sorted.every((b) => /^\d{4}-\d{2}-\d{2}$/.test(b.key))) {
    const d = new Date(`${first}T00:00:00Z`);
    for (let guard = 0; guard <= LIMIT; guard++) {
      const key = d.toISOString().slice(0, 10);
      out.push({ key, count: counts.get(key) || 0 });
      if (key >= last) return out;
      d.setUTCDate(d.getUTCDate() + 1);
    }
    return sorted;
  }
  return sorted;
}

// ================================================================ article page

const LAST_SEARCH = 'broadsheet.lastSearch';

function rememberSearch(url) {
  try { sessionStorage.setItem(LAST_SEARCH, url); } catch { /* storage disabled */ }
}

function rememberedSearch() {
  try {
    const url = sessionStorage.getItem(LAST_SEARCH) || '';
    return url.startsWith('/') && !url.startsWith('//') ? url : '';
  } catch {
    return '';
  }
}

async function articlePage() {
  initSearchForm(null);
  const status = $('#article-status');
  const id = new URLSearchParams(location.search).get('id') || '';

  // "Back to search" returns to the last search (the server sends no Referer).
  const back = $('#back-link');
  const last = rememberedSearch();
  if (last) {
    back.setAttribute('href', last);
    back.textContent = '← Back to results';
  }

  if (!id) {
    showArticleProblem('No article chosen', 'This page shows one article; open it from a search result.');
    return;
  }
  status.textContent = 'Loading article…';
  let a;
  try {
    a = await getJson(articleApiUrl(id));
  } catch (e) {
    if (e.kind === 'not-found' || e.kind === 'bad-request') {
      showArticleProblem('Article not found', `There is no article with the id “${id}”. It may have been removed from the archive. ${e.message}`);
    } else if (e.kind === 'network') {
      showArticleProblem('The archive is unavailable', 'The Broadsheet server cannot be reached. Check that it is running (broadsheet serve), then reload this page.');
    } else {
      showArticleProblem('The article could not be loaded', e.message);
    }
    return;
  }
  renderArticle(a);
}

function showArticleProblem(title, text) {
  document.title = `${title} — ${SITE}`;
  $('#article-status').textContent = '';
  $('#main').append(el('div', { class: 'notice notice-error', role: 'alert' },
    el('h1', { text: title }),
    el('p', { text }),
    el('p', {}, el('a', { href: '/', text: 'Search the archive' }))));
}

function normalType(t) {
  const s = str(t).toLowerCase();
  if (s === 'person' || s === 'per' || s === 'people') return 'person';
  if (s === 'place' || s === 'location' || s === 'loc' || s === 'gpe' || s === 'city' || s === 'country' || s === 'places') return 'place';
  if (s === 'organization' || s === 'organisation' || s === 'org' || s === 'organizations') return 'organization';
  if (s === 'date' || s === 'time' || s === 'dates') return 'date';
  return '';
}

const TYPE_LABEL = { person: 'Person', place: 'Place', organization: 'Organisation', date: 'Date' };

function entityFacetValue(m) {
  const type = normalType(m.type);
  if (type === 'date') return str(m.value) || str(m.text);
  return str(m.canonical) || str(m.text);
}

function renderArticle(a) {
  const title = str(a.title).trim() || str(a.id) || 'Untitled';
  document.title = `${title} — ${SITE}`;
  $('#article-title').textContent = title;
  const meta = [];
  const date = formatDate(a.published);
  const dateNote = date ? dateSourceNote(a.publishedFrom) : '';
  if (date) meta.push(el('time', { datetime: str(a.published), text: date }));
  if (dateNote) meta.push(el('span', { class: 'date-source', text: dateNote }));
  if (str(a.byline)) meta.push(el('span', { class: 'byline', text: `By ${str(a.byline).replace(/^by\s+/i, '')}` }));
  if (str(a.source)) meta.push(el('span', { class: 'source', text: str(a.source) }));
  if (str(a.language)) meta.push(el('span', { class: 'language', text: `Language: ${str(a.language)}` }));
  const metaBox = $('#article-meta');
  metaBox.replaceChildren(...meta.flatMap((m, i) => (i ? [el('span', { class: 'sep', 'aria-hidden': 'true', text: ' · ' }), m] : [m])));
  metaBox.hidden = meta.length === 0;

  const text = str(a.text);
  const mentions = arr(a.entities)
    .filter((m) => m && Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end > m.start && m.end <= text.length && normalType(m.type))
    .sort((x, y) => x.start - y.start || y.end - x.end);
  // The text usually starts with the headline, already shown as the h1.
  const rawTitle = str(a.title).trim();
  const skip = rawTitle && text.trimStart().startsWith(rawTitle) && /^\s*(\n|$)/.test(text.trimStart().slice(rawTitle.length))
    ? text.length - text.trimStart().length + rawTitle.length : 0;
  $('#article-text').replaceChildren(markedText(text, mentions, skip));

  renderEntityLists(a, mentions);
  renderRelated(arr(a.related));
  $('#article-status').textContent = '';
  $('#article').hidden = false;
  $('#article-side').hidden = false;
}

/** The text as paragraphs with entity mentions as links; text nodes only. */
function markedText(text, mentions, from = 0) {
  const frag = document.createDocumentFragment();
  let para = el('p');
  const flush = () => {
    if (para.childNodes.length && para.textContent.trim()) frag.append(para);
    para = el('p');
  };
  const plain = (s) => {
    const parts = s.split(/\n[ \t]*\n\s*/);
    parts.forEach((part, i) => {
      if (i > 0) flush();
      if (part) para.append(document.createTextNode(part));
    });
  };
  let pos = from;
  for (const m of mentions) {
    if (m.start < pos) continue; // overlaps an earlier mention
    plain(text.slice(pos, m.start));
    const type = normalType(m.type);
    const value = entityFacetValue(m);
    const surface = text.slice(m.start, m.end);
    const tip = value && value !== surface ? `${TYPE_LABEL[type]}: ${value}` : TYPE_LABEL[type];
    para.append(el('a', {
      class: `ent ent-${type}`,
      href: entitySearchUrl(type, value, surface),
      title: tip,
      dataset: { type, value },
    }, surface));
    pos = m.end;
  }
  plain(text.slice(pos));
  flush();
  return frag;
}

function renderEntityLists(a, mentions) {
  const groups = [
    ['person', 'people', 'People'],
    ['place', 'places', 'Places'],
    ['organization', 'organizations', 'Organisations'],
    ['date', 'dates', 'Dates'],
  ];
  const sections = [];
  for (const [type, key, heading] of groups) {
    const counts = new Map();
    for (const m of mentions) {
      if (normalType(m.type) !== type) continue;
      const v = entityFacetValue(m);
      if (v) counts.set(v, (counts.get(v) || 0) + 1);
    }
    for (const v of arr(a[key]).map(str).filter(Boolean)) if (!counts.has(v)) counts.set(v, 0);
    if (!counts.size) continue;
    let entries = [...counts.entries()];
    if (type === 'date') entries.sort((x, y) => x[0].localeCompare(y[0]));
    else entries.sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
    const headingId = `entities-${key}`;
    sections.push(el('section', { class: `entity-list entity-list-${type}`, 'aria-labelledby': headingId },
      el('h2', { id: headingId, text: heading }),
      el('ul', {}, entries.map(([v, c]) => el('li', {},
        el('a', { class: `tag tag-${type}`, href: entitySearchUrl(type, v, v) }, type === 'date' ? dateKeyLabel(v) : v),
        c > 1 ? el('span', { class: 'mentions', text: ` ×${c}`, title: `${c} mentions` }) : null)))));
  }
  $('#entity-lists').replaceChildren(...sections);
}

function renderRelated(related) {
  const items = related.filter((r) => r && str(r.id));
  const box = $('#related');
  box.hidden = items.length === 0;
  $('#related-list').replaceChildren(...items.map((r) => {
    const date = formatDate(r.published);
    return el('li', {},
      el('a', { href: articlePageUrl(r.id) }, str(r.title).trim() || str(r.id)),
      date ? el('time', { class: 'related-date', datetime: str(r.published), text: date }) : null);
  }));
}

// ---------------------------------------------------------------- start

function start() {
  const page = document.body.dataset.page;
  if (page === 'search') searchPage();
  else if (page === 'article') articlePage();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
