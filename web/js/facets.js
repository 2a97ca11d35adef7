// The facet panels: one list of values per dimension, pressed when filtering, with
// "Show more" (the full list from /api/facets/{dim}) and a filter box for long lists.
// Handlers read ctx.state when they run, not when the panel was drawn.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { getJson } from './api.js';
import { DATE_DIMS, DIMS, ENTITY_DIMS, NOT_DIMS } from './dims.js';
import { $, el } from './dom.js';
import { dateKeyLabel, nf } from './format.js';
import { labelFor, rememberLabel } from './labels.js';
import { copyState, entityDim, entityPageUrl, stateParams } from './state.js';
import { arr, fold, num, str } from './values.js';

/** Values shown before "Show more". */
const FACET_VISIBLE = 8;

export function renderFacets(ctx, facets) {
  const box = $('#facets');
  const panels = [];
  for (const d of DIMS) {
    let values = arr(facets[d.key])
      .filter((f) => f && f.value !== undefined && f.value !== null && str(f.value) !== '')
      .map((f) => ({ value: str(f.value), label: str(f.label) || '', count: Math.trunc(num(f.count)) }));
    if (d.key === 'published') values = publishedValues(ctx.state, values);
    else {
      if (DATE_DIMS.includes(d.key)) values.sort((a, b) => b.value.localeCompare(a.value));
      for (const v of ctx.state[d.key]) {
        if (!values.some((f) => f.value === v)) values.unshift({ value: v, label: '', count: null });
      }
      // An excluded value has no count (no hit has it) but stays in its panel, to take it back.
      for (const v of (ctx.state.not && ctx.state.not[d.key]) || []) {
        if (!values.some((f) => f.value === v)) values.push({ value: v, label: '', count: null });
      }
    }
    if (!values.length) continue;
    panels.push(facetPanel(ctx, d, values));
  }
  box.replaceChildren(...panels);
  if (!panels.length) box.append(el('p', { class: 'facets-empty', text: 'No filters for these results.' }));
}

/**
 * The published facet is a drill-down: with published=2024 the server answers with
 * that year's months ("05"), with published=2024/05 with its days. Shown as the
 * chosen path (pressed; pressing goes up a level) followed by its children.
 */
function publishedValues(state, values) {
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

/** The values of a /api/facets/{dim} answer. */
function listedValues(data) {
  return arr(data.values).filter((f) => f && str(f.value))
    .map((f) => ({ value: str(f.value), label: str(f.label), count: Math.trunc(num(f.count)) }));
}

function facetPanel(ctx, d, values) {
  const { ui } = ctx;
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
    const isOn = (f) => f.pressed ?? ctx.state[d.key].includes(f.value);
    // Selected values always show, first.
    const ordered = [...items.filter(isOn), ...items.filter((f) => !isOn(f))];
    const shown = expanded ? ordered : ordered.slice(0, Math.max(FACET_VISIBLE, ordered.filter(isOn).length));
    list.replaceChildren(...shown.map((f) => facetItem(ctx, d, f)));
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
    return values.filter((v) => fold(v.label || labelFor(ctx.labels, d.key, v.value)).includes(f) || fold(v.value).includes(f));
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
      const params = stateParams(ctx.state, { page: false });
      params.set('prefix', text);
      try {
        const data = await getJson(`/api/facets/${encodeURIComponent(d.key)}?${params}`);
        if (my !== filterSeq || ui.filter.get(d.key) !== text) return;
        const got = listedValues(data);
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
      const data = await getJson(`/api/facets/${encodeURIComponent(d.key)}?${stateParams(ctx.state, { page: false })}`);
      const got = listedValues(data);
      if (got.length > values.length) {
        for (const v of ctx.state[d.key]) if (!got.some((f) => f.value === v)) got.unshift({ value: v, label: '', count: null });
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

/**
 * The "not" action of a facet value: leaves out the articles that have it (not_people=...), or,
 * when it is already left out, takes it back.
 */
function notButton(ctx, d, f, text) {
  if (!NOT_DIMS.includes(d.key) || f.pressed !== undefined) return null;
  const excluded = ((ctx.state.not && ctx.state.not[d.key]) || []).includes(f.value);
  return el('button', {
    type: 'button',
    class: `facet-not${excluded ? ' active' : ''}`,
    'aria-pressed': String(excluded),
    // The name says the visible word first ("not"), as WCAG 2.5.3 asks; aria-pressed says whether it is on.
    'aria-label': `Not ${text}`,
    title: excluded ? `Stop excluding ${text}` : `Leave out articles with ${text}`,
    'data-focus-key': `not:${d.key}:${f.value}`,
    dataset: { value: f.value },
    text: 'not',
    onclick: () => {
      const next = copyState(ctx.state);
      const list = next.not[d.key] || [];
      next.not[d.key] = excluded ? list.filter((x) => x !== f.value) : [...list, f.value];
      if (!excluded) next[d.key] = next[d.key].filter((x) => x !== f.value); // not both selected and excluded
      next.page = 1;
      ctx.navigate(next);
    },
  });
}

function facetItem(ctx, d, f) {
  if (f.label) rememberLabel(ctx.labels, d.key, f.value, f.label);
  const on = f.pressed ?? ctx.state[d.key].includes(f.value);
  const text = DATE_DIMS.includes(d.key) ? dateKeyLabel(f.value) : f.label || labelFor(ctx.labels, d.key, f.value);
  const dim = entityDim(d.key);
  const button = el('button', {
    type: 'button',
    class: 'facet-value',
    'aria-pressed': String(on),
    'data-focus-key': `facet:${d.key}:${f.value}`,
    dataset: { value: f.value },
    onclick: () => {
      const next = copyState(ctx.state);
      if (f.next) next[d.key] = [...f.next];
      else if (d.key === 'published') next.published = on ? [] : [f.value];
      else next[d.key] = on ? next[d.key].filter((x) => x !== f.value) : [...next[d.key], f.value];
      next.page = 1;
      ctx.navigate(next);
    },
  },
  el('span', { class: 'facet-check', 'aria-hidden': 'true' }),
  el('span', { class: 'facet-label', text }),
  f.count === null ? null : el('span', { class: 'count' },
    el('span', { class: 'visually-hidden', text: ', ' }), nf.format(f.count),
    el('span', { class: 'visually-hidden', text: f.count === 1 ? ' article' : ' articles' })));
  // People, places and organisations have a page of their own.
  const about = dim ? el('a', {
    class: 'facet-about',
    href: entityPageUrl(dim, f.value),
    title: `About ${text}`,
    'data-focus-key': `about:${d.key}:${f.value}`,
  }, el('span', { 'aria-hidden': 'true', text: '›' }), el('span', { class: 'visually-hidden', text: `About ${text}` })) : null;
  return el('li', { class: [f.child ? 'facet-child' : 'facet-row', dim ? 'facet-entity' : ''].filter(Boolean).join(' ') },
    button, about, notButton(ctx, d, f, text));
}
