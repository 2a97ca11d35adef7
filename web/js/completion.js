// Completion for the search box: names and frequent words from GET /api/suggest, offered as an
// ARIA 1.2 combobox (the input is the combobox, the list a listbox, the option under the arrow
// keys its aria-activedescendant). ArrowDown/ArrowUp move, Enter takes the option, Escape closes
// the list (a second Escape is the page's: it clears the box), Tab and a click elsewhere close it.
// Requests wait for a pause in typing, an empty prefix asks nothing, and a newer keystroke aborts
// the request still running.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { getJson } from './api.js';
import { el } from './dom.js';
import { arr, fold, str } from './values.js';

/** Typing pause before asking the server. */
const DEBOUNCE_MS = 150;
const LIMIT = 8;
const KIND_LABEL = { person: 'person', place: 'place', organization: 'organisation' };

/**
 * The parts of the box's text completion may replace, longest first: the whole text (a name
 * typed in full, "recep tay"), then its last word ("gaza erd" → "erd"); a field prefix
 * (person:) or a leading quote, minus or parenthesis stays outside the part.
 */
export function completionParts(value) {
  const parts = [];
  const lead = /^[\s("-]*/u.exec(value)[0].length;
  const whole = value.slice(lead);
  const words = whole.trim().split(/\s+/u).length;
  if (words >= 2 && words <= 3 && !/["():]/u.test(whole)) parts.push({ start: lead, text: whole });
  const m = /(?:^|[\s(])(?:[a-z]+:)?[-"]?([^\s"():]*)$/iu.exec(value);
  if (m && m[1]) parts.push({ start: value.length - m[1].length, text: m[1] });
  return parts;
}

/**
 * The box's text with `part` replaced by the chosen text, quoted when it is several words. Words
 * typed just before the part that belong to the chosen name go too: "recep tay" + "Recep Tayyip
 * Erdoğan" is the name alone, "gaza erd" keeps "gaza".
 */
export function completedValue(value, part, text) {
  const names = new Set(fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  let start = part.start;
  const wordBefore = (at) => /([-"(]*)([^\s"()]+)\s+$/u.exec(value.slice(0, at));
  for (let m = wordBefore(start); m && names.has(fold(m[2])); m = wordBefore(start)) start = m.index + m[1].length;
  const before = value.slice(0, start);
  const quoted = /\s/u.test(text) && !before.endsWith('"') ? `"${text}"` : text;
  const close = before.endsWith('"') && /\s/u.test(text) ? '"' : '';
  return `${before}${quoted}${close}`;
}

/** Makes `input` (role=combobox, aria-controls naming its listbox) complete; onChoose(value) runs a choice. */
export function initCompletion(input, onChoose) {
  const list = document.getElementById(input.getAttribute('aria-controls') || '');
  if (!list) return;
  let options = []; // { text, kind, part }
  let active = -1;
  let timer = 0;
  let controller = null;
  let asked = '';

  const open = () => list.childElementCount > 0 && !list.hidden;

  function close() {
    clearTimeout(timer);
    if (controller) controller.abort();
    controller = null;
    asked = '';
    options = [];
    active = -1;
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function show(found) {
    options = found;
    active = -1;
    input.removeAttribute('aria-activedescendant');
    list.replaceChildren(...found.map((o, i) => el('li', {
      id: `${list.id}-${i}`,
      class: 'completion',
      role: 'option',
      'aria-selected': 'false',
      onmousedown: (e) => e.preventDefault(), // keep focus in the box
      onclick: () => choose(i),
    },
    el('span', { class: 'completion-text', text: o.text }),
    KIND_LABEL[o.kind] ? el('span', { class: `completion-kind kind-${o.kind}` },
      el('span', { class: 'visually-hidden', text: ', ' }), KIND_LABEL[o.kind]) : null)));
    list.hidden = found.length === 0;
    input.setAttribute('aria-expanded', String(found.length > 0));
  }

  function highlight(i) {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i < 0) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    const li = list.children[i];
    input.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  }

  function choose(i) {
    const o = options[i];
    if (!o) return;
    const value = completedValue(input.value, o.part, o.text);
    close();
    input.value = value;
    onChoose(value);
  }

  async function ask(value, { choosingFirst = false } = {}) {
    if (controller) controller.abort();
    const mine = new AbortController();
    controller = mine;
    asked = value;
    for (const part of completionParts(value)) {
      const prefix = part.text.trim();
      if (!prefix) continue;
      let data;
      try {
        data = await getJson(`/api/suggest?${new URLSearchParams({ prefix, limit: String(LIMIT) })}`, mine.signal);
      } catch {
        return; // aborted by a newer keystroke, or no completion to offer: the box works without it
      }
      if (controller !== mine || input.value !== value) return;
      const found = arr(data.suggestions)
        .filter((s) => s && str(s.text).trim())
        .map((s) => ({ text: str(s.text).trim(), kind: str(s.kind), part }))
        .filter((s) => s.text.toLowerCase() !== prefix.toLowerCase() || s.kind !== 'term');
      if (found.length) {
        if (document.activeElement !== input) return;
        show(found.slice(0, LIMIT));
        if (choosingFirst) highlight(0);
        return;
      }
    }
    if (controller === mine) show([]);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const value = input.value;
    if (!value.trim() || !completionParts(value).length) {
      close();
      return;
    }
    if (value === asked) return;
    timer = setTimeout(() => ask(value), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (e) => {
    if (e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    const n = options.length;
    if (e.key === 'ArrowDown' && !n && input.value.trim()) {
      e.preventDefault();
      clearTimeout(timer);
      ask(input.value, { choosingFirst: true }); // opens on the first option, as after a pause and ArrowDown
    } else if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      highlight(active + 1 >= n ? 0 : active + 1);
    } else if (e.key === 'ArrowUp' && n && open()) {
      e.preventDefault();
      highlight(active <= 0 ? n - 1 : active - 1);
    } else if (e.key === 'Enter' && open() && active >= 0) {
      e.preventDefault();
      choose(active);
    } else if (e.key === 'Escape' && open()) {
      // The first Escape only closes the list; the browser's own Escape would also clear the box.
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      close();
    }
  });

  input.addEventListener('blur', close);
}
