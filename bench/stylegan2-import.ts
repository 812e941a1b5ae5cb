/**
 * Import speed and memory at full size: writes a random FFHQ-shaped network as an NVIDIA-format
 * snapshot pickle ({G, G_ema}, like ffhq.pkl without D), then times `import` and loading the bundle.
 *
 *   node bench/stylegan2-import.ts [--resolution 1024]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { StyleGan2Engine } from '../gpu-fn/src/engine/stylegan2.ts';
import { importSnapshot } from '../gpu-fn/src/models/import.ts';
import { FFHQ_SHAPE, randomGenerator } from './stylegan2-random.ts';
import { writeSnapshotPickle } from './stylegan2-pickle.ts';

const { values } = parseArgs({ options: { resolution: { type: 'string', default: '1024' } } });
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const dir = await mkdtemp(join(tmpdir(), 'checkface-import-'));
try {
  const file = join(dir, 'random-ffhq.pkl');
  let pkl: Uint8Array | null = writeSnapshotPickle(randomGenerator({ ...FFHQ_SHAPE, resolution: Number(values.resolution) }));
  await writeFile(file, pkl);
  console.log(`pickle: ${mb(pkl.length)} (${pkl.length} bytes)`);
  pkl = null;
  const before = process.resourceUsage().maxRSS * 1024;
  let t = performance.now();
  const m = await importSnapshot(file, { modelsDir: join(dir, 'models'), id: 'random-ffhq' });
  console.log(`import: ${((performance.now() - t) / 1000).toFixed(1)} s, ${(m.hyper.params / 1e6).toFixed(2)} M params; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} (before ${mb(before)})`);
  t = performance.now();
  const engine = await StyleGan2Engine.load(join(dir, 'models'), 'random-ffhq');
  console.log(`load bundle: ${((performance.now() - t) / 1000).toFixed(2)} s`);
  await engine.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
