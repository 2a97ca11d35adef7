// "Did you mean …?": the server's spelling suggestion for a query that finds few or no articles.
// Offered as a link that runs it; the query typed is never replaced without the user asking.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { $, el } from './dom.js';
import { plural } from './format.js';
import { copyState, stateUrl } from './state.js';
import { num, str } from './values.js';

/** Shows `suggestion` ({query, total} from /api/search) above the results (a polite live region), or empties it. */
export function renderSuggestion(ctx, suggestion) {
  const box = $('#suggestion');
  const query = str(suggestion && suggestion.query).trim();
  if (!query || query === ctx.state.q.trim()) {
    box.replaceChildren(); // empty, so hidden by the style sheet; the live region stays in place
    return;
  }
  const next = copyState(ctx.state);
  next.q = query;
  next.page = 1;
  const total = Math.max(0, Math.trunc(num(suggestion.total, NaN)));
  box.replaceChildren(
    'Did you mean ',
    el('a', { href: stateUrl(next), 'data-nav': 'results', class: 'suggestion-link' }, query),
    Number.isFinite(total) ? ` (${plural(total, 'article', 'articles')})?` : '?');
}
