// The article page (article.html): one article with its entities marked, lists of them
// and related articles beside it.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { articleApiUrl, getJson } from './api.js';
import { SITE } from './dims.js';
import { $, el, joinWithDots } from './dom.js';
import { markedText, normalType, renderEntityLists } from './entities.js';
import { dateSourceNote, formatDate } from './format.js';
import { initSearchForm } from './header.js';
import { rememberedSearch } from './last-search.js';
import { articlePageUrl } from './state.js';
import { arr, str } from './values.js';

export async function articlePage() {
  initSearchForm(null);
  const status = $('#article-status');
  const id = new URLSearchParams(location.search).get('id') || '';

  // "Back to search" returns to the last search (the server sends no Referer).
  const back = $('#back-link');
  const last = rememberedSearch();
  if (last) {
    back.setAttribute('href', last);
    back.textContent = '← Back to results';
  }

  if (!id) {
    showArticleProblem('No article chosen', 'This page shows one article; open it from a search result.');
    return;
  }
  status.textContent = 'Loading article…';
  let a;
  try {
    a = await getJson(articleApiUrl(id));
  } catch (e) {
    if (e.kind === 'not-found' || e.kind === 'bad-request') {
      showArticleProblem('Article not found', `There is no article with the id “${id}”. It may have been removed from the archive. ${e.message}`);
    } else if (e.kind === 'network') {
      showArticleProblem('The archive is unavailable', 'The Broadsheet server cannot be reached. Check that it is running (broadsheet serve), then reload this page.');
    } else {
      showArticleProblem('The article could not be loaded', e.message);
    }
    return;
  }
  renderArticle(a);
}

function showArticleProblem(title, text) {
  document.title = `${title} — ${SITE}`;
  $('#article-status').textContent = '';
  $('#main').append(el('div', { class: 'notice notice-error', role: 'alert' },
    el('h1', { text: title }),
    el('p', { text }),
    el('p', {}, el('a', { href: '/', text: 'Search the archive' }))));
}

function renderArticle(a) {
  const title = str(a.title).trim() || str(a.id) || 'Untitled';
  document.title = `${title} — ${SITE}`;
  $('#article-title').textContent = title;
  const meta = [];
  const date = formatDate(a.published);
  const dateNote = date ? dateSourceNote(a.publishedFrom) : '';
  if (date) meta.push(el('time', { datetime: str(a.published), text: date }));
  if (dateNote) meta.push(el('span', { class: 'date-source', text: dateNote }));
  if (str(a.byline)) meta.push(el('span', { class: 'byline', text: `By ${str(a.byline).replace(/^by\s+/i, '')}` }));
  if (str(a.source)) meta.push(el('span', { class: 'source', text: str(a.source) }));
  if (str(a.language)) meta.push(el('span', { class: 'language', text: `Language: ${str(a.language)}` }));
  const metaBox = $('#article-meta');
  metaBox.replaceChildren(...joinWithDots(meta));
  metaBox.hidden = meta.length === 0;

  const text = str(a.text);
  const mentions = arr(a.entities)
    .filter((m) => m && Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end > m.start && m.end <= text.length && normalType(m.type))
    .sort((x, y) => x.start - y.start || y.end - x.end);
  // The text usually starts with the headline, already shown as the h1.
  const rawTitle = str(a.title).trim();
  const skip = rawTitle && text.trimStart().startsWith(rawTitle) && /^\s*(\n|$)/.test(text.trimStart().slice(rawTitle.length))
    ? text.length - text.trimStart().length + rawTitle.length : 0;
  $('#article-text').replaceChildren(markedText(text, mentions, skip));

  renderEntityLists(a, mentions);
  renderRelated(arr(a.related));
  $('#article-status').textContent = '';
  $('#article').hidden = false;
  $('#article-side').hidden = false;
}

function renderRelated(related) {
  const items = related.filter((r) => r && str(r.id));
  const box = $('#related');
  box.hidden = items.length === 0;
  $('#related-list').replaceChildren(...items.map((r) => {
    const date = formatDate(r.published);
    return el('li', {},
      el('a', { href: articlePageUrl(r.id) }, str(r.title).trim() || str(r.id)),
      date ? el('time', { class: 'related-date', datetime: str(r.published), text: date }) : null);
  }));
}
