/** Shared-secret check: every /v1 request must carry `Authorization: Bearer <GPU_FN_SECRET>`. */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../shared/errors.ts';

/** Middleware refusing requests without the secret (401), compared in constant time. */
export function requireSecret(secret: string): MiddlewareHandler {
  const want = createHash('sha256').update(secret).digest();
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const given = createHash('sha256').update(header.startsWith('Bearer ') ? header.slice(7) : '').digest();
    if (!timingSafeEqual(want, given)) throw new ApiError('UNAUTHORIZED', 'missing or wrong shared secret');
    await next();
  };
}
