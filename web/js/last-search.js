// The last search's URL, kept for the article page's "Back to results" (the server sends no Referer).
//
// SPDX-License-Identifier: GPL-3.0-or-later

const LAST_SEARCH = 'broadsheet.lastSearch';

export function rememberSearch(url) {
  try { sessionStorage.setItem(LAST_SEARCH, url); } catch { /* storage disabled */ }
}

/** A same-origin path, or '' when none is stored. */
export function rememberedSearch() {
  try {
    const url = sessionStorage.getItem(LAST_SEARCH) || '';
    return url.startsWith('/') && !url.startsWith('//') ? url : '';
  } catch {
    return '';
  }
}
