/** gpu-fn's HTTP app: health, model identity, and render routes behind the shared secret. */
import { Hono } from 'hono';
import { ApiError } from '../../shared/errors.ts';
import { requireSecret } from './auth.ts';
import { RenderQueue, type QueueOptions } from './engine/queue.ts';
import type { Engine } from './engine/types.ts';
import { SPEC_TRUNCATION } from '../../shared/latent/truncate.ts';
import { onError } from './errors.ts';
import { encodeRoutes } from './routes/encode.ts';
import { faceRoutes } from './routes/face.ts';
import { modelRoutes } from './routes/model.ts';
import { SwitchableEngine } from './engine/switchable.ts';
import { linkpreviewRoutes, morphRoutes } from './routes/morph.ts';

export interface AppDeps {
  secret: string;
  engine: Engine;
  queue?: Partial<QueueOptions>;
  /** Loads an installed model by id, for PUT /v1/model. */
  loadModel?: (id: string) => Promise<Engine>;
}

/** Builds the app around one engine. */
export function createApp({ secret, engine: initial, queue: queueOpts, loadModel }: AppDeps) {
  const engine = new SwitchableEngine(initial);
  const queue = new RenderQueue(engine, { batchSize: 10, waitMs: 2, limit: 256, truncation: SPEC_TRUNCATION, keepBytes: 256 * 1024 * 1024, ...queueOpts });
  const app = new Hono();
  // Unauthenticated liveness for container hosts; says nothing about the model.
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.use('/v1/*', requireSecret(secret));
  app.use('/v1/*', async (c, next) => {
    await next();
    c.res.headers.set('X-Model', `${engine.info.id}@${engine.info.version}`);
  });
  app.route('/v1/model', modelRoutes(engine, loadModel));
  app.get('/v1/queue', (c) => c.json({ queue: queue.depth }));
  app.route('/v1/face', faceRoutes(engine, queue));
  app.route('/v1/encode', encodeRoutes(engine));
  app.route('/v1', morphRoutes(engine, queue, SPEC_TRUNCATION));
  app.route('/v1/linkpreview', linkpreviewRoutes(engine, queue, SPEC_TRUNCATION));
  app.notFound(() => onError(new ApiError('NOT_FOUND', 'no such endpoint')));
  app.onError(onError);
  return app;
}
