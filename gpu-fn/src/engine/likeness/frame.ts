/**
 * A face's own frame: turned so the eyes are level, centred between them and measured in units of
 * the distance between the eye centres, so proportions do not depend on where the face is, how
 * large it is or how the head is rolled. y grows downwards, as in images.
 */
import type { Point } from '../../vision/landmarks.ts';

export interface FaceFrame {
  /** The landmarks in the face's frame. */
  p: Point[];
  /** Roll of the eye line, radians (positive: the right eye lower in the picture). */
  roll: number;
  /** Distance between the eye centres in image pixels. */
  iod: number;
  /** A point of the face's frame in image pixels. */
  toImage(u: number, v: number): Point;
}

export const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

export function meanOf(pts: readonly Point[], idx: readonly number[]): Point {
  let x = 0, y = 0;
  for (const i of idx) {
    x += pts[i]![0];
    y += pts[i]![1];
  }
  return [x / idx.length, y / idx.length];
}

export function faceFrame(points: readonly Point[]): FaceFrame {
  if (points.length !== 68) throw new Error(`expected 68 landmarks, got ${points.length}`);
  const eyeL = meanOf(points, range(36, 41));
  const eyeR = meanOf(points, range(42, 47));
  const dx = eyeR[0] - eyeL[0], dy = eyeR[1] - eyeL[1];
  const iod = Math.hypot(dx, dy) || 1;
  const roll = Math.atan2(dy, dx);
  const cos = Math.cos(roll), sin = Math.sin(roll);
  const mx = (eyeL[0] + eyeR[0]) / 2, my = (eyeL[1] + eyeR[1]) / 2;
  const p = points.map(([x, y]): Point => {
    const u = x - mx, v = y - my;
    return [(u * cos + v * sin) / iod, (-u * sin + v * cos) / iod];
  });
  return { p, roll, iod, toImage: (u, v) => [mx + (u * cos - v * sin) * iod, my + (u * sin + v * cos) * iod] };
}
