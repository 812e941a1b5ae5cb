/** The morph endpoints: /api/morphframe/, /api/gif/, /api/webp/, /api/mp4/ — cached like faces. */
import { Hono, type Context } from 'hono';
import { MEDIA_TYPES } from '../../../shared/media.ts';
import { frameProgress } from '../../../shared/morph.ts';
import { gifQuery, morphframeQuery, mp4Query, webpQuery, type LatentSource } from '../../../shared/params.ts';
import { methodNotAllowed, query } from '../lib/errors.ts';
import { withRange } from '../lib/range.ts';
import { serveRendered } from '../lib/render.ts';
import { latentBody, resolveLatent, type Resolved } from '../lib/resolve.ts';
import type { EdgeEnv } from '../lib/services.ts';
import { builtinMorphSvg } from '../lib/svg.ts';
import { mp4EmbedPage } from '../pages/embed.ts';

/** Both ends of a morph, each error naming its own parameter (from_guid, to_guid). */
export async function resolveEnds(c: Context<EdgeEnv>, ends: { from: LatentSource; to: LatentSource }): Promise<[Resolved, Resolved]> {
  const { latents } = c.var.services;
  return Promise.all([resolveLatent(ends.from, latents, 'from_guid'), resolveLatent(ends.to, latents, 'to_guid')]);
}

type Animated = 'gif' | 'webp' | 'mp4';

async function serveAnimation(c: Context<EdgeEnv>, format: Animated, q: { from: LatentSource; to: LatentSource; dim: number; fps: number; numFrames: number; kbitrate?: number }) {
  const [from, to] = await resolveEnds(c, q);
  const kb = format === 'mp4' ? `/${q.kbitrate}k` : '';
  return serveRendered(c, {
    canonical: `${format}/${from.key}/${to.key}/${q.numFrames}f/${q.fps}fps/${q.dim}${kb}`,
    produce: async () => {
      const body = { from: latentBody(from), to: latentBody(to), dim: q.dim, numFrames: q.numFrames, fps: q.fps, format, ...(q.kbitrate ? { kbitrate: q.kbitrate } : {}) };
      const res = await c.var.services.gpu.render('/v1/animation', body);
      return { body: await res.arrayBuffer(), contentType: MEDIA_TYPES[format] };
    },
  });
}

export const morphframe = new Hono<EdgeEnv>()
  .get('/', query(morphframeQuery), async (c) => {
    const q = c.req.valid('query');
    const [from, to] = await resolveEnds(c, q);
    // Keyed by the interpolation amount, so equal frames of different morphs share one entry.
    const p = frameProgress(q.linear ? 'linear' : 'trig', q.numFrames, q.frameNum);
    const format = q.format;
    return serveRendered(c, {
      canonical: `frame/${from.key}/${to.key}/${p}/${q.dim}.${format}`,
      produce: async () => {
        if (format === 'svg') return { body: await builtinMorphSvg(c.var.services.gpu, from, to, p, q.dim), contentType: 'image/svg+xml' };
        const body = { from: latentBody(from), to: latentBody(to), dim: q.dim, format, numFrames: q.numFrames, frameNum: q.frameNum, linear: q.linear };
        const res = await c.var.services.gpu.render('/v1/morphframe', body);
        return { body: await res.arrayBuffer(), contentType: MEDIA_TYPES[format] };
      },
    });
  })
  .all('/', methodNotAllowed('GET, HEAD'));

export const gif = new Hono<EdgeEnv>()
  .get('/', query(gifQuery), (c) => serveAnimation(c, 'gif', c.req.valid('query')))
  .all('/', methodNotAllowed('GET, HEAD'));

export const webp = new Hono<EdgeEnv>()
  .get('/', query(webpQuery), (c) => serveAnimation(c, 'webp', c.req.valid('query')))
  .all('/', methodNotAllowed('GET, HEAD'));

export const mp4 = new Hono<EdgeEnv>()
  .get('/', query(mp4Query), async (c) => {
    const q = c.req.valid('query');
    if (q.embedHtml) return c.html(mp4EmbedPage(new URL(c.req.url)), 200, { 'Cache-Control': 'public, max-age=31536000, immutable' });
    return withRange(await serveAnimation(c, 'mp4', q), c.req.header('Range'));
  })
  .all('/', methodNotAllowed('GET, HEAD'));
