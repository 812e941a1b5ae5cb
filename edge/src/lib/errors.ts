/** The one error shape: every failure leaves the edge as an ErrorBody with a code from ERRORS. */
import type { Context } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { ApiError } from '../../../shared/errors.ts';

/** Hono onError handler: ApiErrors as themselves, anything else as a logged 500 that leaks nothing. */
export function onError(err: Error, c: Context): Response {
  const api = err instanceof ApiError ? err : new ApiError('INTERNAL', 'internal error');
  if (!(err instanceof ApiError)) console.error('unhandled', err);
  const res = c.json(api.body(), api.status as 400);
  for (const [k, v] of Object.entries(api.headers)) res.headers.set(k, v);
  res.headers.set('Cache-Control', 'no-store');
  return res;
}

/** Turns the first zod issue into an INVALID_PARAM error naming the parameter. */
export function invalidParam(error: z.ZodError, code: 'INVALID_PARAM' | 'INVALID_BODY' = 'INVALID_PARAM'): ApiError {
  const issue = error.issues[0];
  const param = issue?.path.map(String).join('.') || undefined;
  const message = issue ? (param ? `${param} ${issue.message}` : issue.message) : 'invalid input';
  return new ApiError(code, message, param);
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
