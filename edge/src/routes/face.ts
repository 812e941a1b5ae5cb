/** GET /api/face/: one face for a value, seed or guid; cached at the edge forever. */
import { Hono, type Context } from 'hono';
import { MEDIA_TYPES } from '../../../shared/media.ts';
import { faceQuery, type FaceQuery } from '../../../shared/params.ts';
import { methodNotAllowed, query } from '../lib/errors.ts';
import { latentBody, resolveLatent } from '../lib/resolve.ts';
import { serveRendered } from '../lib/render.ts';
import type { EdgeEnv } from '../lib/services.ts';
import { builtinSvg } from '../lib/svg.ts';

/** Renders the face a parsed face query names (shared with the legacy /api/<text> path). */
export async function serveFace(c: Context<EdgeEnv>, q: FaceQuery): Promise<Response> {
  const { latents, gpu } = c.var.services;
  const latent = await resolveLatent(q.source, latents);
  return serveRendered(c, {
    canonical: `face/${latent.key}/${q.dim}.${q.format}`,
    produce: async () => {
      if (q.format === 'svg') return { body: await builtinSvg(gpu, latent, q.dim), contentType: MEDIA_TYPES.svg };
      const res = await gpu.render('/v1/face', { latent: latentBody(latent), dim: q.dim, format: q.format });
      return { body: await res.arrayBuffer(), contentType: MEDIA_TYPES[q.format] };
    },
  });
}

export const face = new Hono<EdgeEnv>()
  .get('/', query(faceQuery), (c) => serveFace(c, c.req.valid('query')))
  .all('/', methodNotAllowed('GET, HEAD'));
