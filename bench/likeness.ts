/**
 * The built-in model's photo encoder: time to the first encode (loading face-api and its WASM
 * backend), time per photo after that, and how well it reads the model's own drawings back
 * (correlation of recovered and true traits over served faces).
 * Usage: `node bench/likeness.ts [drawings=60] [rounds=3]`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { correlation } from '../gpu-fn/src/engine/likeness/calibrate.ts';
import { encodeLikeness } from '../gpu-fn/src/engine/likeness/index.ts';
import { faceSvg } from '../shared/face/index.ts';
import { traitsFromWs, type TraitName } from '../shared/face/traits.ts';
import { wsFor } from './lib/faces.ts';

const [drawings = 60, rounds = 3] = process.argv.slice(2).map(Number);
const demo = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo');
const photos = [1, 2, 3, 4, 5, 6].map((n) => readFileSync(path.join(demo, `sample${n}.jpg`)));

let t = performance.now();
await encodeLikeness(photos[0]!, true);
console.log(`first encode (loads face-api, WASM backend, SSD and landmark nets): ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
for (let r = 0; r < rounds; r++) for (const p of photos) await encodeLikeness(p, true);
console.log(`encode, 1920 px group photos (decoded to 800 px), tryalign=true: ${((performance.now() - t) / (rounds * photos.length)).toFixed(0)} ms per photo over ${rounds * photos.length}`);

const truth: Partial<Record<TraitName, number[]>> = {}, found: Partial<Record<TraitName, number[]>> = {};
let read = 0;
for (let i = 0; i < drawings; i++) {
  const ws = wsFor(20_000 + i);
  const png = await sharp(Buffer.from(faceSvg(ws, { size: 400 }))).png().toBuffer();
  const out = await encodeLikeness(png, true);
  if (!out.didAlign) continue;
  read++;
  const a = traitsFromWs(ws), b = traitsFromWs(Float32Array.from(out.dlatent.flat()));
  for (const k of Object.keys(a) as TraitName[]) {
    (truth[k] ??= []).push(a[k]);
    (found[k] ??= []).push(b[k]);
  }
}
const rows = (Object.keys(truth) as TraitName[])
  .map((k) => [k, correlation(truth[k]!, found[k]!)] as const)
  .filter(([, r]) => r !== 0)
  .sort((x, y) => y[1] - x[1]);
console.log(`reading back ${read} of ${drawings} drawings (400 px PNG), correlation of recovered with true trait:`);
console.log(`  ${rows.map(([k, r]) => `${k} ${r.toFixed(2)}`).join(', ')}`);
