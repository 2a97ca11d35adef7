// An article's text as the page shows it: paragraphs (the server's, hard-wrapped lines joined by
// the style sheet), entity mentions as links to their searches, the search's words in <mark>.
// Everything is sliced from the one text by offsets, so a mention is exactly its characters; all
// of it goes in as text nodes. Each distinct entity is one tab stop: its first mention; the others
// are links for the pointer only (tabindex=-1), and the lists beside the text reach them all.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { el } from './dom.js';
import { entityFacetValue, normalType, TYPE_LABEL } from './entities.js';
import { entitySearchUrl } from './state.js';
import { arr } from './values.js';

/**
 * The paragraphs of `text` from offset `from` on: the server's [{start, end}] when they are
 * usable, else blocks between blank lines. The server makes the headline and a dateline
 * paragraphs of their own (they end at `bodyStart`); a dateline on the story's first line
 * ("HOUSTON, June 18 - Kelley Oil said…") is shown at the start of that paragraph, as printed.
 */
export function paragraphRanges(text, paragraphs, from = 0, bodyStart = 0) {
  const given = arr(paragraphs)
    .filter((p) => p && Number.isInteger(p.start) && Number.isInteger(p.end) && p.start >= 0 && p.end > p.start && p.end <= text.length)
    .map((p) => [p.start, p.end])
    .sort((a, b) => a[0] - b[0]);
  let ranges = given.filter((r, i) => i === 0 || r[0] >= given[i - 1][1]);
  if (!ranges.length) {
    ranges = [];
    let start = 0;
    for (const m of text.matchAll(/\n[ \t]*\n\s*/gu)) {
      ranges.push([start, m.index]);
      start = m.index + m[0].length;
    }
    ranges.push([start, text.length]);
  }
  const shown = ranges
    .map(([s, e]) => [Math.max(s, from), e])
    .filter(([s, e]) => e > s && text.slice(s, e).trim());
  const joined = [];
  let pending = -1;
  shown.forEach(([s, e], i) => {
    const start = pending >= 0 ? pending : s;
    pending = -1;
    const next = shown[i + 1];
    if (next && e <= bodyStart && !text.slice(e, next[0]).includes('\n')) pending = start;
    else joined.push([start, e]);
  });
  return joined;
}

/** `text` with the ranges `marks` ([start, end), in order) in <mark>. */
export function markedText(text, marks) {
  const frag = document.createDocumentFragment();
  let pos = 0;
  for (const [s, e] of marks) {
    if (s > pos) frag.append(document.createTextNode(text.slice(pos, s)));
    frag.append(el('mark', {}, text.slice(s, e)));
    pos = e;
  }
  if (pos < text.length) frag.append(document.createTextNode(text.slice(pos)));
  return frag;
}

/** A fragment of <p>s for `text`: mentions (sorted, valid offsets) as links, `marks` ([start, end)) marked. */
export function articleParagraphs(text, ranges, mentions, marks) {
  const frag = document.createDocumentFragment();
  const stops = new Set(); // entities that already have their tab stop
  let mi = 0; // first mention not yet behind the cursor
  let ki = 0; // first mark not yet behind the cursor

  // Text [from, to) into parent, with the marks inside it.
  const marked = (parent, from, to) => {
    while (ki < marks.length && marks[ki][1] <= from) ki++;
    let pos = from;
    for (let k = ki; k < marks.length && marks[k][0] < to; k++) {
      const s = Math.max(marks[k][0], pos);
      const e = Math.min(marks[k][1], to);
      if (s > pos) parent.append(document.createTextNode(text.slice(pos, s)));
      if (e > s) parent.append(el('mark', {}, text.slice(s, e)));
      pos = Math.max(pos, e);
    }
    if (to > pos) parent.append(document.createTextNode(text.slice(pos, to)));
  };

  for (const [ps, pe] of ranges) {
    const p = el('p');
    let pos = ps;
    while (mi < mentions.length && mentions[mi].end <= ps) mi++;
    for (let k = mi; k < mentions.length && mentions[k].start < pe; k++) {
      const m = mentions[k];
      if (m.start < pos) continue; // overlaps an earlier mention
      const s = Math.max(m.start, ps);
      const e = Math.min(m.end, pe);
      marked(p, pos, s);
      const type = normalType(m.type);
      const value = entityFacetValue(m);
      const surface = text.slice(m.start, m.end);
      const key = `${type}\u0000${value}`;
      const link = el('a', {
        class: `ent ent-${type}`,
        href: entitySearchUrl(type, value, surface),
        title: value && value !== surface ? `${TYPE_LABEL[type]}: ${value}` : TYPE_LABEL[type],
        tabindex: stops.has(key) ? '-1' : null,
        dataset: { type, value },
      });
      stops.add(key);
      marked(link, s, e);
      p.append(link);
      pos = e;
    }
    marked(p, pos, pe);
    frag.append(p);
  }
  return frag;
}
