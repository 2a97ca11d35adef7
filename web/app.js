// Broadsheet web front end: the search page (index.html), the article view
// (article.html) and the page of a person, place or organisation (entity.html). Native ES modules under js/, no build step, no third-party code.
// This entry only picks the page; js/search-page.js and js/article.js say how each works.
//
// Safety rule: everything from the API is text and goes into the page through
// text nodes / textContent (js/dom.js). The only exception is a hit's `snippet`,
// which the server sends as escaped HTML with <mark> highlights; even that is parsed
// in an inert document and rebuilt keeping nothing but text and <mark> (js/snippet.js).
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { articlePage } from './js/article.js';
import { loadDimensions } from './js/dims.js';
import { entityPage } from './js/entity-page.js';
import { searchPage } from './js/search-page.js';

async function start() {
  await loadDimensions();
  const page = document.body.dataset.page;
  if (page === 'search') searchPage();
  else if (page === 'article') articlePage();
  else if (page === 'entity') entityPage();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
