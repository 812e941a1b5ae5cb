/** GET /status/: 200 once the edge and gpu-fn can both answer. */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { configOf } from '../env.ts';
import { gpuFnOf } from '../lib/gpufn.ts';
import { methodNotAllowed } from '../lib/errors.ts';

export const status = new Hono<AppEnv>()
  .get('/', async (c) => {
    const model = await gpuFnOf(configOf(c.env)).model();
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok', model: { id: model.id, version: model.version } });
  })
  .all('/', methodNotAllowed('GET, HEAD'));
