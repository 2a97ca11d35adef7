// Numbers and dates as the page shows them.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { str } from './values.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December'];

export const nf = new Intl.NumberFormat('en');

export function plural(n, one, many) {
  return `${nf.format(n)} ${n === 1 ? one : many}`;
}

const dateFmt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** Says where an inferred published date came from; '' for one from the file's own metadata (or none). */
export function dateSourceNote(from) {
  switch (str(from)) {
    case 'dateline': return 'date from the dateline';
    case 'filename': return 'date from the file name';
    default: return '';
  }
}

/** "2024-05-12T00:00:00Z" -> "12 May 2024"; '' when missing or unreadable. */
export function formatDate(iso) {
  const s = str(iso);
  if (!s) return '';
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s : dateFmt.format(d);
}

/** Label for a date key as used by facets and the timeline: 2024, 2024-05, 2024/05, 2024-05-12. */
export function dateKeyLabel(key) {
  const m = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$/.exec(str(key));
  if (!m) return str(key);
  const [, y, mo, d] = m;
  if (!mo) return y;
  const month = MONTHS[Number(mo) - 1] || mo;
  if (!d) return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}
