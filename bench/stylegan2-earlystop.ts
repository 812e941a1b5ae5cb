/**
 * Is stopping synthesis early visually equivalent for small outputs? For each size, compares the
 * skip image of that block (the network stopped there) with the full image resized down with
 * Lanczos, as PSNR over several seeds. Only meaningful for trained weights:
 *
 *   node bench/stylegan2-earlystop.ts <snapshot.pkl> [--seeds 8]
 *   node bench/stylegan2-earlystop.ts --random        (FFHQ-shaped random weights: exercises the code only)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { imagesToRgb8 } from '../gpu-fn/src/engine/stylegan2.ts';
import { resizeRgb } from '../gpu-fn/src/encode/resize.ts';
import { createSession } from '../gpu-fn/src/inference/session.ts';
import { buildMappingGraph, buildSynthesisGraph } from '../gpu-fn/src/inference/stylegan2-graph.ts';
import { readGenerator } from '../gpu-fn/src/models/snapshot.ts';
import { truncate } from '../shared/latent/truncate.ts';
import { randomGenerator } from './stylegan2-random.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { seeds: { type: 'string', default: '8' }, random: { type: 'boolean', default: false } } });
if (!values.random && !positionals[0]) throw new Error('usage: node bench/stylegan2-earlystop.ts <snapshot.pkl> | --random');
const spec = values.random ? randomGenerator() : readGenerator(new Uint8Array(readFileSync(positionals[0]!)));
const { zDim, wDim, numWs, resolution } = spec.hyper;
const seeds = Number(values.seeds);

function psnr(a: Uint8Array, b: Uint8Array): number {
  let se = 0;
  for (let i = 0; i < a.length; i++) se += (a[i]! - b[i]!) ** 2;
  return se === 0 ? Infinity : 10 * Math.log10((255 * 255 * a.length) / se);
}

// Latents: a fixed pseudo-random normal z per seed (not the service's seed mapping; any z will do here).
const z = new Float32Array(seeds * zDim);
for (let i = 0; i < z.length; i++) z[i] = Math.sqrt(-2 * Math.log(1 - ((i * 0.6180339887) % 1 || 0.5))) * Math.cos(2 * Math.PI * ((i * 0.7548776662) % 1));
const mapping = await createSession(buildMappingGraph(spec));
const { w } = await mapping.run({ z: { data: z, dims: [seeds, zDim] } });
const ws = new Float32Array(seeds * numWs * wDim);
for (let s = 0; s < seeds; s++) for (let i = 0; i < numWs; i++) ws.set(w!.data.subarray(s * wDim, (s + 1) * wDim), (s * numWs + i) * wDim);
truncate(ws, spec.wAvg, numWs, 0.7, 8);

const full: Awaited<ReturnType<typeof imagesToRgb8>> = [];
const fullSession = await createSession(buildSynthesisGraph(spec), { memArena: false });
for (let s = 0; s < seeds; s++) {
  const { img } = await fullSession.run({ ws: { data: ws.subarray(s * numWs * wDim, (s + 1) * numWs * wDim), dims: [1, numWs, wDim] } });
  full.push(...imagesToRgb8(img!.data, 1, 3, resolution, resolution));
}
await fullSession.release();

console.log(`${values.random ? 'random weights (FFHQ shape)' : positionals[0]}: ${seeds} latents, psi 0.7`);
for (let size = resolution / 2; size >= Math.min(64, resolution / 2); size /= 2) {
  const early = await createSession(buildSynthesisGraph(spec, { maxResolution: size }));
  const { img } = await early.run({ ws: { data: ws, dims: [seeds, numWs, wDim] } });
  await early.release();
  const stopped = imagesToRgb8(img!.data, seeds, 3, size, size);
  const scores: number[] = [];
  for (let s = 0; s < seeds; s++) scores.push(psnr(stopped[s]!.data, (await resizeRgb(full[s]!, size)).data));
  const mean = scores.reduce((a, b) => a + b, 0) / seeds;
  console.log(`size ${size}: PSNR of early stop vs full image resized: mean ${mean.toFixed(1)} dB, worst ${Math.min(...scores).toFixed(1)} dB`);
}
