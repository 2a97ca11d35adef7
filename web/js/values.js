// Reading values from API answers defensively: a missing or odd field becomes '' / [] / a number.
//
// SPDX-License-Identifier: GPL-3.0-or-later

export function str(v) {
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}

export function arr(v) {
  return Array.isArray(v) ? v : [];
}

export function num(v, fallback = 0) {
  const n = typeof v === 'number' ? v : Number.parseFloat(v);
  return Number.isFinite(n) ? n : fallback;
}

export function uniq(values) {
  return [...new Set(values)];
}

/** Case- and accent-insensitive form for matching ("Erdoğan" ~ "erdogan"). */
export function fold(s) {
  return str(s).normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}
