/** The edge app: CORS, the error shape, and one sub-app per resource. */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { ApiError } from '../../shared/errors.ts';
import type { AppEnv } from './env.ts';
import { onError } from './lib/errors.ts';
import { status } from './routes/status.ts';

export const app = new Hono<AppEnv>({ strict: false })
  .use('*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'], exposeHeaders: ['ETag', 'Content-Length', 'Content-Range', 'Accept-Ranges'], maxAge: 86400 }))
  .route('/status', status);

app.notFound((c) => onError(new ApiError('NOT_FOUND', 'no such endpoint; see /docs for the API'), c));
app.onError(onError);
