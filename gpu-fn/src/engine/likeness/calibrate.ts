/**
 * Fitting the calibration: each proportion as a linear function of the shape traits, measured on
 * the model's own drawings, plus how well each trait is then read back on drawings the fit has
 * not seen. scripts/calibrate-likeness.ts draws the faces and writes calibration.json.
 */
import { solveSpd, shapeTraits, type Calibration } from './invert.ts';
import { FEATURE_NAMES, SHAPE_TRAITS } from './features.ts';

/** One drawn face: its true shape traits (SHAPE_TRAITS order) and measured features (FEATURE_NAMES order). */
export interface Sample {
  t: number[];
  f: number[];
}

/** Least squares per feature on [1, traits], with a whisper of ridge for stability. */
function fit(sample: readonly Sample[]): Pick<Calibration, 'intercept' | 'weights' | 'sigma' | 'spread'> {
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

/** Pearson correlation of two equally long series (0 when either is constant). */
export function correlation(a: readonly number[], b: readonly number[]): number {
  const ma = a.reduce((s, v) => s + v, 0) / a.length, mb = b.reduce((s, v) => s + v, 0) / b.length;
  let ab = 0, aa = 0, bb = 0;
  a.forEach((v, i) => {
    ab += (v - ma) * (b[i]! - mb);
    aa += (v - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  });
  return aa && bb ? ab / Math.sqrt(aa * bb) : 0;
}

/** The calibration for `model` from drawn samples; the last fifth also judges read-back. */
export function calibrate(samples: readonly Sample[], model: string): Calibration {
  const cut = Math.floor(samples.length * 0.8);
  const base = { features: [...FEATURE_NAMES], traits: [...SHAPE_TRAITS] };
  const trial: Calibration = { model, faces: cut, ...base, recovery: SHAPE_TRAITS.map(() => 1), ...fit(samples.slice(0, cut)) };
  const held = samples.slice(cut);
  const guesses = held.map((r) => shapeTraits(trial, r.f));
  const recovery = SHAPE_TRAITS.map((name, j) => correlation(held.map((r) => r.t[j]!), guesses.map((g) => g[name] ?? 0)));
  const round = (v: number) => Number(v.toPrecision(6));
  const all = fit(samples);
  return {
    model,
    faces: samples.length,
    ...base,
    intercept: all.intercept.map(round),
    weights: all.weights.map((w) => w.map(round)),
    sigma: all.sigma.map(round),
    spread: all.spread.map(round),
    recovery: recovery.map(round),
  };
}
