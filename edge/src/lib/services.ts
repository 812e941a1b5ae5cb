/** Hands each request its services (KV, cache, gpu-fn), so route files never touch bindings. */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { configOf } from '../env.ts';
import { RenderCache } from './cache.ts';
import { gpuFnOf, type GpuFn } from './gpufn.ts';
import { LatentStore } from './latents.ts';

export interface Services {
  latents: LatentStore;
  gpu: GpuFn;
  cache: RenderCache;
}

export type EdgeEnv = AppEnv & { Variables: { services: Services } };

/** Middleware building the services from the bindings once per request. */
export const services: MiddlewareHandler<EdgeEnv> = async (c, next) => {
  c.set('services', {
    latents: new LatentStore(c.env.LATENTS),
    gpu: gpuFnOf(configOf(c.env)),
    cache: new RenderCache(caches.default),
  });
  await next();
};
