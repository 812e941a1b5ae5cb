import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { app } from '../../edge/src/app.ts';
import { ApiError } from '../../shared/errors.ts';
import { forgetModel, gpuFnOf } from '../../edge/src/lib/gpufn.ts';
import { edge, errorOf } from './helpers.ts';

const withEnv = (path: string, overrides: Record<string, string>) => app.request(path, {}, { ...env, ...overrides });

describe('when gpu-fn fails', () => {
  it('answers 503 with Retry-After when gpu-fn is down, and recovers when it is back', async () => {
    forgetModel();
    const down = await withEnv('/api/face/?value=upstream-down', { GPU_FN_URL: 'http://127.0.0.1:9' });
    expect(down.status).toBe(503);
    expect(down.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect((await errorOf(down)).code).toBe('BUSY');
    forgetModel();
    const back = await edge('/api/face/?value=upstream-down');
    expect(back.status).toBe(200);
  });

  it('answers 504 when gpu-fn does not answer in time, and never caches the error', async () => {
    forgetModel();
    const slow = await withEnv('/api/face/?value=upstream-slow&dim=1000', { GPU_FN_TIMEOUT_MS: '1' });
    expect(slow.status).toBe(504);
    expect(slow.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect((await errorOf(slow)).code).toBe('UPSTREAM_TIMEOUT');
    forgetModel();
    const ok = await edge('/api/face/?value=upstream-slow&dim=1000');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('X-Cache')).toBe('MISS');
  });

  it('reports /status/ as 503 while gpu-fn is down', async () => {
    forgetModel();
    const res = await withEnv('/status/', { GPU_FN_URL: 'http://127.0.0.1:9' });
    expect(res.status).toBe(503);
    forgetModel();
  });

  it('answers 504, not a stray error, when the headers arrive in time but the body does not', async () => {
    // Like fetch itself: the deadline's signal also errors a body still streaming in.
    const stalled: typeof fetch = async (_url, init) => {
      const signal = init?.signal as AbortSignal;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array([1, 2, 3]));
          signal.addEventListener('abort', () => controller.error(signal.reason));
        },
      });
      return new Response(body, { headers: { 'Content-Type': 'image/jpeg' } });
    };
    const gpu = gpuFnOf({ gpuFnUrl: 'http://gpu-fn.invalid', gpuFnSecret: 's', gpuFnTimeoutMs: 5 }, stalled);
    const failure = await gpu.render('/v1/face', {}).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('UPSTREAM_TIMEOUT');
    expect((failure as ApiError).status).toBe(504);
  });

  it('asks gpu-fn for its model once when the memo expires, while other requests go on with the old answer', async () => {
    forgetModel();
    let calls = 0;
    let release: (v: Response) => void = () => {};
    const model = (version: string) => Response.json({ id: 'builtin-face', version, kind: 'builtin', zDim: 512, wDim: 512, numWs: 18, resolution: 1024 });
    const fetcher: typeof fetch = async () => {
      calls++;
      return calls === 1 ? model('1') : new Promise<Response>((r) => (release = r));
    };
    const gpu = gpuFnOf({ gpuFnUrl: 'http://gpu-fn.invalid', gpuFnSecret: 's', gpuFnTimeoutMs: 5000 }, fetcher);
    expect((await gpu.model()).version).toBe('1');
    const later = Date.now() + 31_000;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(later);
    try {
      const refreshing = gpu.model();
      const others = await Promise.all([gpu.model(), gpu.model(), gpu.model()]);
      expect(others.map((m) => m.version)).toEqual(['1', '1', '1']);
      expect(calls).toBe(2);
      release(model('2'));
      expect((await refreshing).version).toBe('2');
      expect((await gpu.model()).version).toBe('2');
      expect(calls).toBe(2);
    } finally {
      clock.mockRestore();
      forgetModel();
    }
  });
});
