/**
 * The built-in face model: a procedural face generator that behaves like a StyleGAN2 generator
 * (z -> mapping -> w (numWs x wDim) -> picture), drawn as SVG at any size.
 * PLACEHOLDER: a stand-in until the real model lands; the interface is final.
 */

export const FACE_MODEL = { id: 'builtin-face', version: '0', zDim: 512, wDim: 512, numWs: 18 } as const;

/** The average face in w space (one w_dim vector, the same for every ws entry). */
export const W_AVG: Float32Array = new Float32Array(FACE_MODEL.wDim);

/** Mapping: z (zDim numbers) -> w broadcast to numWs entries (numWs x wDim, row-major), untruncated. */
export function mapping(z: ArrayLike<number>): Float32Array {
  const w = new Float32Array(FACE_MODEL.numWs * FACE_MODEL.wDim);
  for (let i = 0; i < FACE_MODEL.numWs; i++) for (let j = 0; j < FACE_MODEL.wDim; j++) w[i * FACE_MODEL.wDim + j] = Math.tanh(Number(z[j] ?? 0));
  return w;
}

export interface FaceSvgOptions {
  /** Width and height in pixels. */
  size: number;
  /** Prefix for element ids, so many inline faces on one page never clash; derived from ws when omitted. */
  idPrefix?: string;
}

/** Draws the face for ws (numWs x wDim) as a standalone SVG document. */
export function faceSvg(ws: ArrayLike<number>, opts: FaceSvgOptions): string {
  const hue = Math.round(((Number(ws[0] ?? 0) + 1) / 2) * 360);
  const s = opts.size;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 100 100"><rect width="100" height="100" fill="hsl(${hue},40%,80%)"/><ellipse cx="50" cy="52" rx="28" ry="36" fill="#e0b090"/></svg>`;
}
