/** HTTP caching conventions for answers that can never change. */
import type { Context } from 'hono';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Lower-case hex SHA-256 of a string (WebCrypto; the edge's canonical keys and ETags). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** True when the request's If-None-Match names `etag` (or `*`). */
export function notModified(c: Context, etag: string): boolean {
  const inm = c.req.header('If-None-Match');
  if (!inm) return false;
  return inm.trim() === '*' || inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** A 304 carrying the validators a cache needs. */
export function notModifiedResponse(etag: string): Response {
  return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': IMMUTABLE } });
}
