/**
 * Reading traits out of w. Each trait is one w coordinate of one ws entry, measured from the
 * average face and squashed with tanh, so it is a smooth function of w bounded to (-1, 1).
 * Like StyleGAN's style layers: entries 0-3 drive head shape and pose, 4-7 the features and
 * hair style, 8-17 colours and details (truncation touches only 0-7, as with StyleGAN2).
 */
import { W_AVG, W_DIM } from './mapping.ts';

const COARSE = [
  'headW', 'headH', 'jaw', 'chin', 'cheek', 'yaw', 'pitch', 'roll', 'forehead', 'scale', 'neck', 'jawDrop', 'headX', 'cheekV', 'jawAngle',
] as const;
const MIDDLE = [
  'eyeSep', 'eyeY', 'eyeW', 'eyeOpen', 'eyeTilt', 'lidFold', 'browH', 'browThick', 'browArch', 'browTilt', 'browLen',
  'noseLen', 'noseW', 'noseBridge', 'noseTip', 'mouthW', 'lipUpper', 'lipLower', 'smile', 'mouthOpen', 'mouthY',
  'earSize', 'hairLen', 'hairVol', 'hairPart', 'fringe', 'bald', 'beard', 'moustache', 'stubble', 'glasses',
  'glassShape', 'age', 'gaze', 'philtrum', 'cheekFat', 'folds', 'bags', 'asym', 'deepSet', 'puff', 'sweep',
  'eyeShape', 'noseShape', 'browGap', 'browAngle', 'crease', 'browTaper', 'cheekShape',
] as const;
const FINE = [
  'skin', 'undertone', 'hairTone', 'hairRed', 'iris', 'bgHue', 'bgLight', 'freckles', 'lipTint', 'blush',
  'shirtHue', 'shirtLight', 'frameTone', 'grey', 'bgHue2', 'browTone', 'lashes', 'makeup', 'lightDir',
] as const;

export type TraitName = (typeof COARSE)[number] | (typeof MIDDLE)[number] | (typeof FINE)[number];
export type Traits = Record<TraitName, number>;

interface Slot { name: TraitName; layer: number; col: number; gain: number }

// Coarse and middle traits are tuned for truncated w (psi 0.7 shrinks them), hence the larger gain.
const SLOTS: Slot[] = [
  ...COARSE.map((name, i) => ({ name, layer: i % 4, col: i, gain: 1.3 })),
  ...MIDDLE.map((name, i) => ({ name, layer: 4 + (i % 4), col: 64 + i, gain: 1.3 })),
  ...FINE.map((name, i) => ({ name, layer: 8 + (i % 10), col: 160 + i, gain: 1.0 })),
];

/** All trait names, in w coordinate order. */
export const TRAIT_NAMES: readonly TraitName[] = SLOTS.map((s) => s.name);

/** Sets one trait of ws (in place) to a value in (-1, 1), e.g. to explore or to pin a trait. */
export function setTrait(ws: Float32Array, name: TraitName, value: number): void {
  const s = SLOTS.find((x) => x.name === name)!;
  const v = Math.max(-0.999, Math.min(0.999, value));
  ws[s.layer * W_DIM + s.col] = W_AVG[s.col]! + Math.atanh(v) / s.gain;
}

/** The traits of a face, each in (-1, 1); 0 is the average face. */
export function traitsFromWs(ws: ArrayLike<number>): Traits {
  const t = {} as Traits;
  for (const s of SLOTS) {
    const raw = Number(ws[s.layer * W_DIM + s.col] ?? 0) - W_AVG[s.col]!;
    t[s.name] = Math.tanh((Number.isFinite(raw) ? raw : 0) * s.gain);
  }
  return t;
}
