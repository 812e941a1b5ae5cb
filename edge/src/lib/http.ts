/** HTTP caching conventions for answers that can never change. */
import type { Context } from 'hono';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Lower-case hex SHA-256 of a string's UTF-8 or of bytes (WebCrypto; canonical keys, ETags, uploads). */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', typeof data === 'string' ? new TextEncoder().encode(data) : data);
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
