/** gpu-fn's environment, read and validated once at start-up. */
import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';

export interface GpuFnConfig {
  host: string;
  port: number;
  /** Shared secret the edge sends as `Authorization: Bearer …`. */
  secret: string;
  /** Installed model to serve, or `builtin`. */
  model: string;
  modelsDir: string;
  /** Most latents rendered in one model run. */
  batchSize: number;
  /** How long the first request of a batch waits for company, in ms. */
  batchWaitMs: number;
  /** Most jobs waiting before gpu-fn answers 503. */
  queueLimit: number;
  /** Bytes of recently rendered frames kept for reuse across requests. */
  frameCacheBytes: number;
  /** ONNX Runtime threads per model run. */
  threads: number;
  /** Where StyleGAN2 networks run. */
  device: 'cpu' | 'cuda';
}

/** Where installed models live unless CHECKFACE_MODELS_DIR says otherwise. */
export function defaultModelsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHECKFACE_MODELS_DIR || join(homedir(), '.checkface', 'models');
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer between ${min} and ${max}, got ${JSON.stringify(raw)}`);
  return n;
}

function deviceFrom(raw: string | undefined): 'cpu' | 'cuda' {
  if (!raw || raw === 'cpu') return 'cpu';
  if (raw === 'cuda') return 'cuda';
  throw new Error(`GPU_FN_DEVICE must be cpu or cuda, got ${JSON.stringify(raw)}`);
}

/** Reads the configuration; throws a message naming the variable when one is wrong. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): GpuFnConfig {
  const secret = env.GPU_FN_SECRET ?? '';
  if (secret.length < 16) throw new Error('GPU_FN_SECRET must be set to a shared secret of at least 16 characters');
  return {
    host: env.GPU_FN_HOST || '127.0.0.1',
    port: intFrom(env, 'GPU_FN_PORT', 8788, 0, 65535),
    secret,
    model: env.CHECKFACE_MODEL || 'builtin',
    modelsDir: defaultModelsDir(env),
    batchSize: intFrom(env, 'GPU_FN_BATCH_SIZE', 10, 1, 64),
    batchWaitMs: intFrom(env, 'GPU_FN_BATCH_WAIT_MS', 2, 0, 1000),
    queueLimit: intFrom(env, 'GPU_FN_QUEUE_LIMIT', 256, 1, 100000),
    frameCacheBytes: intFrom(env, 'GPU_FN_FRAME_CACHE_MB', 256, 0, 65536) * 1024 * 1024,
    threads: intFrom(env, 'GPU_FN_THREADS', availableParallelism(), 1, 256),
    device: deviceFrom(env.GPU_FN_DEVICE),
  };
}
