/**
 * StyleGAN2 speed on CPU: a random-weight network of FFHQ's shape (1024 px, config-f, 30.4 M
 * parameters) built with our graph builder, run with ONNX Runtime. Prints graph build time, model
 * load time, time per image at batch 1 and 4, and peak memory.
 *
 *   node bench/stylegan2.ts [--threads 2] [--batches 1,4] [--runs 3] [--resolution 1024]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { StyleGan2Engine } from '../gpu-fn/src/engine/stylegan2.ts';
import { buildMappingGraph, buildSynthesisGraph } from '../gpu-fn/src/inference/stylegan2-graph.ts';
import { writeBundle } from '../gpu-fn/src/models/bundle.ts';
import { BUNDLE_FORMAT } from '../gpu-fn/src/models/manifest.ts';
import { FFHQ_SHAPE, randomGenerator } from './stylegan2-random.ts';

const { values } = parseArgs({
  options: {
    threads: { type: 'string', default: '2' },
    batches: { type: 'string', default: '1,4' },
    runs: { type: 'string', default: '3' },
    resolution: { type: 'string', default: '1024' },
  },
});
const threads = Number(values.threads);
const runs = Number(values.runs);
const resolution = Number(values.resolution);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

let t = performance.now();
const spec = randomGenerator({ ...FFHQ_SHAPE, resolution });
const mapping = buildMappingGraph(spec);
const synthesis = buildSynthesisGraph(spec);
console.log(`network: ${resolution} px, ${(spec.hyper.params / 1e6).toFixed(2)} M parameters, ${spec.hyper.numWs} ws; graphs built in ${((performance.now() - t) / 1000).toFixed(1)} s (synthesis.onnx ${mb(synthesis.length)})`);

const modelsDir = await mkdtemp(join(tmpdir(), 'checkface-bench-'));
try {
  await writeBundle(modelsDir, {
    format: BUNDLE_FORMAT, id: 'random-ffhq-shape', version: 'bench', createdAt: new Date().toISOString(), licence: 'random weights',
    source: { file: 'random', sha256: '0'.repeat(64), bytes: 0, network: 'G_ema' }, hyper: spec.hyper, wAvg: Array.from(spec.wAvg),
  }, { 'mapping.onnx': mapping, 'synthesis.onnx': synthesis });
  const rssBefore = peakRss();
  t = performance.now();
  const engine = await StyleGan2Engine.load(modelsDir, 'random-ffhq-shape', { threads });
  console.log(`load (read + sha256 + 2 ONNX Runtime sessions, ${threads} threads): ${((performance.now() - t) / 1000).toFixed(2)} s; peak RSS ${mb(peakRss())} (before load ${mb(rssBefore)})`);

  for (const batch of values.batches.split(',').map(Number)) {
    const z = new Float64Array(batch * spec.hyper.zDim).map((_, i) => Math.sin(i * 12.9898) * 1.7);
    const ws = await engine.map(z, batch, { psi: 0.7, cutoff: 8 });
    await engine.synthesizeFloat(ws, batch); // warm-up: first run allocates and picks kernels
    const times: number[] = [];
    const cpus: number[] = [];
    for (let r = 0; r < runs; r++) {
      const c0 = process.cpuUsage();
      t = performance.now();
      const imgs = await engine.synthesize(ws, batch, resolution);
      times.push((performance.now() - t) / 1000);
      const c = process.cpuUsage(c0);
      cpus.push((c.user + c.system) / 1e6);
      if (imgs.length !== batch) throw new Error('wrong batch');
    }
    const best = Math.min(...times);
    const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    // The machine may be shared: CPU seconds / threads is what the run costs on idle cores.
    const cpu = Math.min(...cpus) / threads / batch;
    console.log(`batch ${batch}: median ${median.toFixed(2)} s per run = ${(median / batch).toFixed(2)} s per image (best ${(best / batch).toFixed(2)} s; CPU time / ${threads} threads ${cpu.toFixed(2)} s per image); peak RSS ${mb(peakRss())}; load average ${loadavg()[0]!.toFixed(1)}`);
  }
  await engine.close();
} finally {
  await rm(modelsDir, { recursive: true, force: true });
}
