/** The imported tiny network against NVIDIA's own outputs (reference.json), through loadEngine. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../../../gpu-fn/src/engine/load.ts';
import { StyleGan2Engine } from '../../../gpu-fn/src/engine/stylegan2.ts';
import { resizeRgb } from '../../../gpu-fn/src/encode/resize.ts';
import { importSnapshot } from '../../../gpu-fn/src/models/import.ts';
import { maxAbsDiff, readNpy, reference, TINY_PKL } from './fixture.ts';

let modelsDir: string;
let engine: StyleGan2Engine;
const WS = 8 * 64;

beforeAll(async () => {
  modelsDir = await mkdtemp(join(tmpdir(), 'checkface-models-'));
  await importSnapshot(TINY_PKL, { modelsDir, id: 'tiny' });
  const loaded = await loadEngine({ model: 'tiny', modelsDir });
  expect(loaded).toBeInstanceOf(StyleGan2Engine);
  engine = loaded as StyleGan2Engine;
});

afterAll(async () => {
  await engine?.close();
  await rm(modelsDir, { recursive: true, force: true });
});

describe('StyleGAN2 engine on the stylegan2-tiny fixture', () => {
  it('reports the network shape and identity', () => {
    expect(engine.info).toMatchObject({ id: 'tiny', kind: 'stylegan2', zDim: 512, wDim: 64, numWs: 8, resolution: 32 });
    expect(engine.info.version).toBe(`sg2-${reference.pkl.sha256.slice(0, 12)}`);
  });

  const mapped = reference.cases.filter((c) => c.files.z);
  it.each(mapped.map((c) => [c.name, c] as const))('maps z to truncated ws: %s', async (_name, c) => {
    const z = readNpy(c.files.z!) as Float64Array;
    const ws = await engine.map(z, 1, { psi: c.inputs.truncation_psi, cutoff: c.inputs.truncation_cutoff ?? 8 });
    expect(maxAbsDiff(ws, readNpy(c.files.ws))).toBeLessThanOrEqual(reference.tolerances.ws_max_abs);
  });

  it.each(reference.cases.map((c) => [c.name, c] as const))('synthesises the reference image: %s', async (_name, c) => {
    const ws = readNpy(c.files.ws) as Float32Array;
    const img = await engine.synthesizeFloat(ws, 1);
    expect(maxAbsDiff(img, readNpy(c.files.img_f32))).toBeLessThanOrEqual(reference.tolerances.img_f32_max_abs);
    const [rgb] = await engine.synthesize(ws, 1, 32);
    expect(rgb!.width).toBe(32);
    expect(maxAbsDiff(rgb!.data, readNpy(c.files.img_u8))).toBeLessThanOrEqual(reference.tolerances.img_u8_max_abs);
  });

  it('gives the same results batched as one at a time', async () => {
    const cases = reference.cases;
    const z = new Float64Array(mapped.length * 512);
    mapped.forEach((c, i) => z.set(readNpy(c.files.z!) as Float64Array, i * 512));
    const t = { psi: 0.7, cutoff: 8 };
    const batchWs = await engine.map(z, mapped.length, t);
    for (let i = 0; i < mapped.length; i++) {
      const single = await engine.map(z.subarray(i * 512, (i + 1) * 512), 1, t);
      expect(maxAbsDiff(batchWs.subarray(i * WS, (i + 1) * WS), single)).toBeLessThanOrEqual(1e-6);
    }
    const ws = new Float32Array(cases.length * WS);
    cases.forEach((c, i) => ws.set(readNpy(c.files.ws) as Float32Array, i * WS));
    const batchImg = await engine.synthesizeFloat(ws, cases.length);
    const batchRgb = await engine.synthesize(ws, cases.length, 32);
    for (let i = 0; i < cases.length; i++) {
      const single = await engine.synthesizeFloat(ws.slice(i * WS, (i + 1) * WS), 1);
      expect(maxAbsDiff(batchImg.subarray(i * 3072, (i + 1) * 3072), single)).toBeLessThanOrEqual(1e-5);
      expect(maxAbsDiff(batchRgb[i]!.data, readNpy(cases[i]!.files.img_u8))).toBeLessThanOrEqual(1);
    }
  });

  it('resizes to the requested size with Lanczos', async () => {
    const c = reference.cases[0]!;
    const ws = readNpy(c.files.ws) as Float32Array;
    const [big] = await engine.synthesize(ws, 1, 100);
    expect([big!.width, big!.height, big!.data.length]).toEqual([100, 100, 100 * 100 * 3]);
    const expected = await resizeRgb({ width: 32, height: 32, data: readNpy(c.files.img_u8) as Uint8Array }, 100);
    expect(maxAbsDiff(big!.data, expected.data)).toBeLessThanOrEqual(2);
  });

  it('refuses ws of the wrong length', async () => {
    await expect(engine.synthesize(new Float32Array(10), 1, 32)).rejects.toThrow(/expected 1 x 8 x 64/);
  });
});
