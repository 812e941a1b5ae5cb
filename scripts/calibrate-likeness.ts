/**
 * Calibrates the built-in model's photo encoder: draws random served faces, finds their landmarks
 * with face-api exactly as for photos, and fits each proportion as a linear function of the shape
 * traits (gpu-fn/src/engine/likeness/calibrate.ts). Writes gpu-fn/src/engine/likeness/calibration.json;
 * run it again whenever the face model's drawing changes (a test checks the model version).
 * Usage: node scripts/calibrate-likeness.ts [faces=600]
 */
import { writeFileSync } from 'node:fs';
import { FACE_MODEL, faceSvg } from '../shared/face/index.ts';
import { traitsFromWs } from '../shared/face/traits.ts';
import { wsFor } from '../bench/lib/faces.ts';
import { rasterizeSvg } from '../gpu-fn/src/encode/image.ts';
import { findFace } from '../gpu-fn/src/vision/landmarks.ts';
import { calibrate, type Sample } from '../gpu-fn/src/engine/likeness/calibrate.ts';
import { FEATURE_NAMES, SHAPE_TRAITS, faceFeatures } from '../gpu-fn/src/engine/likeness/features.ts';

const faces = Number(process.argv[2] ?? 600);
const SIZE = 300;
// Faces numbered apart from the benchmarks' and tests' own.
const FIRST = 50_000;

const samples: Sample[] = [];
for (let i = 0; i < faces; i++) {
  const ws = wsFor(FIRST + i);
  const found = await findFace(await rasterizeSvg(faceSvg(ws, { size: SIZE }), SIZE), true);
  if (!found.detected) continue;
  const traits = traitsFromWs(ws);
  samples.push({ t: SHAPE_TRAITS.map((n) => traits[n]), f: faceFeatures(found.points) });
}

const cal = calibrate(samples, `${FACE_MODEL.id}@${FACE_MODEL.version}`);
writeFileSync(new URL('../gpu-fn/src/engine/likeness/calibration.json', import.meta.url), `${JSON.stringify(cal, null, 1)}\n`);
console.log(`calibrated on ${samples.length} of ${faces} faces; residual sigma per feature:`);
FEATURE_NAMES.forEach((n, k) => console.log(`  ${n.padEnd(10)} ${cal.sigma[k]!.toFixed(4)}`));
console.log(`held-out recovery (correlation of read-back with true trait over the last fifth):`);
console.log(`  ${SHAPE_TRAITS.map((n, j) => `${n} ${cal.recovery[j]!.toFixed(2)}`).join(', ')}`);
