/** gpu-fn answers errors in the same shape as the edge. */
import type { Context } from 'hono';
import { ApiError } from '../../shared/errors.ts';

/** Hono onError handler for gpu-fn. */
export function onError(err: Error, c: Context): Response {
  const api = err instanceof ApiError ? err : new ApiError('INTERNAL', 'internal error');
  if (!(err instanceof ApiError)) console.error('gpu-fn: unhandled', err);
  const res = c.json(api.body(), api.status as 400);
  for (const [k, v] of Object.entries(api.headers)) res.headers.set(k, v);
  return res;
}
