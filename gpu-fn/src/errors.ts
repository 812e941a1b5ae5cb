/** gpu-fn answers errors in the same shape as the edge. */
import { errorResponse } from '../../shared/errors.ts';

/** Hono onError handler for gpu-fn. */
export function onError(err: Error): Response {
  return errorResponse(err, 'gpu-fn');
}
