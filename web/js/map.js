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

/** Width over height of a map view, unless asked otherwise: the world's outline (360 by 144 degrees). */
const ASPECT = 2.5;
/** Narrowest view, in degrees of longitude: a region, not a street map (the outline is 1:110 million). */
const MIN_SPAN = 60;

/**
 * The part of the world that shows every place with a margin, at the map's aspect ratio, within
 * the outline's own view: the whole world for places all over it, the region for places in one.
 */
function fit(places, world, aspect) {
  const xs = places.map((p) => p.longitude + 180);
  const ys = places.map((p) => 90 - p.latitude);
  const pad = 8;
  const x0 = Math.min(...xs) - pad;
  const x1 = Math.max(...xs) + pad;
  const y0 = Math.min(...ys) - pad;
  const y1 = Math.max(...ys) + pad;
  let w = Math.max(MIN_SPAN, x1 - x0, (y1 - y0) * aspect);
  w = Math.min(w, world[2]);
  const h = Math.min(w / aspect, world[3]);
  w = h * aspect;
  const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);
  const x = clamp((x0 + x1) / 2 - w / 2, world[0], world[0] + world[2] - w);
  const y = clamp((y0 + y1) / 2 - h / 2, world[1], world[1] + world[3] - h);
  return [x, y, w, h];
}

/**
 * An SVG map of `places` ({value, label, latitude, longitude, count}); `href(place)` is each
 * circle's link, `label` the map's accessible name. Resolves to the element (outline drawn when
 * the outline could be loaded; the circles are drawn either way). A wider `aspect` than the
 * world's crops the far north and south around the places: a lower map above search results.
 */
export async function worldMap(places, { href, label, current = '', aspect = ASPECT }) {
  const data = await loadWorld();
  const parts = (str(data && data.viewBox) || '0 6 360 144').split(/\s+/).map(Number);
  const world = parts.length === 4 && parts.every(Number.isFinite) ? parts : [0, 6, 360, 144];
  const view = places.length ? fit(places, world, aspect) : world;
  const svg = svgEl('svg', { class: 'world-map', viewBox: view.map((v) => v.toFixed(2)).join(' '), role: 'group', 'aria-label': label });
  // Circles keep their size on screen whatever the zoom.
  const scale = view[2] / 360;
  const land = svgEl('g', { class: 'land', 'aria-hidden': 'true' });
  for (const c of arr(data && data.countries)) {
    if (c && str(c.d)) land.append(svgEl('path', { d: str(c.d) }));
  }
  svg.append(land);
  const max = Math.max(1, ...places.map((p) => p.count));
  // Biggest first, so small circles stay on top and clickable.
  const ordered = [...places].sort((a, b) => b.count - a.count);
  for (const p of ordered) {
    const r = (1.2 + 5.5 * Math.sqrt(p.count / max)) * scale;
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
