/** GET /status/ (200 once the edge and gpu-fn can both answer) and GET /api/queue/. */
import { Hono } from 'hono';
import { methodNotAllowed } from '../lib/errors.ts';
import type { EdgeEnv } from '../lib/services.ts';

export const status = new Hono<EdgeEnv>()
  .get('/', async (c) => {
    const model = await c.var.services.gpu.model();
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok', model: { id: model.id, version: model.version } });
  })
  .all('/', methodNotAllowed('GET, HEAD'));

/** The original's queue length endpoint: how many renders gpu-fn has waiting. */
export const queue = new Hono<EdgeEnv>()
  .get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await c.var.services.gpu.queue());
  })
  .all('/', methodNotAllowed('GET, HEAD'));
