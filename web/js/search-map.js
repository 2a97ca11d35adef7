// The search page's map: the places of the matching articles; a circle adds its place as a filter.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { $, el } from './dom.js';
import { plural } from './format.js';
import { mapCredit, mapPlaces, worldMap } from './map.js';
import { copyState, stateUrl } from './state.js';

let seq = 0;

export async function renderSearchMap(ctx, list) {
  const box = $('#map');
  const places = mapPlaces(list);
  const my = ++seq;
  if (!places.length) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const svg = await worldMap(places, {
    label: 'Places named in these articles; each circle filters by its place',
    aspect: 3.2,
    href: (p) => {
      const next = copyState(ctx.state);
      if (!next.places.includes(p.value)) next.places.push(p.value);
      next.page = 1;
      return stateUrl(next);
    },
  });
  if (my !== seq) return; // a newer search drew its own map meanwhile
  for (const a of svg.querySelectorAll('a.place-link')) {
    a.setAttribute('data-nav', 'results');
    if (ctx.state.places.includes(a.dataset.value)) a.classList.add('active');
  }
  box.hidden = false;
  box.replaceChildren(
    el('div', { class: 'map-head' },
      el('h2', { id: 'map-heading', text: 'Map' }),
      el('p', { class: 'map-help', text: `${plural(places.length, 'place', 'places')} with a known position, sized by articles. Click a circle to filter by it.` })),
    el('div', { class: 'map-plot' }, svg),
    mapCredit());
}

export function clearSearchMap() {
  seq++;
  const box = $('#map');
  box.hidden = true;
  box.replaceChildren();
}
