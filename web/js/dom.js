// DOM helpers. Text goes in as text nodes / textContent; attributes as attributes.
// Nothing here parses markup.
//
// SPDX-License-Identifier: GPL-3.0-or-later

export const $ = (sel, root = document) => root.querySelector(sel);

/** Creates an element. attrs: class, text, dataset, on<Event> handlers, other attributes. */
export function el(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** Creates an SVG element; same conventions as el(). */
export function svgEl(tag, attrs = {}, ...children) {
  return build(document.createElementNS('http://www.w3.org/2000/svg', tag), attrs, children);
}

/** Items separated by a " · " the screen reader skips. */
export function joinWithDots(items) {
  return items.flatMap((m, i) => (i ? [el('span', { class: 'sep', 'aria-hidden': 'true', text: ' · ' }), m] : [m]));
}

function build(node, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.setAttribute('class', v);
    else if (k === 'text') node.textContent = String(v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'style') throw new Error('no inline styles (CSP)');
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
