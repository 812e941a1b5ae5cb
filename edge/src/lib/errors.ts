/** The one error shape: every failure leaves the edge as an ErrorBody with a code from ERRORS. */
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { ApiError, errorResponse } from '../../../shared/errors.ts';

/** Hono onError handler: the shared error response, never cached. */
export function onError(err: Error): Response {
  const res = errorResponse(err, 'edge');
  res.headers.set('Cache-Control', 'no-store');
  return res;
}

/** Turns the first zod issue into an INVALID_PARAM error naming the parameter. */
export function invalidParam(error: z.ZodError, code: 'INVALID_PARAM' | 'INVALID_BODY' = 'INVALID_PARAM'): ApiError {
  return ApiError.fromIssues(error.issues, code);
}

/** Query validation with the shared hook: the first value of each parameter, parsed by `schema`. */
export function query<S extends z.ZodType>(schema: S) {
  return validator('query', (_value, c): z.output<S> => {
    const parsed = schema.safeParse(c.req.query());
    if (!parsed.success) throw invalidParam(parsed.error);
    return parsed.data;
  });
}

/** A handler that answers 405 naming the methods a path allows. */
export function methodNotAllowed(allow: string) {
  return (): never => {
    throw new ApiError('METHOD_NOT_ALLOWED', `method not allowed; use ${allow}`, undefined, { Allow: allow });
  };
}
