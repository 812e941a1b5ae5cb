/** POST /v1/face: one face, encoded as JPEG, WebP or PNG. */
import { Hono } from 'hono';
import { faceRender } from '../../../shared/render.ts';
import type { RenderQueue } from '../engine/queue.ts';
import type { Engine } from '../engine/types.ts';
import { encodeImage } from '../encode/image.ts';
import { jobOf } from '../engine/jobs.ts';
import { media, parseBody } from './validate.ts';

/** The face route for one engine and queue. */
export function faceRoutes(engine: Engine, queue: RenderQueue) {
  return new Hono().post('/', async (c) => {
    const req = await parseBody(c, faceRender);
    const img = await queue.render(jobOf(req.latent, req.dim, engine.info));
    const out = await encodeImage(img, req.format);
    return media(out.body, out.contentType);
  });
}
