/** An imported StyleGAN2 network served by gpu-fn's app: the faces NVIDIA's code draws, as PNG. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../gpu-fn/src/app.ts';
import { loadEngine } from '../../../gpu-fn/src/engine/load.ts';
import type { Engine } from '../../../gpu-fn/src/engine/types.ts';
import { importSnapshot } from '../../../gpu-fn/src/models/import.ts';
import { maxAbsDiff, readNpy, reference, TINY_PKL } from './fixture.ts';

const SECRET = 'a-shared-secret-for-model-tests';
const headers = { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' };
let modelsDir: string;
let engine: Engine;

beforeAll(async () => {
  modelsDir = await mkdtemp(join(tmpdir(), 'checkface-serve-'));
  await importSnapshot(TINY_PKL, { modelsDir, id: 'tiny' });
  engine = await loadEngine({ model: 'tiny', modelsDir });
});

afterAll(async () => {
  await engine.close?.();
  await rm(modelsDir, { recursive: true, force: true });
});

async function png(body: unknown): Promise<{ pixels: Uint8Array; model: string | null }> {
  const app = createApp({ secret: SECRET, engine });
  const res = await app.request('/v1/face', { method: 'POST', body: JSON.stringify(body), headers });
  expect(res.status).toBe(200);
  const { data, info } = await sharp(Buffer.from(await res.arrayBuffer())).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  expect([info.width, info.height]).toEqual([32, 32]);
  return { pixels: new Uint8Array(data), model: res.headers.get('X-Model') };
}

describe('gpu-fn serving the imported tiny network', () => {
  const c = reference.cases.find((x) => x.name === 'seed0_psi0.7_cutoff8')!;

  it('renders z through mapping, truncation (0.7, 8) and synthesis', async () => {
    const z = Array.from(readNpy(c.files.z!));
    const { pixels, model } = await png({ latent: { z }, dim: 32, format: 'png' });
    expect(model).toBe(`tiny@sg2-${reference.pkl.sha256.slice(0, 12)}`);
    expect(maxAbsDiff(pixels, readNpy(c.files.img_u8))).toBeLessThanOrEqual(1);
  });

  it('renders registered dlatents (ws) without mapping or truncation', async () => {
    const lerp = reference.cases.find((x) => x.name.startsWith('lerp'))!;
    const flat = readNpy(lerp.files.ws);
    const w = Array.from({ length: 8 }, (_, i) => Array.from(flat.subarray(i * 64, (i + 1) * 64)));
    const { pixels } = await png({ latent: { w }, dim: 32, format: 'png' });
    expect(maxAbsDiff(pixels, readNpy(lerp.files.img_u8))).toBeLessThanOrEqual(1);
  });
});

describe('switching the served model at run time', () => {
  it('switches to an installed model, and keeps serving the old one when a switch fails', async () => {
    const { BuiltinEngine } = await import('../../../gpu-fn/src/engine/builtin.ts');
    const app = createApp({ secret: SECRET, engine: new BuiltinEngine(), loadModel: (id) => loadEngine({ model: id, modelsDir }) });
    const put = (id: string) => app.request('/v1/model', { method: 'PUT', body: JSON.stringify({ id }), headers });
    const first = reference.cases.find((x) => x.name === 'seed0_psi0.7_cutoff8')!;
    const z = Array.from(readNpy(first.files.z!));

    const missing = await put('nope');
    expect(missing.status).toBe(409);
    const err = ((await missing.json()) as { error: { code: string; message: string } }).error;
    expect(err.code).toBe('MODEL_UNAVAILABLE');
    expect(err.message).toMatch(/nope.*not installed.*still serving builtin-face/s);
    const stillBuiltin = await app.request('/v1/face', { method: 'POST', body: JSON.stringify({ latent: { z }, dim: 32, format: 'png' }), headers });
    expect(stillBuiltin.headers.get('X-Model')).toMatch(/^builtin-face@/);

    const ok = await put('tiny');
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { id: string }).id).toBe('tiny');
    // The same request now renders with the tiny network (not a frame remembered from the old model).
    const res = await app.request('/v1/face', { method: 'POST', body: JSON.stringify({ latent: { z }, dim: 32, format: 'png' }), headers });
    expect(res.headers.get('X-Model')).toMatch(/^tiny@/);
    const pixels = await sharp(Buffer.from(await res.arrayBuffer())).removeAlpha().raw().toBuffer();
    expect(maxAbsDiff(new Uint8Array(pixels), readNpy(first.files.img_u8))).toBeLessThanOrEqual(1);
  });
});
