// The timeline: articles per year, month or day as an SVG bar chart. Click a bar, or drag
// across bars, to filter by date; Enter on a focused bar does the same. The bars are one tab
// stop (a roving tabindex: the arrow keys, Home and End move between them).
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { $, el, svgEl } from './dom.js';
import { dateKeyLabel, plural } from './format.js';
import { copyState, stateUrl } from './state.js';
import { arr, num, str } from './values.js';

export function renderTimeline(ctx, histogram) {
  const { state } = ctx;
  const box = $('#timeline');
  const interval = str(histogram && histogram.interval) || 'month';
  const raw = arr(histogram && histogram.buckets)
    .filter((b) => b && str(b.key))
    .map((b) => ({ key: str(b.key), count: Math.max(0, Math.trunc(num(b.count))) }));
  const buckets = fillGaps(interval, raw);
  if (!buckets.length || !buckets.some((b) => b.count > 0)) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  box.hidden = false;
  const n = buckets.length;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const W = n * 10;
  const H = 60;
  const unit = { year: 'year', month: 'month', day: 'day' }[interval] || 'period';
  const svg = svgEl('svg', {
    class: 'timeline-chart',
    viewBox: `0 0 ${W} ${H}`,
    preserveAspectRatio: 'none',
    role: 'group',
    'aria-label': `Articles per ${unit}`,
  });
  const inRange = (key) => (state.from || state.to)
    && (!state.from || key.localeCompare(state.from.slice(0, key.length)) >= 0)
    && (!state.to || key.localeCompare(state.to.slice(0, key.length)) <= 0);
  const anyRange = Boolean(state.from || state.to);
  buckets.forEach((b, i) => {
    const h = b.count ? Math.max(2, (b.count / max) * (H - 2)) : 0;
    const cls = `bar${anyRange ? (inRange(b.key) ? ' in-range' : ' out-range') : ''}`;
    const hit = svgEl('rect', { class: 'bar-hit', x: i * 10, y: 0, width: 10, height: H });
    const bar = svgEl('rect', { class: cls, x: i * 10 + 1, y: H - h, width: 8, height: h });
    const labelText = `${dateKeyLabel(b.key)}: ${plural(b.count, 'article', 'articles')}`;
    if (b.count > 0) {
      const next = copyState(state);
      next.from = b.key; next.to = b.key; next.page = 1;
      svg.append(svgEl('a', {
        href: stateUrl(next),
        class: 'bar-link',
        'aria-label': labelText,
        'data-focus-key': `bar:${b.key}`,
        dataset: { key: b.key, index: String(i) },
      }, svgEl('title', { text: labelText }), hit, bar));
    } else {
      svg.append(svgEl('g', { dataset: { key: b.key, index: String(i) } }, svgEl('title', { text: labelText }), hit, bar));
    }
  });
  rovingTabStop(svg);
  const selection = svgEl('rect', { class: 'drag-selection', x: 0, y: 0, width: 0, height: H, visibility: 'hidden' });
  svg.append(selection);

  const indexAt = (clientX) => {
    const r = svg.getBoundingClientRect();
    const i = Math.floor(((clientX - r.left) / Math.max(1, r.width)) * n);
    return Math.min(n - 1, Math.max(0, i));
  };
  const applyRange = (a, b) => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const next = copyState(ctx.state);
    next.from = buckets[lo].key;
    next.to = buckets[hi].key;
    next.page = 1;
    ctx.navigate(next);
  };
  let dragStart = -1;
  let dragEnd = -1;
  svg.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    dragStart = dragEnd = indexAt(e.clientX);
    try { svg.setPointerCapture(e.pointerId); } catch { /* not capturable */ }
  });
  svg.addEventListener('pointermove', (e) => {
    if (dragStart < 0) return;
    dragEnd = indexAt(e.clientX);
    const lo = Math.min(dragStart, dragEnd);
    const hi = Math.max(dragStart, dragEnd);
    selection.setAttribute('x', String(lo * 10));
    selection.setAttribute('width', String((hi - lo + 1) * 10));
    selection.setAttribute('visibility', dragStart !== dragEnd ? 'visible' : 'hidden');
  });
  const endDrag = (e, apply) => {
    if (dragStart < 0) return;
    const a = dragStart;
    const b = e.type === 'pointerup' ? indexAt(e.clientX) : dragEnd;
    dragStart = -1;
    selection.setAttribute('visibility', 'hidden');
    if (!apply) return;
    if (a === b && buckets[a].count === 0) return;
    applyRange(a, b);
  };
  svg.addEventListener('pointerup', (e) => endDrag(e, e.button === 0));
  svg.addEventListener('pointercancel', (e) => endDrag(e, false));
  // Pointer clicks are handled by pointerup; keyboard activation (Enter) arrives as a click with detail 0.
  svg.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a') : null;
    if (a) e.preventDefault();
    if (!a || e.detail !== 0) return;
    const i = Number(a.dataset.index);
    if (Number.isInteger(i)) applyRange(i, i);
  });

  const axis = el('div', { class: 'timeline-axis', 'aria-hidden': 'true' },
    el('span', { text: dateKeyLabel(buckets[0].key) }),
    n > 1 ? el('span', { text: dateKeyLabel(buckets[n - 1].key) }) : null);
  const total = buckets.reduce((s, b) => s + b.count, 0);
  box.replaceChildren(
    el('div', { class: 'timeline-head' },
      el('h2', { id: 'timeline-heading', text: 'Timeline' }),
      el('p', { class: 'timeline-help', text: `${plural(total, 'dated article', 'dated articles')} by ${unit}. Click a bar, or drag across bars, to filter by date (or arrow keys and Enter).` })),
    el('div', { class: 'timeline-plot' }, svg),
    axis);
}

