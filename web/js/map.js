// The world map: Natural Earth's country outlines (geo/world.json, made by the build from the
// npm package world-atlas; no tiles, nothing from the network at run time) with a circle per
// place, its area proportional to the number of articles. Each circle is a link: on the search
// page it adds the place as a filter, on a place's own page it marks where the place is.
// Coordinates come from the server; the outline is in an equirectangular projection where
// x = longitude + 180 and y = 90 - latitude, so no projection code is needed here.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { el, svgEl } from './dom.js';
import { plural } from './format.js';
import { arr, num, str } from './values.js';

let world = null;

/** The outline, fetched once per page. */
function loadWorld() {
  if (!world) {
    world = fetch('/geo/world.json', { headers: { Accept: 'application/json' } })
      .then((res) => (res.ok ? res.json() : null))
      .catch(() => null);
  }
  return world;
}

/** The places of an API answer that can be drawn. */
export function mapPlaces(list) {
  return arr(list)
    .filter((p) => p && str(p.value) && Number.isFinite(num(p.latitude, NaN)) && Number.isFinite(num(p.longitude, NaN)))
    .map((p) => ({
      value: str(p.value),
      label: str(p.label) || str(p.value),
      latitude: num(p.latitude),
      longitude: num(p.longitude),
      count: Math.max(1, Math.trunc(num(p.count, 1))),
    }));
}

/**
 * An SVG map of `places` ({value, label, latitude, longitude, count}); `href(place)` is each
 * circle's link, `label` the map's accessible name. Resolves to the element (outline drawn when
 * the outline could be loaded; the circles are drawn either way).
 */
export async function worldMap(places, { href, label, current = '' }) {
  const data = await loadWorld();
  const viewBox = str(data && data.viewBox) || '0 6 360 144';
  const svg = svgEl('svg', { class: 'world-map', viewBox, role: 'group', 'aria-label': label });
  const land = svgEl('g', { class: 'land', 'aria-hidden': 'true' });
  for (const c of arr(data && data.countries)) {
    if (c && str(c.d)) land.append(svgEl('path', { d: str(c.d) }));
  }
  svg.append(land);
  const max = Math.max(1, ...places.map((p) => p.count));
  // Biggest first, so small circles stay on top and clickable.
  const ordered = [...places].sort((a, b) => b.count - a.count);
  for (const p of ordered) {
    const r = 0.9 + 5.5 * Math.sqrt(p.count / max);
    const text = `${p.label}: ${plural(p.count, 'article', 'articles')}`;
    const circle = svgEl('circle', {
      class: `place${p.value === current ? ' current' : ''}`,
      cx: (p.longitude + 180).toFixed(2),
      cy: (90 - p.latitude).toFixed(2),
      r: r.toFixed(2),
    });
    const link = href(p);
    svg.append(link
      ? svgEl('a', { href: link, class: 'place-link', 'aria-label': text, dataset: { value: p.value } },
        svgEl('title', { text }), circle)
      : svgEl('g', { dataset: { value: p.value } }, svgEl('title', { text }), circle));
  }
  return svg;
}

/** Where the outline is from. */
export function mapCredit() {
  return el('p', { class: 'map-note', text: 'Map outline: Natural Earth (public domain).' });
}
