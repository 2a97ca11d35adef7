// The words of a search to mark in an article: read from the query as the user typed it (never
// from markup), matched case- and accent-insensitively, with the light plural stemming the index
// uses ("negotiation" marks "negotiations") and a trailing * as a prefix. Operators, field names
// and excluded words (-word, NOT word) are not marked.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { fold, str } from './values.js';

const FIELDS = new Set(['title', 'body', 'person', 'place', 'org']);
const OPERATORS = new Set(['AND', 'OR', 'NOT', '&&', '||']);
/** Words too common to mark on their own; marked when a query has nothing else. */
const STOP = new Set(('a an and are as at be but by for from has have he her his i if in into is it its '
  + 'no not of on or our she so such than that the their them then there these they this to was we were '
  + 'which who will with you').split(' '));
const WORD = /[\p{L}\p{N}]+/gu;

/** The light English plural stemmer of Lucene's EnglishMinimalStemmer, on a folded word. */
export function minimalStem(w) {
  const n = w.length;
  if (n < 3 || w[n - 1] !== 's') return w;
  switch (w[n - 2]) {
    case 'u':
    case 's':
      return w;
    case 'e':
      if (n > 3 && w[n - 3] === 'i' && w[n - 4] !== 'a' && w[n - 4] !== 'e') return `${w.slice(0, n - 3)}y`;
      if ('iaoe'.includes(w[n - 3])) return w;
      return w.slice(0, n - 1);
    default:
      return w.slice(0, n - 1);
  }
}

/** The terms of query `q`: [{ word, prefix }] with `word` folded and stemmed (a prefix is only folded). */
export function queryTerms(q) {
  const tokens = str(q).match(/"[^"]*"?|[^\s()"]+/gu) || [];
  const terms = [];
  let negateNext = false;
  for (let token of tokens) {
    if (token === 'NOT' || token === '-' || token === '!') { negateNext = true; continue; }
    if (OPERATORS.has(token)) continue;
    const negated = negateNext || (token.length > 1 && (token[0] === '-' || token[0] === '!') && !token.startsWith('"'));
    negateNext = false;
    if (negated) continue;
    if (token[0] === '+') token = token.slice(1);
    const field = /^([a-z]+):(.*)$/iu.exec(token);
    if (field && FIELDS.has(field[1].toLowerCase())) token = field[2];
    for (const m of token.matchAll(/([\p{L}\p{N}]+)(\*?)/gu)) {
      const word = foldWithOffsets(m[1]).folded;
      if (!word) continue;
      terms.push(m[2] ? { word, prefix: true } : { word: minimalStem(word), prefix: false });
    }
  }
  const content = terms.filter((t) => t.prefix || !STOP.has(t.word));
  const chosen = content.length ? content : terms;
  const seen = new Set();
  return chosen.filter((t) => {
    const key = `${t.prefix}:${t.word}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `text` folded one character at a time, with each folded character's offset in `text`. */
function foldWithOffsets(text) {
  let folded = '';
  const at = [];
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      folded += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
      at.push(i);
      i += 1;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i));
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) at.push(i);
    folded += f;
    i += ch.length;
  }
  at.push(text.length);
  return { folded, at };
}

/** The [start, end) ranges of `text` that are words of `terms`, in order, not overlapping. */
export function termRanges(text, terms) {
  if (!terms.length || !text) return [];
  const exact = new Set(terms.filter((t) => !t.prefix).map((t) => t.word));
  const prefixes = terms.filter((t) => t.prefix).map((t) => t.word);
  const { folded, at } = foldWithOffsets(text);
  const ranges = [];
  for (const m of folded.matchAll(WORD)) {
    const w = m[0];
    if (exact.has(minimalStem(w)) || exact.has(w) || prefixes.some((p) => w.startsWith(p))) {
      const start = at[m.index];
      const end = at[m.index + w.length];
      if (end > start && (!ranges.length || start >= ranges[ranges.length - 1][1])) ranges.push([start, end]);
    }
  }
  return ranges;
}
