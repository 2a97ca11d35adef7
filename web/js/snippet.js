// A hit's snippet: the server sends escaped HTML with <mark> highlights. This is the one
// place markup from the server is read, and it keeps nothing but text and <mark>.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { str } from './values.js';

/**
 * Rebuilds the server's snippet (escaped HTML with <mark>) as DOM, keeping only
 * text and <mark>. DOMParser documents are inert: no script runs, nothing loads.
 */
export function snippetNodes(html) {
  const doc = new DOMParser().parseFromString(`<body>${str(html)}</body>`, 'text/html');
  const copy = (from, to) => {
    for (const n of from.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) to.append(document.createTextNode(n.nodeValue));
      else if (n.nodeType === Node.ELEMENT_NODE) {
        if (n.localName === 'mark') to.append(copy(n, document.createElement('mark')));
        else if (n.localName !== 'script' && n.localName !== 'style') copy(n, to);
      }
    }
    return to;
  };
  return copy(doc.body, document.createDocumentFragment());
}
