/** The Worker's bindings, read and validated once per isolate into a typed config. */
import { ApiError } from '../../shared/errors.ts';

export interface Bindings {
  LATENTS: KVNamespace;
  GPU_FN_URL: string;
  GPU_FN_SECRET: string;
  GPU_FN_TIMEOUT_MS?: string;
  ASSETS?: Fetcher;
}

export interface Config {
  gpuFnUrl: string;
  gpuFnSecret: string;
  gpuFnTimeoutMs: number;
}

let cached: { from: Bindings; config: Config } | undefined;

/** Validates the bindings the edge cannot work without; a misconfiguration is a clear 500 once, not a crash per request. */
export function configOf(env: Bindings): Config {
  if (cached?.from === env) return cached.config;
  const missing = (['GPU_FN_URL', 'GPU_FN_SECRET'] as const).filter((k) => !env[k]);
  if (!env.LATENTS) missing.push('LATENTS' as never);
  if (missing.length) throw new ApiError('INTERNAL', `server misconfigured: missing binding ${missing.join(', ')}`);
  const timeout = Number(env.GPU_FN_TIMEOUT_MS ?? 30000);
  const config = {
    gpuFnUrl: env.GPU_FN_URL.replace(/\/+$/, ''),
    gpuFnSecret: env.GPU_FN_SECRET,
    gpuFnTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 30000,
  };
  cached = { from: env, config };
  return config;
}

export type AppEnv = { Bindings: Bindings };
