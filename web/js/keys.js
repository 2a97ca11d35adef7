// Keyboard shortcuts. On both pages `/` puts the cursor in the search box and Escape in the box
// clears it (after the completion list, which takes the first Escape). On the search page `j` and
// `k` move to the next and previous result (its title link gets focus, so Enter opens it), and
// the skip link goes straight to the first result. Letters typed into a field stay in the field.
// The page never takes focus by itself: the skip link stays the first tab stop.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { $ } from './dom.js';

/** True when a key pressed on `target` is typing, not a shortcut. */
function typing(target) {
  if (!(target instanceof Element)) return false;
  if (target.isContentEditable) return true;
  const tag = target.localName;
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(target.type);
}

function plainKey(e) {
  return !e.ctrlKey && !e.metaKey && !e.altKey && !e.isComposing;
}

/** `/` and Escape for the search box of either page. */
export function initSearchBoxKeys(input) {
  document.addEventListener('keydown', (e) => {
    if (!plainKey(e) || e.defaultPrevented) return;
    if (e.key === '/' && !typing(e.target)) {
      e.preventDefault();
      input.focus();
      input.select();
    } else if (e.key === 'Escape' && e.target === input && input.value) {
      e.preventDefault();
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
}

/** The result title links, in order. */
function resultLinks() {
  return [...document.querySelectorAll('#results .hit-title a')];
}

/** Puts focus on result `i` (its title link) and shows it as the current one. */
function focusResult(links, i) {
  const link = links[Math.max(0, Math.min(links.length - 1, i))];
  if (!link) return;
  link.focus();
  link.closest('.hit').scrollIntoView({ block: 'nearest' });
}

/** j / k between results, the current result's outline, and the skip link of the search page. */
export function initResultKeys() {
  document.addEventListener('keydown', (e) => {
    if (!plainKey(e) || e.defaultPrevented || e.shiftKey || typing(e.target)) return;
    if (e.key !== 'j' && e.key !== 'k') return;
    const links = resultLinks();
    if (!links.length) return;
    e.preventDefault();
    const here = document.activeElement instanceof Element ? document.activeElement.closest('#results .hit') : null;
    const current = here ? links.findIndex((a) => a.closest('.hit') === here) : -1;
    if (current < 0) focusResult(links, e.key === 'j' ? 0 : links.length - 1);
    else focusResult(links, current + (e.key === 'j' ? 1 : -1));
  });

  // The result holding focus is outlined as a whole, not only its link.
  document.addEventListener('focusin', (e) => {
    const hit = e.target instanceof Element ? e.target.closest('#results .hit') : null;
    for (const h of document.querySelectorAll('#results .hit.current')) if (h !== hit) h.classList.remove('current');
    if (hit) hit.classList.add('current');
  });

  // "Skip to results" lands on the first result itself (or, with none, the suggestion or the heading),
  // without changing the URL's fragment.
  const skip = $('.skip-link');
  if (skip) {
    skip.addEventListener('click', (e) => {
      e.preventDefault();
      const target = resultLinks()[0] || $('#suggestion a') || $('#results-heading');
      target.focus();
    });
  }
}
