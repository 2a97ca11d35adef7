// The active filters as removable chips, and "Clear all".
// Each chip's click builds its next state from ctx.state at click time.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { DIMS, NOT_DIMS } from './dims.js';
import { $, el } from './dom.js';
import { dateKeyLabel } from './format.js';
import { labelFor } from './labels.js';
import { copyState, emptyState } from './state.js';

export function renderChips(ctx) {
  const { state } = ctx;
  const chips = [];
  for (const d of DIMS) {
    for (const v of state[d.key]) {
      chips.push(chip(ctx, `${d.singular}: ${labelFor(ctx.labels, d.key, v)}`, `chip:${d.key}:${v}`, () => {
        const next = copyState(ctx.state);
        next[d.key] = next[d.key].filter((x) => x !== v);
        next.page = 1;
        return next;
      }, { dim: d.key, value: v }));
    }
  }
  for (const d of DIMS.filter((x) => NOT_DIMS.includes(x.key))) {
    for (const v of (state.not && state.not[d.key]) || []) {
      chips.push(chip(ctx, `Not ${d.singular.toLowerCase()}: ${labelFor(ctx.labels, d.key, v)}`, `chip:not:${d.key}:${v}`, () => {
        const next = copyState(ctx.state);
        next.not[d.key] = next.not[d.key].filter((x) => x !== v);
        next.page = 1;
        return next;
      }, { dim: `not_${d.key}`, value: v }));
    }
  }
  if (state.from || state.to) {
    const text = state.from === state.to ? dateKeyLabel(state.from)
      : `${state.from ? dateKeyLabel(state.from) : 'start'} – ${state.to ? dateKeyLabel(state.to) : 'now'}`;
    chips.push(chip(ctx, `Dates: ${text}`, 'chip:dates', () => {
      const next = copyState(ctx.state);
      next.from = ''; next.to = ''; next.page = 1;
      return next;
    }, { dim: 'dates', value: '' }));
  }
  const box = $('#active-filters');
  box.hidden = chips.length === 0;
  if (chips.length > 1) {
    chips.push(el('li', {}, el('button', {
      type: 'button',
      class: 'clear-all',
      'data-focus-key': 'chip:clear-all',
      text: 'Clear all',
      onclick: () => {
        const next = emptyState();
        next.q = ctx.state.q;
        next.sort = ctx.state.sort;
        ctx.input.focus();
        ctx.navigate(next);
      },
    })));
  }
  $('#chips').replaceChildren(...chips);
}

function chip(ctx, text, key, nextState, data) {
  return el('li', {}, el('button', {
    type: 'button',
    class: 'chip',
    'data-focus-key': key,
    dataset: { dim: data.dim, value: data.value },
    'aria-label': `Remove filter ${text}`,
    onclick: () => ctx.navigate(nextState()),
  }, el('span', { class: 'chip-text', text }), el('span', { class: 'chip-x', 'aria-hidden': 'true', text: '×' })));
}
