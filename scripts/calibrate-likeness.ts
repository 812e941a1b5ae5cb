/**
 * Calibrates the built-in model's photo encoder: draws random served faces, finds their landmarks
 * with face-api exactly as for photos, and fits each proportion as a linear function of the shape
 * traits. Writes gpu-fn/src/engine/likeness/calibration.json; run it again whenever the face
 * model's drawing changes (a test checks the model version).
 * Usage: node scripts/calibrate-likeness.ts [faces=400]
 */
import { writeFileSync } from 'node:fs';
import { FACE_MODEL, W_AVG, faceSvg, mapping } from '../shared/face/index.ts';
import { prng } from '../shared/face/mapping.ts';
import { traitsFromWs, type TraitName } from '../shared/face/traits.ts';
import { truncate } from '../shared/latent/truncate.ts';
import { rasterizeSvg } from '../gpu-fn/src/encode/image.ts';
import { findFace } from '../gpu-fn/src/vision/landmarks.ts';
import { FEATURE_NAMES, faceFeatures } from '../gpu-fn/src/engine/likeness/features.ts';
import { SHAPE_TRAITS } from '../gpu-fn/src/engine/likeness/index.ts';
import { shapeTraits, solveSpd, type Calibration } from '../gpu-fn/src/engine/likeness/invert.ts';

const faces = Number(process.argv[2] ?? 400);
const SIZE = 300;

function zFor(i: number): Float64Array {
  const rnd = prng(0x51ed270b ^ (i * 104729));
  const z = new Float64Array(FACE_MODEL.zDim);
  for (let k = 0; k < z.length; k += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rnd())), a = 2 * Math.PI * rnd();
    z[k] = r * Math.cos(a);
    z[k + 1] = r * Math.sin(a);
  }
  return z;
}

const rows: { t: number[]; f: number[] }[] = [];
for (let i = 0; i < faces; i++) {
  const ws = truncate(mapping(zFor(i)), W_AVG, FACE_MODEL.numWs, 0.7, 8);
  const found = await findFace(await rasterizeSvg(faceSvg(ws, { size: SIZE }), SIZE), true);
  if (!found.detected) continue;
  const traits = traitsFromWs(ws);
  rows.push({ t: SHAPE_TRAITS.map((n: TraitName) => traits[n]), f: faceFeatures(found.points) });
}

/** Least squares per feature on [1, traits], with a whisper of ridge for stability. */
function fit(sample: typeof rows): Pick<Calibration, 'intercept' | 'weights' | 'sigma' | 'spread'> {
  const m = SHAPE_TRAITS.length + 1;
  const xtx = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (__, j) => (i === j && i > 0 ? 1e-6 * sample.length : 0)));
  const design = sample.map((r) => [1, ...r.t]);
  for (const x of design) for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) xtx[i]![j]! += x[i]! * x[j]!;
  const intercept: number[] = [], weights: number[][] = [], sigma: number[] = [];
  FEATURE_NAMES.forEach((_, k) => {
    const xty = new Array<number>(m).fill(0);
    design.forEach((x, r) => x.forEach((v, i) => (xty[i]! += v * sample[r]!.f[k]!)));
    const beta = solveSpd(xtx, xty);
    let ss = 0;
    design.forEach((x, r) => (ss += (sample[r]!.f[k]! - x.reduce((s, v, i) => s + v * beta[i]!, 0)) ** 2));
    intercept.push(beta[0]!);
    weights.push(beta.slice(1));
    sigma.push(Math.sqrt(ss / Math.max(1, sample.length - m)));
  });
  const spread = SHAPE_TRAITS.map((_, j) => {
    const mean = sample.reduce((s, r) => s + r.t[j]!, 0) / sample.length;
    return Math.sqrt(sample.reduce((s, r) => s + (r.t[j]! - mean) ** 2, 0) / sample.length);
  });
  return { intercept, weights, sigma, spread };
}

function correlation(a: number[], b: number[]): number {
  const ma = a.reduce((s, v) => s + v, 0) / a.length, mb = b.reduce((s, v) => s + v, 0) / b.length;
  let ab = 0, aa = 0, bb = 0;
  a.forEach((v, i) => {
    ab += (v - ma) * (b[i]! - mb);
    aa += (v - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  });
  return aa && bb ? ab / Math.sqrt(aa * bb) : 0;
}

// How well each trait is read back, judged on faces the fit has not seen (the last fifth).
const cut = Math.floor(rows.length * 0.8);
const trial: Calibration = { model: '', faces: cut, features: [...FEATURE_NAMES], traits: [...SHAPE_TRAITS], recovery: SHAPE_TRAITS.map(() => 1), ...fit(rows.slice(0, cut)) };
const held = rows.slice(cut);
const guesses = held.map((r) => shapeTraits(trial, r.f));
const recovery = SHAPE_TRAITS.map((name, j) => correlation(held.map((r) => r.t[j]!), guesses.map((g) => g[name] ?? 0)));
const { intercept, weights, sigma, spread } = fit(rows);
const round = (v: number) => Number(v.toPrecision(6));
const cal: Calibration = {
  model: `${FACE_MODEL.id}@${FACE_MODEL.version}`,
  faces: rows.length,
  features: [...FEATURE_NAMES],
  traits: [...SHAPE_TRAITS],
  intercept: intercept.map(round),
  weights: weights.map((w) => w.map(round)),
  sigma: sigma.map(round),
  spread: spread.map(round),
  recovery: recovery.map((r) => round(r)),
};
writeFileSync(new URL('../gpu-fn/src/engine/likeness/calibration.json', import.meta.url), `${JSON.stringify(cal, null, 1)}\n`);
console.log(`calibrated on ${rows.length} of ${faces} faces; residual sigma per feature:`);
FEATURE_NAMES.forEach((n, k) => console.log(`  ${n.padEnd(10)} ${sigma[k]!.toFixed(4)}`));
console.log(`held-out recovery (correlation of read-back with true trait over ${held.length} faces):`);
console.log(`  ${SHAPE_TRAITS.map((n, j) => `${n} ${recovery[j]!.toFixed(2)}`).join(', ')}`);
