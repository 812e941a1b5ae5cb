/** gpu-fn's entry point: read the environment, load the model, listen. */
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { loadEngine } from './engine/load.ts';

async function main(): Promise<void> {
  const config = readConfig();
  const engine = await loadEngine(config);
  const loadModel = (id: string) => loadEngine({ ...config, model: id });
  const app = createApp({
    secret: config.secret,
    engine,
    loadModel,
    queue: { batchSize: config.batchSize, waitMs: config.batchWaitMs, limit: config.queueLimit, keepBytes: config.frameCacheBytes },
  });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    console.log(`gpu-fn: serving ${engine.info.id}@${engine.info.version} on http://${config.host}:${info.port}`);
  });
  const stop = () => {
    server.close();
    void engine.close?.();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`gpu-fn: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
