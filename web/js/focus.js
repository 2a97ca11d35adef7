// Re-rendering replaces buttons: remember which control (by its data-focus-key) had focus
// and put focus back on its replacement. ctx.focusKey holds the key.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { $ } from './dom.js';

export function trackFocusKeys(ctx) {
  document.addEventListener('focusin', (e) => {
    const k = e.target instanceof Element ? e.target.getAttribute('data-focus-key') : null;
    ctx.focusKey = k || '';
  });
}

/** After a search: to the results heading when asked, else back to the equivalent control. */
export function restoreFocus(ctx, focus) {
  if (focus === 'results') {
    $('#results-heading').focus();
    return;
  }
  if (document.activeElement && document.activeElement !== document.body
      && document.contains(document.activeElement)) return;
  if (ctx.focusKey) {
    const target = [...document.querySelectorAll('[data-focus-key]')]
      .find((n) => n.getAttribute('data-focus-key') === ctx.focusKey);
    if (target) { target.focus(); return; }
    // The control is gone (e.g. a removed chip): go to a stable place.
    if (ctx.focusKey.startsWith('chip:')) {
      const next = document.querySelector('#chips [data-focus-key]');
      (next || ctx.input).focus();
    }
  }
}
