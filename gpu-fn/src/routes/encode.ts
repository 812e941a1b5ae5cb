/** POST /v1/encode: a photo to a dlatent, for engines that have an image encoder. */
import { Hono } from 'hono';
import { ApiError } from '../../../shared/errors.ts';
import type { Engine } from '../engine/types.ts';

/** The encode route; engines without `encode` answer 501 naming the model. */
export function encodeRoutes(engine: Engine) {
  return new Hono().post('/', async (c) => {
    if (!engine.encode) {
      throw new ApiError('NOT_IMPLEMENTED', `model ${engine.info.id} has no image encoder, so photos cannot be turned into faces yet; register a latent with /api/registerlatent/ instead`);
    }
    const image = new Uint8Array(await c.req.arrayBuffer());
    const tryalign = c.req.query('tryalign') === 'true';
    const out = await engine.encode(image, tryalign);
    return c.json({ did_align: out.didAlign, dlatent: out.dlatent });
  });
}
