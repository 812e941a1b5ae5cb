/**
 * From measurements back to the built-in model's traits.
 * Proportions: the calibration (calibrate.ts) gives, for each feature, a linear fit over the shape
 * traits measured on drawn faces; the traits are the most probable ones given the photo's features
 * under that fit, with each trait's spread among served faces as the prior (a ridge solution).
 * Colours: each colour trait is searched on a grid through the model's own palette, so the drawn
 * skin, hair, lips and background come as close as the model can draw them.
 */
import { paletteFor, type Palette } from '../../../../shared/face/palette.ts';
import { clamp } from '../../../../shared/face/svg.ts';
import type { TraitName, Traits } from '../../../../shared/face/traits.ts';
import { TRAIT_NAMES } from '../../../../shared/face/traits.ts';
import type { FaceColours, Rgb } from './colours.ts';

export interface Calibration {
  /** id@version of the face model it was measured on. */
  model: string;
  faces: number;
  features: string[];
  traits: TraitName[];
  /** Per feature: intercept, and weight per trait. */
  intercept: number[];
  weights: number[][];
  /** Per feature: residual standard deviation of the fit. */
  sigma: number[];
  /** Per trait: standard deviation among served faces. */
  spread: number[];
  /** Per trait: correlation of read-back and true values on faces the fit had not seen. */
  recovery: number[];
}

/** Traits read back less surely than this stay average rather than add noise. */
const MIN_RECOVERY = 0.35;

/** Solves A x = b for a small symmetric positive definite A (Cholesky). */
export function solveSpd(a: number[][], b: number[]): number[] {
  const n = b.length;
  const l = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j]![j]!;
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * y[k]!;
    y[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k]![i]! * x[k]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

const LIMIT = 0.95;
const clampTrait = (v: number) => clamp(v, -LIMIT, LIMIT);

/** The most probable shape traits for measured features. */
export function shapeTraits(cal: Calibration, features: readonly number[]): Partial<Record<TraitName, number>> {
  const m = cal.traits.length;
  const ata = cal.traits.map((_, i) => cal.traits.map((__, j) => (i === j ? 1 / cal.spread[i]! ** 2 : 0)));
  const atb = new Array<number>(m).fill(0);
  cal.features.forEach((_, k) => {
    const w = cal.weights[k]!, inv = 1 / cal.sigma[k]! ** 2;
    const r = features[k]! - cal.intercept[k]!;
    for (let i = 0; i < m; i++) {
      atb[i]! += w[i]! * r * inv;
      for (let j = 0; j < m; j++) ata[i]![j]! += w[i]! * w[j]! * inv;
    }
  });
  const t = solveSpd(ata, atb);
  return Object.fromEntries(cal.traits.flatMap((name, i) => (cal.recovery[i]! >= MIN_RECOVERY ? [[name, clampTrait(t[i]!)]] : [])));
}

const GRID = Array.from({ length: 39 }, (_, i) => -0.95 + i * 0.05);
const dist2 = (a: readonly number[], b: readonly number[]) => (a[0]! - b[0]!) ** 2 + (a[1]! - b[1]!) ** 2 + (a[2]! - b[2]!) ** 2;
const luma = (c: Rgb) => 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];

/** Searches the named traits, in turn, for the value whose palette colour is closest. */
function fit(t: Traits, names: readonly TraitName[], colourOf: (t: Traits) => readonly number[], target: Rgb): void {
  for (let round = 0; round < 2; round++) {
    for (const name of names) {
      let best = t[name], bestD = Infinity;
      for (const v of GRID) {
        t[name] = v;
        const d = dist2(colourOf(t), target);
        if (d < bestD) [best, bestD] = [v, d];
      }
      t[name] = best;
    }
  }
}

/** 0..1: how far `x` has moved from `from` toward `to`. */
function toward(x: Rgb, from: Rgb, to: Rgb): number {
  const a = Math.sqrt(dist2(x, from)), b = Math.sqrt(dist2(x, to));
  return a + b === 0 ? 0 : a / (a + b);
}

/** Which traits are searched for which sampled colour, in this order (skin first: the rest depend on it). */
const COLOUR_FITS: readonly { traits: readonly TraitName[]; drawn: Exclude<keyof Palette, 'light'>; sampled: keyof FaceColours }[] = [
  { traits: ['skin', 'undertone'], drawn: 'skin', sampled: 'skin' },
  { traits: ['hairTone', 'hairRed'], drawn: 'hair', sampled: 'hair' },
  { traits: ['lipTint'], drawn: 'lip', sampled: 'lip' },
  { traits: ['iris'], drawn: 'iris', sampled: 'iris' },
  { traits: ['bgHue', 'bgLight', 'bgHue2'], drawn: 'bg', sampled: 'background' },
];

/** Colour and hair traits from sampled colours, on top of the given (shape) traits. */
export function colourTraits(base: Partial<Record<TraitName, number>>, c: FaceColours): Partial<Record<TraitName, number>> {
  const t = Object.fromEntries(TRAIT_NAMES.map((n) => [n, base[n] ?? 0])) as Traits;
  for (const { traits, drawn, sampled } of COLOUR_FITS) fit(t, traits, (x) => paletteFor(x)[drawn], c[sampled]);
  // A beard: the chin darker than the cheeks. (The same test above the lip misread the shadow
  // under the nose as a moustache, so moustaches stay average.)
  const skinY = Math.max(1, luma(c.skin));
  const darker = (x: Rgb) => Math.max(0, (skinY - luma(x)) / skinY);
  t.beard = -0.3 + 1.2 * clamp((darker(c.chin) - 0.12) / 0.25, 0, 1);
  // Long hair shows beside the jaw in the hair's colour rather than the background's.
  t.hairLen = -0.6 + 1.7 * toward(c.besideJaw, c.background, c.hair);
  const out: Partial<Record<TraitName, number>> = { ...base };
  for (const n of [...COLOUR_FITS.flatMap((f) => f.traits), 'beard', 'hairLen'] as const) out[n] = clampTrait(t[n]);
  return out;
}
