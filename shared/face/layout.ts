/**
 * Head geometry: where everything sits, from the traits. Positions are given on the head as
 * (u, v, depth): u across in half-widths, v down in half-heights (crown -1, eye line ~0,
 * chin ~1), depth toward the viewer; `at` projects them with the head's yaw and pitch, so a
 * turned head shows its features shifted and foreshortened like a photo in three-quarter view.
 */
import { clamp, type Pt } from './svg.ts';
import type { Traits } from './traits.ts';

export interface Layout {
  cx: number; cy: number; hw: number; hh: number;
  sinY: number; cosY: number; sinP: number; cosP: number; roll: number;
  eyeV: number; browV: number; noseV: number; mouthV: number; chinV: number; hairV: number;
  eyeU: number; cheekU: number; jawU: number; chinU: number;
  /** How much higher the right eye and brow sit than the left (faces are never quite symmetric). */
  asym: number;
  at(u: number, v: number, depth: number): Pt;
  /** Depth of the face surface at (u, v). */
  surface(u: number, v: number): number;
  /** Horizontal foreshortening of a feature at u (1 = seen head-on). */
  squeeze(u: number): number;
}

/** Lays out the head for a set of traits. */
export function layoutFace(t: Traits): Layout {
  const hh = 25.5 * (1 + t.scale * 0.05) * (1 + t.headH * 0.04);
  const hw = hh * (0.72 + t.headW * 0.15);
  const yaw = t.yaw * 0.3, pitch = t.pitch * (t.pitch > 0 ? 0.08 : 0.16);
  const sinY = Math.sin(yaw), cosY = Math.cos(yaw), sinP = Math.sin(pitch), cosP = Math.cos(pitch);
  const D = hw * 0.95;
  const cx = 50 + t.headX * 2.5 - sinY * D * 0.35;
  const cy = 44 + t.pitch * 1.2;
  const eyeV = 0.0 + t.eyeY * 0.14;
  const browV = eyeV - (0.2 + t.browH * 0.19);
  const noseV = eyeV + 0.39 + t.noseLen * 0.23;
  const chinV = 1 + t.jawDrop * 0.2;
  const mouthV = noseV + (chinV - noseV) * (0.37 + t.mouthY * 0.2);
  const hairV = -0.56 - t.forehead * 0.12;
  const surface = (u: number, v: number): number => Math.sqrt(clamp(1 - u * u * 0.8 - v * v * 0.3, 0.04, 1)) * 0.95;
  const at = (u: number, v: number, depth: number): Pt => [
    cx + hw * u * cosY + D * depth * sinY,
    cy + hh * v * cosP + D * depth * sinP,
  ];
  const squeeze = (u: number): number => {
    const d = surface(u, 0);
    return clamp(cosY - ((u * 0.8) / d) * sinY * 0.9, 0.45, 1.25);
  };
  return {
    cx, cy, hw, hh, sinY, cosY, sinP, cosP, roll: t.roll * 5,
    eyeV, browV, noseV, mouthV, chinV, hairV,
    // Wider range toward close-set eyes only: very wide-set eyes cost detections.
    eyeU: 0.45 + t.eyeSep * (t.eyeSep < 0 ? 0.17 : 0.15),
    cheekU: 1 + t.cheek * 0.06,
    jawU: 0.74 + t.jaw * 0.22,
    chinU: 0.3 + t.chin * 0.15,
    asym: t.asym * 0.035,
    at, surface, squeeze,
  };
}
