// The JSON API client: one GET, errors as ApiError with a kind the page can act on.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { str } from './values.js';

export class ApiError extends Error {
  constructor(message, status, kind) {
    super(message);
    this.status = status;
    this.kind = kind; // 'network' | 'bad-request' | 'not-found' | 'server'
  }
}

/** The answer's JSON object; throws ApiError, or the AbortError of `signal`. */
export async function getJson(url, signal) {
  let res;
  try {
    res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError('The Broadsheet server cannot be reached.', 0, 'network');
  }
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
  }
  if (!res.ok) {
    const msg = body && typeof body.error === 'string' && body.error
      ? body.error : `The server answered HTTP ${res.status}.`;
    const kind = res.status === 400 ? 'bad-request' : res.status === 404 ? 'not-found' : 'server';
    throw new ApiError(msg, res.status, kind);
  }
  if (body === null || typeof body !== 'object') {
    throw new ApiError('The server sent an answer that is not JSON.', res.status, 'server');
  }
  return body;
}

/** Path of the article API for an id that may contain '/': each segment encoded. */
export function articleApiUrl(id) {
  return `/api/articles/${str(id).split('/').map(encodeURIComponent).join('/')}`;
}
