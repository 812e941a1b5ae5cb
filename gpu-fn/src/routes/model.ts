/** GET /v1/model (what is served) and PUT /v1/model (switch models without a restart). */
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../../shared/errors.ts';
import type { SwitchableEngine } from '../engine/switchable.ts';
import type { Engine } from '../engine/types.ts';
import { parseBody } from './validate.ts';

const switchBody = z.object({ id: z.string().min(1).max(64) });

/** Model routes; `load` is how an installed model is loaded (absent: switching is not offered). */
export function modelRoutes(engine: SwitchableEngine, load?: (id: string) => Promise<Engine>) {
  return new Hono()
    .get('/', (c) => c.json(engine.info))
    .put('/', async (c) => {
      if (!load) throw new ApiError('NOT_IMPLEMENTED', 'this gpu-fn cannot switch models');
      const { id } = await parseBody(c, switchBody);
      let next: Engine;
      try {
        next = await load(id);
      } catch (err) {
        // The model that was serving keeps serving.
        const why = err instanceof Error ? err.message : String(err);
        throw new ApiError('MODEL_UNAVAILABLE', `model ${id} could not be loaded (${why}); still serving ${engine.info.id}@${engine.info.version}`, 'id');
      }
      engine.switchTo(next);
      return c.json(engine.info);
    });
}
