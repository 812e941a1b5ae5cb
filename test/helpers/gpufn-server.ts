/** Starts a real gpu-fn (built-in model) in this process on a free loopback port, for tests. */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../gpu-fn/src/app.ts';
import { BuiltinEngine } from '../../gpu-fn/src/engine/builtin.ts';
import type { Engine } from '../../gpu-fn/src/engine/types.ts';

export const TEST_SECRET = 'test-secret-0123456789abcdef';

export interface RunningGpuFn {
  url: string;
  /** Requests received per path, to prove cache hits never reach gpu-fn. */
  calls: Map<string, number>;
  close(): Promise<void>;
}

/** Serves createApp() on 127.0.0.1 with a call counter in front. */
export async function startGpuFn(engine: Engine = new BuiltinEngine(), port = 0): Promise<RunningGpuFn> {
  const app = createApp({ secret: TEST_SECRET, engine });
  const calls = new Map<string, number>();
  const server = serve({
    fetch: (req: Request) => {
      const path = new URL(req.url).pathname;
      // Test-only: lets Worker tests read how often each gpu-fn route was called.
      if (path === '/__calls') return Response.json(Object.fromEntries(calls));
      calls.set(path, (calls.get(path) ?? 0) + 1);
      return app.fetch(req);
    },
    hostname: '127.0.0.1',
    port,
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
