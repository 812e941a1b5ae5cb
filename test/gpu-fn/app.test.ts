import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../gpu-fn/src/app.ts';
import { BuiltinEngine } from '../../gpu-fn/src/engine/builtin.ts';
import type { Engine, Rgb8 } from '../../gpu-fn/src/engine/types.ts';

const SECRET = 'a-shared-secret-for-tests';
const auth = { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' };
const z = (k: number) => Array.from({ length: 512 }, (_, i) => Math.sin(i * k));

/** The built-in engine with a record of every synthesize call's batch size. */
function countingEngine(): Engine & { batches: number[] } {
  const inner = new BuiltinEngine();
  const batches: number[] = [];
  return {
    info: inner.info,
    batches,
    map: (zs, batch, t) => inner.map(zs, batch, t),
    synthesize: (ws, batch, size): Promise<Rgb8[]> => {
      batches.push(batch);
      return inner.synthesize(ws, batch, size);
    },
  };
}

const post = (app: ReturnType<typeof createApp>, body: unknown, headers: Record<string, string> = auth) =>
  app.request('/v1/face', { method: 'POST', body: JSON.stringify(body), headers });

describe('gpu-fn', () => {
  it('answers /healthz without the secret but refuses /v1 without it (401)', async () => {
    const app = createApp({ secret: SECRET, engine: new BuiltinEngine() });
    expect((await app.request('/healthz')).status).toBe(200);
    const none = await app.request('/v1/model');
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
    const wrong = await app.request('/v1/model', { headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const model = await app.request('/v1/model', { headers: auth });
    expect(await model.json()).toMatchObject({ id: 'builtin-face', zDim: 512, numWs: 18, wDim: 512 });
    expect(model.headers.get('X-Model')).toMatch(/^builtin-face@/);
  });

  it('renders a face of the asked size and format', async () => {
    const app = createApp({ secret: SECRET, engine: new BuiltinEngine() });
    const res = await post(app, { latent: { z: z(1) }, dim: 37, format: 'png' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/png');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 37, 37]);
  });

  it('renders identical concurrent requests once and batches different ones', async () => {
    const engine = countingEngine();
    const app = createApp({ secret: SECRET, engine, queue: { batchSize: 8, waitMs: 20 } });
    const same = await Promise.all([1, 2, 3].map(() => post(app, { latent: { z: z(2) }, dim: 20, format: 'jpg' })));
    expect(same.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(engine.batches).toEqual([1]);
    const bodies = await Promise.all(same.map(async (r) => Buffer.from(await r.arrayBuffer()).toString('base64')));
    expect(new Set(bodies).size).toBe(1);
    engine.batches.length = 0;
    const different = await Promise.all([3, 4, 5, 6].map((k) => post(app, { latent: { z: z(k) }, dim: 20, format: 'jpg' })));
    expect(different.every((r) => r.status === 200)).toBe(true);
    expect(engine.batches).toEqual([4]);
  });

  it('renders frames shared between morphs once', async () => {
    const engine = countingEngine();
    const app = createApp({ secret: SECRET, engine });
    const ends = { from: { z: z(11) }, to: { z: z(12) } };
    const gif = await app.request('/v1/animation', { method: 'POST', headers: auth, body: JSON.stringify({ ...ends, dim: 16, numFrames: 4, fps: 4, format: 'gif' }) });
    expect(gif.status).toBe(200);
    // Trig with 4 frames has 3 distinct frames (frame 3 mirrors frame 1).
    expect(engine.batches.reduce((a, b) => a + b, 0)).toBe(3);
    const frame = await app.request('/v1/morphframe', { method: 'POST', headers: auth, body: JSON.stringify({ ...ends, dim: 16, numFrames: 4, frameNum: 3, linear: false, format: 'png' }) });
    expect(frame.status).toBe(200);
    expect(engine.batches.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('answers 503 with Retry-After beyond the queue limit', async () => {
    const app = createApp({ secret: SECRET, engine: new BuiltinEngine(), queue: { limit: 2, waitMs: 50 } });
    const results = await Promise.all([7, 8, 9, 10].map((k) => post(app, { latent: { z: z(k) }, dim: 16, format: 'jpg' })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 503, 503]);
    const busy = results.find((r) => r.status === 503)!;
    expect(busy.headers.get('Retry-After')).toMatch(/^\d+$/);
  });

  it('refuses bad bodies (400) and latents of the wrong shape (422)', async () => {
    const app = createApp({ secret: SECRET, engine: new BuiltinEngine() });
    const bad = await post(app, { latent: { z: z(1) }, dim: 5000, format: 'jpg' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { param: string } }).error.param).toBe('dim');
    const notJson = await app.request('/v1/face', { method: 'POST', body: '{', headers: auth });
    expect(notJson.status).toBe(400);
    const shape = await post(app, { latent: { w: [[1, 2, 3]] }, dim: 20, format: 'jpg' });
    expect(shape.status).toBe(422);
    expect(((await shape.json()) as { error: { code: string } }).error.code).toBe('LATENT_INCOMPATIBLE');
  });
});
