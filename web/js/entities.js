// An article's entity mentions: their types and values, and the lists by type beside the text
// (the links in the text are article-text.js).
// Text goes in as text nodes only.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { $, el } from './dom.js';
import { dateKeyLabel } from './format.js';
import { entityDim, entityPageUrl, entitySearchUrl } from './state.js';
import { arr, str } from './values.js';

export const TYPE_LABEL = { person: 'Person', place: 'Place', organization: 'Organisation', date: 'Date' };

/** person, place, organization or date; '' for a type the page does not show. */
export function normalType(t) {
  const s = str(t).toLowerCase();
  if (s === 'person' || s === 'per' || s === 'people') return 'person';
  if (s === 'place' || s === 'location' || s === 'loc' || s === 'gpe' || s === 'city' || s === 'country' || s === 'places') return 'place';
  if (s === 'organization' || s === 'organisation' || s === 'org' || s === 'organizations') return 'organization';
  if (s === 'date' || s === 'time' || s === 'dates') return 'date';
  return '';
}

/** The facet value a mention searches for: its canonical name, or a date's value. */
export function entityFacetValue(m) {
  const type = normalType(m.type);
  if (type === 'date') return str(m.value) || str(m.text);
  return str(m.canonical) || str(m.text);
}

/** People, places, organisations and dates of the article, most mentioned first (dates in order). */
export function renderEntityLists(a, mentions) {
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
    const entries = [...counts.entries()];
    if (type === 'date') entries.sort((x, y) => x[0].localeCompare(y[0]));
    else entries.sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
    const headingId = `entities-${key}`;
    sections.push(el('section', { class: `entity-list entity-list-${type}`, 'aria-labelledby': headingId },
      el('h2', { id: headingId, text: heading }),
      el('ul', {}, entries.map(([v, c]) => el('li', {},
        el('a', { class: `tag tag-${type}`, href: type === 'date' ? entitySearchUrl(type, v, v) : entityPageUrl(entityDim(type), v) },
          type === 'date' ? dateKeyLabel(v) : v),
        c > 1 ? el('span', { class: 'mentions', text: ` ×${c}`, title: `${c} mentions` }) : null)))));
  }
  $('#entity-lists').replaceChildren(...sections);
}
