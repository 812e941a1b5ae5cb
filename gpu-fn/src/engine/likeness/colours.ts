/**
 * The colours of a face in a photo, sampled in small patches placed by the landmarks: skin from
 * the cheeks, lips, irises, hair above the forehead, the chin (for beards), and the background
 * beside the head and jaw. Medians per channel, so a stray highlight or strand of hair does not count.
 */
import type { Rgb8 } from '../types.ts';
import type { Point } from '../../vision/landmarks.ts';
import { faceFrame, meanOf, range } from './frame.ts';

export type Rgb = [number, number, number];

export interface FaceColours {
  skin: Rgb;
  lip: Rgb;
  iris: Rgb;
  hair: Rgb;
  /** Below the mouth and on the chin, where a beard grows. */
  chin: Rgb;
  background: Rgb;
  /** Beside the jaw, left and right: hair when it is long, background when it is short. */
  besideJaw: Rgb;
}

/** A percentile (default the median) per channel of the pixels within `radius` pixels of a point (clipped to the image). */
export function patch(img: Rgb8, [x, y]: Point, radius: number, percentile = 0.5): Rgb {
  const r = Math.max(1, Math.round(radius));
  const cx = Math.round(x), cy = Math.round(y);
  const channels: number[][] = [[], [], []];
  for (let j = Math.max(0, cy - r); j <= Math.min(img.height - 1, cy + r); j++) {
    for (let i = Math.max(0, cx - r); i <= Math.min(img.width - 1, cx + r); i++) {
      const o = (j * img.width + i) * 3;
      for (let c = 0; c < 3; c++) channels[c]!.push(img.data[o + c]!);
    }
  }
  if (channels[0]!.length === 0) return [128, 128, 128];
  return channels.map((v) => {
    v.sort((a, b) => a - b);
    return v[Math.min(v.length - 1, Math.floor(v.length * percentile))]!;
  }) as Rgb;
}

const lerpPoint = (a: Point, b: Point, k: number): Point => [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k];

function average(colours: Rgb[]): Rgb {
  const s = [0, 0, 0];
  for (const c of colours) for (let k = 0; k < 3; k++) s[k]! += c[k]!;
  return s.map((v) => v / colours.length) as Rgb;
}

/** Samples the face's colours; the patch size scales with the face. */
export function faceColours(img: Rgb8, points: readonly Point[]): FaceColours {
  const f = faceFrame(points);
  const at = (i: number) => f.p[i]!;
  const sample = (u: number, v: number, size: number, percentile?: number) => patch(img, f.toImage(u, v), size * f.iod, percentile);
  const between = (i: number, j: number, t = 0.5): Point => lerpPoint(at(i), at(j), t);
  // Above the median: indoor photos shade the cheeks, while the model's skin colour is its lit tone.
  const cheeks = [between(31, 2, 0.45), between(35, 14, 0.45)].map(([u, v]) => sample(u, v, 0.1, 0.7));
  const eyes = [meanOf(f.p, range(36, 41)), meanOf(f.p, range(42, 47))];
  const browTop = Math.min(at(19)[1], at(24)[1]);
  const chinBottom = at(8)[1];
  const faceHalf = (at(16)[0] - at(0)[0]) / 2;
  return {
    skin: average(cheeks),
    lip: sample(...between(57, 66), 0.05),
    iris: average(eyes.map(([u, v]) => sample(u, v, 0.04))),
    // Well above the brows: the hairline on most heads, the forehead on a bald one.
    hair: sample(0, browTop - 0.95 * (chinBottom - browTop) * 0.55, 0.12),
    chin: sample(...between(57, 8, 0.55), 0.08),
    background: average([sample(-faceHalf * 2.1, browTop, 0.15), sample(faceHalf * 2.1, browTop, 0.15)]),
    besideJaw: average([sample(-faceHalf * 1.3, chinBottom * 0.75, 0.1), sample(faceHalf * 1.3, chinBottom * 0.75, 0.1)]),
  };
}
