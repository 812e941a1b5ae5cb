/** The edge app: CORS, the error shape, services, and one sub-app per resource. */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { ApiError } from '../../shared/errors.ts';
import { faceQuery } from '../../shared/params.ts';
import { invalidParam, onError } from './lib/errors.ts';
import { services, type EdgeEnv } from './lib/services.ts';
import { face, serveFace } from './routes/face.ts';
import { encodeimage } from './routes/encodeimage.ts';
import { hashdata } from './routes/hashdata.ts';
import { oembed } from './routes/oembed.ts';
import { pages } from './routes/pages.ts';
import { linkpreview } from './routes/linkpreview.ts';
import { gif, morphframe, mp4, webp } from './routes/morph.ts';
import { openapi } from './routes/openapi.ts';
import { registerlatent } from './routes/registerlatent.ts';
import { queue, status } from './routes/status.ts';

export const app = new Hono<EdgeEnv>({ strict: false })
  .use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'If-None-Match', 'Range'],
      exposeHeaders: ['ETag', 'Content-Length', 'Content-Range', 'Accept-Ranges'],
      maxAge: 86400,
    }),
  )
  .use('*', services)
  .route('/status', status)
  .route('/openapi.json', openapi)
  .route('/api/queue', queue)
  .route('/api/hashdata', hashdata)
  .route('/api/registerlatent', registerlatent)
  .route('/api/encodeimage', encodeimage)
  .route('/api/face', face)
  .route('/api/morphframe', morphframe)
  .route('/api/gif', gif)
  .route('/api/webp', webp)
  .route('/api/mp4', mp4)
  .route('/api/linkpreview', linkpreview)
  .route('/oembed', oembed)
  .route('/', pages)
  // The original's legacy path: /api/<text> is a 300 px JPEG of that text.
  .get('/api/:text{.+}', (c) => {
    const parsed = faceQuery.safeParse({ value: c.req.param('text').replace(/\/$/, '') });
    if (!parsed.success) throw invalidParam(parsed.error);
    return serveFace(c, parsed.data);
  });

app.notFound(() => onError(new ApiError('NOT_FOUND', 'no such endpoint; see /docs/ for the API')));
app.onError(onError);
