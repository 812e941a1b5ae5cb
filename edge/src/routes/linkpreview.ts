/** GET /api/linkpreview/: "A + B = mix", the og:image of a shared morph. */
import { Hono } from 'hono';
import { MEDIA_TYPES } from '../../../shared/media.ts';
import { linkpreviewQuery } from '../../../shared/params.ts';
import { methodNotAllowed, query } from '../lib/errors.ts';
import { serveRendered } from '../lib/render.ts';
import { latentBody } from '../lib/resolve.ts';
import type { EdgeEnv } from '../lib/services.ts';
import { resolveEnds } from './morph.ts';

export const linkpreview = new Hono<EdgeEnv>()
  .get('/', query(linkpreviewQuery), async (c) => {
    const q = c.req.valid('query');
    const [from, to] = await resolveEnds(c, q);
    return serveRendered(c, {
      canonical: `linkpreview/${from.key}/${to.key}/${q.width}`,
      produce: async () => {
        const res = await c.var.services.gpu.render('/v1/linkpreview', { from: latentBody(from), to: latentBody(to), width: q.width });
        return { body: await res.arrayBuffer(), contentType: MEDIA_TYPES.jpg };
      },
    });
  })
  .all('/', methodNotAllowed('GET, HEAD'));
