// An article's entity mentions: as links in its text, and as lists by type beside it.
// Text goes in as text nodes only.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { $, el } from './dom.js';
import { dateKeyLabel } from './format.js';
import { entityDim, entityPageUrl, entitySearchUrl } from './state.js';
import { arr, str } from './values.js';

const TYPE_LABEL = { person: 'Person', place: 'Place', organization: 'Organisation', date: 'Date' };

/** person, place, organization or date; '' for a type the page does not show. */
export function normalType(t) {
  const s = str(t).toLowerCase();
  if (s === 'person' || s === 'per' || s === 'people') return 'person';
  if (s === 'place' || s === 'location' || s === 'loc' || s === 'gpe' || s === 'city' || s === 'country' || s === 'places') return 'place';
  if (s === 'organization' || s === 'organisation' || s === 'org' || s === 'organizations') return 'organization';
  if (s === 'date' || s === 'time' || s === 'dates') return 'date';
  return '';
}

function entityFacetValue(m) {
  const type = normalType(m.type);
  if (type === 'date') return str(m.value) || str(m.text);
  return str(m.canonical) || str(m.text);
}

/** The text from `from` on as paragraphs with entity mentions as links; text nodes only. */
export function markedText(text, mentions, from = 0) {
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