/** One tab stop for all the bars: the selected one (else the newest); arrows move it. */
function rovingTabStop(svg) {
  const bars = [...svg.querySelectorAll('a.bar-link')];
  if (!bars.length) return;
  const inRange = bars.filter((b) => b.querySelector('.bar.in-range'));
  let stop = inRange.length ? inRange[inRange.length - 1] : bars[bars.length - 1];
  const move = (to) => {
    stop.setAttribute('tabindex', '-1');
    stop = to;
    stop.setAttribute('tabindex', '0');
    stop.focus();
  };
  for (const b of bars) b.setAttribute('tabindex', b === stop ? '0' : '-1');
  svg.addEventListener('keydown', (e) => {
    const i = bars.indexOf(e.target instanceof Element ? e.target.closest('a.bar-link') : null);
    if (i < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const to = { ArrowLeft: i - 1, ArrowRight: i + 1, ArrowUp: i + 1, ArrowDown: i - 1, Home: 0, End: bars.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    move(bars[Math.max(0, Math.min(bars.length - 1, to))]);
  });
}

/** Adds zero-count buckets so bars are evenly spaced in time. */
function fillGaps(interval, buckets) {
  const sorted = [...buckets].sort((a, b) => a.key.localeCompare(b.key));
  if (sorted.length < 2) return sorted;
  const counts = new Map(sorted.map((b) => [b.key, b.count]));
  const first = sorted[0].key;
  const last = sorted[sorted.length - 1].key;
  const out = [];
  const LIMIT = 400;
  if (interval === 'year' && sorted.every((b) => /^\d{4}$/.test(b.key))) {
    const a = Number(first);
    const z = Number(last);
    if (z - a > LIMIT) return sorted;
    for (let y = a; y <= z; y++) out.push({ key: String(y), count: counts.get(String(y)) || 0 });
    return out;
  }
  if (interval === 'month' && sorted.every((b) => /^\d{4}-\d{2}$/.test(b.key))) {
    let y = Number(first.slice(0, 4));
    let m = Number(first.slice(5, 7));
    for (let guard = 0; guard <= LIMIT; guard++) {
      const key = `${y}-${String(m).padStart(2, '0')}`;
      out.push({ key, count: counts.get(key) || 0 });
      if (key === last) return out;
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return sorted;
  }
  if (interval === 'day' && sorted.every((b) => /^\d{4}-\d{2}-\d{2}$/.test(b.key))) {
    const d = new Date(`${first}T00:00:00Z`);
    for (let guard = 0; guard <= LIMIT; guard++) {
      const key = d.toISOString().slice(0, 10);
      out.push({ key, count: counts.get(key) || 0 });
      if (key >= last) return out;
      d.setUTCDate(d.getUTCDate() + 1);
    }
    return sorted;
  }
  return sorted;
}
