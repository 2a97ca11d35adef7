// The search form in both pages' header, and in-page link clicks.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { $ } from './dom.js';

/** onSubmit(query) runs the search in-page; without it the form is a plain GET to /. */
export function initSearchForm(onSubmit) {
  const form = $('#search-form');
  if (!form) return;
  form.addEventListener('submit', (e) => {
    if (!onSubmit) return; // plain GET to / from the article page
    e.preventDefault();
    onSubmit($('#q').value.trim());
  });
}

/** In-page navigation for links to the search page, unless the user wants a new tab. */
export function isPlainClick(e) {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}
