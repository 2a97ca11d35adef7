// The search dimensions: facet panels, URL parameters and sort orders.
//
// SPDX-License-Identifier: GPL-3.0-or-later

export const SITE = 'Broadsheet';

/** Facet panels, in display order. `key` is the search/URL parameter. */
export const DIMS = [
  { key: 'people', label: 'People', singular: 'Person', type: 'person' },
  { key: 'places', label: 'Places', singular: 'Place', type: 'place' },
  { key: 'organizations', label: 'Organisations', singular: 'Organisation', type: 'organization' },
  { key: 'countries', label: 'Countries', singular: 'Country', type: 'country' },
  { key: 'published', label: 'Published', singular: 'Published', type: 'published' },
  { key: 'mentioned', label: 'Years mentioned', singular: 'Mentions', type: 'mentioned' },
  { key: 'collection', label: 'Collections', singular: 'Collection', type: 'collection' },
];
/** Dimensions whose full value lists /api/facets/{dim} can page through and filter by prefix. */
export const ENTITY_DIMS = ['people', 'places', 'organizations', 'countries', 'collection'];
/** Dimensions a value can be excluded from (not_people=...): the server's filter dimensions. */
export const NOT_DIMS = ['people', 'places', 'organizations', 'countries', 'mentioned', 'collection'];
/** The URL parameter excluding values of a dimension. */
export const notKey = (dim) => `not_${dim}`;

/**
 * Takes the dimensions from the server (GET /api/dimensions, defined once in the index's Fields):
 * panels the server does not have are dropped, the order is the server's, and the listable ones
 * are the server's. The lists above are only the labels and the answer used if the server cannot
 * be asked. Called once, before the page starts.
 */
export async function loadDimensions() {
  let server;
  try {
    const res = await fetch('/api/dimensions', { headers: { Accept: 'application/json' } });
    if (!res.ok) return;
    server = await res.json();
  } catch {
    return;
  }
  if (!Array.isArray(server.facets) || !Array.isArray(server.listable)) return;
  if (Array.isArray(server.filters)) NOT_DIMS.splice(0, NOT_DIMS.length, ...server.filters.filter((k) => typeof k === 'string'));
  const known = new Map(DIMS.map((d) => [d.key, d]));
  const ordered = server.facets.filter((k) => known.has(k)).map((k) => known.get(k));
  DIMS.splice(0, DIMS.length, ...ordered);
  ENTITY_DIMS.splice(0, ENTITY_DIMS.length, ...server.listable.filter((k) => known.has(k)));
  LIST_PARAMS.splice(0, LIST_PARAMS.length, ...DIMS.map((d) => d.key));
}
/** Dimensions whose values are dates (labelled as such, ordered newest first). */
export const DATE_DIMS = ['published', 'mentioned'];
export const LIST_PARAMS = DIMS.map((d) => d.key);
export const SORTS = ['relevance', 'newest', 'oldest'];
/** A date as the from/to parameters take it: 2024, 2024-05 or 2024-05-12. */
export const DATE_KEY = /^\d{4}(-\d{2}(-\d{2})?)?$/;
