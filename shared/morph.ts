/**
 * Morph schedules exactly as the original CheckFace computed them, and the render plan that
 * lets a morph of n frames render each distinct frame once.
 *
 * `vals[i]` runs from 1 (the `from` face) down; frame i shows lerp(from, to, 1 - vals[i]).
 */
import { sinCorrectlyRounded } from './morph-sin.ts';

/** Which schedule a morph uses: `linear` (from -> to) or `trig` (from -> to -> back, a loop). */
export type MorphKind = 'linear' | 'trig';

/** numpy's `linspace(start, stop, n)` (endpoint included), bit for bit. */
export function linspace(start: number, stop: number, n: number): number[] {
  if (n <= 0) return [];
  if (n === 1) return [start];
  // numpy: step = delta / div; y = i * step + start; then the last value is set to stop exactly.
  const step = (stop - start) / (n - 1);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = i * step + start;
  out[n - 1] = stop;
  return out;
}

/** The linear schedule: numpy `linspace(1, 0, n)`. */
export function linearSchedule(n: number): number[] {
  return linspace(1, 0, n);
}

/**
 * The trig schedule, (cos(t_i) + 1) / 2 with t_i = 2*pi*i/n, i = 0..n-1, computed the way the
 * original did: t from numpy `linspace(0, 2*pi, n, endpoint=False)` (i.e. i * (2*pi/n)) and
 * cos(t) as sin(t + pi/2), with glibc 2.27's correctly rounded sin. That differs from
 * cos(2*pi*i/n) in the last bits, so we follow the original's arithmetic bit for bit.
 */
export function trigSchedule(n: number): number[] {
  return Array.from({ length: n }, (_, i) => trigValue(n, i));
}

/** Value i of the trig schedule of n frames, alone (what one morph frame needs). */
export function trigValue(n: number, i: number): number {
  return (sinCorrectlyRounded(i * ((2 * Math.PI) / n) + Math.PI / 2) + 1) * 0.5;
}

/** The schedule of a morph of `n` frames. */
export function morphSchedule(kind: MorphKind, n: number): number[] {
  return kind === 'linear' ? linearSchedule(n) : trigSchedule(n);
}

/** Interpolation amounts p_i = 1 - vals[i]: 0 is the `from` face, 1 the `to` face. */
export function morphProgress(vals: readonly number[]): number[] {
  return vals.map((v) => 1 - v);
}

/** Which distinct frames to render for a morph and which render each output frame shows. */
export interface MorphPlan {
  kind: MorphKind;
  numFrames: number;
  /** Interpolation amount p of each render, all different. */
  renders: number[];
  /** For each output frame 0..numFrames-1, the index into `renders` it shows. */
  frameToRender: number[];
}

/**
 * Plans a morph: trig with even n mirrors frame i > n/2 onto frame n - i (as the original did,
 * since sin's rounding makes the two values differ in the last bit), then frames with equal p
 * share one render. Trig with even n therefore needs n/2 + 1 renders.
 */
export function planMorph(kind: MorphKind, numFrames: number): MorphPlan {
  const p = morphProgress(morphSchedule(kind, numFrames));
  const mirror = kind === 'trig' && numFrames % 2 === 0;
  const renders: number[] = [];
  const byValue = new Map<number, number>();
  const frameToRender = new Array<number>(numFrames);
  for (let i = 0; i < numFrames; i++) {
    const source = mirror && i > numFrames / 2 ? numFrames - i : i;
    const value = p[source]!;
    let r = byValue.get(value);
    if (r === undefined) {
      r = renders.length;
      renders.push(value);
      byValue.set(value, r);
    }
    frameToRender[i] = r;
  }
  return { kind, numFrames, renders, frameToRender };
}

/** One frame's p, the same value `planMorph` renders for it (so /api/morphframe/ matches the animations). */
export function frameProgress(kind: MorphKind, numFrames: number, frameNum: number): number {
  if (!Number.isInteger(frameNum) || frameNum < 0 || frameNum >= numFrames) {
    throw new RangeError(`frame ${frameNum} is outside 0..${numFrames - 1}`);
  }
  if (kind === 'linear') return 1 - linspace(1, 0, numFrames)[frameNum]!;
  const source = numFrames % 2 === 0 && frameNum > numFrames / 2 ? numFrames - frameNum : frameNum;
  return 1 - trigValue(numFrames, source);
}
