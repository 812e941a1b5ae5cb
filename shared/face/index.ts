/**
 * The built-in face model: a procedural face generator that behaves like a StyleGAN2 generator
 * (z -> mapping -> w (numWs x wDim) -> picture), drawn as SVG at any size. Pure and
 * deterministic: the same ws always give the same bytes.
 */
import type { Ctx } from './context.ts';
import { defs } from './defs.ts';
import { eyes, brows } from './eyes.ts';
import { facialHair, glasses } from './extras.ts';
import { backHair, frontHair } from './hair.ts';
import { background, ears, head, neck, shoulders } from './head.ts';
import { layoutFace } from './layout.ts';
import { mapping as mapZ, NUM_WS, W_AVG as AVG, W_DIM, Z_DIM } from './mapping.ts';
import { mouth, nose } from './mouth.ts';
import { paletteFor } from './palette.ts';
import { n } from './svg.ts';
import { traitsFromWs } from './traits.ts';

export const FACE_MODEL = { id: 'builtin-face', version: '1.3.0', zDim: Z_DIM, wDim: W_DIM, numWs: NUM_WS } as const;

/** The average face in w space (one w_dim vector, the same for every ws entry). */
export const W_AVG: Float32Array = AVG;

/** Mapping: z (zDim numbers) -> w broadcast to numWs entries (numWs x wDim, row-major), untruncated. */
export function mapping(z: ArrayLike<number>): Float32Array {
  return mapZ(z);
}

export interface FaceSvgOptions {
  /** Width and height in pixels. */
  size: number;
  /** Prefix for element ids, so many inline faces on one page never clash; derived from ws when omitted. */
  idPrefix?: string;
}

/** A short id prefix from a hash (FNV-1a) of ws, so different faces get different ids. */
export function idPrefixFor(ws: ArrayLike<number>): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < ws.length; i++) {
    const q = Math.round(Number(ws[i]) * 1e4) | 0;
    h = Math.imul(h ^ (q & 0xffff), 0x01000193);
    h = Math.imul(h ^ (q >>> 16), 0x01000193);
  }
  return `f${(h >>> 0).toString(36)}`;
}

/** Draws the face for ws (numWs x wDim) as a standalone SVG document. */
export function faceSvg(ws: ArrayLike<number>, opts: FaceSvgOptions): string {
  const raw = opts.idPrefix ?? idPrefixFor(ws);
  const id = /^[A-Za-z_]/.test(raw) ? raw.replace(/[^A-Za-z0-9_-]/g, '_') : `f${raw.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const t = traitsFromWs(ws);
  const L = layoutFace(t);
  const ctx: Ctx = { t, L, c: paletteFor(t), id };
  const s = Math.max(1, Math.round(opts.size));
  const headParts = [ears(ctx), head(ctx), nose(ctx), facialHair(ctx), mouth(ctx), eyes(ctx), brows(ctx), frontHair(ctx), glasses(ctx)].join('');
  const pivot = `${n(L.cx)} ${n(L.cy + L.hh * 1.2)}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 100 100"><defs>${defs(ctx)}</defs>` +
    `${background(ctx)}${shoulders(ctx)}<g transform="rotate(${n(L.roll)} ${pivot})">${backHair(ctx)}${neck(ctx)}${headParts}</g></svg>`;
}
