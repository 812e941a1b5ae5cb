/** Latent arithmetic shared by every model: truncation toward the average and interpolation. */

/** The spec's truncation: psi 0.7 on the first 8 ws. */
export const SPEC_TRUNCATION = { psi: 0.7, cutoff: 8 } as const;

/**
 * Truncation in w space, in place: w' = w_avg + (w - w_avg) * psi for the first `cutoff` of
 * `numWs` entries (StyleGAN2's truncation trick). `ws` is batch x numWs x wDim, `wAvg` wDim long.
 * Computed in float32 like torch's lerp so results match NVIDIA's reference outputs.
 */
export function truncate(ws: Float32Array, wAvg: Float32Array, numWs: number, psi: number, cutoff: number): Float32Array {
  const wDim = wAvg.length;
  const batch = ws.length / (numWs * wDim);
  const p = Math.fround(psi);
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < Math.min(cutoff, numWs); i++) {
      const o = (b * numWs + i) * wDim;
      for (let j = 0; j < wDim; j++) {
        const a = wAvg[j]!;
        ws[o + j] = Math.fround(a + Math.fround(p * Math.fround(ws[o + j]! - a)));
      }
    }
  }
  return ws;
}

/** Linear interpolation a + (b - a) * t, element-wise, in float64. */
export function lerp(a: ArrayLike<number>, b: ArrayLike<number>, t: number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! + (b[i]! - a[i]!) * t;
  return out;
}
