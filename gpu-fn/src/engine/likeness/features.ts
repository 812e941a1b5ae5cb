/**
 * Face proportions from 68 landmarks, measured in the face's own frame (see frame.ts), so they
 * describe the face rather than the photo.
 */
import type { Point } from '../../vision/landmarks.ts';
import type { TraitName } from '../../../../shared/face/traits.ts';
import { faceFrame, meanOf, range } from './frame.ts';

export const FEATURE_NAMES = [
  'roll', 'turn', 'faceW', 'jawW', 'chinDrop', 'noseLen', 'noseW', 'mouthW', 'mouthY',
  'browH', 'browArch', 'eyeW', 'eyeOpen', 'lips', 'smile', 'mouthOpen', 'eyeTilt', 'browGap',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** The traits the proportions are fitted on (the geometry of head and inner face). */
export const SHAPE_TRAITS: readonly TraitName[] = [
  'headW', 'headH', 'jaw', 'chin', 'cheek', 'yaw', 'pitch', 'roll', 'forehead', 'jawDrop', 'cheekV', 'jawAngle',
  'eyeSep', 'eyeY', 'eyeW', 'eyeOpen', 'eyeTilt', 'browH', 'browArch', 'browTilt',
  'noseLen', 'noseW', 'mouthW', 'lipUpper', 'lipLower', 'smile', 'mouthOpen', 'mouthY',
  'eyeShape', 'noseShape', 'browGap', 'browAngle', 'browTaper', 'cheekShape',
];


/** The proportions of one face, in FEATURE_NAMES order. */
export function faceFeatures(points: readonly Point[]): number[] {
  const { p, roll } = faceFrame(points);
  const at = (i: number) => p[i]!;
  const dist = (i: number, j: number) => Math.hypot(at(i)[0] - at(j)[0], at(i)[1] - at(j)[1]);
  const browL = meanOf(p, range(17, 21)), browR = meanOf(p, range(22, 26));
  const lipTop = at(51), lipBottom = at(57);
  const eyeW = (dist(36, 39) + dist(42, 45)) / 2;
  const eyeH = (dist(37, 41) + dist(38, 40) + dist(43, 47) + dist(44, 46)) / 4;
  // Head turn: where the nose sits between the two sides of the jaw (0 = centred).
  const left = at(30)[0] - at(0)[0], right = at(16)[0] - at(30)[0];
  const features: Record<FeatureName, number> = {
    roll,
    turn: (right - left) / (right + left || 1),
    faceW: dist(0, 16),
    jawW: dist(4, 12),
    chinDrop: at(8)[1],
    noseLen: at(33)[1],
    noseW: dist(31, 35),
    mouthW: dist(48, 54),
    mouthY: (lipTop[1] + lipBottom[1]) / 2 - at(33)[1],
    browH: -(browL[1] + browR[1]) / 2,
    browArch: (at(19)[1] + at(24)[1]) / 2 - (browL[1] + browR[1]) / 2,
    eyeW,
    eyeOpen: eyeH / (eyeW || 1),
    lips: lipBottom[1] - lipTop[1],
    smile: (lipTop[1] + lipBottom[1]) / 2 - (at(48)[1] + at(54)[1]) / 2,
    mouthOpen: at(66)[1] - at(62)[1],
    // Outer eye corners above the inner ones read as upturned eyes.
    eyeTilt: ((at(39)[1] - at(36)[1]) + (at(42)[1] - at(45)[1])) / 2,
    browGap: dist(21, 22),
  };
  return FEATURE_NAMES.map((n) => features[n]);
}
