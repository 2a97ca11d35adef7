// The article page (article.html): one article in paragraphs with its entities linked and the
// words of the search that led there (the page's q parameter) marked, a link to the original
// file, lists of its entities and related articles beside it.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { articleApiUrl, getJson } from './api.js';
import { SITE } from './dims.js';
import { $, el, joinWithDots } from './dom.js';
import { articleParagraphs, markedText, paragraphRanges } from './article-text.js';
import { initCompletion } from './completion.js';
import { normalType, renderEntityLists } from './entities.js';
import { dateSourceNote, formatDate } from './format.js';
import { initSearchForm } from './header.js';
import { initSearchBoxKeys } from './keys.js';
import { rememberedSearch } from './last-search.js';
import { queryTerms, termRanges } from './query-terms.js';
import { articlePageUrl, emptyState, stateUrl } from './state.js';
import { arr, str } from './values.js';

export async function articlePage() {
  initSearchForm(null);
  const input = $('#q');
  initCompletion(input, (q) => { location.assign(stateUrl({ ...emptyState(), q: q.trim() })); });
  initSearchBoxKeys(input);
  const status = $('#article-status');
  const params = new URLSearchParams(location.search);
  const id = params.get('id') || '';
  const query = (params.get('q') || '').trim();

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
  renderArticle(a, query);
}

function showArticleProblem(title, text) {
  document.title = `${title} — ${SITE}`;
  $('#article-status').textContent = '';
  $('#main').append(el('div', { class: 'notice notice-error', role: 'alert' },
    el('h1', { text: title }),
    el('p', { text }),
    el('p', {}, el('a', { href: '/', text: 'Search the archive' }))));
}

function renderArticle(a, query) {
  const title = str(a.title).trim() || str(a.id) || 'Untitled';
  const terms = queryTerms(query);
  document.title = `${title} — ${SITE}`;
  $('#article-title').replaceChildren(markedText(title, termRanges(title, terms)));
  const meta = [];
  const date = formatDate(a.published);
  const dateNote = date ? dateSourceNote(a.publishedFrom) : '';
  if (date) meta.push(el('time', { datetime: str(a.published), text: date }));
  if (dateNote) meta.push(el('span', { class: 'date-source', text: dateNote }));
  if (str(a.byline)) meta.push(el('span', { class: 'byline', text: `By ${str(a.byline).replace(/^by\s+/i, '')}` }));
  if (str(a.source)) meta.push(el('span', { class: 'source', text: str(a.source) }));
  if (str(a.language)) meta.push(el('span', { class: 'language', text: `Language: ${str(a.language)}` }));
  const original = sameOriginPath(a.original);
  if (original) meta.push(el('a', { class: 'original', href: original, text: 'Original file' }));
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
  const marks = termRanges(text, terms);
  $('#article-text').replaceChildren(articleParagraphs(text, paragraphRanges(text, a.paragraphs, skip, Number.isInteger(a.bodyStart) ? a.bodyStart : 0), mentions, marks));
  renderMarkNote(query, $('#article-text').querySelectorAll('mark').length);

  renderEntityLists(a, mentions);
  renderRelated(arr(a.related));
  $('#article-status').textContent = '';
  $('#article').hidden = false;
  $('#article-side').hidden = false;
}

/** A link from the server as a path on this server ('' for anything else, e.g. "/\\elsewhere"). */
function sameOriginPath(link) {
  if (!str(link).startsWith('/')) return '';
  try {
    const url = new URL(str(link), location.origin);
    return url.origin === location.origin ? url.pathname + url.search : '';
  } catch {
    return '';
  }
}

/** Says which words are marked, and how often; nothing when the article came from no search. */
function renderMarkNote(query, count) {
  const note = $('#article-marks');
  note.hidden = !query;
  if (!query) return;
  note.replaceChildren(count
    ? `The words of your search “${query}” are highlighted (${count}).`
    : `The words of your search “${query}” are not in the text.`);
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
