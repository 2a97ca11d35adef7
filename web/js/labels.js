// Display labels of facet values (a country's name for its code), learned from the answers.
// `labels` is the search page's Map, `${dim}\u0000${value}` -> label.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { DATE_DIMS, DIMS } from './dims.js';
import { dateKeyLabel } from './format.js';
import { arr, str } from './values.js';

export function rememberLabel(labels, dim, value, label) {
  labels.set(`${dim}\u0000${value}`, label);
}

/** Learns the labels of every facet value in a search answer's `facets`. */
export function rememberFacetLabels(labels, facets) {
  for (const d of DIMS) {
    for (const f of arr(facets && facets[d.key])) {
      if (f && f.label && f.value !== undefined) rememberLabel(labels, d.key, f.value, str(f.label));
    }
  }
}

export function labelFor(labels, dim, value) {
  if (DATE_DIMS.includes(dim)) return dateKeyLabel(value);
  return labels.get(`${dim}\u0000${value}`) || value;
}
