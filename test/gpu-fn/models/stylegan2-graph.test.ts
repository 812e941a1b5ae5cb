/** Graph variants (speed options) give NVIDIA's results too; engine batching splits stay exact. */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StyleGan2Engine } from '../../../gpu-fn/src/engine/stylegan2.ts';
import { createSession } from '../../../gpu-fn/src/inference/session.ts';
import { buildSynthesisGraph } from '../../../gpu-fn/src/inference/stylegan2-graph.ts';
import { importSnapshot } from '../../../gpu-fn/src/models/import.ts';
import { readGenerator } from '../../../gpu-fn/src/models/snapshot.ts';
import { maxAbsDiff, readNpy, reference, TINY_PKL } from './fixture.ts';

const spec = readGenerator(new Uint8Array(readFileSync(TINY_PKL)));
const cases = reference.cases;
const ws = new Float32Array(cases.length * 512);
cases.forEach((c, i) => ws.set(readNpy(c.files.ws) as Float32Array, i * 512));

describe('synthesis graph variants', () => {
  it('the ConvTranspose form of the up=2 convolution matches the reference', async () => {
    const s = await createSession(buildSynthesisGraph(spec, { upConv: 'transpose' }));
    const { img } = await s.run({ ws: { data: ws, dims: [cases.length, 8, 64] } });
    await s.release();
    cases.forEach((c, i) => {
      expect(maxAbsDiff(img!.data.subarray(i * 3072, (i + 1) * 3072), readNpy(c.files.img_f32))).toBeLessThanOrEqual(reference.tolerances.img_f32_max_abs);
    });
  });

  it('an early stop returns the skip image of that block', async () => {
    const s = await createSession(buildSynthesisGraph(spec, { maxResolution: 16 }));
    const { img } = await s.run({ ws: { data: ws.subarray(0, 512), dims: [1, 8, 64] } });
    await s.release();
    expect(img!.dims).toEqual([1, 3, 16, 16]);
    expect(img!.data.every(Number.isFinite)).toBe(true);
  });

  it('the engine splits large batches into runs without changing results', async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), 'checkface-split-'));
    try {
      await importSnapshot(TINY_PKL, { modelsDir, id: 'tiny' });
      const split = await StyleGan2Engine.load(modelsDir, 'tiny', { maxPixelsPerRun: 2 * 32 * 32 });
      const whole = await StyleGan2Engine.load(modelsDir, 'tiny');
      const a = await split.synthesizeFloat(ws, cases.length);
      const b = await whole.synthesizeFloat(ws, cases.length);
      expect(maxAbsDiff(a, b)).toBeLessThanOrEqual(1e-6);
      cases.forEach((c, i) => {
        expect(maxAbsDiff(a.subarray(i * 3072, (i + 1) * 3072), readNpy(c.files.img_f32))).toBeLessThanOrEqual(reference.tolerances.img_f32_max_abs);
      });
      await Promise.all([split.close(), whole.close()]);
    } finally {
      await rm(modelsDir, { recursive: true, force: true });
    }
  });
});
