/** POST /api/registerlatent/: store a qlatent or dlatent for later use by guid. */
import { Hono } from 'hono';
import { LIMITS, registerLatentBody } from '../../../shared/params.ts';
import type { AppEnv } from '../env.ts';
import { configOf } from '../env.ts';
import { readJson } from '../lib/body.ts';
import { invalidParam, methodNotAllowed } from '../lib/errors.ts';
import { gpuFnOf } from '../lib/gpufn.ts';
import { LatentStore } from '../lib/latents.ts';

/** Shape of the served model's latents; a 1024 px StyleGAN2's when gpu-fn cannot say. */
async function modelShape(c: { env: AppEnv['Bindings'] }) {
  try {
    const m = await gpuFnOf(configOf(c.env)).model();
    return { zDim: m.zDim, numWs: m.numWs, wDim: m.wDim };
  } catch {
    // Registering must not depend on the renderer being up.
    return { zDim: 512, numWs: 18, wDim: 512 };
  }
}

export const registerlatent = new Hono<AppEnv>()
  .post('/', async (c) => {
    const json = await readJson(c, LIMITS.bodyBytes);
    const shape = await modelShape(c);
    const parsed = registerLatentBody(shape.zDim, shape.numWs, shape.wDim).safeParse(json);
    if (!parsed.success) throw invalidParam(parsed.error, 'INVALID_BODY');
    const { latent, type } = parsed.data;
    const isQ = latent.length === shape.zDim && typeof latent[0] === 'number';
    const guid = await new LatentStore(c.env.LATENTS).register(
      isQ ? { qlatent: latent as number[] } : { dlatent: latent as number[][] },
      type,
    );
    return c.text(guid, 200, { 'Cache-Control': 'no-store' });
  })
  .all('/', methodNotAllowed('POST'));
