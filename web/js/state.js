// The search state (query, filters, sort, page) and the URLs that carry it; page URLs.
// A state is a plain object; copyState before changing one.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { DATE_KEY, LIST_PARAMS, NOT_DIMS, SORTS, notKey } from './dims.js';
import { str, uniq } from './values.js';

export function emptyState() {
  // sort '' is the server's default: relevance for a query, newest first without one.
  // exact: count every match even when the server would estimate a broad search's counts.
  const s = { q: '', from: '', to: '', sort: '', page: 1, size: 0, exact: false };
  for (const d of LIST_PARAMS) s[d] = [];
  s.not = {};
  for (const d of NOT_DIMS) s.not[d] = [];
  return s;
}

export function readState(search = location.search) {
  const p = new URLSearchParams(search);
  const s = emptyState();
  s.q = p.get('q') ?? '';
  s.from = p.get('from') ?? '';
  s.to = p.get('to') ?? '';
  s.sort = SORTS.includes(p.get('sort')) ? p.get('sort') : '';
  s.page = Math.max(1, Number.parseInt(p.get('page'), 10) || 1);
  const size = Number.parseInt(p.get('size'), 10);
  s.size = size > 0 && size <= 100 ? size : 0;
  s.exact = p.get('exact') === 'true';
  for (const d of LIST_PARAMS) s[d] = uniq(p.getAll(d).filter((v) => v !== ''));
  for (const d of NOT_DIMS) s.not[d] = uniq(p.getAll(notKey(d)).filter((v) => v !== ''));
  s.published = s.published.slice(0, 1); // one published path (hierarchical: 2024, 2024/05, 2024/05/12)
  return s;
}

export function stateParams(s, { page = true } = {}) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const d of LIST_PARAMS) for (const v of s[d]) p.append(d, v);
  for (const d of NOT_DIMS) for (const v of s.not[d] || []) p.append(notKey(d), v);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.sort) p.set('sort', s.sort);
  if (page && s.page > 1) p.set('page', String(s.page));
  if (s.size) p.set('size', String(s.size));
  if (s.exact) p.set('exact', 'true');
  return p;
}

export function stateUrl(s) {
  const qs = stateParams(s).toString();
  return qs ? `/?${qs}` : '/';
}

export function copyState(s) {
  const c = { ...s };
  for (const d of LIST_PARAMS) c[d] = [...s[d]];
  c.not = {};
  for (const d of NOT_DIMS) c.not[d] = [...((s.not && s.not[d]) || [])];
  return c;
}

function excludedCount(s) {
  return NOT_DIMS.reduce((n, d) => n + ((s.not && s.not[d]) || []).length, 0);
}

export function hasFilters(s) {
  return LIST_PARAMS.some((d) => s[d].length) || excludedCount(s) > 0 || Boolean(s.from || s.to);
}

export function filterCount(s) {
  return LIST_PARAMS.reduce((n, d) => n + s[d].length, 0) + excludedCount(s) + (s.from || s.to ? 1 : 0);
}

/** The API URL of the search's articles in another form: export (csv, jsonl) or feed; no page, size or sort where they do not apply. */
export function exportUrl(s, format) {
  const p = stateParams({ ...s, page: 1, size: 0 }, { page: false });
  if (format === 'feed') {
    p.delete('sort');
    return `/api/feed?${p}`;
  }
  p.set('format', format);
  return `/api/export?${p}`;
}

/** The search URL for one entity, from the article view or anywhere without a current search. */
export function entitySearchUrl(type, value, text) {
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

/** The sort a state's search runs with: its own, else the server's default for it. */
export function effectiveSort(s) {
  return s.sort || (s.q ? 'relevance' : 'newest');
}

/** The article page; `q`, the search that led there, is carried so the page can mark its words. */
export function articlePageUrl(id, q = '') {
  const p = new URLSearchParams({ id: str(id) });
  if (str(q).trim()) p.set('q', str(q).trim());
  return `/article.html?${p}`;
}

/** The entity dimension (people, places, organizations) of a mention type or dimension; '' for others. */
export function entityDim(type) {
  const t = str(type).toLowerCase();
  if (t === 'person' || t === 'people') return 'people';
  if (t === 'place' || t === 'places' || t === 'location') return 'places';
  if (t === 'organization' || t === 'organisation' || t === 'organizations' || t === 'org') return 'organizations';
  return '';
}

/** The page of one person, place or organisation (entity.html). */
export function entityPageUrl(dim, value) {
  return `/entity.html?dim=${encodeURIComponent(str(dim))}&value=${encodeURIComponent(str(value))}`;
}
