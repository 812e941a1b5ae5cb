/**
 * The API as the pages use it: URLs, and loading pictures with clear words when the service is
 * busy (503/504: wait and retry) or the input is invalid (the API's own error message).
 */

/** A same-origin API URL, leaving out parameters that are undefined or empty-string-optional. */
export function apiUrl(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) q.set(k, String(v));
  return `${path}?${q}`;
}

/** The face URL for a value (the spec's /api/face/ parameters). */
export function faceUrl(value, dim = 300, format = 'jpg') {
  return apiUrl('/api/face/', { value, dim, format });
}

/** An absolute URL for sharing and embedding. */
export function absolute(url) {
  return new URL(url, location.href).href;
}

/** Why a URL failed: status, the API's message, and seconds to wait when it is worth retrying. */
export async function explainFailure(url) {
  let res;
  try {
    res = await fetch(url, { cache: 'no-store' });
  } catch {
    return { retry: 3, message: 'Cannot reach the face service; retrying…' };
  }
  if (res.ok) return { retry: 1, message: 'The picture did not load; retrying…' };
  let message = `The service answered ${res.status}.`;
  try {
    const body = await res.json();
    if (body && body.error && body.error.message) message = body.error.message;
  } catch {
    /* not our JSON error; keep the status line */
  }
  if (res.status === 503 || res.status === 504 || res.status === 502) {
    const after = Number(res.headers.get('Retry-After'));
    return { retry: after > 0 && after < 60 ? after : 2, message };
  }
  return { status: res.status, message };
}

const tokens = new WeakMap();
const sleep = (s) => new Promise((r) => setTimeout(r, s * 1000));

/**
 * Shows `url` in `img` once it has fully loaded (the previous picture stays until then), and
 * reports through `report({state, message})`: loading, busy, invalid, ok. A newer call for the
 * same `img` supersedes an older one.
 */
export async function showPicture(img, url, alt, report = () => {}) {
  const token = {};
  tokens.set(img, token);
  const current = () => tokens.get(img) === token;
  let said = false;
  const say = (r) => {
    said = true;
    report(r);
  };
  // The previous face stays while the next loads; if that takes a moment, fade it so nobody
  // mistakes it for the face of the new text (and say so, without chattering on every key).
  const fade = setTimeout(() => {
    if (!current()) return;
    img.classList.add('pending');
    if (!said) report({ state: 'loading', message: 'Drawing the face…' });
  }, 150);
  try {
    await load(img, url, alt, say, current);
  } finally {
    clearTimeout(fade);
    if (current()) img.classList.remove('pending');
  }
}

async function load(img, url, alt, report, current) {
  for (let attempt = 0; current(); attempt++) {
    const probe = new Image();
    probe.src = url;
    try {
      await probe.decode();
      if (!current()) return;
      img.src = url;
      img.alt = alt;
      img.classList.remove('stale');
      report({ state: 'ok', message: '' });
      return;
    } catch {
      if (!current()) return;
      const why = await explainFailure(url);
      if (!current()) return;
      if (why.retry === undefined) {
        img.classList.add('stale');
        report({ state: 'invalid', message: why.message });
        return;
      }
      const wait = Math.min(why.retry * 2 ** Math.min(attempt, 3), 20);
      report({ state: 'busy', message: `The face service is busy, retrying in ${Math.ceil(wait)} s… (${why.message})` });
      await sleep(wait);
    }
  }
}

/** Calls `fn` once calls have paused for `ms` milliseconds. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
